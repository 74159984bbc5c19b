package org.advsharp.checks.problems;

import java.util.Arrays;
import java.util.Objects;
import org.advsharp.data.Dataset;
import org.advsharp.property.Pasteable;
import org.advsharp.property.PasteableValue;

/**
 * One instance of the adversarial logistic-regression claims: data, a weight vector w and two radii
 * 0 <= eps1 < eps2 at which the L2 adversarial loss (margins m_n = y_n w^T x_n - eps ||w||) is compared
 * (claims thm:compressed-monotone, rem:full-top-not-monotone, rem:margin-condition-needed).
 *
 * @param data the data set
 * @param w    the weight vector, length d, finite (copied; the accessor returns a copy)
 * @param eps1 the smaller radius, finite and >= 0
 * @param eps2 the larger radius, finite and > eps1
 */
public record AdversarialCase(Dataset data, double[] w, double eps1, double eps2) implements PasteableValue {

    public AdversarialCase {
        Objects.requireNonNull(data, "adversarial case: data");
        if (w == null || w.length != data.dimension()) {
            throw new IllegalArgumentException("adversarial case: w has " + (w == null ? 0 : w.length)
                    + " components but the data have d = " + data.dimension());
        }
        for (int j = 0; j < w.length; j++) {
            if (!Double.isFinite(w[j])) {
                throw new IllegalArgumentException("adversarial case: w[" + j + "] = " + w[j] + " is not finite");
            }
        }
        if (!(Double.isFinite(eps1) && Double.isFinite(eps2) && eps1 >= 0 && eps1 < eps2)) {
            throw new IllegalArgumentException("adversarial case: need finite radii 0 <= eps1 < eps2, got eps1 = "
                    + eps1 + ", eps2 = " + eps2);
        }
        w = w.clone();
    }

    /** A copy of w. */
    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdversarialCase c && data.equals(c.data) && Arrays.equals(w, c.w)
                && Double.compare(eps1, c.eps1) == 0 && Double.compare(eps2, c.eps2) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, Arrays.hashCode(w), eps1, eps2);
    }

    /** new AdversarialCase(Dataset.of(...), new double[] {...}, eps1, eps2). */
    @Override
    public String pasteable() {
        return "new AdversarialCase(" + PasteableProblems.of(data) + ", " + Pasteable.of(w) + ", " + Pasteable.of(eps1)
                + ", " + Pasteable.of(eps2) + ")";
    }

    @Override
    public String toString() {
        return "AdversarialCase[N=" + data.size() + ", d=" + data.dimension() + ", w=" + Arrays.toString(w)
                + ", eps1=" + eps1 + ", eps2=" + eps2 + "]";
    }
}
