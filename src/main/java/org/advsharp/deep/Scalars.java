package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Reads a scalar tensor of any floating type as a double. */
final class Scalars {

    private Scalars() {
    }

    /** The value of a one-element tensor, widened to double. */
    static double value(NDArray scalar) {
        if (scalar.size() != 1) {
            throw new IllegalArgumentException("scalar: tensor of shape " + scalar.getShape() + " has "
                    + scalar.size() + " elements, expected 1");
        }
        if (scalar.getDataType() == DataType.FLOAT64) {
            return scalar.getDouble();
        }
        try (NDArray wide = scalar.toType(DataType.FLOAT64, true)) {
            return wide.getDouble();
        }
    }
}
