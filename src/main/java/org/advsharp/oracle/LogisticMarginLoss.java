package org.advsharp.oracle;

/**
 * l(m) = log(1 + e^{-m}) = softplus(-m), l'(m) = -sigma(-m), l''(m) = sigma(m) sigma(-m): the same
 * functions, evaluated the same way, as {@link AdversarialLoss} uses ({@link Logistic}).
 */
final class LogisticMarginLoss implements MarginLoss {
    static final LogisticMarginLoss INSTANCE = new LogisticMarginLoss();

    private LogisticMarginLoss() {
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public double value(double m) {
        return Logistic.softplus(-m);
    }

    @Override
    public double slope(double m) {
        return -Logistic.sigmoid(-m);
    }

    @Override
    public double curvature(double m) {
        return Logistic.curvature(m);
    }
}
