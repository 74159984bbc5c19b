package org.advsharp.deep.engine;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The one place that prepares DJL before any of its engine classes is touched: offline, no tracking,
 * and a cache folder inside the build (or a folder the user names).
 *
 * <p>DJL 0.36.0 reads these switches:
 * <ul>
 *   <li>offline mode: the environment variable {@code DJL_OFFLINE}, or else the system property
 *       {@code ai.djl.offline} (a system property named {@code DJL_OFFLINE} is <em>not</em> read by
 *       {@code ai.djl.util.Utils.isOfflineMode()}, so both spellings are set here);</li>
 *   <li>no telemetry: {@code OPT_OUT_TRACKING} (environment or system property); the start-up call-home
 *       in {@code Engine}'s static initialiser is also skipped in offline mode;</li>
 *   <li>caches: {@code ENGINE_CACHE_DIR} and {@code DJL_CACHE_DIR} (environment or system property);
 *       the bundled libtorch of the {@code pytorch-native-cpu} jar is extracted there.</li>
 * </ul>
 *
 * <p>Every entry point of the deep tier (the CLI, {@code ResNetExperiment}, the checks, the tests) calls
 * {@link #ensureOffline()} first. It never overrides a value the user already set, except that offline
 * mode and opting out of tracking are forced to {@code true}.
 */
public final class DjlEnvironment {

    /** System property (or environment variable) naming the cache folder; default {@link #DEFAULT_CACHE}. */
    public static final String CACHE_PROPERTY = "ENGINE_CACHE_DIR";

    /** Default cache folder, relative to the working directory (Maven runs in the project root). */
    public static final String DEFAULT_CACHE = "target/djl-cache";

    /** DJL's PyTorch intra-op thread count property (read when the engine starts). */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /** DJL's PyTorch inter-op thread count property. */
    public static final String INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    private static volatile boolean done;

    private static volatile NnpackSwitch.Result nnpack;

    private DjlEnvironment() {
    }

    /**
     * Forces DJL offline and opts out of tracking; points its caches at {@code ENGINE_CACHE_DIR} if set,
     * else at {@code DJL_CACHE_DIR} if set, else at {@value #DEFAULT_CACHE}. Idempotent and cheap.
     *
     * @return the cache folder DJL will use
     */
    public static synchronized Path ensureOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("DJL_OFFLINE", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        String cache = firstSet(CACHE_PROPERTY, "DJL_CACHE_DIR");
        if (cache == null) {
            cache = DEFAULT_CACHE;
        }
        Path dir = Paths.get(cache).toAbsolutePath();
        if (System.getenv(CACHE_PROPERTY) == null) {
            System.setProperty(CACHE_PROPERTY, dir.toString());
        }
        if (System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dir.toString());
        }
        // One intra-op and one inter-op thread unless the user chose otherwise: with libtorch's default of one
        // thread per core, training on the shared 2-core build machine produced NaN losses in some runs and
        // different losses from the same seed in others, while one thread gave identical results run after
        // run and was not slower under load (an intermittent float32 NaN remained; see ResNetConfig.cpuTier).
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, "1");
        }
        if (System.getProperty(INTEROP_THREADS_PROPERTY) == null) {
            System.setProperty(INTEROP_THREADS_PROPERTY, "1");
        }
        if (System.getProperty("ai.djl.default_engine") == null && System.getenv("DJL_DEFAULT_ENGINE") == null) {
            System.setProperty("ai.djl.default_engine", "PyTorch");
        }
        done = true;
        return dir;
    }

    /**
     * The PyTorch engine, started offline ({@link #ensureOffline()}) and with libtorch's NNPACK convolution
     * backend switched off ({@link NnpackSwitch}: on processors NNPACK does not support, libtorch would
     * otherwise print a warning before every batched convolution). Every use of DJL in this project starts
     * here, never at {@code Engine.getInstance()} or {@code NDManager.newBaseManager()} directly.
     */
    public static Engine engine() {
        ensureOffline();
        Engine engine = Engine.getInstance();
        if (nnpack == null) {
            synchronized (DjlEnvironment.class) {
                if (nnpack == null) {
                    nnpack = NnpackSwitch.disable();
                }
            }
        }
        return engine;
    }

    /** What switching NNPACK off did, or null before {@link #engine()} has run. */
    static String nnpackState() {
        NnpackSwitch.Result r = nnpack;
        return r == null ? null : r.detail();
    }

    /**
     * Why the deep tier cannot run on this machine, or null where it can: the bundled libtorch is the CPU
     * build for Linux x86-64 and DJL runs offline, so on another operating system or architecture the engine
     * does not load (DJL would have to download a libtorch). A deep claim is then NOT RUN with this reason,
     * not FAILED. Where the engine loads (Linux x86-64, or a machine whose own libtorch DJL was pointed at),
     * null.
     */
    public static String unsupportedPlatform() {
        return unsupportedPlatform(System.getProperty("os.name"), System.getProperty("os.arch"), () -> {
            engine();
            return null;
        });
    }

    /**
     * The rule of {@link #unsupportedPlatform()} for a named platform: null on Linux x86-64 (the engine is
     * not even tried: it is the bundled platform, and a failure there is a failure of the claim); elsewhere
     * null if {@code loadEngine} returns, else the platform and the kind of failure.
     */
    static String unsupportedPlatform(String os, String arch, Callable<Void> loadEngine) {
        String o = String.valueOf(os).toLowerCase(Locale.ROOT);
        String a = String.valueOf(arch).toLowerCase(Locale.ROOT);
        boolean bundled = o.contains("linux") && (a.equals("amd64") || a.equals("x86_64"));
        if (bundled) {
            return null;
        }
        try {
            loadEngine.call();
            return null;
        } catch (Exception | LinkageError e) {
            return "libtorch does not load on " + os + " " + arch + " (the bundled CPU libtorch is for Linux x86-64 "
                    + "and DJL runs offline; " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String firstSet(String... names) {
        for (String name : names) {
            String env = System.getenv(name);
            if (env != null && !env.isBlank()) {
                return env;
            }
            String prop = System.getProperty(name);
            if (prop != null && !prop.isBlank()) {
                return prop;
            }
        }
        return null;
    }
}
