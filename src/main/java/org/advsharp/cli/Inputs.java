package org.advsharp.cli;

import java.util.ArrayList;
import java.util.List;

/** Checks of options shared by the commands; failures name the option. */
final class Inputs {
    private Inputs() {
    }

    /**
     * The entries of a comma-separated option value such as {@code --claims a,b} or {@code --epsilons 0,0.1},
     * each stripped of surrounding spaces. One rule for every list: an empty entry is refused wherever it
     * stands ({@code ",0.1"}, {@code "0,,0.1"} and {@code "0,0.1,"} alike), and so is a list with no entry at all
     * ({@code ""}, {@code " , "}), with a message that names the option and the position.
     */
    static List<String> commaList(String option, String text) {
        String[] parts = text.split(",", -1);
        List<String> entries = new ArrayList<>(parts.length);
        boolean allEmpty = true;
        for (String p : parts) {
            allEmpty &= p.strip().isEmpty();
        }
        if (allEmpty) {
            throw new IllegalArgumentException(option + ": the list '" + text + "' is empty; give one or more "
                    + "entries separated by commas");
        }
        for (int i = 0; i < parts.length; i++) {
            String entry = parts[i].strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException(option + ": entry " + (i + 1) + " of " + parts.length + " in '"
                        + text + "' is empty (a leading, doubled or trailing comma); remove it");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** A comma-separated list of numbers (see {@link #commaList}); each must be a plain decimal number. */
    static double[] numberList(String option, String text) {
        List<String> entries = commaList(option, text);
        double[] values = new double[entries.size()];
        for (int i = 0; i < values.length; i++) {
            String e = entries.get(i);
            try {
                values[i] = Double.parseDouble(e);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(option + ": '" + e + "' is not a number", ex);
            }
        }
        return values;
    }

    /** A radius or weight-decay coefficient: finite and >= 0. */
    static double nonNegative(String option, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number, got " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + value);
        }
        return value;
    }

    /** A weight vector usable with the data: d entries, finite, not all zero. */
    static double[] weights(String source, double[] w, int dimension) {
        if (w.length != dimension) {
            throw new IllegalArgumentException(source + ": " + w.length + " weight(s) but the data has d = "
                    + dimension + " feature column(s)");
        }
        boolean zero = true;
        for (double v : w) {
            zero &= v == 0.0;
        }
        if (zero) {
            throw new IllegalArgumentException(source + ": all weights are 0; the adversarial loss has a kink at "
                    + "w = 0 (its gradient and Hessian do not exist there)");
        }
        return w;
    }
}
