package org.advsharp.checks.problems;

import org.advsharp.data.Dataset;
import org.advsharp.property.Pasteable;

/** Java source for the problem types of the checks, built from {@link Pasteable}'s number and array literals. */
public final class PasteableProblems {
    private PasteableProblems() {
    }

    /** Dataset.of(new double[][] {...}, new double[] {...}). */
    public static String of(Dataset data) {
        return "Dataset.of(" + Pasteable.of(data.rows()) + ", " + Pasteable.of(data.labels()) + ")";
    }
}
