package org.advsharp.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The fixed row blocks behind the matrix-free kernel: where the cuts fall, the order in which the
 * partial sums are added (the same bits for any thread count), which thread runs a block, the thread
 * count taken from the system property, and the unrolled dot product on lengths that are not a
 * multiple of four. Every expected value is exact.
 */
class RowBlocksTest {
    private static final int B = RowBlocks.BLOCK_ROWS;

    @Test
    void blocksAreCeilOfRowsOverTheBlockSize() {
        assertEquals(1, new RowBlocks(1, 1).blocks());
        assertEquals(1, new RowBlocks(B - 1, 2).blocks());
        assertEquals(1, new RowBlocks(B, 2).blocks());
        assertEquals(2, new RowBlocks(B + 1, 2).blocks());
        assertEquals(2, new RowBlocks(2 * B, 2).blocks());
        assertEquals(3, new RowBlocks(2 * B + 1, 2).blocks());
        assertEquals(3, new RowBlocks(2 * B, 3).threads());
    }

    @Test
    void theCutsDependOnTheRowsOnlyAndCoverEveryRowOnce() {
        int rows = 2 * B + 188; // 700: two full blocks and a short one
        for (int threads : new int[] {1, 2, 3}) {
            List<int[]> cuts = Collections.synchronizedList(new ArrayList<>());
            new RowBlocks(rows, threads).forEach((from, to, partial) -> {
                assertEquals(0, partial.length, "forEach has no accumulator");
                cuts.add(new int[] {from, to});
            });
            cuts.sort((x, y) -> Integer.compare(x[0], y[0]));
            assertEquals(3, cuts.size(), threads + " threads");
            assertArrayEquals(new int[] {0, B}, cuts.get(0));
            assertArrayEquals(new int[] {B, 2 * B}, cuts.get(1));
            assertArrayEquals(new int[] {2 * B, rows}, cuts.get(2));
        }
    }

    @Test
    void badSizesAreRejectedWithBothNumbers() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> new RowBlocks(0, 1));
        assertEquals("row blocks: rows 0 and threads 1 must both be at least 1", rows.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class, () -> new RowBlocks(5, 0));
        assertEquals("row blocks: rows 5 and threads 0 must both be at least 1", threads.getMessage());
    }

    /**
     * Row values whose sum depends on the order of the additions (random magnitudes over 16 decades):
     * the reduction must equal, bit for bit, the sum of each block taken in row order, with the block
     * sums then added in block order, whatever the thread count.
     */
    @Test
    void reduceAddsTheBlockPartialsInBlockOrderForAnyThreadCount() {
        int rows = 3 * B + 17;
        double[] x = new double[rows];
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < rows; i++) {
            x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
        }
        double[] expected = new double[2];
        for (int from = 0; from < rows; from += B) {
            double block = 0;
            for (int i = from; i < Math.min(rows, from + B); i++) {
                block += x[i];
            }
            expected[0] += block;
            expected[1] += Math.min(rows, from + B) - from;
        }
        for (int threads : new int[] {1, 2, 3}) {
            double[] sum = new RowBlocks(rows, threads).reduce(2, (from, to, partial) -> {
                for (int i = from; i < to; i++) {
                    partial[0] += x[i];
                    partial[1] += 1;
                }
            });
            assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(sum[0]),
                    threads + " threads: " + sum[0] + " vs " + expected[0]);
            assertEquals(rows, sum[1]);
        }
    }

    @Test
    void oneThreadOrOneBlockRunsOnTheCallingThreadAndMoreUseTheWorkers() {
        Thread caller = Thread.currentThread();
        assertEquals(Set.of(caller), threadsUsed(new RowBlocks(3 * B, 1)), "one thread: the caller does the work");
        assertEquals(Set.of(caller), threadsUsed(new RowBlocks(B, 2)), "one block: nothing to share");
        Set<Thread> pool = threadsUsed(new RowBlocks(3 * B, 2));
        assertFalse(pool.contains(caller), "two threads and three blocks: the blocks run on the pool " + pool);
    }

    private static Set<Thread> threadsUsed(RowBlocks blocks) {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        blocks.forEach((from, to, partial) -> used.add(Thread.currentThread()));
        return used;
    }

    @Test
    void defaultThreadsComesFromThePropertyOrElseTheProcessorCount() {
        String saved = System.getProperty(RowBlocks.THREADS_PROPERTY);
        try {
            System.clearProperty(RowBlocks.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), RowBlocks.defaultThreads());
            System.setProperty(RowBlocks.THREADS_PROPERTY, " 3 ");
            assertEquals(3, RowBlocks.defaultThreads());
            System.setProperty(RowBlocks.THREADS_PROPERTY, "1");
            assertEquals(1, RowBlocks.defaultThreads());
            for (String bad : new String[] {"0", "-2", "two", ""}) {
                System.setProperty(RowBlocks.THREADS_PROPERTY, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RowBlocks::defaultThreads);
                assertEquals("system property advsharp.threads = '" + bad + "' must be a whole number >= 1",
                        e.getMessage());
            }
        } finally {
            if (saved == null) {
                System.clearProperty(RowBlocks.THREADS_PROPERTY);
            } else {
                System.setProperty(RowBlocks.THREADS_PROPERTY, saved);
            }
        }
    }

    @Test
    void dotHandlesTheTailAfterTheBlocksOfFourAndTheOffset() {
        double[] a = {100, 100, 1, 2, 3, 4, 5, 6, 7};
        // offset 2, length 7: one block of four and a tail of three, 2 + 6 + 6 + 12 + 10 + 18 + 14
        assertEquals(68.0, RowBlocks.dot(a, 2, new double[] {2, 3, 2, 3, 2, 3, 2}, 7));
        // length 3: only the tail; -1 * 1 + 2 * 2 + 3 * 3
        assertEquals(12.0, RowBlocks.dot(new double[] {-1, 2, 3}, 0, new double[] {1, 2, 3}, 3));
        assertEquals(0.0, RowBlocks.dot(new double[0], 0, new double[0], 0));
        // length 8 at offset 1: two blocks of four, no tail; 2 (1 + 2 + 3 + 4) + 3 (5 + 6 + 7 + 8)
        assertEquals(98.0, RowBlocks.dot(new double[] {100, 1, 2, 3, 4, 5, 6, 7, 8}, 1,
                new double[] {2, 2, 2, 2, 3, 3, 3, 3}, 8));
    }

    @Test
    void axpyAddsAScaledSliceOfTheRow() {
        double[] out = {1, 1, 1};
        RowBlocks.axpy(-2, new double[] {9, 1, 2, 3}, 1, out, 3);
        assertArrayEquals(new double[] {-1, -3, -5}, out);
    }
}
