package org.advsharp.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>Some counting pre-registered study got a decided verdict other than its hypothesis (a COUNTEREXAMPLE
 *       there is a significant effect opposite to the hypothesis): a FINDING against the headline claim, in its
 *       own colour and count, neither a pass nor a failure; the line names every study with what it found and
 *       every other open claim as in the next rule.</li>
 *   <li>Some counting claim is INCONCLUSIVE or NOT RUN, or was not part of this run (a run of some claims):
 *       NOT CONFIRMED, naming each with its verdict and the first clause of its reason.</li>
 *   <li>Otherwise every counting claim got its expected verdict: CONFIRMED AS MADE PRECISE, with the
 *       count of VERIFIED and SUPPORTED claims and of the COUNTEREXAMPLE claims, which show where an
 *       over-general reading stops being true (they delimit the headline claim, they do not refute it).</li>
 * </ol>
 *
 * <p>A study with a decided verdict is named with its finding ({@link Precise#finding}: the regime it measured
 * and the trend it found). The count "k of n precise claims hold" of a headline claim about one network
 * ({@link #EVIDENCE_PREFIX}) counts only the claims about that network; the others under it can still fail or
 * leave it open, and are named, but do not make it hold. A study's finding against its hypothesis is counted
 * apart ("1 study finding against its hypothesis"), never as holding and never as failed.
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
        FINDING("not confirmed, a study found against it"),
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
     * @param finding     for a study: one sentence of what it found in which regime (its record check's first
     *                    sentence); may be empty
     */
    public record Precise(String id, ClaimKind kind, List<String> paperClaims, Verdict verdict, Verdict expected,
                          String reason, String finding) {
        public Precise {
            paperClaims = List.copyOf(paperClaims);
            reason = reason == null ? "" : reason;
            finding = finding == null ? "" : finding;
        }

        /** A claim without a finding sentence. */
        public Precise(String id, ClaimKind kind, List<String> paperClaims, Verdict verdict, Verdict expected,
                       String reason) {
            this(id, kind, paperClaims, verdict, expected, reason, "");
        }

        /** Whether it is a study whose decided verdict is not its hypothesis's: a finding against it. */
        boolean findsAgainst() {
            return kind == ClaimKind.STUDY && verdict != null && verdict != expected && verdict != Verdict.FAILED
                    && verdict != Verdict.NOT_RUN && verdict != Verdict.INCONCLUSIVE;
        }
    }

    /**
     * The headline claims about one network and the id prefix of the precise claims about it: only these count
     * toward "k of n precise claims hold" of that headline claim (P4 is about ResNet18; the K = 10 linear softmax
     * claim under it is context, named when it is open or failed, never counted as holding).
     */
    static final Map<String, String> EVIDENCE_PREFIX = Map.of("P4", "exp:resnet-");

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
        List<Precise> evidence = counted.stream().filter(c -> !EVIDENCE_PREFIX.containsKey(paper.id())
                || c.id().startsWith(EVIDENCE_PREFIX.get(paper.id()))).toList();
        List<Precise> studies = counted.stream().filter(c -> c.kind() == ClaimKind.STUDY && decided(c.verdict()))
                .toList();
        String noun = EVIDENCE_PREFIX.containsKey(paper.id()) ? "ResNet18 claim" : "precise claim";
        List<Precise> open = counted.stream().filter(c -> c.verdict() == null || c.verdict() == Verdict.NOT_RUN
                || c.verdict() == Verdict.INCONCLUSIVE || c.verdict() != c.expected()).toList();
        List<Precise> otherOpen = open.stream().filter(c -> !studies.contains(c)).toList();
        List<String> parts = new ArrayList<>();
        if (!studies.isEmpty() && (!open.isEmpty() || counted.stream().anyMatch(Precise::findsAgainst))) {
            parts.add(findings(studies));
        }
        if (!otherOpen.isEmpty()) {
            parts.add(describe(otherOpen));
        }
        parts.add(held(evidence, noun));
        if (counted.stream().anyMatch(Precise::findsAgainst)) {
            return new Line(paper, Status.FINDING, String.join("; ", parts), ids, instruments);
        }
        if (!open.isEmpty()) {
            return new Line(paper, Status.NOT_CONFIRMED, String.join("; ", parts), ids, instruments);
        }
        return new Line(paper, Status.CONFIRMED, held(evidence, noun), ids, instruments);
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

    /** "exp:a found X (SUPPORTED, its hypothesis); exp:b found Y (COUNTEREXAMPLE, against its hypothesis)". */
    private static String findings(List<Precise> studies) {
        List<String> parts = new ArrayList<>();
        for (Precise c : studies) {
            String found = c.finding().isEmpty() ? "" : ": " + sentence(c.finding());
            parts.add(c.id() + " " + c.verdict().label() + (c.findsAgainst()
                    ? " (a finding against its hypothesis, neither a pass nor a failure)"
                    : c.verdict() == c.expected() ? " (its hypothesis)" : "") + found);
        }
        return String.join("; ", parts);
    }

    /** Whether a verdict decides (SUPPORTED, VERIFIED, COUNTEREXAMPLE). */
    private static boolean decided(Verdict v) {
        return v != null && v != Verdict.NOT_RUN && v != Verdict.INCONCLUSIVE && v != Verdict.FAILED;
    }

    /** Longest finding sentence a line quotes. */
    static final int FINDING_SENTENCE = 200;

    /** The first sentence of a finding (up to ". "), at most {@link #FINDING_SENTENCE} characters. */
    static String sentence(String finding) {
        String f = finding.strip();
        int i = f.indexOf(". ");
        if (i > 0) {
            f = f.substring(0, i);
        }
        if (f.endsWith(".")) {
            f = f.substring(0, f.length() - 1);
        }
        return f.length() <= FINDING_SENTENCE ? f : f.substring(0, FINDING_SENTENCE - 1).strip() + "…";
    }

    /** "12 of 14 precise claims hold: 9 VERIFIED, 3 SUPPORTED; 2 COUNTEREXAMPLE mark its limits". */
    private static String held(List<Precise> counted, String noun) {
        List<Precise> as = counted.stream().filter(c -> c.verdict() != null && c.verdict() == c.expected()).toList();
        long verified = as.stream().filter(c -> c.verdict() == Verdict.VERIFIED).count();
        long supported = as.stream().filter(c -> c.verdict() == Verdict.SUPPORTED).count();
        long limits = as.stream().filter(c -> c.verdict() == Verdict.COUNTEREXAMPLE).count();
        long against = counted.stream().filter(Precise::findsAgainst).count();
        long hold = verified + supported + limits;
        StringBuilder s = new StringBuilder();
        s.append(hold == counted.size() ? Plural.of(hold, noun) + (hold == 1 ? " holds" : " hold")
                : hold + " of " + Plural.of(counted.size(), noun) + " hold");
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
        if (against > 0) {
            s.append("; ").append(against).append(against == 1 ? " study finding" : " study findings")
                    .append(" against its hypothesis (not counted as holding, not a failure)");
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
