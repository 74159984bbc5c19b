package org.advsharp.check;

/**
 * A check's budget: the default number of tries it declared through {@link CheckContext#tries(int)} and
 * the number it used ({@code --tries}, or the default).
 *
 * @param declared the largest default the check declared; 0 when it does not scale with {@code --tries}
 * @param used     the tries it used for that declaration
 */
public record Tries(int declared, int used) {

    /** A check that does not scale with {@code --tries}. */
    public static final Tries UNDECLARED = new Tries(0, 0);

    public Tries {
        if (declared < 0 || used < 0) {
            throw new IllegalArgumentException("tries: declared " + declared + " and used " + used
                    + " must not be negative");
        }
    }

    /** Whether the check ran fewer tries than it declared (a reduced budget). */
    public boolean reduced() {
        return used < declared;
    }

    /** "reduced budget N of M", as the verdict rule and the report say it. */
    public String reducedText() {
        return "reduced budget " + used + " of " + declared;
    }
}
