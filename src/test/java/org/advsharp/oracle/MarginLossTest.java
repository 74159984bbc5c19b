package org.advsharp.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.Tolerances;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * The margin losses against independent numbers: 50-digit reference values in both tails and next to 0,
 * forward-mode autodiff (Commons Math DerivativeStructure) of the naive formulas where they are accurate,
 * and the logistic member against {@link Logistic} and {@link AdversarialLoss}.
 */
class MarginLossTest {

    /**
     * Agreement with a 50-digit reference, relative. Why 1e-13: each value is a handful of correctly
     * rounded operations on top of erfc (Commons Math: relative error of a few ulps) or of 160 steps of the
     * continued fraction (each step's rounding is damped by the next division), about 20 u in all; at
     * m = -40 the value 804.6 = 800 + 4.6 carries the rounding of 800, still 1e-16 relative. 1e-13 is 450 u.
     */
    private static final double REFERENCE_AGREEMENT = 1e-13;

    /**
     * {m, l(m), l'(m), l''(m)} for the probit loss, computed in 50-digit arithmetic (mpmath 1.3.0,
     * ncdf and npdf) and rounded to 20 digits: both tails (-40, -10, 10, 30), both sides of the switch to the
     * continued fraction at -3, and next to 0.
     */
    private static final double[][] PROBIT = {
            {-40, 804.60844201375378817, -40.024968847207263723, 0.99937733162140861123},
            {-10, 53.231285150512470578, -10.098093233962511963, 0.99055462217434373884},
            {-3.5, 8.366065308344092935, -3.7513912648576997313, 0.94306699504870319551},
            {-3, 6.6077262215103495433, -3.2830986549304365069, 0.92944081321473188314},
            {-2.5, 5.0816482772786904984, -2.8227447976639072505, 0.91102619857888455719},
            {-1e-3, 0.69394538346696517877, -0.79852128956291137908, 0.63683772859565204996},
            {0, 0.69314718055994530942, -0.79788456080286535588, 0.63661977236758134308},
            {1e-3, 0.69234961427268824342, -0.79724805005643310786, 0.63640170136884130351},
            {1, 0.17275377902344988953, -0.28759997093917836123, 0.37031371422339459914},
            {2.5, 0.006229025485860002381, -0.017637825486916734788, 0.044405656605198766523},
            {10, 7.619853024160526066e-24, -7.6945986267064193463e-23, 7.6945986267064193463e-22},
            {30, 4.9067139271481870595e-198, -1.473646134878547519e-196, 4.4209384046356425571e-195},
    };

    /** The same for the logistic loss, 50-digit log1p, exp. */
    private static final double[][] LOGISTIC = {
            {-40, 40.000000000000000004, -0.99999999999999999575, 4.2483542552915889592e-18},
            {-10, 10.000045398899216865, -0.99995460213129756561, 0.000045395807735951671032},
            {-1e-3, 0.69364730555994010108, -0.50024999997916666875, 0.24999993750001041667},
            {0, 0.69314718055994530942, -0.5, 0.25},
            {1e-3, 0.69264730555994010108, -0.49975000002083333125, 0.24999993750001041667},
            {1, 0.31326168751822283405, -0.26894142136999512075, 0.19661193324148185254},
            {10, 0.000045398899216864646769, -0.000045397868702434394505, 0.000045395807735951671032},
            {40, 4.2483542552915889863e-18, -4.2483542552915889773e-18, 4.2483542552915889592e-18},
    };

    @Test
    void probitMatchesFiftyDigitReferenceValuesInBothTailsAndNearZero() {
        assertReference(MarginLoss.probit(), PROBIT);
    }

    @Test
    void logisticMatchesFiftyDigitReferenceValuesInBothTailsAndNearZero() {
        assertReference(MarginLoss.logistic(), LOGISTIC);
    }

    private static void assertReference(MarginLoss loss, double[][] table) {
        for (double[] row : table) {
            double m = row[0];
            assertEquals(row[1], loss.value(m), REFERENCE_AGREEMENT * Math.abs(row[1]), loss.name() + " l(" + m + ")");
            assertEquals(row[2], loss.slope(m), REFERENCE_AGREEMENT * Math.abs(row[2]), loss.name() + " l'(" + m + ")");
            assertEquals(row[3], loss.curvature(m), REFERENCE_AGREEMENT * Math.abs(row[3]), loss.name() + " l''(" + m + ")");
        }
    }

