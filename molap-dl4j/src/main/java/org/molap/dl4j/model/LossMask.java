package org.molap.dl4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/** A batch's loss mask in the targets' shape [B, outputs, T]. */
public final class LossMask {
    private LossMask() {
    }

    /** A batch's mask is an error for a loss that averages over every entry: it would be silently ignored. */
    public static void requireMaskedLoss(INDArray mask, boolean usesMask) {
        if (mask != null && !usesMask) {
            throw new IllegalArgumentException("The batch has a loss mask but the model's loss averages over every entry; "
                    + "build it with Loss...masked().");
        }
    }

    /** Per-step masks [B, T] spread over the output channels; [B, outputs, T] as given; null: every entry counts. */
    public static INDArray full(INDArray mask, INDArray targets, DataType dtype) {
        if (mask == null) {
            return Nd4j.ones(dtype, targets.shape());
        }
        if (mask.rank() == 2 && mask.size(0) == targets.size(0) && mask.size(1) == targets.size(2)) {
            INDArray full = Nd4j.create(dtype, targets.shape());
            INDArray perStep = mask.castTo(dtype);
            for (int o = 0; o < targets.size(1); o++) {
                full.get(NDArrayIndex.all(), NDArrayIndex.point(o), NDArrayIndex.all()).assign(perStep);
            }
            return full;
        }
        if (Arrays.equals(mask.shape(), targets.shape())) {
            return mask.castTo(dtype);
        }
        throw new IllegalArgumentException("A loss mask must be [batch, T] or [batch, outputs, T] like the targets "
                + Arrays.toString(targets.shape()) + "; got " + Arrays.toString(mask.shape()) + ".");
    }
}
