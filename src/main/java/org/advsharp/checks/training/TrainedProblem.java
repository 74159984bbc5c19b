package org.advsharp.checks.training;

import org.advsharp.checks.problems.PasteableProblems;
import org.advsharp.data.Dataset;
import org.advsharp.property.Pasteable;

/**
 * One training problem of the experiments: data, weight decay lambda > 0, and where it came from.
 *
 * @param family a short name of the generator family ("separable", "overlapping", "planted margin",
 *               "engine mixture")
 * @param data   the data set
 * @param lambda the weight decay
 */
public record TrainedProblem(String family, Dataset data, double lambda) {

    /** Java source that rebuilds the problem: the data set and lambda. */
    public String pasteable() {
        return "Dataset data = " + PasteableProblems.of(data) + ";\ndouble lambda = " + Pasteable.of(lambda) + ";";
    }

    @Override
    public String toString() {
        return family + " problem, N = " + data.size() + ", d = " + data.dimension() + ", lambda = " + lambda;
    }
}
