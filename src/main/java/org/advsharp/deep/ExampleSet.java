package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * An immutable labelled set of examples for the deep tier, kept in Java memory (float entries, integer
 * class labels) so that batches can be made in whichever {@link NDManager} a computation owns.
 * Entries are expected in [0, 1] (pixel units) where an attack clips to the image box.
 */
public final class ExampleSet {
    private final String description;
    private final Shape exampleShape;
    private final int exampleSize;
    private final int numClasses;
    private final float[] features;
    private final int[] labels;

    /**
     * @param description  where the examples came from (for the report)
     * @param exampleShape shape of one example, e.g. (3, 32, 32)
     * @param numClasses   K; every label is in 0..K-1
     * @param features     N * prod(exampleShape) entries, example after example (copied)
     * @param labels       N labels (copied)
     */
    public ExampleSet(String description, Shape exampleShape, int numClasses, float[] features, int[] labels) {
        int size = Math.toIntExact(exampleShape.size());
        if (labels.length == 0) {
            throw new IllegalArgumentException("example set '" + description + "': it has no examples");
        }
        if (features.length != (long) labels.length * size) {
            throw new IllegalArgumentException("example set '" + description + "': " + features.length
                    + " feature entries for " + labels.length + " examples of shape " + exampleShape);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("example set '" + description + "': label of example " + i
                        + " is " + labels[i] + ", outside 0.." + (numClasses - 1));
            }
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("example set '" + description + "': entry " + (i % size)
                        + " of example " + (i / size) + " is " + features[i]);
            }
        }
        this.description = description;
        this.exampleShape = exampleShape;
        this.exampleSize = size;
        this.numClasses = numClasses;
        this.features = features.clone();
        this.labels = labels.clone();
    }

    public String description() {
        return description;
    }

    public Shape exampleShape() {
        return exampleShape;
    }

    public int numClasses() {
        return numClasses;
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Entries of example i (a copy). */
    public float[] example(int i) {
        return Arrays.copyOfRange(features, i * exampleSize, (i + 1) * exampleSize);
    }

    /** The examples at the given indices, in that order. */
    public ExampleSet subset(int[] indices) {
        float[] f = new float[indices.length * exampleSize];
        int[] y = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(features, indices[j] * exampleSize, f, j * exampleSize, exampleSize);
            y[j] = labels[indices[j]];
        }
        return new ExampleSet(description, exampleShape, numClasses, f, y);
    }

    /** The first n examples. */
    public ExampleSet head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** A batch of the examples at the given indices, owned by {@code manager}. */
    public Batch batch(int[] indices, DataType type, NDManager manager) {
        ExampleSet chosen = subset(indices);
        float[] f = chosen.features;
        int[] y = chosen.labels;
        long[] dims = new long[exampleShape.dimension() + 1];
        dims[0] = indices.length;
        System.arraycopy(exampleShape.getShape(), 0, dims, 1, exampleShape.dimension());
        NDArray x = Tensors.owned(manager.create(f, new Shape(dims)), type);
        NDArray labels = manager.create(y);
        NDArray oneHot = labels.oneHot(numClasses, type);
        labels.close();
        return new Batch(x, oneHot, y);
    }

    /** Consecutive batches [from, from + count). */
    public Batch range(int from, int count, DataType type, NDManager manager) {
        int[] idx = new int[count];
        Arrays.setAll(idx, i -> from + i);
        return batch(idx, type, manager);
    }

    /**
     * One batch in the engine.
     *
     * @param x      inputs (N, exampleShape)
     * @param oneHot one-hot labels (N, K)
     * @param labels the labels
     */
    public record Batch(NDArray x, NDArray oneHot, int[] labels) {
        /** Number of examples. */
        public int size() {
            return labels.length;
        }
    }
}
