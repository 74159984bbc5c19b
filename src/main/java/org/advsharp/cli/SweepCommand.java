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
import java.util.function.Function;
import org.advsharp.data.CsvInput;
import org.advsharp.data.Dataset;
import org.advsharp.numerics.RowBlocks;
import org.advsharp.oracle.MarginLoss;
import org.advsharp.training.Ball;
import org.advsharp.training.EpsilonSweep;
import org.advsharp.training.FacePoint;
import org.advsharp.training.MeasuredRadius;
import org.advsharp.training.PointSharpness;
import org.advsharp.training.RadiusGridException;
import org.advsharp.training.Solver;
import org.advsharp.training.SweepPoint;
import org.advsharp.training.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advsharp sweep}: parses its options, runs {@link EpsilonSweep#measured} for the chosen {@link Ball} (the
 * one sweep of advsharp: its rules for radii, its start and warm-start rule, its solvers) and prints the rows.
 *
 * <p>Per eps: eps, eps/eps_c, ||w*||, loss, gradient norm, lambda_max(H) and lambda_max(A) with their
 * residuals, trace(H), kappa, the solver and w*. The grid is checked before anything is trained. A trained
 * point whose gradient norm stays above the trainer's tolerance gets a warning line on standard error.
 * On data with N d of at least {@link #PROGRESS_MIN_WORK} a progress line per radius with the time left
 * goes to standard error. When a radius fails after others were trained, their rows are printed, the
 * failure is said on standard error, and the exit code is {@link #EXIT_RADIUS_FAILED}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train adversarial logistic regression at each epsilon and print the sharpness of w*.",
            "Hessians and eigenvalues are of the mean adversarial loss alone (weight decay adds lambda to each "
                    + "eigenvalue); loss and gradient norm are of the trained objective, loss + (lambda/2)||w||^2.",
            "Radii must increase and stay below the critical radius eps_c = ||mean(y x)||, where w* = 0.",
            "--loss: the margin loss (L2 ball only); the critical radius is the same for every loss.",
            "--ball linf: the Linf attack (eps_c = ||mean(y x)||_inf), trained by orthant-wise Newton; its loss has "
                    + "kinks where w*_j = 0, so lambda_max is of the Hessian on the face {j : w*_j != 0}.",
            "Exit code 4: a radius failed after earlier ones were trained; their rows are printed."})
final class SweepCommand implements Callable<Integer> {

    /** Exit code when a radius fails after earlier radii were trained (their rows are printed). */
    static final int EXIT_RADIUS_FAILED = 4;
    /** N d from which a progress line per radius goes to standard error (about 10 ms of work per pass). */
    static final long PROGRESS_MIN_WORK = 1_000_000L;

    /** The note every output carries about what the numbers are of. */
    static final String NOTE = "lambdaMax, lambdaMaxFixedInput, trace and kappa are of the mean L2 adversarial "
            + "logistic loss alone at w* (weight decay would add lambda to every eigenvalue); loss and gradientNorm "
            + "are of the trained objective, loss + (lambda/2)||w||^2; residuals are ||H v - lambda v|| of the "
            + "computed eigenvectors";

    /** The note of the Linf sweep. */
    static final String LINF_NOTE = "Linf ball: lambdaMaxFace is lambda_max of the mean Linf adversarial logistic "
            + "loss's Hessian on the face {j : w*_j != 0} (the loss has a kink across every coordinate at 0; weight "
            + "decay would add lambda); faceSize counts the coordinates not at 0; smallestSlack is min (b - |a_j|)/b "
            + "over the coordinates at 0 (near 0: about to enter the face); loss and subgradientNorm (the least norm "
            + "of a subgradient) are of the trained objective, loss + (lambda/2)||w||^2";

