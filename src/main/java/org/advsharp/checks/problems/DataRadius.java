package org.advsharp.checks.problems;

import org.advsharp.data.Dataset;
import org.advsharp.numerics.Vectors;

/**
 * R = max_n ||x_n||, the radius of the data that the proved bounds of the training and loss-family claims carry
 * (e.g. kappa &gt;= eps sigma(-(R + eps)||w*||)/||w*||).
 */
public final class DataRadius {
    private DataRadius() {
    }

    public static double of(Dataset data) {
        double r = 0;
        for (double[] row : data.rows()) {
            r = Math.max(r, Vectors.norm(row));
        }
        return r;
    }
}
