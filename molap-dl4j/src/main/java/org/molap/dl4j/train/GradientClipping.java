package org.molap.dl4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Collection;

/** Clipping of a phase's gradients, in place: each entry to [-value, value], then all of them to a global L2 norm. */
final class GradientClipping {
    private GradientClipping() {
    }

    /** Thresholds of 0 are off. Returns the global norm before the norm clipping (after value clipping). */
    static double apply(Collection<INDArray> gradients, double value, double norm) {
        if (value > 0) {
            gradients.forEach(g -> Transforms.min(Transforms.max(g, -value, false), value, false));
        }
        double squares = 0;
        for (INDArray g : gradients) {
            double n = g.norm2Number().doubleValue();
            squares += n * n;
        }
        double total = Math.sqrt(squares);
        if (norm > 0 && total > norm) {
            gradients.forEach(g -> g.muli(norm / total));
        }
        return total;
    }
}
