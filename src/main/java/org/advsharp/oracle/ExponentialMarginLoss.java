package org.advsharp.oracle;

/** l(m) = e^{-m}, l'(m) = -e^{-m}, l''(m) = e^{-m}; overflows to infinity only for m below about -709.78. */
final class ExponentialMarginLoss implements MarginLoss {
    static final ExponentialMarginLoss INSTANCE = new ExponentialMarginLoss();

    private ExponentialMarginLoss() {
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public double value(double m) {
        return Math.exp(-m);
    }

    @Override
    public double slope(double m) {
        return -Math.exp(-m);
    }

    @Override
    public double curvature(double m) {
        return Math.exp(-m);
    }
}
