package org.advsharp.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advsharp.check.Check;

/**
 * Consistency between the claims of proofs/ and the suite's checks: every claim has evidence, every
 * check is evidence for a declared claim, check ids are unique (they key seeds and reports), and every
 * claim a {@code Uses:} line names exists, with no circle (see {@link ClaimUses}).
 */
public final class ClaimConsistency {

    private ClaimConsistency() {
    }

    /**
     * Every inconsistency, one sentence each, in this order: duplicate check ids, checks without a
     * valid id or claim id, checks naming an unknown claim, claims with no check (in registry order),
     * uses of unknown claims and circles of uses.
     * An empty list means consistent.
     */
    public static List<String> problems(ClaimRegistry registry, Collection<? extends Check> checks) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is null");
        }
        if (checks == null) {
            throw new IllegalArgumentException("checks are null");
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> claimsByCheckId = new LinkedHashMap<>();
        Set<String> claimsWithCheck = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        int index = 0;
        for (Check check : checks) {
            if (check == null || check.id() == null || check.id().isBlank()) {
                malformed.add("check number " + index + " in the list has no id");
            } else if (check.claimId() == null || check.claimId().isBlank()) {
                malformed.add("check '" + check.id() + "' names no claim");
            } else {
                claimsByCheckId.computeIfAbsent(check.id(), k -> new ArrayList<>()).add(check.claimId());
                if (registry.find(check.claimId()).isPresent()) {
                    claimsWithCheck.add(check.claimId());
                } else {
                    unknown.add("check '" + check.id() + "' names unknown claim '" + check.claimId() + "'");
                }
            }
            index++;
        }
        claimsByCheckId.forEach((id, claims) -> {
            if (claims.size() > 1) {
                problems.add("check id '" + id + "' is used by " + claims.size() + " checks (claims "
                        + String.join(", ", claims) + ")");
            }
        });
        problems.addAll(malformed);
        problems.addAll(unknown);
        for (Claim claim : registry.claims()) {
            if (!claimsWithCheck.contains(claim.id())) {
                problems.add("claim '" + claim.id() + "' (" + claim.source() + ") has no check");
            }
        }
        problems.addAll(ClaimUses.problems(registry.claims()));
        return problems;
    }
}
