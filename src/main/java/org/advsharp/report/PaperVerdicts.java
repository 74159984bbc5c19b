package org.advsharp.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * One line per headline claim of the paper (P1-P4), computed from the verdicts of the precise claims
 * under it. The rule, applied in this order (the first that matches decides):
 *
 * <ol>
 *   <li>Only the precise claims that name the headline claim count, and of those only the claims about
 *       the paper's mathematics and experiments: a claim of kind INSTRUMENT (a check of the suite's own
 *       measuring tools) never counts, whatever its verdict, so it can never make a headline claim look
 *       confirmed.</li>
 *   <li>No counting claim is declared: NOT ASSESSED.</li>
 *   <li>Some counting claim FAILED: FAILED, naming them.</li>
 *   <li>Some counting claim is INCONCLUSIVE or NOT RUN, or was not part of this run (a run of some claims),
 *       or got a decided verdict other than the one proofs/ declares (possible only for a pre-registered
 *       study, whose outcome is a finding: a COUNTEREXAMPLE there is a significant effect opposite to the
 *       hypothesis): NOT CONFIRMED, naming each with its verdict and the first clause of its reason.</li>
 *   <li>Otherwise every counting claim got its expected verdict: CONFIRMED AS MADE PRECISE, with the
 *       count of VERIFIED and SUPPORTED claims and of the COUNTEREXAMPLE claims, which show where an
 *       over-general reading stops being true (they delimit the headline claim, they do not refute it).</li>
 * </ol>
 *
 * Apart from studies, a claim whose decided verdict is not the one proofs/ declares has FAILED already (the
 * verdict rule makes it so), so rule 3 covers it.
 */
public final class PaperVerdicts {

    /** The summary word of a line. */
    public enum Status {
        CONFIRMED("confirmed as made precise"),
        NOT_CONFIRMED("not confirmed"),
        FAILED("FAILED"),
        NOT_ASSESSED("not assessed");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        /** How the line spells it. */
        public String words() {
            return words;
        }
    }

