package org.advsharp.checks.training;

import java.util.List;
import org.advsharp.data.BundledData;
import org.advsharp.data.Dataset;

/** The bundled real data sets the experiment claims train on, by name, and their weight decay. */
final class RealSets {
    /** Weight decay of the real-data sweeps (small, so the loss and not the decay sets w*). */
    static final double LAMBDA = 1e-3;
    /** The names, in the order the checks go through them. */
    static final List<String> NAMES = List.of("digits 0 vs 1", "digits 3 vs 8", "breast cancer");

    private RealSets() {
    }

    static Dataset named(String name) {
        return switch (name) {
            case "digits 0 vs 1" -> BundledData.digits0vs1();
            case "digits 3 vs 8" -> BundledData.digits3vs8();
            case "breast cancer" -> BundledData.breastCancer();
            default -> throw new IllegalArgumentException("unknown real data set '" + name + "'");
        };
    }
}
