package org.advsharp.checks.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Evidence;
import org.advsharp.check.FunctionalCheck;
import org.advsharp.check.Outcome;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginLoss;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Deliberate mutants: each new oracle is broken on purpose (a sign flipped, a term dropped) and the check
 * that guards it is run against the broken version; the check must FAIL. The same checks pass on the
 * suite's oracles (LossesClaimsTest), so these show that each check can fail, and on what.
 */
class BrokenOraclesTest {

    /** A loss equal to {@code base} except for the parts replaced (null keeps the base's). */
    private static MarginLoss broken(MarginLoss base, DoubleUnaryOperator slope, DoubleUnaryOperator curvature) {
        return new MarginLoss() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public double value(double m) {
                return base.value(m);
            }

            @Override
            public double slope(double m) {
                return slope == null ? base.slope(m) : slope.applyAsDouble(m);
            }

            @Override
            public double curvature(double m) {
                return curvature == null ? base.curvature(m) : curvature.applyAsDouble(m);
            }
        };
    }

    private static final MarginLoss PROBIT_CURVATURE_SIGN_FLIPPED =
            broken(MarginLoss.probit(), null, m -> -MarginLoss.probit().curvature(m));
    private static final MarginLoss EXPONENTIAL_SLOPE_SIGN_FLIPPED =
            broken(MarginLoss.exponential(), m -> Math.exp(-m), null);
    /** The logistic curvature written as sigma(m)^2 instead of sigma(m) sigma(-m). */
    private static final MarginLoss LOGISTIC_CURVATURE_WRONG = broken(MarginLoss.logistic(), null, m -> {
        double sigma = 1 / (1 + Math.exp(-m));
        return sigma * sigma;
    });
    /** The probit inverse Mills ratio without its tail correction: -l'(m) = max(-m, 0) + phi(m). */
    private static final MarginLoss PROBIT_SLOPE_TRUNCATED = broken(MarginLoss.probit(),
            m -> -(Math.max(-m, 0) + Math.exp(-0.5 * m * m) / Math.sqrt(2 * Math.PI)), null);

    /** The suite's oracle with kappa P dropped from H: what autodiff returns with the attack detached. */
    private static final LossOracle.Factory KAPPA_DROPPED = (data, loss, eps) -> {
        LossOracle right = LossOracle.SUITE.at(data, loss, eps);
        return new LossOracle() {
            @Override
            public double value(double[] w) {
                return right.value(w);
            }

            @Override
            public double[] gradient(double[] w) {
                return right.gradient(w);
            }

            @Override
            public HessianDecomposition decomposition(double[] w) {
                return right.decomposition(w);
            }

            @Override
            public DMatrixRMaj hessian(double[] w) {
                return right.decomposition(w).fixedInputPart();
            }
        };
    };

    /** The outcome of a check with this body, run as a check of an existing claim with the default context. */
    private static Outcome outcome(BiFunction<CheckContext, Evidence, String> body) {
        return new FunctionalCheck("deliberate-mutant", "prop:margin-loss-hessian", "a check run on a broken oracle", body)
                .execute(CheckContext.defaults()).outcome();
    }

    @Test
    void theScalarCheckCatchesEachBrokenLoss() {
        assertNull(MarginLosses.firstViolation(MarginLoss.probit(), new MarginLosses.Worst()), "the real probit loss passes");
        for (MarginLoss loss : new MarginLoss[] {PROBIT_CURVATURE_SIGN_FLIPPED, EXPONENTIAL_SLOPE_SIGN_FLIPPED,
                LOGISTIC_CURVATURE_WRONG, PROBIT_SLOPE_TRUNCATED}) {
            assertNotNull(MarginLosses.firstViolation(loss, new MarginLosses.Worst()), "a broken " + loss.name() + " loss");
        }
    }

    @Test
    void theAutodiffCheckFailsOnProbitWithItsCurvatureSignFlipped() {
        assertEquals(Outcome.PASSED, outcome((c, e) -> MarginLossHessian.againstAutodiff(MarginLoss.probit(),
                LossOracle.SUITE, c, e)));
        assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossHessian.againstAutodiff(PROBIT_CURVATURE_SIGN_FLIPPED,
                LossOracle.SUITE, c, e)));
    }

    @Test
    void theDerivativeChecksFailWhenKappaIsDroppedForEveryLoss() {
        for (MarginLoss loss : MarginLoss.all()) {
            assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossHessian.againstFiniteDifferences(loss,
                    KAPPA_DROPPED, c, e)), loss.name());
            assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossHessian.againstAutodiff(loss, KAPPA_DROPPED, c, e)),
                    loss.name());
        }
    }

    @Test
    void theKappaCheckFailsOnExponentialWithItsSlopeSignFlipped() {
        assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossKappaMonotone.kappaRises(EXPONENTIAL_SLOPE_SIGN_FLIPPED,
                LossOracle.SUITE, c, e)));
    }

    @Test
    void theCompressedTheoremCheckFailsWhenTheCurvatureRisesWithTheMargin() {
        // l'' = e^{+m}: falling margins lower the curvature, the opposite of what the theorem needs.
        MarginLoss rising = broken(MarginLoss.exponential(), null, m -> Math.exp(Math.min(m, 700)));
        assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossCompressedMonotone.compressedRises(rising, LossOracle.SUITE,
                false, c, e)));
    }

    @Test
    void theLogisticCompressedCheckFailsWithoutTheMarginCondition() {
        // The theorem's logistic check run on every regime (the margin condition dropped) must find the
        // fall that rem:margin-condition-needed describes.
        assertEquals(Outcome.FAILED, outcome((c, e) -> MarginLossCompressedMonotone.compressedRises(MarginLoss.logistic(),
                LossOracle.SUITE, false, c, e)));
    }

    @Test
    void theExponentialTraceCheckFailsForTheLogisticLoss() {
        // The logistic trace can fall without the margin condition (rem:margin-condition-needed).
        assertEquals(Outcome.FAILED, outcome((c, e) -> ExponentialTraceMonotone.traceRises(MarginLoss.logistic(),
                LossOracle.SUITE, c, e)));
    }

    @Test
    void theCriticalRadiusCheckFailsOnProbitWithItsSlopeDoubled() {
        // The gradient no longer matches the value and the Hessian: Newton cannot certify the trained points,
        // or where it stops the bounds break; on one problem (the check runs 20) either shows.
        DecayedMixture problem = DecayedMixture.of(CheckContext.DEFAULT_SEED);
        MarginLossCriticalRadius.Certified certified = new MarginLossCriticalRadius.Certified();
        assertNull(MarginLossCriticalRadius.violation(MarginLoss.probit(), problem, certified));
        assertEquals(certified.trained(), certified.certified(), "the real probit loss: every point certified");
        MarginLoss doubled = broken(MarginLoss.probit(), m -> 2 * MarginLoss.probit().slope(m), null);
        MarginLossCriticalRadius.Certified brokenCount = new MarginLossCriticalRadius.Certified();
        String violation = MarginLossCriticalRadius.violation(doubled, problem, brokenCount);
        assertTrue(violation != null || brokenCount.certified() < brokenCount.trained(), "the broken loss is caught");
    }

    @Test
    void theProbitInstanceFallsOnlyWithTheRealLoss() {
        assertNotNull(MarginCases.traceFall(MarginLoss.probit(), LossOracle.SUITE,
                ProbitTraceFallsInTwoDimensions.instance()));
        assertNull(MarginCases.traceFall(MarginLoss.exponential(), LossOracle.SUITE,
                ProbitTraceFallsInTwoDimensions.instance()), "the exponential trace rises on it (its theorem)");
    }
}
