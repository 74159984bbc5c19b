package org.advsharp.report;

/** Counted nouns in English: "1 claim", "2 claims", "1 check", "0 checks". */
public final class Plural {
    private Plural() {
    }

    /** {@code count} followed by {@code noun}, with an "s" unless the count is exactly one. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    /** {@code count} followed by the singular or the given plural form (for "1 try" / "3 tries"). */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
