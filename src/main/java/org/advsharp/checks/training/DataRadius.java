package org.advsharp.checks.training;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.Vectors;

/** R = max_n ||x_n||, the radius of the data that the proved bounds of the training claims carry. */
final class DataRadius {
    private DataRadius() {
    }

    static double of(Dataset data) {
        double r = 0;
        for (double[] row : data.rows()) {
            r = Math.max(r, Vectors.norm(row));
        }
        return r;
    }
}
