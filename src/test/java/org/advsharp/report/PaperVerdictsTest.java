package org.advsharp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;
import org.advsharp.report.PaperVerdicts.Precise;
import org.advsharp.report.PaperVerdicts.Status;
import org.junit.jupiter.api.Test;

/** The one-line verdicts of P1-P4 follow the ordered rule of {@link PaperVerdicts}. */
class PaperVerdictsTest {

    private static Precise c(String id, ClaimKind kind, Verdict v, String reason, String... papers) {
        return new Precise(id, kind, List.of(papers), v, kind.naturalVerdict(), reason);
    }

    private static PaperVerdicts.Line p(String id, List<Precise> claims) {
        return PaperVerdicts.line(PaperClaims.byId(id), claims);
    }

    @Test
    void instrumentClaimsNeverMakeAPaperClaimLookConfirmed() {
        List<Precise> claims = List.of(
                c("inst:deep-pgd", ClaimKind.INSTRUMENT, Verdict.VERIFIED, "", "P4"),
                c("exp:resnet-paper-scale", ClaimKind.EMPIRICAL, Verdict.NOT_RUN,
                        "no CUDA device; the paper-scale tier needs a GPU", "P4"),
                c("exp:resnet-cpu-study", ClaimKind.EMPIRICAL, Verdict.INCONCLUSIVE, "5 seeds. the test is weak", "P4"));
        PaperVerdicts.Line line = p("P4", claims);
        assertEquals(Status.NOT_CONFIRMED, line.status());
        assertEquals("P4: not confirmed: exp:resnet-paper-scale NOT RUN (no CUDA device), exp:resnet-cpu-study "
                + "INCONCLUSIVE (5 seeds); 0 of 2 ResNet18 claims hold", line.text());
        assertEquals(List.of("inst:deep-pgd"), line.instruments());
        PaperVerdicts.Line onlyInstruments = p("P4", List.of(claims.get(0)));
        assertEquals(Status.NOT_ASSESSED, onlyInstruments.status(), onlyInstruments.text());
    }

    @Test
    void everyExpectedVerdictConfirmsAndCounterexamplesMarkTheLimits() {
        List<Precise> claims = List.of(
                c("thm:a", ClaimKind.THEOREM, Verdict.VERIFIED, "", "P3"),
                c("exp:b", ClaimKind.EMPIRICAL, Verdict.SUPPORTED, "", "P1", "P3"),
                c("rem:c", ClaimKind.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE, "", "P3"),
                c("lem:d", ClaimKind.LEMMA, Verdict.VERIFIED, "", "P1"));
        assertEquals("P3: confirmed as made precise: 3 precise claims hold (1 VERIFIED, 1 SUPPORTED), 1 "
                + "COUNTEREXAMPLE marks where an over-general reading fails", p("P3", claims).text());
        assertEquals("P1: confirmed as made precise: 2 precise claims hold (1 VERIFIED, 1 SUPPORTED)",
                p("P1", claims).text());
        assertEquals(Status.NOT_ASSESSED, p("P2", claims).status());
    }

    @Test
    void failedComesFirstAndAClaimLeftOutOfTheRunIsNotConfirmed() {
        List<Precise> claims = List.of(
                c("thm:a", ClaimKind.THEOREM, Verdict.FAILED, "bound 1e-12 exceeded: 3e-9", "P1"),
                c("exp:b", ClaimKind.EMPIRICAL, Verdict.NOT_RUN, "no GPU", "P1"),
                c("lem:c", ClaimKind.LEMMA, null, "", "P2"),
                c("lem:d", ClaimKind.LEMMA, Verdict.VERIFIED, "", "P2"));
        PaperVerdicts.Line p1 = p("P1", claims);
        assertEquals(Status.FAILED, p1.status());
        assertEquals("P1: FAILED: thm:a FAILED (bound 1e-12 exceeded)", p1.text());
        assertEquals("P2: not confirmed: lem:c not in this run; 1 of 2 precise claims hold (1 VERIFIED)",
                p("P2", claims).text());
    }