    /**
     * A precise claim as the rule sees it.
     *
     * @param id          its id
     * @param kind        its kind
     * @param paperClaims the headline claims it names
     * @param verdict     its verdict in this run, or null when it was not part of the run
     * @param expected    the verdict proofs/ declares
     * @param reason      why it has that verdict (its explanation, or its NOT RUN reason); may be empty
     */
    public record Precise(String id, ClaimKind kind, List<String> paperClaims, Verdict verdict, Verdict expected,
                          String reason) {
        public Precise {
            paperClaims = List.copyOf(paperClaims);
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The computed line of one headline claim.
     *
     * @param paper      the headline claim
     * @param status     the summary word
     * @param detail     what decided it, e.g. "exp:resnet-paper-scale NOT RUN (no CUDA device)"
     * @param counted    ids of the claims that counted
     * @param instruments ids of the instrument claims under it, which did not count
     */
    public record Line(PaperClaims.PaperClaim paper, Status status, String detail, List<String> counted,
                       List<String> instruments) {

        /** "P4: not confirmed: exp:resnet-paper-scale NOT RUN (no CUDA device)". */
        public String text() {
            return paper.id() + ": " + status.words() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** Longest reason clause a line quotes; the full reason is in the claim's section. */
    static final int REASON_CLAUSE = 80;

    private PaperVerdicts() {
    }

    /** The lines of P1-P4, in order. */
    public static List<Line> of(List<Precise> claims) {
        List<Line> lines = new ArrayList<>();
        for (PaperClaims.PaperClaim p : PaperClaims.ALL) {
            lines.add(line(p, claims));
        }
        return lines;
    }

    static Line line(PaperClaims.PaperClaim paper, List<Precise> claims) {
        List<Precise> counted = new ArrayList<>();
        List<String> instruments = new ArrayList<>();
        for (Precise c : claims) {
            if (!c.paperClaims().contains(paper.id())) {
                continue;
            }
            if (c.kind() == ClaimKind.INSTRUMENT) {
                instruments.add(c.id());
            } else {
                counted.add(c);
            }
        }
        List<String> ids = counted.stream().map(Precise::id).toList();
        if (counted.isEmpty()) {
            return new Line(paper, Status.NOT_ASSESSED, "no precise claim about it is declared", ids, instruments);
        }
        List<Precise> failed = counted.stream().filter(c -> c.verdict() == Verdict.FAILED).toList();
        if (!failed.isEmpty()) {
            return new Line(paper, Status.FAILED, describe(failed), ids, instruments);
        }
        List<Precise> open = counted.stream().filter(c -> c.verdict() == null || c.verdict() == Verdict.NOT_RUN
                || c.verdict() == Verdict.INCONCLUSIVE || c.verdict() != c.expected()).toList();
        if (!open.isEmpty()) {
            return new Line(paper, Status.NOT_CONFIRMED, describe(open) + "; " + held(counted), ids, instruments);
        }
        return new Line(paper, Status.CONFIRMED, held(counted), ids, instruments);
    }

    /** Most claims a line names as "not in this run" one by one; more are counted. */
    static final int NAMED_ABSENT = 2;

    private static String describe(List<Precise> claims) {
        List<String> parts = new ArrayList<>();
        long absent = claims.stream().filter(c -> c.verdict() == null).count();
        if (absent > NAMED_ABSENT) {
            parts.add(Plural.of(absent, "precise claim") + " not in this run");
        }
        for (Precise c : claims) {
            if (c.verdict() == null) {
                if (absent <= NAMED_ABSENT) {
                    parts.add(c.id() + " not in this run");
                }
            } else if (c.verdict() != c.expected() && c.verdict() != Verdict.NOT_RUN
                    && c.verdict() != Verdict.INCONCLUSIVE && c.verdict() != Verdict.FAILED) {
                parts.add(c.id() + " " + c.verdict().label() + (c.verdict() == Verdict.COUNTEREXAMPLE
                        ? " (a significant effect opposite to its hypothesis; " + c.expected().label()
                        + " was the hoped-for verdict)"
                        : " where proofs/ declares " + c.expected().label()));
            } else {
                String clause = clause(c.reason());
                parts.add(c.id() + " " + c.verdict().label() + (clause.isEmpty() ? "" : " (" + clause + ")"));
            }
        }
        return String.join(", ", parts);
    }

    /** "12 of 14 precise claims hold: 9 VERIFIED, 3 SUPPORTED; 2 COUNTEREXAMPLE mark its limits". */
    private static String held(List<Precise> counted) {
        List<Precise> as = counted.stream().filter(c -> c.verdict() != null && c.verdict() == c.expected()).toList();
        long verified = as.stream().filter(c -> c.verdict() == Verdict.VERIFIED).count();
        long supported = as.stream().filter(c -> c.verdict() == Verdict.SUPPORTED).count();
        long limits = as.stream().filter(c -> c.verdict() == Verdict.COUNTEREXAMPLE).count();
        long hold = verified + supported + limits;
        StringBuilder s = new StringBuilder();
        s.append(hold == counted.size() ? Plural.of(hold, "precise claim") + (hold == 1 ? " holds" : " hold")
                : hold + " of " + Plural.of(counted.size(), "precise claim") + " hold");
        Set<String> parts = new LinkedHashSet<>();
        if (verified > 0) {
            parts.add(verified + " VERIFIED");
        }
        if (supported > 0) {
            parts.add(supported + " SUPPORTED");
        }
        if (!parts.isEmpty()) {
            s.append(" (").append(String.join(", ", parts)).append(')');
        }
        if (limits > 0) {
            s.append(", ").append(limits).append(" COUNTEREXAMPLE ").append(limits == 1 ? "marks" : "mark")
                    .append(" where an over-general reading fails");
        }
        return s.toString();
    }

    /** The first clause of a reason: up to the first "; ", ". ", " (" or ": ", at most REASON_CLAUSE characters. */
    static String clause(String reason) {
        String r = reason.strip();
        for (String stop : new String[] {"; ", ". ", " (", ": "}) {
            int i = r.indexOf(stop);
            if (i > 0) {
                r = r.substring(0, i);
            }
        }
        if (r.endsWith(".")) {
            r = r.substring(0, r.length() - 1);
        }
        return r.length() <= REASON_CLAUSE ? r : r.substring(0, REASON_CLAUSE - 1).strip() + "…";
    }
}
