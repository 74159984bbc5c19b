package org.advsharp.claims;

import java.util.List;

/**
 * One claim as declared in proofs/: the only place its text is typed.
 *
 * @param id              stable id such as "prop:decomposition" (prefix lem, prop, thm, rem, conj, exp, inst)
 * @param title           short title from the section heading
 * @param kind            how its verdict is computed
 * @param paperClaims     which headline claims of the paper (P1-P4) it makes precise; empty for instruments
 * @param expectedVerdict the verdict the suite expects; any other computed verdict is a failure
 * @param statement       the precise statement (Markdown with TeX between $ signs)
 * @param assumptions     the assumptions (Markdown)
 * @param proof           the proof, or for counterexample claims the argument why it can fail, or for
 *                        conjectures and empirical claims the evidence and status (Markdown)
 * @param source          the proofs/ file it was read from, e.g. "proofs/hessian.md"
 * @param uses            the ids of the claims its proof or argument relies on (its {@code Uses:} line;
 *                        empty for none)
 */
public record Claim(String id, String title, ClaimKind kind, List<String> paperClaims, Verdict expectedVerdict,
                    String statement, String assumptions, String proof, String source, List<String> uses) {

    public Claim {
        paperClaims = List.copyOf(paperClaims);
        uses = List.copyOf(uses);
    }

    /** A claim that uses no other claim. */
    public Claim(String id, String title, ClaimKind kind, List<String> paperClaims, Verdict expectedVerdict,
                 String statement, String assumptions, String proof, String source) {
        this(id, title, kind, paperClaims, expectedVerdict, statement, assumptions, proof, source, List.of());
    }
}
