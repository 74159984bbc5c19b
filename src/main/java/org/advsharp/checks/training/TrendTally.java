package org.advsharp.checks.training;

import static org.advsharp.checks.training.TrainingFigures.DIGITS;

import java.util.List;
import org.advsharp.checks.Figures;
import org.advsharp.numerics.TrendStatistics;

/**
 * Counts of positive, zero and negative Kendall taus over problems, with their mean and the sign test,
 * as one row of a table ({@link #COLUMNS}); the headline and the noise-gap claims tally their trends with it.
 */
final class TrendTally {
    static final List<String> COLUMNS = List.of("measure and range", "problems", "tau > 0", "tau = 0", "tau < 0",
            "tau = 1 (monotone)", "mean tau", "sign-test p");
    int positive;
    int zero;
    int negative;
    int monotone;
    double sum;

    void add(double tau) {
        if (tau > 0) {
            positive++;
        } else if (tau < 0) {
            negative++;
        } else {
            zero++;
        }
        monotone += tau == 1.0 ? 1 : 0;
        sum += tau;
    }

    double pValue() {
        return TrendStatistics.signTestPValue(positive, negative);
    }

    List<String> row(String name) {
        int n = positive + zero + negative;
        return List.of(name, Integer.toString(n), Integer.toString(positive), Integer.toString(zero),
                Integer.toString(negative), Integer.toString(monotone), Figures.significant(sum / n, DIGITS),
                Figures.significant(pValue(), DIGITS));
    }
}
