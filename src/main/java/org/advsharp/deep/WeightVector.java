package org.advsharp.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A point or a direction in weight space: one tensor per {@link ParameterSpec}, in the classifier's
 * order. Hessian-vector products, Lanczos vectors, gradients and landscape directions are all weight
 * vectors; the Euclidean inner product is the sum over tensors of the entrywise products, accumulated in
 * double precision.
 *
 * <p>Every operation that makes new tensors takes the {@link NDManager} that will own them, so that
 * callers control native memory (closing the manager frees them).
 */
public final class WeightVector implements Scope.Lendable {
    private final List<ParameterSpec> specs;
    private final List<NDArray> tensors;

    /**
     * @param specs   the declarations, in order
     * @param tensors one tensor per spec, with the spec's shape
     */
    public WeightVector(List<ParameterSpec> specs, List<NDArray> tensors) {
        if (specs.size() != tensors.size()) {
            throw new IllegalArgumentException("weight vector: " + specs.size() + " specs but "
                    + tensors.size() + " tensors");
        }
        for (int i = 0; i < specs.size(); i++) {
            if (!specs.get(i).shape().equals(tensors.get(i).getShape())) {
                throw new IllegalArgumentException("weight vector: tensor '" + specs.get(i).name()
                        + "' has shape " + tensors.get(i).getShape() + " but its spec says "
                        + specs.get(i).shape());
            }
        }
        this.specs = List.copyOf(specs);
        this.tensors = Collections.unmodifiableList(new ArrayList<>(tensors));
    }

    public List<ParameterSpec> specs() {
        return specs;
    }

    /** The tensors themselves (not copies). */
    public List<NDArray> tensors() {
        return tensors;
    }

    public NDArray tensor(int i) {
        return tensors.get(i);
    }

    /** Number of scalar entries (the dimension of weight space). */
    public long dimension() {
        long n = 0;
        for (ParameterSpec s : specs) {
            n += s.size();
        }
        return n;
    }

    /** Euclidean inner product sum_i a_i b_i, accumulated in double precision. */
    public double dot(WeightVector other) {
        requireSameLayout(other);
        double sum = 0;
        for (int i = 0; i < tensors.size(); i++) {
            try (NDArray a = tensors.get(i).toType(DataType.FLOAT64, true);
                 NDArray b = other.tensors.get(i).toType(DataType.FLOAT64, true);
                 NDArray product = a.mul(b);
                 NDArray p = product.sum()) {
                sum += p.getDouble();
            }
        }
        return sum;
    }

    /** Euclidean norm. */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** this + alpha * v, owned by {@code into}. */
    public WeightVector plus(double alpha, WeightVector v, NDManager into) {
        requireSameLayout(v);
        List<NDArray> out = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            NDArray scaled = v.tensors.get(i).mul(alpha);
            NDArray sum = tensors.get(i).add(scaled);
            scaled.close();
            sum.attach(into);
            out.add(sum);
        }
        return new WeightVector(specs, out);
    }

    /** alpha * this, owned by {@code into}. */
    public WeightVector times(double alpha, NDManager into) {
        return map(t -> t.mul(alpha), into);
    }

    /** Applies {@code f} tensor by tensor; results owned by {@code into}. */
    public WeightVector map(UnaryOperator<NDArray> f, NDManager into) {
        List<NDArray> out = new ArrayList<>(tensors.size());
        for (NDArray t : tensors) {
            NDArray r = f.apply(t);
            r.attach(into);
            out.add(r);
        }
        return new WeightVector(specs, out);
    }

    /** A copy converted to {@code type} (e.g. FLOAT64 for the sharpness instruments), owned by {@code into}. */
    public WeightVector toType(DataType type, NDManager into) {
        return map(t -> Tensors.copyAs(t, type), into);
    }

    /** A deep copy owned by {@code into}. */
    public WeightVector copy(NDManager into) {
        return map(NDArray::duplicate, into);
    }

    /** A deep copy owned by {@code into} whose tensors are autograd leaves (gradients will be recorded). */
    public WeightVector leafCopy(NDManager into) {
        WeightVector copy = copy(into);
        for (NDArray t : copy.tensors) {
            t.setRequiresGradient(true);
        }
        return copy;
    }

    /** The gradients recorded on a {@link #leafCopy} after a backward pass, owned by {@code into}. */
    public WeightVector gradients(NDManager into) {
        List<NDArray> out = new ArrayList<>(tensors.size());
        for (NDArray t : tensors) {
            NDArray g = t.getGradient().duplicate();
            g.attach(into);
            out.add(g);
        }
        return new WeightVector(specs, out);
    }

    /** All entries, flattened tensor by tensor, as doubles. */
    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(dimension())];
        int offset = 0;
        for (NDArray t : tensors) {
            NDArray d = t.toType(DataType.FLOAT64, true);
            double[] part = d.toDoubleArray();
            d.close();
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Builds a weight vector from flattened entries (the inverse of {@link #toDoubleArray()}). */
    public static WeightVector fromDoubleArray(List<ParameterSpec> specs, double[] values, DataType type,
                                               NDManager into) {
        long total = 0;
        for (ParameterSpec s : specs) {
            total += s.size();
        }
        if (values.length != total) {
            throw new IllegalArgumentException("weight vector: " + values.length + " values but the specs "
                    + "hold " + total + " entries");
        }
        List<NDArray> out = new ArrayList<>(specs.size());
        int offset = 0;
        for (ParameterSpec s : specs) {
            int n = Math.toIntExact(s.size());
            double[] part = new double[n];
            System.arraycopy(values, offset, part, 0, n);
            offset += n;
            NDArray t = Tensors.owned(into.create(part, s.shape()), type);
            out.add(t);
        }
        return new WeightVector(specs, out);
    }

    /**
     * Moves every tensor into {@code scope} until the scope closes, when they return to their owner; every
     * result computed from them inside the scope is then owned by the scope (DJL attaches a result to the
     * manager of its first operand), so nothing leaks into the long-lived owner.
     */
    @Override
    public void borrowInto(NDManager scope) {
        for (NDArray t : tensors) {
            Scope.lend(t, scope);
        }
    }

    /** Closes every tensor (frees native memory now rather than when the owning manager closes). */
    public void close() {
        for (NDArray t : tensors) {
            t.close();
        }
    }

    private void requireSameLayout(WeightVector other) {
        if (other.specs.size() != specs.size()) {
            throw new IllegalArgumentException("weight vectors of different layouts: " + specs.size()
                    + " vs " + other.specs.size() + " tensors");
        }
    }
}
