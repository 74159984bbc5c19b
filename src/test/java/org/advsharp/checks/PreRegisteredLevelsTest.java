package org.advsharp.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advsharp.check.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The gate that holds every pre-registered level of the checks equal to the level written in proofs/: each
 * level's name appears in backquotes in a proofs file, right after the level as a power of ten
 * ("Level $10^{-3}$ per curve (`FASHION_TREND_LEVEL`)", "$\alpha = 10^{-6}$, `SIGN_TEST_LEVEL`"), and the
 * value there is the value the checks use.
 */
class PreRegisteredLevelsTest {
    /** How far before the name the level may be written (characters): one clause. */
    private static final int WINDOW = 80;
    private static final Pattern POWER = Pattern.compile("10\\^\\{(-?\\d+)\\}");

    @Test
    void everyLevelEqualsTheLevelWrittenInProofs() throws IOException {
        String proofs = readProofs();
        for (Tolerance level : CheckTolerances.preRegisteredLevels()) {
            List<Double> written = writtenBefore(proofs, "`" + level.name() + "`");
            assertTrue(!written.isEmpty(), level.name() + " is not written with its level in proofs/");
            for (double value : written) {
                assertEquals(value, level.value(), 0.0, level.name() + " in the checks against proofs/");
            }
        }
    }

    @Test
    void aLevelThatDriftedFromProofsIsCaught() throws IOException {
        String proofs = readProofs();
        Tolerance drifted = new Tolerance("HEADLINE_LEVEL", 1e-2, "a level retyped wrongly");
        List<Double> written = writtenBefore(proofs, "`" + drifted.name() + "`");
        assertTrue(written.stream().anyMatch(v -> v != drifted.value()), "the gate would not see the drift");
    }

    /** The last power of ten within WINDOW characters before each occurrence of {@code name}. */
    private static List<Double> writtenBefore(String text, String name) {
        List<Double> values = new ArrayList<>();
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            Matcher m = POWER.matcher(text.substring(Math.max(0, at - WINDOW), at));
            Double last = null;
            while (m.find()) {
                last = Math.pow(10, Integer.parseInt(m.group(1)));
            }
            if (last != null) {
                values.add(Double.parseDouble(String.format(Locale.ROOT, "%.0e", last)));
            }
        }
        return values;
    }

    private static String readProofs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("proofs"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
