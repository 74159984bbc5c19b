package org.advsharp.checks.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.advsharp.check.Reproduction;
import org.advsharp.data.Dataset;
import org.advsharp.oracle.CriticalRadius;

/**
 * A counterexample as files and commands of the command line: the data as CSV (feature columns, the label
 * last, in {-1, 1}), the weights as CSV (one row), and the {@code ./advsharp hessian} or
 * {@code ./advsharp sweep} commands that recompute what the claim is about from them. Every number is
 * written as Java writes a double, the shortest text that reads back to the same double, so the commands
 * reproduce the counterexample exactly. Each file starts with a {@code #} comment line, which the command
 * line skips.
 */
public final class CounterexampleFiles {
    private CounterexampleFiles() {
    }

    /** A file-name stem from a claim id: "rem:full-top-not-monotone" gives "rem-full-top-not-monotone". */
    public static String stem(String claimId) {
        return String.valueOf(claimId).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /**
     * An instance at fixed weights: the Hessian at w for both radii.
     *
     * @param stem the file-name stem, e.g. the claim id with ':' replaced by '-'
     */
    public static Reproduction hessian(String stem, AdversarialCase c) {
        String data = stem + "-data.csv";
        String weights = stem + "-weights.csv";
        List<Reproduction.File> files = List.of(
                new Reproduction.File(data, dataCsv(c.data())),
                new Reproduction.File(weights, "# weights w, one row\n" + row(c.w()) + "\n"));
        List<String> commands = new ArrayList<>();
        for (double eps : new double[] {c.eps1(), c.eps2()}) {
            commands.add("./advsharp hessian --data " + data + " --weights " + weights + " --epsilon " + eps);
        }
        return new Reproduction(files, commands);
    }

    /**
     * A training problem: the sweep over the radii {@code ratios} times eps_c of its data.
     *
     * @param stem   the file-name stem
     * @param ratios the grid of eps/eps_c the search compared, each in [0, 1)
     */
    public static Reproduction sweep(String stem, Dataset data, double lambda, double[] ratios) {
        String name = stem + "-data.csv";
        double epsC = CriticalRadius.of(data);
        double[] radii = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            radii[i] = ratios[i] * epsC;
        }
        return new Reproduction(List.of(new Reproduction.File(name, dataCsv(data))),
                List.of("./advsharp sweep --data " + name + " --epsilons " + row(radii) + " --lambda " + lambda
                        + " --format csv"));
    }

    /** "# ..." then one row per sample: features, then the label. */
    static String dataCsv(Dataset data) {
        StringBuilder s = new StringBuilder("# data: N = " + data.size() + ", d = " + data.dimension()
                + "; features, then the label in {-1, 1}\n");
        for (int i = 0; i < data.size(); i++) {
            s.append(row(data.row(i))).append(',').append(label(data.label(i))).append('\n');
        }
        return s.toString();
    }

    private static String label(double y) {
        return y > 0 ? "1" : "-1";
    }

    private static String row(double[] values) {
        StringJoiner j = new StringJoiner(",");
        for (double v : values) {
            j.add(Double.toString(v));
        }
        return j.toString();
    }
}
