package org.advsharp.deep.engine;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Holds libtorch's C++ warnings back while one engine call runs. The one call that needs it is the backward
 * with create_graph = true of {@code deep.ExactHvp}: after it libtorch 2.7.1 writes, once per process, "Using
 * backward() with create_graph=True will create a reference cycle between the parameter and its gradient ..."
 * to standard error (autograd's {@code Engine::execute} warns whenever a graph is created while gradients are
 * accumulated into {@code .grad}). The cycle is known and measured (the javadoc of {@code deep.ExactHvp}, the
 * evidence of inst:deep-hvp); the warning's advice, {@code autograd.grad}, is not reachable through DJL 0.36.0,
 * whose one backward accumulates into {@code .grad}. Without this every {@code advsharp verify} printed it.
 *
 * <p>How: c10 writes a warning through its logger, which drops every message below the process-wide threshold
 * {@code FLAGS_caffe2_log_level} (0 INFO, 1 WARNING, 2 ERROR, 3 FATAL), an exported {@code int} of
 * {@value #LIBRARY_FILE}. The environment variable {@code TORCH_CPP_LOG_LEVEL} would set the threshold for the
 * whole process, and only where {@code c10::initLogging()} runs, which PyTorch's Python module calls and DJL's
 * JNI library does not. So {@link #heldBack} raises the threshold to {@value #ERROR} for the length of one call
 * and sets the value it found back afterwards, under a lock:
 *
 * <ul>
 *   <li>warnings of every other call still reach standard error;</li>
 *   <li>errors are never held back: libtorch's errors reach Java as exceptions, and messages of level ERROR
 *       pass the threshold;</li>
 *   <li>where {@value #LIBRARY_FILE} or the symbol cannot be found (not Linux, another libtorch build) the call
 *       runs unchanged and the warning is printed.</li>
 * </ul>
 *
 * <p>The threshold is the process's, so a warning of another thread's libtorch call during the window would be
 * held back too; the suite runs its checks one after another and the deep tier's engine calls on one thread.
 */
public final class LibtorchWarnings {

    /** The c10 library that holds the logger's threshold. */
    static final String LIBRARY_FILE = "libc10.so";

    /** The threshold: c10's {@code FLAGS_caffe2_log_level}, a C symbol. */
    static final String THRESHOLD_SYMBOL = "FLAGS_caffe2_log_level";

    /** c10's level of errors: messages below it (INFO 0, WARNING 1) are dropped while the threshold is here. */
    static final int ERROR = 2;

    private LibtorchWarnings() {
    }

    /**
     * Runs {@code call} with libtorch's warnings held back and sets the threshold back after it, also when it
     * throws. Call it after the engine has started ({@link DjlEnvironment#engine()}); before that, or where the
     * threshold cannot be reached, {@code call} just runs.
     */
    public static void heldBack(Runnable call) {
        Optional<Pointer> threshold = threshold();
        if (threshold.isEmpty()) {
            call.run();
            return;
        }
        Pointer level = threshold.get();
        synchronized (LibtorchWarnings.class) {
            int before = level.getInt(0);
            level.setInt(0, Math.max(before, ERROR));
            try {
                call.run();
            } finally {
                level.setInt(0, before);
            }
        }
    }

    /** The address of the loaded libtorch's log threshold, or empty where it cannot be reached. */
    static Optional<Pointer> threshold() {
        Optional<Path> library = LoadedLibraries.find(LIBRARY_FILE);
        if (library.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NativeLibrary.getInstance(library.get().toString())
                    .getGlobalVariableAddress(THRESHOLD_SYMBOL));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
