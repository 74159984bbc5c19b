package org.advsharp.deep.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.advsharp.deep.engine.DjlEnvironment;

/**
 * Runs the cells of a study one after the other (seed-major, radii increasing), reporting each finished cell to
 * {@code onCell} (so that a caller can save it at once) and progress with elapsed time and an estimate of the
 * time left to {@code progress}.
 */
public final class StudyRunner {

    private StudyRunner() {
    }

    /**
     * @param config   the study; every seed times every radius is run
     * @param progress progress lines
     * @param onCell   receives each finished cell
     * @return the cells in order
     */
    public static List<StudyCell> run(StudyConfig config, Consumer<String> progress, Consumer<StudyCell> onCell) {
        DjlEnvironment.ensureOffline();
        StudyData data = StudyData.load(config);
        progress.accept(config.network().describe() + "; " + data.train().description() + "; measuring on "
                + data.measure().size() + ", accuracy on " + data.test().size() + " test images");
        long start = System.nanoTime();
        double[] radii = config.radii();
        long[] seeds = config.seeds();
        int total = radii.length * seeds.length;
        List<StudyCell> cells = new ArrayList<>();
        for (long seed : seeds) {
            for (double eps : radii) {
                int index = cells.size() + 1;
                String prefix = String.format(Locale.ROOT, "[run %d/%d seed %d eps %.3g] ", index, total, seed, eps);
                StudyCell cell = StudyRun.run(config, data, seed, eps, line -> progress.accept(prefix + line));
                cells.add(cell);
                onCell.accept(cell);
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "%sdone in %.0f s (training %.0f s, measuring %.0f s); "
                        + "%.0f s elapsed, about %.0f s left", prefix, (cell.trainingMillis() + cell.measuringMillis())
                        / 1e3, cell.trainingMillis() / 1e3, cell.measuringMillis() / 1e3, elapsed,
                        elapsed / index * (total - index)));
            }
        }
        return cells;
    }
}
