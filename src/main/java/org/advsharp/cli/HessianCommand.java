package org.advsharp.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.advsharp.data.CsvInput;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.SymmetricEigenSolver;
import org.advsharp.numerics.SymmetricEigenSolvers;
import org.advsharp.oracle.AdversarialLoss;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.oracle.HessianDecomposition;
import org.advsharp.oracle.MarginAdversarialLoss;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.oracle.PenalizedAdversarialLoss;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp hessian}: the adversarial Hessian of a person's data at their weights.
 *
 * <p>Prints H = A + kappa P of the mean L2 adversarial logistic loss L_eps(w) (prop:hessian,
 * prop:decomposition), its fixed-input part A, kappa, the eigenvalues of H and of A (descending), the
 * critical radius eps_c = ||(1/N) sum y_n x_n|| (prop:critical-radius), and the loss and gradient of the
 * objective L_eps(w) + (lambda/2)||w||^2. The Hessians and eigenvalues are of L_eps alone: weight decay
 * would add lambda to every eigenvalue. {@code --loss exponential|probit} takes another margin loss
 * (prop:margin-loss-hessian, {@link MarginAdversarialLoss}); the default, logistic, is computed by
 * {@link AdversarialLoss} as before.
 */
@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = {"Adversarial Hessian H = A + kappa P of your data at your weights, its parts and spectra.",
            "Hessians and eigenvalues are of the mean adversarial loss alone (weight decay adds lambda to each "
                    + "eigenvalue); loss and gradient include (lambda/2)||w||^2."})
final class HessianCommand implements Callable<Integer> {

    /** The note every output carries about what the numbers are of. */
    static final String NOTE = "hessian, fixedInputPart and the eigenvalues are of the mean L2 adversarial "
            + "logistic loss alone (weight decay (lambda/2)||w||^2 would add lambda to every eigenvalue); "
            + "loss and gradient are of the loss plus (lambda/2)||w||^2";

    /** The suite's standard symmetric solver: descending eigenvalues of (M + M^T)/2. */
    private static final SymmetricEigenSolver SOLVER = SymmetricEigenSolvers.standard();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "Features then label (-1/1 or 0/1) per row; a header row is allowed.")
    private Path data;

    @Option(names = "--weights", required = true, paramLabel = "FILE.csv",
            description = "The weight vector: one number per line, or one row.")
    private Path weights;

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "L2 attack radius, >= 0.")
    private double epsilon;

    @Option(names = "--lambda", paramLabel = "L", description = "Weight decay coefficient, >= 0 (default 0).")
    private double lambda;

    @Option(names = "--loss", paramLabel = "logistic|exponential|probit",
            description = "Margin loss l(y w^T x) (default: ${DEFAULT-VALUE}).")
    private String lossName = "logistic";

    @Option(names = "--format", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format = Format.json;

    @Override
    public Integer call() {
        Inputs.nonNegative("--epsilon", epsilon);
        Inputs.nonNegative("--lambda", lambda);
        Dataset dataset = CsvInput.dataset(data);
        double[] w = Inputs.weights(weights.toString(), CsvInput.weights(weights), dataset.dimension());
        MarginLoss margin = marginLoss(lossName);
        HessianDecomposition h;
        double value;
        double[] gradient;
        if (margin == MarginLoss.logistic()) {
            AdversarialLoss loss = new AdversarialLoss(dataset, epsilon);
            PenalizedAdversarialLoss objective = new PenalizedAdversarialLoss(loss, lambda);
            h = loss.hessian(w);
            value = objective.value(w);
            gradient = objective.gradient(w);
        } else {
            MarginAdversarialLoss loss = new MarginAdversarialLoss(dataset, margin, epsilon);
            h = loss.hessian(w);
            value = loss.value(w) + 0.5 * lambda * squaredNorm(w);
            gradient = loss.gradient(w);
            for (int j = 0; j < w.length; j++) {
                gradient[j] += lambda * w[j];
            }
        }
        String note = margin == MarginLoss.logistic() ? NOTE : NOTE.replace("logistic", margin.name());
        DMatrixRMaj full = h.full();
        DMatrixRMaj fixed = h.fixedInputPart();
        double criticalRadius = CriticalRadius.of(dataset);
        if (!finite(full) || !finite(fixed)) {
            throw notFinite(h.kappa(), h.weightNorm(), criticalRadius);
        }
        double[] eigenvalues = SOLVER.decompose(full).eigenvalues();
        double[] fixedEigenvalues = SOLVER.decompose(fixed).eigenvalues();

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectNode root = Format.object();
            root.set("hessian", Format.matrix(full));
            root.set("fixedInputPart", Format.matrix(fixed));
            root.put("kappa", h.kappa());
            root.set("eigenvalues", Format.array(eigenvalues));
            root.set("fixedInputEigenvalues", Format.array(fixedEigenvalues));
            root.put("criticalRadius", criticalRadius);
            root.put("loss", value);
            root.set("gradient", Format.array(gradient));
            out.println(Format.pretty(root));
            spec.commandLine().getErr().println("note: " + note);
        } else {
            out.println("# " + note);
            out.println("# epsilon = " + epsilon + ", lambda = " + lambda + "; rows: name,values...");
            out.println(Format.csvRow("kappa", h.kappa()));
            out.println(Format.csvRow("criticalRadius", criticalRadius));
            out.println(Format.csvRow("loss", value));
            out.println(Format.csvRow("gradient", gradient));
            out.println(Format.csvRow("eigenvalues", eigenvalues));
            out.println(Format.csvRow("fixedInputEigenvalues", fixedEigenvalues));
            for (int i = 0; i < full.numRows; i++) {
                out.println(Format.csvRow("hessian", row(full, i)));
            }
            for (int i = 0; i < fixed.numRows; i++) {
                out.println(Format.csvRow("fixedInputPart", row(fixed, i)));
            }
        }
        out.flush();
        if (out.checkError()) {
            throw new IllegalArgumentException("standard output could not be written");
        }
        return Advsharp.EXIT_OK;
    }

    /** The loss named by --loss; an unknown name is refused with one line naming the option and the choices. */
    static MarginLoss marginLoss(String name) {
        try {
            return MarginLoss.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--loss: " + e.getMessage());
        }
    }

    private static double squaredNorm(double[] w) {
        double sum = 0.0;
        for (double wj : w) {
            sum += wj * wj;
        }
        return sum;
    }

    /**
     * The refusal of a Hessian that overflows: the radius is to blame when it is at or above eps_c or when eps ||w||
     * or eps / ||w|| overflows (then every margin or kappa is out of range whatever the weights); otherwise the
     * weights or features are.
     */
    private IllegalArgumentException notFinite(double kappa, double weightNorm, double criticalRadius) {
        String what = "the Hessian is not finite in double precision (kappa = " + kappa + ")";
        if (epsilon >= criticalRadius || !Double.isFinite(epsilon * weightNorm)
                || !Double.isFinite(epsilon / weightNorm)) {
            return new IllegalArgumentException("--epsilon: " + what + ": eps = " + epsilon + " is "
                    + (epsilon >= criticalRadius ? "at or above the critical radius eps_c = " + criticalRadius
                    + " of " + data : "too large for weights of norm " + weightNorm)
                    + ", where eps ||w|| or eps/||w|| overflows; give a radius below eps_c");
        }
        return new IllegalArgumentException(weights + " with " + data + ": " + what + "; weights or features too "
                + "large or too small in magnitude: rescale them");
    }

    private static boolean finite(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        for (int j = 0; j < r.length; j++) {
            r[j] = m.get(i, j);
        }
        return r;
    }
}
