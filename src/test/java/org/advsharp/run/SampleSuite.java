package org.advsharp.run;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.advsharp.check.Check;
import org.advsharp.check.CheckContext;
import org.advsharp.check.Counterexample;
import org.advsharp.check.Evidence;
import org.advsharp.check.Measurement;
import org.advsharp.check.SeedRecord;
import org.advsharp.check.Series;
import org.advsharp.check.Table;
import org.advsharp.claims.Claim;
import org.advsharp.claims.ClaimKind;
import org.advsharp.claims.Verdict;

/**
 * A small suite for the runner, report and CLI tests: five claims covering every verdict, and checks
 * whose evidence is a function of the context's seed and tries only (so two runs with one seed agree).
 */
public final class SampleSuite {

    /** Bound of the sample's "error" measurements; the sample's errors are drawn below 1e-13. */
    public static final double SAMPLE_TOLERANCE = 1e-12;

    private SampleSuite() {
    }

    public static List<Claim> claims() {
        return List.of(
                claim("prop:sample-decomposition", "The Hessian splits", ClaimKind.PROPOSITION, List.of("P1", "P2"),
                        "For $w \\neq 0$, $H = A + \\kappa P$ with $A = \\frac{1}{N}\\sum_n s(m_n) x'_n x'^T_n$ and\n\n"
                                + "$$\\kappa = \\frac{\\varepsilon}{\\|w\\|} \\frac{1}{N} \\sum_n \\sigma(-m_n).$$",
                        "Labels $y_n \\in \\{-1, +1\\}$; the code `$x$` is not math; costs $5 and $6 stay text.",
                        "By the chain rule, *twice*:\n\n1. differentiate $m_n$;\n2. differentiate again.\n"),
                claim("rem:sample-not-monotone", "The top eigenvalue can fall", ClaimKind.COUNTEREXAMPLE, List.of("P3"),
                        "$\\lambda_{\\max}(H)$ is not monotone in $\\varepsilon$.", "Fixed $w$.", "The curvature along $w$ can fall."),
                claim("conj:sample-trace", "The trace rises", ClaimKind.CONJECTURE, List.of("P3"),
                        "$\\operatorname{tr} H$ is nondecreasing.", "Margin condition.", "No counterexample so far."),
                claim("exp:sample-resnet", "ResNet18 sharpens", ClaimKind.EMPIRICAL, List.of("P4"),
                        "Top eigenvalue rises with $\\varepsilon$.", "CIFAR-10.", "Needs a GPU."),
                claim("inst:sample-eigen", "Eigen-solvers agree", ClaimKind.INSTRUMENT, List.of(),
                        "EJML and Commons Math agree.", "Symmetric input.", "Both are backward stable."));
    }

    public static List<Check> checks() {
        return List.of(
                check("decomposition-vs-fd", "prop:sample-decomposition", (ctx, ev) -> {
                    SplittableRandom rnd = new SplittableRandom(ctx.seedFor("decomposition-vs-fd"));
                    int tries = ctx.tries(20);
                    double[] x = new double[tries];
                    double[] y = new double[tries];
                    double worst = 0;
                    for (int i = 0; i < tries; i++) {
                        x[i] = i;
                        y[i] = rnd.nextDouble() * 1e-13;
                        worst = Math.max(worst, y[i]);
                    }
                    ev.measure(Measurement.atMost("max relative error of H", worst, SAMPLE_TOLERANCE, "SAMPLE_TOLERANCE"));
                    ev.table(new Table("first cases", List.of("case", "error"),
                            List.of(List.of("0", Double.toString(y[0])), List.of("1", Double.toString(y[1])))));
                    ev.plot(new Series("error per case", "case", "relative error", true,
                            List.of(new Series.Line("H", x, y))));
                    ev.fact("problems", tries).fact("dimensions", new int[] {2, 9});
                    ev.seed(new SeedRecord(tries + " random problems", ctx.seedFor("decomposition-vs-fd"),
                            ctx.replayCommand("prop:sample-decomposition")));
                    return "H matched finite differences on " + tries + " problems";
                }),
                check("kappa-psd", "prop:sample-decomposition", (ctx, ev) -> {
                    ev.measure(Measurement.atLeast("smallest eigenvalue of kappa P", 0.0, 0.0, "exact"));
                    return "kappa P is PSD";
                }),
                check("top-eigen-search", "rem:sample-not-monotone", (ctx, ev) -> {
                    long seed = ctx.seedFor("top-eigen-search");
                    ev.counterexample(new Counterexample("lambda_max falls from 0.31 to 0.29",
                            "x = {{1.0, 0.5}, {-0.2, 1.0}}\ny = {1, -1}\nw = {0.3, 0.1}\neps = 0.1, 0.2", seed, 7,
                            ctx.replayCommand("rem:sample-not-monotone")));
                    return "counterexample found and shrunk";
                }),
                check("trace-search", "conj:sample-trace", (ctx, ev) -> {
                    SplittableRandom rnd = new SplittableRandom(ctx.seedFor("trace-search"));
                    double[] eps = {0, 0.25, 0.5, 0.75};
                    double[] trace = new double[eps.length];
                    for (int i = 0; i < eps.length; i++) {
                        trace[i] = 1 + i + rnd.nextDouble();
                    }
                    ev.plot(new Series("trace against eps", "eps", "trace", false,
                            List.of(new Series.Line("adversarial", eps, trace), new Series.Line("random", eps,
                                    new double[] {1, 1.01, 1.02, 1.03}))));
                    ev.measure(Measurement.atMost("violations", 0, 0, "budget: none allowed"));
                    return "no violation in " + ctx.tries(3000) + " problems";
                }),
                check("resnet-gpu", "exp:sample-resnet", (ctx, ev) -> {
                    ev.notRun("no GPU visible (CUDA device count 0)");
                    return "skipped";
                }),
                check("ejml-vs-commons", "inst:sample-eigen", (ctx, ev) -> {
                    ev.measure(Measurement.below("max eigenvalue difference", 1e-15, 1e-12, "EIGEN_AGREEMENT"));
                    return "solvers agree";
                }));
    }

    /** A check that fails its measurement, for the sample claim of the given id. */
    public static Check failingCheck(String claimId) {
        return check("deliberately-failing", claimId, (ctx, ev) -> {
            ev.measure(Measurement.atMost("error", 1.0, SAMPLE_TOLERANCE, "SAMPLE_TOLERANCE"));
            return "the error is far above the tolerance";
        });
    }

    /** A check of the given sample claim whose body only records evidence. */
    public static Check claimCheck(String claimId, Consumer<Evidence> body) {
        return check("custom-" + claimId.replace(':', '-'), claimId, (ctx, ev) -> {
            body.accept(ev);
            return "custom evidence";
        });
    }

    public static Claim claim(String id, String title, ClaimKind kind, List<String> paper, String statement,
                              String assumptions, String proof) {
        Verdict expected = kind.naturalVerdict();
        if (id.startsWith("exp:sample-resnet")) {
            expected = Verdict.SUPPORTED;
        }
        return new Claim(id, title, kind, paper, expected, statement, assumptions, proof, "proofs/sample.md");
    }

    interface Body {
        String run(CheckContext ctx, Evidence ev);
    }

    static Check check(String id, String claimId, Body body) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String claimId() {
                return claimId;
            }

            @Override
            public String title() {
                return "sample check " + id;
            }

            @Override
            public String run(CheckContext context, Evidence evidence) {
                return body.run(context, evidence);
            }
        };
    }
}
