package org.advsharp.numerics;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the worst measured error per kind over a test run and prints it with its tolerance at JVM
 * exit to the file named by the system property advsharp.measured (if set), so that reports can quote measured numbers against their bounds. Not an assertion helper.
 */
final class Measured {
    private static final Map<String, double[]> WORST = new TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Measured::print));
    }

    private Measured() {
    }

    static synchronized void record(String name, double value, double tolerance) {
        double[] w = WORST.computeIfAbsent(name, k -> new double[] {Double.NEGATIVE_INFINITY, tolerance});
        w[0] = Math.max(w[0], value);
    }

    private static synchronized void print() {
        String file = System.getProperty("advsharp.measured");
        if (file == null || file.isBlank()) {
            return;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(file)))) {
            WORST.forEach((name, w) -> out.printf("%-60s worst %.3e  tolerance %.1e  ratio %.2g%n",
                    name, w[0], w[1], w[0] / w[1]));
        } catch (IOException e) {
            System.err.println("could not write measurements: " + e);
        }
    }
}
