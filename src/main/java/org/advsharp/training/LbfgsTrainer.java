package org.advsharp.training;

import static org.advsharp.numerics.Vectors.dot;
import static org.advsharp.numerics.Vectors.norm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.advsharp.numerics.Vectors;

/**
 * Limited-memory BFGS for large d (784 and up), where forming the d x d Hessian at every step costs
 * N d^2 operations. Uses only values and gradients (N d per evaluation).
 *
 * <pre>
 *   p_k = -H_k g_k by the two-loop recursion over the last m pairs
 *         s_i = w_{i+1} - w_i, y_i = g_{i+1} - g_i, with H_k^0 = (s^T y / y^T y) I;
 *   w_{k+1} = w_k + t_k p_k,  t_k from LineSearch (Armijo, halving; first step scaled to length 1/||g||).
 * </pre>
 *
 * <p>A pair is stored only if s^T y > {@link #CURVATURE_FLOOR} ||s|| ||y|| (true for strictly convex F
 * away from rounding), which keeps H_k positive definite. Checked against {@link NewtonTrainer}: on a
 * lambda-strongly convex F, ||w - w*|| <= ||grad F(w)|| / lambda for any w.
 */
public final class LbfgsTrainer implements Trainer {
    /** Default tolerance on ||grad F||; L-BFGS converges linearly, so it stops earlier than Newton. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-10;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 5000;
    /** Default memory m. */
    public static final int DEFAULT_MEMORY = 10;
    /** Relative floor on s^T y below which a pair is skipped (its curvature is rounding noise). */
    public static final double CURVATURE_FLOOR = 1e-12;

    private final double gradientTolerance;
    private final int maxIterations;
    private final int memory;

    /** Tolerance 1e-10, memory 10, at most 5000 iterations. */
    public LbfgsTrainer() {
        this(DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_MEMORY);
    }

    public LbfgsTrainer(double gradientTolerance, int maxIterations, int memory) {
        if (!(gradientTolerance > 0) || maxIterations < 1 || memory < 1) {
            throw new IllegalArgumentException("L-BFGS: tolerance " + gradientTolerance + " must be > 0, iteration "
                    + "limit " + maxIterations + " and memory " + memory + " at least 1");
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.memory = memory;
    }

    @Override
    public String name() {
        return "L-BFGS (memory " + memory + ", Armijo backtracking), tolerance " + gradientTolerance;
    }

    @Override
    public TrainingResult train(TrainingObjective objective, double[] start) {
        long t0 = System.nanoTime();
        double[] w = TrainerInput.start(objective, start);
        MinimiserExistence.requireBeforeTraining(objective);
        double f = objective.value(w);
        double[] g = objective.gradient(w);
        Deque<double[][]> pairs = new ArrayDeque<>();
        List<Iterate> trace = new ArrayList<>();
        String reason;
        double gn;
        for (int k = 0; ; k++) {
            gn = norm(g);
            MinimiserExistence.requireNotDivergingAt(objective, w, k);
            String stop = TrainerInput.stopReason(k, gn, gradientTolerance, maxIterations);
            if (stop != null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = stop;
                break;
            }
            double[] p = pairs.isEmpty() ? Vectors.scaled(-1.0 / gn, g) : twoLoop(g, pairs);
            LineSearch.Step step = LineSearch.backtrack(objective, w, f, g, gn, p);
            if (step == null && !pairs.isEmpty()) {
                pairs.clear();
                p = Vectors.scaled(-1.0 / gn, g);
                step = LineSearch.backtrack(objective, w, f, g, gn, p);
            }
            if (step == null) {
                trace.add(new Iterate(k, f, gn, 0, 0));
                reason = "no decrease along the search direction: rounding floor reached at gradient norm " + gn;
                break;
            }
            trace.add(new Iterate(k, f, gn, step.t(), step.norm()));
            double[] gNew = objective.gradient(step.w());
            double[] s = Vectors.plus(step.w(), -1.0, w);
            double[] y = Vectors.plus(gNew, -1.0, g);
            if (dot(s, y) > CURVATURE_FLOOR * norm(s) * norm(y)) {
                if (pairs.size() == memory) {
                    pairs.removeFirst();
                }
                pairs.addLast(new double[][] {s, y});
            }
            w = step.w();
            f = step.value();
            g = gNew;
        }
        return new TrainingResult(name(), objective.description(), w, trace, gn <= gradientTolerance, reason, f, gn,
                objective.residuals(w), System.nanoTime() - t0);
    }

    /** -H g by the two-loop recursion; pairs are oldest first. */
    private static double[] twoLoop(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        int m = pairs.size();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        int i = m - 1;
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); i--) {
            double[][] pair = it.next();
            rho[i] = 1.0 / dot(pair[1], pair[0]);
            alpha[i] = rho[i] * dot(pair[0], q);
            for (int j = 0; j < q.length; j++) {
                q[j] -= alpha[i] * pair[1][j];
            }
        }
        double[][] last = pairs.peekLast();
        double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
        for (int j = 0; j < q.length; j++) {
            q[j] *= gamma;
        }
        i = 0;
        for (double[][] pair : pairs) {
            double beta = rho[i] * dot(pair[1], q);
            for (int j = 0; j < q.length; j++) {
                q[j] += (alpha[i] - beta) * pair[0][j];
            }
            i++;
        }
        return Vectors.scaled(-1.0, q);
    }
}
