package org.advsharp.checks.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.advsharp.property.Gen;
import org.advsharp.property.PropertyConfig;
import org.advsharp.property.PropertyReport;
import org.advsharp.property.PropertyRunner;
import org.junit.jupiter.api.Test;

/** A summary that says "on N cases" also says how many of them were skipped and why. */
class PropertyEvidenceCasesTest {

    private static final PropertyConfig CONFIG = new PropertyConfig(5L, 200, 1000);

    @Test
    void skippedCasesAreCountedWithTheirReason() {
        PropertyReport<Integer> report = PropertyRunner.check("n is small", Gen.integers(0, 9), (n, labels) -> {
            if (n < 3) {
                labels.label(PropertyEvidence.SKIPPED + " n < 3");
                return null;
            }
            return null;
        }, CONFIG);
        int skipped = report.labelCounts().get("skipped: n < 3");
        String expected = String.format(Locale.ROOT, "%d of 200 cases (%d = %.1f %% skipped: n < 3)",
                200 - skipped, skipped, skipped / 2.0);
        assertEquals(expected, PropertyEvidence.cases(report, "cases"));
    }

    @Test
    void withoutSkipsItIsJustTheCount() {
        PropertyReport<Integer> report = PropertyRunner.check("any", Gen.integers(0, 9), (n, labels) -> null, CONFIG);
        assertEquals("200 problems", PropertyEvidence.cases(report, "problems"));
    }
}
