package org.advsharp.numerics;

import org.ejml.data.DMatrixRMaj;

/** A dense symmetric operator that counts its products, for tests of iterative solvers. */
final class CountingOperator implements LinearOperator {
    private final LinearOperator inner;
    private int products;

    CountingOperator(DMatrixRMaj m) {
        this.inner = LinearOperator.of(m);
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void apply(double[] v, double[] out) {
        products++;
        inner.apply(v, out);
    }

    int products() {
        return products;
    }
}
