package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BatchNorm running means and variances of a network (not trainable, not part of weight space).
 * Keys are the BatchNorm layer names; values are {mean, variance}.
 */
public final class RunningStatistics implements Scope.Lendable {
    private final Map<String, NDArray[]> byLayer;

    private RunningStatistics(Map<String, NDArray[]> byLayer) {
        this.byLayer = byLayer;
    }

    /** No BatchNorm layers (the linear model). */
    public static RunningStatistics none() {
        return new RunningStatistics(new LinkedHashMap<>());
    }

    /** Fresh statistics: mean 0 and variance 1 for every named layer of the given channel counts. */
    public static RunningStatistics initial(Map<String, Integer> channelsByLayer, NDManager manager,
                                            DataType type) {
        Map<String, NDArray[]> map = new LinkedHashMap<>();
        channelsByLayer.forEach((name, c) -> map.put(name, new NDArray[] {
            manager.zeros(new Shape(c), type), manager.ones(new Shape(c), type)}));
        return new RunningStatistics(map);
    }

    /** The running mean of a layer. */
    public NDArray mean(String layer) {
        return entry(layer)[0];
    }

    /** The running variance of a layer. */
    public NDArray variance(String layer) {
        return entry(layer)[1];
    }

    /** Number of BatchNorm layers. */
    public int layers() {
        return byLayer.size();
    }

    /** A deep copy owned by {@code into}. */
    public RunningStatistics copy(NDManager into) {
        return toType(null, into);
    }

    /** A deep copy converted to {@code type} (null keeps the type), owned by {@code into}. */
    public RunningStatistics toType(DataType type, NDManager into) {
        Map<String, NDArray[]> map = new LinkedHashMap<>();
        byLayer.forEach((name, pair) -> {
            NDArray m = type == null ? pair[0].duplicate() : Tensors.copyAs(pair[0], type);
            NDArray v = type == null ? pair[1].duplicate() : Tensors.copyAs(pair[1], type);
            m.attach(into);
            v.attach(into);
            map.put(name, new NDArray[] {m, v});
        });
        return new RunningStatistics(map);
    }

    /** Moves every statistic into {@code scope} until the scope closes (see WeightVector.borrowInto). */
    @Override
    public void borrowInto(NDManager scope) {
        for (NDArray[] pair : byLayer.values()) {
            Scope.lend(pair[0], scope);
            Scope.lend(pair[1], scope);
        }
    }

    private NDArray[] entry(String layer) {
        NDArray[] pair = byLayer.get(layer);
        if (pair == null) {
            throw new IllegalArgumentException("running statistics: no BatchNorm layer named '" + layer + "'");
        }
        return pair;
    }
}
