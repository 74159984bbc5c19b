package org.advsharp.deep.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns libtorch's NNPACK convolution backend off in this process: the Java counterpart of PyTorch's
 * {@code torch.backends.nnpack.set_flags(False)}, which DJL 0.36.0 does not expose.
 *
 * <p>Why: on processors NNPACK does not support (no AVX2, or a virtual machine that hides it) libtorch 2.7.1
 * asks NNPACK whether it can run before every convolution whose input is a batch of at least 16 images,
 * and each time writes "Could not initialize NNPACK! Reason: Unsupported hardware." to the process's
 * standard error: 52,312 lines in one {@code mvn verify} of this project. The question is only asked when
 * the user-level switch {@code at::Context::userEnabledNNPACK()} is true ({@code ConvParams::use_nnpack}
 * tests it first), so turning the switch off stops both the attempt and the warning. NNPACK serves float32
 * convolutions only; the deep tier trains in float64, so no result changes.
 *
 * <p>How: DJL loads {@code libtorch_cpu.so} itself; this class finds the loaded file
 * ({@link LoadedLibraries}), opens the same file again through JNA (the dynamic loader returns the copy
 * already in the process) and calls {@code at::globalContext().setUserEnabledNNPACK(false)} by its
 * Itanium-ABI symbol. Where any of that is unavailable (not Linux, another libtorch build, symbols
 * renamed) nothing is changed and {@link #disable()} says why; the only cost is the noise.
 */
final class NnpackSwitch {

    /** {@code at::globalContext()}: returns the process-wide {@code at::Context&}. */
    static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";

    /** {@code at::Context::setUserEnabledNNPACK(bool)}. */
    static final String SET_USER_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";

    /** {@code at::Context::userEnabledNNPACK() const}. */
    static final String USER_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";

    /** The shared library of the CPU kernels that holds {@code at::Context}. */
    static final String LIBRARY_FILE = "libtorch_cpu.so";

    private NnpackSwitch() {
    }

    /** What {@link #disable()} did: whether NNPACK is now off, and why not if it is not. */
    record Result(boolean off, String detail) {
    }

    /**
     * Switches NNPACK off in the libtorch this process has loaded. Call it after the PyTorch engine has
     * started (before that the library is not mapped). Idempotent; never throws.
     */
    static Result disable() {
        Optional<Path> library = loadedLibrary();
        if (library.isEmpty()) {
            return new Result(false, LIBRARY_FILE + " is not mapped into this process (not Linux, or the engine"
                    + " has not started)");
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.get().toString());
            Pointer context = lib.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            lib.getFunction(SET_USER_ENABLED).invokeVoid(new Object[] {context, Boolean.FALSE});
            Optional<Boolean> now = userEnabled(lib, context);
            return now.orElse(true)
                    ? new Result(false, "at::Context still reports NNPACK enabled after the call")
                    : new Result(true, "NNPACK switched off in " + library.get().getFileName());
        } catch (RuntimeException | LinkageError e) {
            return new Result(false, "could not call " + SET_USER_ENABLED + " in " + library.get() + ": " + e);
        }
    }

    /** The user-level NNPACK switch of the loaded libtorch, or empty where it cannot be read. */
    static Optional<Boolean> userEnabled() {
        Optional<Path> library = loadedLibrary();
        if (library.isEmpty()) {
            return Optional.empty();
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.get().toString());
            Pointer context = lib.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            return userEnabled(lib, context);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> userEnabled(NativeLibrary lib, Pointer context) {
        Function getter = lib.getFunction(USER_ENABLED);
        // a C++ bool comes back in the low byte of the return register; the rest is unspecified
        return Optional.of((getter.invokeInt(new Object[] {context}) & 0xff) != 0);
    }

    /** The path of the loaded {@value #LIBRARY_FILE} ({@link LoadedLibraries}). */
    static Optional<Path> loadedLibrary() {
        return LoadedLibraries.find(LIBRARY_FILE);
    }
}
