package org.molap.dl4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/** How a parameter starts: values for a shape, drawn from a seeded {@link Random} so a run can be repeated. */
@FunctionalInterface
public interface Init {
    INDArray create(long[] shape, DataType dtype, Random rng);

    static Init zeros() {
        return (shape, dtype, rng) -> Nd4j.zeros(dtype, shape);
    }

    static Init constant(double value) {
        return (shape, dtype, rng) -> Nd4j.zeros(dtype, shape).addi(value);
    }

    /** Independent N(0, std^2) entries. */
    static Init normal(double std) {
        return (shape, dtype, rng) -> gaussian(shape, dtype, rng).muli(std);
    }

    /** Independent U(low, high) entries. */
    static Init uniform(double low, double high) {
        return (shape, dtype, rng) -> fill(shape, dtype, () -> low + (high - low) * rng.nextDouble());
    }

    /** These values (copied; the shape must match). */
    static Init of(INDArray values) {
        return (shape, dtype, rng) -> {
            if (!Arrays.equals(values.shape(), shape)) {
                throw new IllegalArgumentException("Initial values of shape " + Arrays.toString(values.shape())
                        + " given for a parameter of shape " + Arrays.toString(shape) + ".");
            }
            return values.castTo(dtype).dup('c');
        };
    }

    /** Independent standard-normal entries. */
    private static INDArray gaussian(long[] shape, DataType dtype, Random rng) {
        return fill(shape, dtype, rng::nextGaussian);
    }

    private static INDArray fill(long[] shape, DataType dtype, java.util.function.DoubleSupplier draw) {
        double[] v = new double[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        for (int i = 0; i < v.length; i++) {
            v[i] = draw.getAsDouble();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(dtype);
    }
}