    @Test
    void manyClaimsLeftOutOfTheRunAreCountedNotListed() {
        List<Precise> claims = List.of(c("lem:a", ClaimKind.LEMMA, null, "", "P3"), c("lem:b", ClaimKind.LEMMA, null, "", "P3"),
                c("lem:c", ClaimKind.LEMMA, null, "", "P3"), c("rem:d", ClaimKind.COUNTEREXAMPLE, Verdict.COUNTEREXAMPLE, "", "P3"));
        assertEquals("P3: not confirmed: 3 precise claims not in this run; 1 of 4 precise claims hold, 1 COUNTEREXAMPLE "
                + "marks where an over-general reading fails", p("P3", claims).text());
    }

    @Test
    void aStudyThatFindsTheOppositeEffectIsAFindingInItsOwnStatusNeitherHoldingNorFailed() {
        List<Precise> claims = List.of(
                c("prop:pgd", ClaimKind.PROPOSITION, Verdict.VERIFIED, "", "P4"),
                c("exp:resnet-cpu-study", ClaimKind.STUDY, Verdict.COUNTEREXAMPLE, "sharpness fell", "P4"));
        PaperVerdicts.Line line = p("P4", claims);
        assertEquals(Status.FINDING, line.status());
        assertEquals("P4: not confirmed, a study found against it: exp:resnet-cpu-study COUNTEREXAMPLE (a finding "
                + "against its hypothesis, neither a pass nor a failure); 0 of 1 ResNet18 claim hold; 1 study finding "
                + "against its hypothesis (not counted as holding, not a failure)", line.text());
    }

    @Test
    void p4NamesEachStudyWithItsRegimeAndCountsOnlyResNet18Claims() {
        List<Precise> claims = List.of(
                c("exp:softmax-direction-term", ClaimKind.EMPIRICAL, Verdict.SUPPORTED, "", "P2", "P4"),
                c("exp:resnet-paper-scale", ClaimKind.EMPIRICAL, Verdict.NOT_RUN, "no CUDA device", "P4"),
                new Precise("exp:resnet-cpu-study", ClaimKind.STUDY, List.of("P4"), Verdict.COUNTEREXAMPLE,
                        Verdict.SUPPORTED, "", "In under-fitted networks (last-epoch training accuracy at eps 0: 0.82 "
                        + "to 0.86), the frozen-attack lambda_max FALLS with eps (significant). Record of ..."),
                new Precise("exp:resnet-fitted-study", ClaimKind.STUDY, List.of("P4"), Verdict.SUPPORTED,
                        Verdict.SUPPORTED, "", "In networks that fit (clean training accuracy at eps 0: 1 to 1), the "
                        + "frozen-attack lambda_max rises with eps (significant). Record of ..."));
        PaperVerdicts.Line line = p("P4", claims);
        assertEquals(Status.FINDING, line.status());
        assertEquals("P4: not confirmed, a study found against it: exp:resnet-cpu-study COUNTEREXAMPLE (a finding "
                + "against its hypothesis, neither a pass nor a failure): In under-fitted networks (last-epoch training "
                + "accuracy at eps 0: 0.82 to 0.86), the frozen-attack lambda_max FALLS with eps (significant); "
                + "exp:resnet-fitted-study SUPPORTED (its hypothesis): In networks that fit (clean training accuracy at "
                + "eps 0: 1 to 1), the frozen-attack lambda_max rises with eps (significant); exp:resnet-paper-scale "
                + "NOT RUN (no CUDA device); 1 of 3 ResNet18 claims hold (1 SUPPORTED); 1 study finding against its "
                + "hypothesis (not counted as holding, not a failure)", line.text());
        // the softmax claim failing still fails the line
        List<Precise> failing = List.of(c("exp:softmax-direction-term", ClaimKind.EMPIRICAL, Verdict.FAILED, "x",
                "P4"), claims.get(2));
        assertEquals(Status.FAILED, p("P4", failing).status());
    }

    @Test
    void aReasonIsCutToItsFirstClause() {
        assertEquals("no CUDA device", PaperVerdicts.clause("no CUDA device (torch found none); more"));
        String longReason = "x".repeat(200);
        String cut = PaperVerdicts.clause(longReason);
        assertEquals(PaperVerdicts.REASON_CLAUSE, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void theLinesComeInTheOrderP1ToP4() {
        assertEquals(List.of("P1", "P2", "P3", "P4"),
                PaperVerdicts.of(List.of()).stream().map(l -> l.paper().id()).toList());
    }
}