    /** Ulps of rounding in a naive formula of a few operations, before its cancellation factor. */
    private static final double CANCELLATION_ULPS = 16;

    @Test
    void exponentialMatchesAutodiffOfItsDefinitionInBothTails() {
        for (double m : new double[] {-40, -10, -1e-3, 0, 1e-3, 1, 10, 40}) {
            DerivativeStructure ds = new DerivativeStructure(1, 2, 0, m).negate().exp();
            assertAutodiff(MarginLoss.exponential(), m, ds);
        }
    }

    @Test
    void logisticMatchesAutodiffOfTheNaiveFormulaWhereItIsAccurate() {
        // log(1 + e^{-m}) is accurate where e^{-m} neither overflows nor drowns in the 1: |m| <= 30.
        for (double m = -30; m <= 30; m += 0.5) {
            DerivativeStructure ds = new DerivativeStructure(1, 2, 0, m).negate().exp().add(1).log();
            assertAutodiff(MarginLoss.logistic(), m, ds);
        }
    }

    /**
     * Agreement with autodiff of a naive formula, relative: Tolerances.AUTODIFF_VS_CLOSED_FORM, or the
     * naive formula's own error where that is larger: forming 1 + e^{-m} (or the derivatives'
     * e^{-m}/(1 + e^{-m})^2) rounds away a factor up to (1 + e^{|m|}) of relative accuracy, so the naive side is
     * only good to about CANCELLATION_ULPS u (1 + e^{|m|}). The tails are checked against the 50-digit table.
     */
    private static void assertAutodiff(MarginLoss loss, double m, DerivativeStructure ds) {
        double naive = CANCELLATION_ULPS * Tolerances.MACHINE_EPSILON * (1 + Math.exp(Math.abs(m)));
        double tolerance = Math.max(Tolerances.AUTODIFF_VS_CLOSED_FORM, naive);
        double[] ours = {loss.value(m), loss.slope(m), loss.curvature(m)};
        for (int k = 0; k <= 2; k++) {
            double reference = ds.getPartialDerivative(k);
            assertEquals(reference, ours[k], tolerance * Math.max(Math.abs(reference), Double.MIN_NORMAL),
                    loss.name() + " derivative " + k + " at m = " + m);
        }
    }

    @Test
    void probitIsContinuousAcrossTheSwitchToTheContinuedFraction() {
        double below = Math.nextDown(ProbitMarginLoss.LEFT_TAIL);
        double at = ProbitMarginLoss.LEFT_TAIL;
        MarginLoss p = MarginLoss.probit();
        assertEquals(p.value(at), p.value(below), REFERENCE_AGREEMENT * p.value(at));
        assertEquals(p.slope(at), p.slope(below), REFERENCE_AGREEMENT * -p.slope(at));
        assertEquals(p.curvature(at), p.curvature(below), REFERENCE_AGREEMENT * p.curvature(at));
    }

    @Test
    void probitStaysFiniteAndInItsRangeFarOutInBothTails() {
        MarginLoss p = MarginLoss.probit();
        // -log Phi(m) = m^2/2 + log(-m sqrt(2 pi)) + 1/m^2 + O(m^-4) as m -> -infinity (Mills' ratio expansion).
        double asymptotic = 0.5e6 + Math.log(1e3) + 0.5 * Math.log(2 * Math.PI) + 1e-6;
        assertEquals(asymptotic, p.value(-1e3), REFERENCE_AGREEMENT * asymptotic, "-log Phi(-1000)");
        assertEquals(1.0, p.curvature(-1e3), 1e-5, "l'' -> 1 in the left tail");
        assertEquals(0.0, p.value(40), 0.0, "Phi(-40) underflows");
        assertEquals(0.0, p.curvature(40), 0.0);
        assertTrue(p.curvature(-1e6) <= 1 && p.curvature(-1e6) > 0.999);
    }

