package org.advsharp.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.advsharp.checks.problems.AdversarialCase;
import org.advsharp.checks.problems.PasteableProblems;
import org.advsharp.checks.problems.ProblemGenerators;
import org.advsharp.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pasteable output is valid Java that evaluates back to the same values, with shortest decimals. */
class PasteableTest {

    @Test
    void doublesPrintAsShortJavaLiterals() {
        assertEquals("1.0", Pasteable.of(1.0));
        assertEquals("-0.5", Pasteable.of(-0.5));
        assertEquals("0.1", Pasteable.of(0.1));
        assertEquals("2.25", Pasteable.of(2.25));
        assertEquals("0.001", Pasteable.of(0.001));
        assertEquals("1.0E-4", Pasteable.of(1e-4));
        assertEquals("1.5E-6", Pasteable.of(1.5e-6));
        assertEquals("123456.0", Pasteable.of(123456.0));
        assertEquals("1.0E7", Pasteable.of(1e7));
        assertEquals("-2.0E23", Pasteable.of(-2e23));
        assertEquals("0.6666666666666666", Pasteable.of(2.0 / 3.0));
        assertEquals("5.0E-324", Pasteable.of(Double.MIN_VALUE), "one digit suffices; Java 17 prints 4.9E-324");
        assertEquals("1.7976931348623157E308", Pasteable.of(Double.MAX_VALUE));
        assertEquals("-0.0", Pasteable.of(-0.0));
        assertEquals("Double.NaN", Pasteable.of(Double.NaN));
        assertEquals("Double.NEGATIVE_INFINITY", Pasteable.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void everyDoubleRoundTripsWithNoMoreDigitsThanDoubleToString() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 5_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 100 - 50;
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = Pasteable.of(v);
            assertEquals(v, Double.parseDouble(text), text);
            assertTrue(significantDigits(text) <= significantDigits(Double.toString(v)),
                    text + " vs " + Double.toString(v));
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.replace("-", "").split("E")[0].replace(".", "").replaceFirst("^0+", "");
        return Math.max(1, mantissa.replaceFirst("0+$", "").length());
    }

    @Test
    void arraysAndDatasetsPrintAsInitialisers() {
        assertEquals("new double[] {1.0, -0.5}", Pasteable.of(new double[] {1.0, -0.5}));
        assertEquals("new double[] {}", Pasteable.of(new double[0]));
        assertEquals("new double[][] {{1.0, 2.0}, {3.0, 0.25}}",
                Pasteable.of(new double[][] {{1, 2}, {3, 0.25}}));
        Dataset data = Dataset.of(new double[][] {{0.5, -1}, {2, 0}}, new double[] {1, -1});
        assertEquals("Dataset.of(new double[][] {{0.5, -1.0}, {2.0, 0.0}}, new double[] {1.0, -1.0})",
                PasteableProblems.of(data));
        assertEquals("new AdversarialCase(Dataset.of(new double[][] {{0.5, -1.0}, {2.0, 0.0}}, new double[] "
                        + "{1.0, -1.0}), new double[] {1.0, 0.0}, 0.0, 0.5)",
                Pasteable.of(new AdversarialCase(data, new double[] {1, 0}, 0, 0.5)));
        assertEquals("List.of(1, 2.5, \"a\\\"b\", 3L)", Pasteable.of((Object) List.of(1, 2.5, "a\"b", 3L)));
    }

    @Test
    void pastedCodeCompilesAndEvaluatesToTheSameValues(@TempDir Path dir) throws Exception {
        AdversarialCase c = ProblemGenerators.cases(3, 8, 2, 4).generate(Source.random(23));
        double[][] matrix = {{Math.PI, -1e-300}, {Double.MAX_VALUE, 1.0 / 3}};
        String source = "import org.advsharp.data.Dataset;\nimport org.advsharp.checks.problems.AdversarialCase;\n"
                + "public class Pasted {\n"
                + "  public static Object adversarialCase() { return " + Pasteable.of(c) + "; }\n"
                + "  public static Object dataset() { return " + PasteableProblems.of(c.data()) + "; }\n"
                + "  public static Object matrix() { return " + Pasteable.of(matrix) + "; }\n"
                + "}\n";
        Files.writeString(dir.resolve("Pasted.java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests need a JDK (javac) to compile pasted code");
        String classes = Path.of(Dataset.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        StringWriter errors = new StringWriter();
        int status = compiler.getTask(errors, null, null, List.of("-classpath", classes, "-d", dir.toString()),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(dir.resolve("Pasted.java")))
                .call() ? 0 : 1;
        assertEquals(0, status, errors + "\n" + source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                PasteableTest.class.getClassLoader())) {
            Class<?> pasted = loader.loadClass("Pasted");
            assertEquals(c, pasted.getMethod("adversarialCase").invoke(null));
            assertEquals(c.data(), pasted.getMethod("dataset").invoke(null));
            double[][] back = (double[][]) pasted.getMethod("matrix").invoke(null);
            for (int i = 0; i < matrix.length; i++) {
                assertArrayEquals(matrix[i], back[i]);
            }
        }
    }
}