    /** The output keys of the Linf sweep, in order. */
    static final List<String> LINF_KEYS = List.of("epsilon", "epsilonOverCritical", "weightNorm", "loss",
            "subgradientNorm", "lambdaMaxFace", "lambdaMaxFaceResidual", "faceSize", "smallestSlack", "solver",
            "weights");

    /** The JSON key of eps_c, in every row after epsilonOverCritical (the CSV has it in its second # line). */
    static final String CRITICAL_RADIUS_KEY = "criticalRadius";

    /** The output keys, in order (JSON adds {@link #CRITICAL_RADIUS_KEY} after the second). */
    static final List<String> KEYS = List.of("epsilon", "epsilonOverCritical", "weightNorm", "loss", "gradientNorm",
            "lambdaMax", "lambdaMaxResidual", "lambdaMaxFixedInput", "lambdaMaxFixedInputResidual", "trace", "kappa",
            "solver", "weights");

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "Features then label (-1/1 or 0/1) per row; a header row is allowed; - reads standard "
                    + "input.")
    private Path data;

    /** Parsed in call() with the one list rule of {@link Inputs#commaList}: an empty entry anywhere is refused. */
    @Option(names = "--epsilons", paramLabel = "LIST",
            description = "Comma-separated attack radii, increasing, each >= 0 and below the critical radius; no empty "
                    + "entry. Required unless --critical-radius is given.")
    private String epsilonList;

    @Option(names = "--critical-radius", description = "Print the critical radius eps_c of the data for the ball "
            + "(--ball) and stop; nothing is trained.")
    private boolean criticalRadiusOnly;

    private double[] epsilons;

    @Option(names = "--lambda", paramLabel = "L", description = "Weight decay coefficient, >= 0 (default 0).")
    private double lambda;

    @Option(names = "--solver", paramLabel = "dense|matrix-free",
            description = "dense: formed Hessian, Cholesky, all eigenvalues; matrix-free: CG and Lanczos on "
                    + "Hessian-vector products. Default: matrix-free from d = " + Solver.AUTOMATIC_MATRIX_FREE_DIMENSION
                    + " features on, dense below.")
    private String solver;

    @Option(names = "--threads", paramLabel = "T", description = "Threads of the matrix-free solver (default: every "
            + "core). The numbers do not depend on it.")
    private Integer threads;

    @Option(names = "--ball", paramLabel = "l2|linf", description = "The attack's ball (default: ${DEFAULT-VALUE}).")
    private BallName ball = BallName.l2;

    /** The attack's norm ball as the command line spells it. */
    enum BallName {
        l2, linf
    }

    @Option(names = "--loss", paramLabel = "logistic|exponential|probit", description = "The margin loss l of the L2 "
            + "sweep (default: logistic, the paper's); --ball linf is logistic only.")
    private String lossName;

    @Option(names = "--format", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format = Format.json;

    @Override
    public Integer call() {
        if (criticalRadiusOnly) {
            return printCriticalRadius();
        }
        if (epsilonList == null) {
            throw new IllegalArgumentException("--epsilons: give the radii to train at (or --critical-radius to "
                    + "print eps_c)");
        }
        epsilons = Inputs.numberList("--epsilons", epsilonList);
        for (double eps : epsilons) {
            Inputs.nonNegative("--epsilons", eps);
        }
        Inputs.nonNegative("--lambda", lambda);
        Solver chosen;
        try {
            chosen = solver == null ? null : Solver.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--solver: " + e.getMessage(), e);
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads: " + threads + " must be at least 1");
        }
        MarginLoss loss = parseLoss();
        if (ball == BallName.linf) {
            if (loss != MarginLoss.logistic()) {
                throw new IllegalArgumentException("--loss: the Linf sweep trains the logistic loss only (got " + lossName
                        + "); use --ball l2 for another loss");
            }
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("--lambda: the Linf sweep needs weight decay > 0 (got " + lambda
                        + "); without it a minimiser need not exist");
            }
            if (chosen != null) {
                throw new IllegalArgumentException("--solver: the Linf sweep has one solver (orthant-wise truncated "
                        + "Newton, matrix-free); leave --solver out");
            }
        }
        Dataset dataset = requireBothClasses(CsvInput.dataset(data));
        int workers = threads == null ? RowBlocks.defaultThreads() : threads;
        if (ball == BallName.linf) {
            return sweep(linfView(workers), dataset, Solver.MATRIX_FREE, workers);
        }
        Solver used = chosen == null ? Solver.automatic(dataset) : chosen;
        return sweep(l2View(loss, used, workers), dataset, used, workers);
    }

    /** The loss of --loss (logistic when it is not given); an unknown name is refused in one line. */
    private MarginLoss parseLoss() {
        if (lossName == null) {
            return MarginLoss.logistic();
        }
        try {
            return MarginLoss.named(lossName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--loss: " + e.getMessage(), e);
        }
    }

    /**
     * The note of the L2 sweep of {@code loss}: {@link #NOTE} for the logistic loss, the same with the loss's name
     * in place of "logistic" for another (the only place the output names the loss).
     */
    static String note(MarginLoss loss) {
        return loss == MarginLoss.logistic() ? NOTE : NOTE.replace("adversarial logistic loss", "adversarial "
                + loss.name() + " loss");
    }

    /** {@code --critical-radius}: eps_c of the data for the ball, as JSON or a CSV row; nothing else is read. */
    private int printCriticalRadius() {
        if (epsilonList != null) {
            throw new IllegalArgumentException("--critical-radius prints eps_c and trains nothing: leave --epsilons "
                    + "out");
        }
        Dataset dataset = requireBothClasses(CsvInput.dataset(data));
        Ball<?> chosen = ball == BallName.linf ? Ball.LINF : Ball.L2;
        double criticalRadius = chosen.criticalRadius(dataset);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectNode root = Format.object();
            root.put("ball", ball.name());
            root.put("criticalRadius", criticalRadius);
            root.put("formula", chosen.criticalRadiusFormula());
            out.println(Format.pretty(root));
        } else {
            out.println("# eps_c = " + chosen.criticalRadiusFormula() + " (" + ball.name() + " ball)");
            out.println(Format.csvRow("criticalRadius", criticalRadius));
        }
        out.flush();
        return Advsharp.EXIT_OK;
    }

    /**
     * The data, refused when every row has the same label (one row included): training separates two classes, and
     * with one class the loss falls along mean(y x) without bound (with weight decay it has a minimiser, but no
     * classifier is learnt).
     */
    private Dataset requireBothClasses(Dataset dataset) {
        int positive = 0;
        for (int i = 0; i < dataset.size(); i++) {
            positive += dataset.label(i) > 0 ? 1 : 0;
        }
        if (positive == 0 || positive == dataset.size()) {
            String rows = dataset.size() == 1 ? "the only row has" : "all " + dataset.size() + " rows have";
            throw new IllegalArgumentException(data + ": " + rows + " label " + (positive == 0 ? "-1 (or 0)" : "+1")
                    + ": a sweep needs rows of both classes");
        }
        return dataset;
    }

    /**
     * How the rows of a ball are printed: its keys (the last is the weights), the values of a row, the note, the
     * solver for the CSV's # line and for standard error, what a progress line says of a row, what a warning
     * says stopped, and what the refusal of a first radius adds after the lambda.
     */
    private record View<P extends MeasuredRadius>(Ball<P> ball, List<String> keys, Function<P, List<Object>> row,
                                                  String note, String csvSolver, String noteSolver,
                                                  Function<P, String> progress, String stopped, String tag) {
    }

    /** The L2 rows of the loss: {@link PointSharpness} at each w*. */
    private static View<SweepPoint> l2View(MarginLoss loss, Solver used, int workers) {
        Ball<SweepPoint> l2 = Ball.l2(loss);
        String solverText = used.label() + " (" + l2.trainerName(used) + ")" + (used == Solver.MATRIX_FREE
                ? ", " + workers + " threads" : "");
        return new View<>(l2, KEYS, p -> {
            PointSharpness s = p.sharpness();
            return List.of(p.epsilon(), p.ratio(), p.result().weightNorm(), p.result().loss(),
                    p.result().gradientNorm(), s.lambdaMaxH(), s.residualH(), s.lambdaMaxA(), s.residualA(),
                    s.traceH(), s.kappa(), used.label());
        }, note(loss), solverText, solverText, p -> used.label() + ", " + p.result().iterations() + " Newton steps",
                "Newton stopped at gradient norm", "");
    }

    /** The Linf rows: the face sharpness at each w*. */
    private static View<FacePoint> linfView(int workers) {
        String solverLabel = "orthant-wise Newton";
        return new View<>(Ball.LINF, LINF_KEYS, p -> List.of(p.epsilon(), p.ratio(), p.result().weightNorm(),
                p.result().loss(), p.result().gradientNorm(), p.lambdaMaxFace(), p.residual(), p.faceSize(),
                p.smallestSlack(), solverLabel), LINF_NOTE, solverLabel + ", " + workers + " threads",
                Ball.LINF.trainerName(Solver.MATRIX_FREE) + ", " + workers + " threads",
                p -> "Linf, " + p.result().iterations() + " Newton steps, face of " + p.faceSize(),
                "the Linf training stopped at subgradient norm", " (Linf)");
    }

    /** Runs the sweep of the view's ball and prints it; the exit code. */
    private <P extends MeasuredRadius> int sweep(View<P> view, Dataset dataset, Solver used, int workers) {
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = (long) dataset.size() * dataset.dimension() >= PROGRESS_MIN_WORK;
        EpsilonSweep.Measured<P> sweep;
        try {
            sweep = EpsilonSweep.measured(view.ball(), dataset, lambda, EpsilonSweep.Grid.ofEpsilons(epsilons), used,
                    workers, progress ? progressLine(err, view.progress()) : EpsilonSweep.Progress.NONE, true);
        } catch (RadiusGridException e) {
            throw new IllegalArgumentException(data + ": --epsilons: " + e.reason(), e);
        }
        SweepResult.Failure failure = sweep.failure();
        if (failure != null && sweep.points().isEmpty()) {
            throw new IllegalArgumentException(data + " at epsilon = " + failure.epsilon() + ", lambda = " + lambda
                    + view.tag() + ": " + firstLine(failure.message()) + hint(failure), failure.cause());
        }
        List<List<Object>> rows = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (P p : sweep.points()) {
            rows.add(view.row().apply(p));
            weights.add(p.result().w());
            warning(warnings, p, view.stopped());
        }
        return emit(new Output(view.keys(), rows, weights, view.note(), view.csvSolver(), view.noteSolver(),
                sweep.criticalRadius(), warnings, failure), dataset.dimension());
    }

    /**
     * What a sweep prints, whichever the ball: a row of values per trained radius (in the order of {@code keys},
     * whose last key is the weights), the note and solver for the CSV's # lines and for standard error, the
     * warnings of uncertified rows, and the failure that ended the sweep early (or null).
     */
    private record Output(List<String> keys, List<List<Object>> rows, List<double[]> weights, String note,
                          String csvSolver, String noteSolver, double criticalRadius, List<String> warnings,
                          SweepResult.Failure failure) {
    }

    /** Prints the rows (JSON or CSV), then on standard error the note, the warnings and the failure; the exit code. */
    private int emit(Output o, int d) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> valueKeys = o.keys().subList(0, o.keys().size() - 1);
        if (format == Format.json) {
            ArrayNode array = Format.JSON.createArrayNode();
            for (int r = 0; r < o.rows().size(); r++) {
                ObjectNode node = array.addObject();
                for (int k = 0; k < valueKeys.size(); k++) {
                    Object v = o.rows().get(r).get(k);
                    if (v instanceof Double x && !Double.isFinite(x)) {
                        node.putNull(valueKeys.get(k));
                    } else if (v instanceof Double x) {
                        node.put(valueKeys.get(k), x);
                    } else if (v instanceof Integer i) {
                        node.put(valueKeys.get(k), i);
                    } else {
                        node.put(valueKeys.get(k), String.valueOf(v));
                    }
                    if (k == 1) {
                        node.put(CRITICAL_RADIUS_KEY, o.criticalRadius());
                    }
                }
                node.set(o.keys().get(o.keys().size() - 1), Format.array(o.weights().get(r)));
            }
            out.println(Format.pretty(array));
        } else {
            out.println("# " + o.note());
            out.println("# lambda = " + lambda + ", criticalRadius = " + o.criticalRadius() + ", solver = "
                    + o.csvSolver() + "; weights in columns w1..w" + d);
            StringJoiner header = new StringJoiner(",");
            valueKeys.forEach(header::add);
            for (int j = 1; j <= d; j++) {
                header.add("w" + j);
            }
            out.println(header);
            for (int r = 0; r < o.rows().size(); r++) {
                StringJoiner line = new StringJoiner(",");
                o.rows().get(r).forEach(v -> line.add(String.valueOf(v)));
                out.println(Format.csvRow(line.toString(), o.weights().get(r)));
            }
        }
        out.flush();
        if (out.checkError()) {
            throw new IllegalArgumentException("standard output could not be written");
        }
        if (format == Format.json) {
            err.println("note: " + o.note() + "; solver: " + o.noteSolver());
        }
        o.warnings().forEach(err::println);
        if (o.failure() != null) {
            err.println(failureLine(o.failure(), o.rows().size()));
        }
        err.flush();
        return o.failure() == null ? Advsharp.EXIT_OK : EXIT_RADIUS_FAILED;
    }

    /** A warning line for a row whose training stopped short of its tolerance. */
    private static void warning(List<String> warnings, MeasuredRadius p, String stopped) {
        if (!p.result().converged()) {
            warnings.add("warning: at epsilon = " + p.epsilon() + " " + stopped + " " + p.result().gradientNorm()
                    + " (" + p.result().stopReason() + "); that row is not a certified minimiser");
        }
    }

    /** One line per radius on standard error: what ran, how long, and the time left at that pace. */
    private static <P extends MeasuredRadius> EpsilonSweep.Progress<P> progressLine(PrintWriter err,
                                                                                    Function<P, String> what) {
        long[] total = {0};
        return (index, count, point, nanos) -> {
            total[0] += nanos;
            double left = total[0] / 1e9 / (index + 1) * (count - index - 1);
            err.println(String.format(Locale.ROOT, "sweep: radius %d of %d (eps/eps_c = %.4g) trained and measured "
                    + "in %.1f s (%s); about %.0f s left", index + 1, count, point.ratio(), nanos / 1e9,
                    what.apply(point), left));
            err.flush();
        };
    }

    /** The standard-error line of a sweep that a later radius ended (exit code {@link #EXIT_RADIUS_FAILED}). */
    private String failureLine(SweepResult.Failure failure, int printed) {
        return String.format(Locale.ROOT, "error: radius %d of %d, epsilon = %s (eps/eps_c = %.6g), failed: %s%s; the "
                + "%d row(s) before it are printed, none after it was trained (exit code %d)", failure.index() + 1,
                epsilons.length, failure.epsilon(), failure.ratio(), firstLine(failure.message()), hint(failure),
                printed, EXIT_RADIUS_FAILED);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    /** The advice for a radius whose objective has no finite minimiser: weight decay gives it one. */
    private static String hint(SweepResult.Failure failure) {
        return failure.noFiniteMinimiser() ? " (give --lambda > 0)" : "";
    }
}
