package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Small tensor helpers that work around sharp edges of DJL 0.36.0's PyTorch engine. */
final class Tensors {

    private Tensors() {
    }

    /**
     * An independent copy of {@code a} in {@code type}. DJL's {@code toType(sameType, true)} returns a new
     * handle on the SAME storage (libtorch's {@code to()} without copy); when {@code a} was created from a
     * Java buffer, closing {@code a} releases that buffer and the alias then reads freed memory (seen as
     * 1e-310 and 1e221 entries in random directions before this helper). {@code duplicate()} clones.
     */
    static NDArray copyAs(NDArray a, DataType type) {
        return a.getDataType() == type ? a.duplicate() : a.toType(type, true);
    }

    /**
     * {@code fromJava} (a tensor just made by {@code NDManager.create(array)}, whose storage is a Java direct
     * buffer) converted to {@code type} in storage that libtorch owns, {@code fromJava} closed. No tensor of
     * the deep tier then depends on the lifetime of a Java buffer, whatever views or aliases are taken of it.
     */
    static NDArray owned(NDArray fromJava, DataType type) {
        NDArray out = copyAs(fromJava, type);
        fromJava.close();
        return out;
    }

}
