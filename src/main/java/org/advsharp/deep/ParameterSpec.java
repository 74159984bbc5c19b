package org.advsharp.deep;

import ai.djl.ndarray.types.Shape;

/**
 * The declaration of one trainable tensor of a {@link Classifier}.
 *
 * @param name  unique, human-readable, e.g. "layer2.0.conv1.weight"
 * @param shape its shape
 * @param role  what it is (decides initialisation and filter normalisation)
 */
public record ParameterSpec(String name, Shape shape, ParameterRole role) {

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter spec: name must not be blank");
        }
        if (shape == null || shape.size() <= 0) {
            throw new IllegalArgumentException("parameter spec '" + name + "': shape " + shape
                    + " has no elements");
        }
        if (role == null) {
            throw new IllegalArgumentException("parameter spec '" + name + "': role must not be null");
        }
    }

    /** Number of scalar entries. */
    public long size() {
        return shape.size();
    }

    /** Fan-in of a filter or dense weight: every axis but the first (for He initialisation). */
    public long fanIn() {
        return shape.size() / shape.get(0);
    }
}
