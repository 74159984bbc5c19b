package org.advsharp.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "uses" relation between claims (each claim's {@code Uses:} line): which claims a proof stands on.
 * A used claim must exist, and no claim may rest on itself through others.
 */
public final class ClaimUses {
    private ClaimUses() {
    }

    /**
     * Every problem, one sentence each: uses of unknown claims (in claim order), then each circle once,
     * as "a -> b -> a". Empty when the relation is sound.
     */
    public static List<String> problems(List<Claim> claims) {
        Map<String, Claim> byId = new LinkedHashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        List<String> problems = new ArrayList<>();
        for (Claim c : claims) {
            for (String used : c.uses()) {
                if (!byId.containsKey(used)) {
                    problems.add("claim '" + c.id() + "' (" + c.source() + ") uses unknown claim '" + used + "'");
                }
            }
        }
        Map<String, Integer> state = new HashMap<>();
        for (Claim c : claims) {
            circles(c.id(), byId, state, new ArrayList<>(), problems);
        }
        return problems;
    }

    /**
     * Each claim's depth: 0 for a claim that uses none, else one more than the deepest claim it uses.
     * Unknown uses are ignored.
     *
     * @throws IllegalArgumentException when the uses form a circle
     */
    public static Map<String, Integer> depths(List<Claim> claims) {
        Map<String, Claim> byId = new LinkedHashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (Claim c : claims) {
            depth(c.id(), byId, depth, new ArrayList<>());
        }
        return depth;
    }

    private static int depth(String id, Map<String, Claim> byId, Map<String, Integer> depth, List<String> path) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        if (path.contains(id)) {
            throw new IllegalArgumentException("claims use each other in a circle: " + String.join(" -> ", path)
                    + " -> " + id);
        }
        path.add(id);
        int d = 0;
        for (String used : byId.get(id).uses()) {
            if (byId.containsKey(used)) {
                d = Math.max(d, 1 + depth(used, byId, depth, path));
            }
        }
        path.remove(path.size() - 1);
        depth.put(id, d);
        return d;
    }

    /** Depth-first search; state 1 = on the current path, 2 = done. */
    private static void circles(String id, Map<String, Claim> byId, Map<String, Integer> state, List<String> path,
                                List<String> problems) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> circle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            circle.add(id);
            problems.add("claims use each other in a circle: " + String.join(" -> ", circle));
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String used : byId.get(id).uses()) {
            if (byId.containsKey(used)) {
                circles(used, byId, state, path, problems);
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }
}
