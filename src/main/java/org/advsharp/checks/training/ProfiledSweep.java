package org.advsharp.checks.training;

import java.util.ArrayList;
import java.util.List;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.RandomNoise;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import org.ejml.data.DMatrixRMaj;

/**
 * An eps sweep with the exact sharpness of the LOSS (no weight decay) at every trained point.
 *
 * @param problem  the problem
 * @param sweep    the trained points
 * @param profiles the sharpness at each point, in grid order
 */
public record ProfiledSweep(TrainedProblem problem, SweepResult sweep, List<LinearSharpness> profiles) {

    public ProfiledSweep {
        profiles = List.copyOf(profiles);
    }

    /** The L2 adversarial sweep with Newton, profiled by LinearSharpness.adversarial. */
    public static ProfiledSweep adversarial(TrainedProblem problem, double[] ratios) {
        SweepResult s = EpsilonSweep.adversarial(problem.data(), problem.lambda(), ratios, new NewtonTrainer());
        List<LinearSharpness> profiles = new ArrayList<>();
        for (SweepPoint p : s.points()) {
            profiles.add(LinearSharpness.adversarial(problem.data(), p.epsilon(), p.result().w()));
        }
        return new ProfiledSweep(problem, s, profiles);
    }

    /**
     * The random-noise sweep (fixed per-sample noise of norm eps, directions from noiseSeed), profiled by
     * the top eigenvalue and trace of the trained objective's own Hessian less the weight decay (H), and of
     * the clean loss Hessian at the noisy inputs computed by the oracle's RandomNoiseLoss (A). The two are
     * computed by different code; prop:random-noise says they are equal (no direction term), and the
     * trained-point anatomy reports their difference as the measured direction term.
     */
    public static ProfiledSweep randomNoise(TrainedProblem problem, double[] ratios, long noiseSeed) {
        SweepResult s = EpsilonSweep.randomNoise(problem.data(), problem.lambda(), ratios, noiseSeed,
                new NewtonTrainer());
        List<LinearSharpness> profiles = new ArrayList<>();
        int d = problem.data().dimension();
        double[][] directions = RandomNoise.unitDirections(noiseSeed, problem.data().size(), d);
        for (SweepPoint p : s.points()) {
            DMatrixRMaj h = p.objective().hessian(p.result().w());
            for (int j = 0; j < d; j++) {
                h.add(j, j, -problem.lambda());
            }
            var spectrum = SymmetricEigenSolvers.standard().decompose(h);
            LinearSharpness fixed = LinearSharpness.randomNoise(problem.data(),
                    RandomNoise.noise(directions, p.epsilon()), p.result().w());
            profiles.add(new LinearSharpness(spectrum.largest(), fixed.lambdaMaxA(), spectrum.trace(), fixed.traceA(),
                    0.0, Double.NaN, p.result().weightNorm()));
        }
        return new ProfiledSweep(problem, s, profiles);
    }

    /** The radii of the sweep. */
    public double[] epsilons() {
        return sweep.points().stream().mapToDouble(SweepPoint::epsilon).toArray();
    }

    /** The trained weights at each radius. */
    public List<double[]> weights() {
        return sweep.points().stream().map(p -> p.result().w()).toList();
    }

    public double[] lambdaMaxH() {
        return profiles.stream().mapToDouble(LinearSharpness::lambdaMaxH).toArray();
    }

    public double[] lambdaMaxA() {
        return profiles.stream().mapToDouble(LinearSharpness::lambdaMaxA).toArray();
    }

    public double[] traceH() {
        return profiles.stream().mapToDouble(LinearSharpness::traceH).toArray();
    }

    public double[] kappa() {
        return profiles.stream().mapToDouble(LinearSharpness::kappa).toArray();
    }
}
