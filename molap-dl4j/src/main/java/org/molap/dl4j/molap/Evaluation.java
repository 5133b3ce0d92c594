package org.molap.dl4j.molap;

import org.molap.dl4j.rnn.RecurrentModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/** Forward passes over a large test set in chunks, so memory stays bounded. */
public final class Evaluation {
    private Evaluation() {
    }

    public static INDArray outputs(RecurrentModel model, INDArray inputs, int chunk) {
        long trials = inputs.size(0);
        List<INDArray> parts = new ArrayList<>();
        for (long start = 0; start < trials; start += chunk) {
            long end = Math.min(trials, start + chunk);
            INDArray part = inputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all()).dup();
            parts.add(model.forward(part).dup());
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
