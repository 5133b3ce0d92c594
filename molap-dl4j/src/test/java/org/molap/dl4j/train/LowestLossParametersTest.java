package org.molap.dl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Known answer: the copy is of the parameters after the lowest-loss iteration, later updates leave it, checkpoints keep it. */
class LowestLossParametersTest {

    @Test
    void keepsTheParametersOfTheLowestLossIteration() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put("w", Nd4j.zeros(DataType.FLOAT, 2, 3));
        params.put("frozen", Nd4j.ones(DataType.FLOAT, 4));
        TrainableModel model = new TrainableModel() {
            @Override
            public Map<String, INDArray> parameters() {
                return params;
            }

            @Override
            public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
                throw new UnsupportedOperationException();
            }
        };
        LowestLossParameters kept = new LowestLossParameters(List.of("w"));
        double[] losses = {3, 1, 2, 1.5};
        for (int i = 0; i < losses.length; i++) {
            params.get("w").assign(i + 1);         // the update of iteration i, then the listener
            kept.onIteration(new TrainingListener.Iteration("p", i, losses[i], losses[i], model, null, Map.of(), 1e-2));
        }
        assertEquals(1, kept.iteration());
        assertEquals(1.0, kept.lowest());
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, kept.parameters().get("w").dup().data().asFloat());
        assertEquals(List.of("w"), List.copyOf(kept.parameters().keySet()), "only the named parameters");

        LowestLossParameters restored = new LowestLossParameters(List.of("w"));
        restored.restoreState(kept.saveState());
        assertEquals(1, restored.iteration());
        assertEquals(1.0, restored.lowest());
        assertEquals(DataType.FLOAT, restored.parameters().get("w").dataType());
        assertArrayEquals(new long[] {2, 3}, restored.parameters().get("w").shape());
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, restored.parameters().get("w").dup().data().asFloat());
    }
}