    @Test
    void logisticMemberIsLogisticBitForBit() {
        for (double m = -50; m <= 50; m += 0.37) {
            assertEquals(Logistic.softplus(-m), MarginLoss.logistic().value(m), 0.0);
            assertEquals(-Logistic.sigmoid(-m), MarginLoss.logistic().slope(m), 0.0);
            assertEquals(Logistic.curvature(m), MarginLoss.logistic().curvature(m), 0.0);
        }
    }

    @Test
    void namesResolveCaseInsensitivelyAndUnknownNamesAreRefusedWithTheList() {
        assertSame(MarginLoss.probit(), MarginLoss.named("Probit"));
        assertEquals(MarginLoss.NAMES, MarginLoss.all().stream().map(MarginLoss::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarginLoss.named("hinge"));
        assertEquals("loss 'hinge' is unknown; expected one of logistic, exponential, probit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MarginLoss.named(null));
    }

    /**
     * Size bound of the entries compared below: |x'_nj| <= 2 + eps <= 3, so gradient components are at most 3
     * and entries of A at most 9 / 4; an absolute tolerance of ROUNDING times 16 is ROUNDING relative.
     */
    private static final double ENTRY_SCALE = 16;

    /**
     * The logistic member against the formulas of prop:hessian written out here with {@link Logistic}:
     * grad = -(1/N) sum sigma(-m_n) y_n x'_n, A = (1/N) sum s(m_n) x'_n x'_n^T, kappa = (eps/||w||) (1/N)
     * sum sigma(-m_n). Same operations up to their order: Tolerances.ROUNDING relative.
     */
    @Test
    void theLogisticMemberFollowsThePapersFormulas() {
        SplittableRandom random = new SplittableRandom(19);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(30);
            int d = 1 + random.nextInt(6);
            double[][] rows = new double[n][d];
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = 4 * random.nextDouble() - 2;
                }
                labels[i] = random.nextBoolean() ? 1 : -1;
            }
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = 6 * random.nextDouble() - 3;
            }
            double eps = random.nextDouble();
            MarginAdversarialLoss loss = new MarginAdversarialLoss(Dataset.of(rows, labels), MarginLoss.logistic(), eps);
            double norm = 0;
            for (double wj : w) {
                norm += wj * wj;
            }
            norm = Math.sqrt(norm);
            double[] grad = new double[d];
            double[][] a = new double[d][d];
            double pull = 0;
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += rows[i][j] * w[j];
                }
                double m = labels[i] * dot - eps * norm;
                double[] xp = new double[d];
                for (int j = 0; j < d; j++) {
                    xp[j] = rows[i][j] - eps * labels[i] * w[j] / norm;
                    grad[j] -= Logistic.sigmoid(-m) * labels[i] * xp[j] / n;
                }
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        a[j][k] += Logistic.curvature(m) * xp[j] * xp[k] / n;
                    }
                }
                pull += Logistic.sigmoid(-m) / n;
            }
            HessianDecomposition h = loss.hessian(w);
            assertEquals(eps / norm * pull, h.kappa(), Tolerances.ROUNDING * Math.max(1, h.kappa()));
            assertArrayEquals(grad, loss.gradient(w), Tolerances.ROUNDING * ENTRY_SCALE);
            for (int j = 0; j < d; j++) {
                assertArrayEquals(a[j], row(h, j), Tolerances.ROUNDING * ENTRY_SCALE);
            }
        }
    }

    private static double[] row(HessianDecomposition h, int j) {
        double[] r = new double[h.fixedInputPart().numCols];
        for (int k = 0; k < r.length; k++) {
            r[k] = h.fixedInputPart().get(j, k);
        }
        return r;
    }

    @Test
    void badInputIsRefusedWithOneLineNamingIt() {
        Dataset data = Dataset.of(new double[][] {{1, 2}}, new double[] {1});
        assertEquals("margin loss is missing (null)", assertThrows(IllegalArgumentException.class,
                () -> new MarginAdversarialLoss(data, null, 0.1)).getMessage());
        MarginAdversarialLoss loss = new MarginAdversarialLoss(data, MarginLoss.probit(), 0.1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> loss.hessian(new double[2])).getMessage()
                .startsWith("w = 0:"));
        assertThrows(IllegalArgumentException.class, () -> loss.gradient(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new MarginAdversarialLoss(data, MarginLoss.probit(), -1));
    }
}
