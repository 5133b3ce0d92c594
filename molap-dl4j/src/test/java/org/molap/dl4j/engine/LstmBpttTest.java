package org.molap.dl4j.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.cells.LstmCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-derived LSTM engine against the cell's SameDiff graph, under a loss mask, in double and float. */
class LstmBpttTest {
    private static final int STEPS = 7;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lossAndGradientsMatchTheGraph(DataType dtype) {
        double tolerance = dtype == DataType.DOUBLE ? 1e-10 : 1e-4;
        LstmCell cell = new LstmCell(5, 3);
        Loss loss = Loss.mse().masked();
        TrainableModel fast = Engines.build(cell, 2, STEPS, dtype, loss, 2, Engines.Engine.FAST);
        TrainableModel graph = Engines.build(cell, 2, STEPS, dtype, loss, 2, Engines.Engine.SAMEDIFF);
        assertInstanceOf(LstmBptt.class, fast);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(dtype, 4, 3, STEPS);
        INDArray y = Nd4j.randn(dtype, 4, 2, STEPS);
        INDArray mask = Nd4j.ones(dtype, 4, STEPS);
        mask.putScalar(1, 0, 0);
        mask.putScalar(3, STEPS - 1, 0);
        List<String> names = new ArrayList<>(graph.parameters().keySet());
        TrainableModel.LossAndGradients a = graph.lossAndGradients(x, y, mask, names);
        TrainableModel.LossAndGradients f = fast.lossAndGradients(x, y, mask, names);
        assertEquals(a.loss(), f.loss(), tolerance * Math.abs(a.loss()));
        for (String n : names) {
            double err = a.gradients().get(n).sub(f.gradients().get(n)).norm2Number().doubleValue()
                    / a.gradients().get(n).norm2Number().doubleValue();
            assertTrue(err < tolerance, dtype + " " + n + ": relative error " + err);
        }
    }
}
