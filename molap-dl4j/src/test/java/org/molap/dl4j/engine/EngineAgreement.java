package org.molap.dl4j.engine;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fast engine against its cell's SameDiff graph: same loss and gradients of every parameter, 1e-10 in double, 1e-4 in float. */
final class EngineAgreement {
    private EngineAgreement() {
    }

    static void assertAgrees(Class<?> engine, Cell cell, int outputs, int steps, Loss loss, INDArray x, INDArray y, INDArray mask) {
        DataType dtype = x.dataType();
        double tolerance = dtype == DataType.DOUBLE ? 1e-10 : 1e-4;
        TrainableModel fast = Engines.build(cell, outputs, steps, dtype, loss, 2, Engines.Engine.FAST);
        TrainableModel graph = Engines.build(cell, outputs, steps, dtype, loss, 2, Engines.Engine.SAMEDIFF);
        assertInstanceOf(engine, fast);
        List<String> names = new ArrayList<>(graph.parameters().keySet());
        TrainableModel.LossAndGradients a = graph.lossAndGradients(x, y, mask, names);
        TrainableModel.LossAndGradients f = fast.lossAndGradients(x, y, mask, names);
        assertEquals(a.loss(), f.loss(), tolerance * Math.abs(a.loss()));
        for (String n : names) {
            double norm = a.gradients().get(n).norm2Number().doubleValue();
            double err = a.gradients().get(n).sub(f.gradients().get(n)).norm2Number().doubleValue() / Math.max(norm, 1e-12);
            assertTrue(err < tolerance, dtype + " " + n + ": relative error " + err);
        }
    }
}
