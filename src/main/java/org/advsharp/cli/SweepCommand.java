package org.advsharp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.advsharp.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code advsharp sweep}: trains the adversarial logistic regression at each eps and prints, per eps:
 * eps, eps/eps_c, ||w*||, loss, gradient norm, lambda_max(H), lambda_max(A), trace(H), kappa and w*.
 *
 * <p>Waits for the trainer (org.advsharp.training): until it is in the build, the inputs are checked and
 * the command says that training is not available, exiting with 2.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train adversarial logistic regression at each epsilon and print the sharpness of w*.",
            "Hessians and eigenvalues are of the mean adversarial loss alone (weight decay adds lambda to each "
                    + "eigenvalue); loss and gradient norm are of the trained objective, loss + (lambda/2)||w||^2."})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "Features then label (-1/1 or 0/1) per row; a header row is allowed.")
    private Path data;

    @Option(names = "--epsilons", required = true, split = ",", paramLabel = "LIST",
            description = "Comma-separated attack radii, each >= 0 and below the critical radius.")
    private double[] epsilons;

    @Option(names = "--lambda", paramLabel = "L", description = "Weight decay coefficient, >= 0 (default 0).")
    private double lambda;

    @Option(names = "--format", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format = Format.json;

    @Override
    public Integer call() {
        for (double eps : epsilons) {
            Inputs.nonNegative("--epsilons", eps);
        }
        Inputs.nonNegative("--lambda", lambda);
        Dataset dataset = CsvInput.dataset(data);
        throw new IllegalArgumentException("the adversarial trainer (org.advsharp.training) is not in this build "
                + "yet, so sweep cannot train; " + dataset + " and " + epsilons.length + " radii were read");
    }
}
