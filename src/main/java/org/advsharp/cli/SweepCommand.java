package org.advsharp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.advsharp.data.Dataset;
import org.advsharp.landscape.LinearSharpness;
import org.advsharp.oracle.CriticalRadius;
import org.advsharp.training.NewtonTrainer;
import org.advsharp.training.NoFiniteMinimiserException;
import org.advsharp.training.Trainer;
import org.advsharp.training.TrainingObjective;
import org.advsharp.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp sweep}: trains the L2 adversarial logistic regression L_eps(w) + (lambda/2)||w||^2 at
 * each eps with Newton's method (analytic Hessian, line search), the first radius from the minimiser
 * along mean(y x) and each later one warm-started from the previous w*, and prints per eps: eps,
 * eps/eps_c, ||w*||, loss, gradient norm, lambda_max(H), lambda_max(A), trace(H), kappa and w*.
 *
 * <p>Every radius is validated before anything is trained or printed: a radius at or above the critical
 * radius eps_c = ||mean(y x)|| is refused (there w* = 0 exactly and H does not exist,
 * prop:critical-radius), as is data with no finite minimiser (separable data with eps = lambda = 0). A
 * trained point whose gradient norm stays above the trainer's tolerance is printed with a warning line
 * on standard error naming the radius.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train adversarial logistic regression at each epsilon and print the sharpness of w*.",
            "Hessians and eigenvalues are of the mean adversarial loss alone (weight decay adds lambda to each "
                    + "eigenvalue); loss and gradient norm are of the trained objective, loss + (lambda/2)||w||^2.",
            "Radii must be below the critical radius eps_c = ||mean(y x)||, where w* = 0."})
final class SweepCommand implements Callable<Integer> {

    /** The note every output carries about what the numbers are of. */
    static final String NOTE = "lambdaMax, lambdaMaxFixedInput, trace and kappa are of the mean L2 adversarial "
            + "logistic loss alone at w* (weight decay would add lambda to every eigenvalue); loss and gradientNorm "
            + "are of the trained objective, loss + (lambda/2)||w||^2; trainer: Newton with warm starts";

    /** The output keys, in order. */
    static final List<String> KEYS = List.of("epsilon", "epsilonOverCritical", "weightNorm", "loss", "gradientNorm",
            "lambdaMax", "lambdaMaxFixedInput", "trace", "kappa", "weights");

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "Features then label (-1/1 or 0/1) per row; a header row is allowed.")
    private Path data;

    /** Parsed in call() with the one list rule of {@link Inputs#commaList}: an empty entry anywhere is refused. */
    @Option(names = "--epsilons", required = true, paramLabel = "LIST",
            description = "Comma-separated attack radii, each >= 0 and below the critical radius; no empty entry.")
    private String epsilonList;

    private double[] epsilons;

    @Option(names = "--lambda", paramLabel = "L", description = "Weight decay coefficient, >= 0 (default 0).")
    private double lambda;

    @Option(names = "--format", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format = Format.json;

    /** One trained radius. */
    private record Row(double epsilon, double ratio, TrainingResult result, LinearSharpness sharpness) {
    }

    @Override
    public Integer call() {
        epsilons = Inputs.numberList("--epsilons", epsilonList);
        for (double eps : epsilons) {
            Inputs.nonNegative("--epsilons", eps);
        }
        Inputs.nonNegative("--lambda", lambda);
        Dataset dataset = CsvInput.dataset(data);
        double criticalRadius = CriticalRadius.of(dataset);
        if (criticalRadius == 0) {
            throw new IllegalArgumentException(data + ": the critical radius eps_c = ||mean(y x)|| is 0, so w* = 0 "
                    + "for every radius (prop:critical-radius); there is nothing to sweep");
        }
        for (double eps : epsilons) {
            if (eps >= criticalRadius) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--epsilons: %s is at or above the "
                        + "critical radius eps_c = %s of %s (eps/eps_c = %.6g), where w* = 0 exactly and the Hessian "
                        + "does not exist (prop:critical-radius); give radii below eps_c", eps, criticalRadius, data,
                        eps / criticalRadius));
            }
        }
        List<Row> rows = train(dataset, criticalRadius);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.json) {
            ArrayNode array = Format.JSON.createArrayNode();
            for (Row r : rows) {
                ObjectNode o = array.addObject();
                o.put("epsilon", r.epsilon());
                o.put("epsilonOverCritical", r.ratio());
                o.put("weightNorm", r.result().weightNorm());
                o.put("loss", r.result().loss());
                o.put("gradientNorm", r.result().gradientNorm());
                o.put("lambdaMax", r.sharpness().lambdaMaxH());
                o.put("lambdaMaxFixedInput", r.sharpness().lambdaMaxA());
                o.put("trace", r.sharpness().traceH());
                o.put("kappa", r.sharpness().kappa());
                o.set("weights", Format.array(r.result().w()));
            }
            out.println(Format.pretty(array));
        } else {
            out.println("# " + NOTE);
            out.println("# lambda = " + lambda + ", criticalRadius = " + criticalRadius + "; weights in columns w1..w"
                    + dataset.dimension());
            StringJoiner header = new StringJoiner(",");
            KEYS.subList(0, KEYS.size() - 1).forEach(header::add);
            for (int j = 1; j <= dataset.dimension(); j++) {
                header.add("w" + j);
            }
            out.println(header);
            for (Row r : rows) {
                LinearSharpness s = r.sharpness();
                String line = Format.csvRow(Double.toString(r.epsilon()), r.ratio(), r.result().weightNorm(),
                        r.result().loss(), r.result().gradientNorm(), s.lambdaMaxH(), s.lambdaMaxA(), s.traceH(),
                        s.kappa());
                out.println(Format.csvRow(line, r.result().w()));
            }
        }
        out.flush();
        if (out.checkError()) {
            throw new IllegalArgumentException("standard output could not be written");
        }
        if (format == Format.json) {
            err.println("note: " + NOTE);
        }
        for (Row r : rows) {
            if (!r.result().converged()) {
                err.println("warning: at epsilon = " + r.epsilon() + " Newton stopped at gradient norm "
                        + r.result().gradientNorm() + " (" + r.result().stopReason() + "); that row is not a "
                        + "certified minimiser");
            }
        }
        err.flush();
        return Advsharp.EXIT_OK;
    }

    private List<Row> train(Dataset dataset, double criticalRadius) {
        Trainer trainer = new NewtonTrainer();
        List<Row> rows = new ArrayList<>();
        double[] w = null;
        for (double eps : epsilons) {
            TrainingObjective objective = TrainingObjective.adversarial(dataset, eps, lambda);
            TrainingResult result;
            try {
                result = w == null ? trainer.train(objective) : trainer.train(objective, w);
            } catch (NoFiniteMinimiserException e) {
                throw new IllegalArgumentException(data + " at epsilon = " + eps + ", lambda = " + lambda + ": "
                        + e.getMessage().lines().findFirst().orElse("no finite minimiser")
                        + " (give --lambda > 0)", e);
            }
            w = result.w();
            rows.add(new Row(eps, eps / criticalRadius, result, LinearSharpness.adversarial(dataset, eps, w)));
        }
        return rows;
    }
}
