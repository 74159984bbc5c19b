package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A short-lived {@link NDManager} that temporarily owns long-lived tensors. DJL attaches the result of an
 * operation to the manager of its first operand; borrowing every long-lived operand into the scope
 * therefore makes every intermediate tensor (activations, gradients, autograd graphs) scope-owned, and
 * closing the scope frees them all while the borrowed tensors return to their owners. Results to keep
 * are moved out with {@link #keep}.
 */
final class Scope implements AutoCloseable {
    private final NDManager manager;

    private Scope(NDManager manager) {
        this.manager = manager;
    }

    /**
     * Something whose tensors a scope can borrow: weight vectors, BatchNorm statistics, and single tensors through
     * {@link #array}.
     */
    interface Lendable {
        /** Attaches every tensor temporarily to {@code scope} (they return to their owner when it closes). */
        void borrowInto(NDManager scope);
    }

    /** A single tensor as a {@link Lendable}. */
    static Lendable array(NDArray a) {
        return scope -> lend(a, scope);
    }

    /** A new scope under {@code parent}, borrowing the given tensors, weight vectors and statistics (nulls skipped). */
    static Scope open(NDManager parent, Lendable... borrowed) {
        Scope scope = new Scope(parent.newSubManager());
        for (Lendable o : borrowed) {
            if (o != null) {
                o.borrowInto(scope.manager);
            }
        }
        return scope;
    }

    NDManager manager() {
        return manager;
    }

    /**
     * Temporarily attaches {@code a} to {@code scope} unless it already belongs to it: borrowing twice
     * into the same scope would record the scope itself as the owner to return to, and closing the scope
     * would then free the borrowed tensor.
     */
    static void lend(NDArray a, NDManager scope) {
        if (a.getManager() != scope) {
            a.tempAttach(scope);
        }
    }

    /** Moves {@code a} to {@code owner}, so that it survives the scope. */
    static NDArray keep(NDArray a, NDManager owner) {
        a.attach(owner);
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
