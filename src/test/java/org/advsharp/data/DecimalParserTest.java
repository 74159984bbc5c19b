package org.advsharp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV reader's numbers are Double.parseDouble's, bit for bit, on many seeded random decimals. */
class DecimalParserTest {
    private static final long SEED = 20261207L;
    private static final int STRINGS = 200_000;

    @Test
    void everyPlainDecimalReadsAsParseDoubleReadsIt() {
        SplittableRandom rng = new SplittableRandom(SEED);
        DecimalParser parser = new DecimalParser();
        int fast = 0;
        for (int k = 0; k < STRINGS; k++) {
            String s = randomDecimal(rng);
            double expected = Double.parseDouble(s);
            double got = parser.read(s, 0, s.length());
            assertEquals(s.length(), parser.end(), s);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), s + ": expected "
                    + expected + ", got " + got);
            fast += significantDigits(s) <= 16 ? 1 : 0;
        }
        assertTrue(fast > STRINGS / 4, "the fast path is exercised: " + fast + " short decimals");
    }

    @Test
    void aCsvOfRandomDecimalsReadsBitIdentically() {
        SplittableRandom rng = new SplittableRandom(SEED + 1);
        int rows = 2000;
        int width = 9;
        StringBuilder text = new StringBuilder();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                String s = randomDecimal(rng);
                fields.add(s);
                text.append(j == 0 ? "" : rng.nextInt(20) == 0 ? " , " : ",").append(s);
            }
            text.append(i % 3 == 0 ? "\r\n" : "\n");
        }
        NumericCsv csv = NumericCsv.parse("random", text.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(rows, csv.rows().length);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                String s = fields.get(i * width + j);
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                        Double.doubleToRawLongBits(csv.rows()[i][j]), "line " + (i + 1) + ": " + s);
            }
        }
    }

    @Test
    void whatIsNotAPlainDecimalIsNotReadAsOne() {
        DecimalParser parser = new DecimalParser();
        for (String s : new String[] {"", ".", "+", "-", "e5", ".e1", "1e", "1e+", "abc"}) {
            assertTrue(Double.isNaN(parser.read(s, 0, s.length())), "'" + s + "'");
        }
        assertEquals(1.0, parser.read("1d", 0, 2), 0.0);
        assertEquals(1, parser.end(), "stops before the suffix, which the caller refuses");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(parser.read("-0.000", 0, 6)));
    }

    /** A decimal of one of the shapes programs write: short, 15 to 19 digits, leading zeros, exponents, signs. */
    private static String randomDecimal(SplittableRandom rng) {
        switch (rng.nextInt(6)) {
            case 0:
                return Double.toString(rng.nextDouble() * Math.pow(10, rng.nextInt(-30, 30)));
            case 1:
                return Double.toString(rng.nextInt(256) / 255.0);
            case 2:
                return (rng.nextBoolean() ? "-" : "") + Double.toString(Double.longBitsToDouble(rng.nextLong()
                        & 0x7fefffffffffffffL));
            default:
                StringBuilder b = new StringBuilder(rng.nextInt(4) == 0 ? "-" : rng.nextInt(8) == 0 ? "+" : "");
                int before = rng.nextInt(0, 12);
                int after = rng.nextInt(before == 0 ? 1 : 0, 22);
                for (int i = 0; i < before; i++) {
                    b.append((char) ('0' + rng.nextInt(10)));
                }
                if (after > 0 || rng.nextBoolean()) {
                    b.append('.');
                }
                for (int i = 0; i < after; i++) {
                    b.append((char) ('0' + (rng.nextInt(3) == 0 ? 0 : rng.nextInt(10))));
                }
                if (rng.nextInt(3) == 0) {
                    b.append(rng.nextBoolean() ? 'e' : 'E').append(rng.nextBoolean() ? "-" : rng.nextBoolean() ? "+" : "")
                            .append(rng.nextInt(0, 40));
                }
                return b.toString();
        }
    }

    private static int significantDigits(String s) {
        String mantissa = s.split("[eE]")[0].replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return mantissa.length();
    }
}
