package org.advsharp.checks.training;

import org.advsharp.checks.Figures;

/**
 * How the training checks show numbers in their tables, facts and sentences: through
 * {@link Figures#significant} and {@link Figures#rounded}, to {@value #DIGITS} significant digits.
 */
final class TrainingFigures {
    /** Significant digits of the training checks' tables and sentences. */
    static final int DIGITS = 3;

    private TrainingFigures() {
    }
}
