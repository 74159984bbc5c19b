package org.advsharp.numerics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Deterministic data parallelism over the rows of a data matrix: the rows 0..N-1 are cut into fixed
 * blocks of {@link #BLOCK_ROWS} consecutive rows (the cut depends on N only, never on the thread
 * count), each block is reduced sequentially in row order into its own partial vector, and the partials
 * are then added in block order on the calling thread. Every floating-point operation and its order are
 * therefore the same for 1, 2 or any number of threads, so the results are bit-identical; the threads
 * only decide which core computes which block.
 *
 * <p>The worker pools are shared per thread count and use daemon threads (ForkJoinPool), so nothing has
 * to be shut down. With one thread the blocks run on the calling thread.
 */
public final class RowBlocks {
    /**
     * Rows per block: 256 rows of 784 doubles are 1.6 MB, large enough that a block's work (about 0.4 ms
     * for one pass) dwarfs the cost of scheduling it, small enough that N = 12,000 gives 47 blocks to
     * balance over the cores.
     */
    public static final int BLOCK_ROWS = 256;
    /** System property that overrides the default thread count (all available processors). */
    public static final String THREADS_PROPERTY = "advsharp.threads";

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    /** The work on one block of rows [from, to). */
    @FunctionalInterface
    public interface BlockTask {
        /**
         * @param from    first row of the block
         * @param to      one past its last row
         * @param partial this block's own accumulator (zeroed), or an empty array for tasks without one
         */
        void run(int from, int to, double[] partial);
    }

    private final int rows;
    private final int threads;

    /**
     * @param rows    N >= 1
     * @param threads worker threads >= 1
     */
    public RowBlocks(int rows, int threads) {
        if (rows < 1 || threads < 1) {
            throw new IllegalArgumentException("row blocks: rows " + rows + " and threads " + threads
                    + " must both be at least 1");
        }
        this.rows = rows;
        this.threads = threads;
    }

    /**
     * The default thread count: the system property {@value #THREADS_PROPERTY} if set to a positive
     * integer, else every available processor.
     */
    public static int defaultThreads() {
        String s = System.getProperty(THREADS_PROPERTY);
        if (s != null) {
            try {
                int t = Integer.parseInt(s.trim());
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException e) {
                // fall through to the processor count
            }
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " = '" + s
                    + "' must be a whole number >= 1");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** Number of blocks, ceil(N / BLOCK_ROWS). */
    public int blocks() {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    /** Runs the task on every block (for per-row results written to disjoint places). */
    public void forEach(BlockTask task) {
        run(task, 0);
    }

    /**
     * Runs the task on every block with a zeroed partial of the given width, and returns the sum of the
     * partials taken in block order (the same bits for any thread count).
     */
    public double[] reduce(int width, BlockTask task) {
        double[][] partials = run(task, width);
        double[] sum = new double[width];
        for (double[] p : partials) {
            for (int j = 0; j < width; j++) {
                sum[j] += p[j];
            }
        }
        return sum;
    }

    private double[][] run(BlockTask task, int width) {
        int blocks = blocks();
        double[][] partials = new double[blocks][width];
        if (threads == 1 || blocks == 1) {
            for (int b = 0; b < blocks; b++) {
                task.run(b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), partials[b]);
            }
            return partials;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK_ROWS;
            int to = Math.min(rows, from + BLOCK_ROWS);
            double[] partial = partials[b];
            tasks.add(ForkJoinTask.adapt(() -> task.run(from, to, partial)));
        }
        POOLS.computeIfAbsent(threads, ForkJoinPool::new).invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(tasks);
            }
        });
        return partials;
    }

    /**
     * sum_j a[aOff + j] b[j] for j < len, with four interleaved accumulators added as ((s0 + s1) + (s2 + s3))
     * at the end: a fixed order (so deterministic), and four independent chains keep the core's
     * floating-point units busy where one chain would wait on each addition.
     */
    public static double dot(double[] a, int aOff, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[aOff + j] * b[j];
            s1 += a[aOff + j + 1] * b[j + 1];
            s2 += a[aOff + j + 2] * b[j + 2];
            s3 += a[aOff + j + 3] * b[j + 3];
        }
        for (; j < len; j++) {
            s0 += a[aOff + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** out[j] += c * a[aOff + j] for j < len. */
    public static void axpy(double c, double[] a, int aOff, double[] out, int len) {
        for (int j = 0; j < len; j++) {
            out[j] += c * a[aOff + j];
        }
    }
}
