package org.molap.dl4j.engine;

import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-derived engine of seed 001's additive network against the cell's SameDiff graph, in double precision. */
class MotorBpttTest {
    private static final int STEPS = 9;

    /** In double the engine's ND4J path; in float its Java tanh, to float precision. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lossAndGradientsMatchTheGraphUnderALossMask(DataType dtype) {
        double tolerance = dtype == DataType.DOUBLE ? 1e-10 : 1e-4;
        MotorRateCell cell = new MotorRateCell(MotorRateCell.Config.additive(5, 2).noiseless());
        Loss loss = Loss.mse().masked();
        TrainableModel fast = Engines.build(cell, 1, STEPS, dtype, loss, 3, Engines.Engine.FAST);
        TrainableModel graph = Engines.build(cell, 1, STEPS, dtype, loss, 3, Engines.Engine.SAMEDIFF);
        assertInstanceOf(MotorBptt.class, fast);
        Nd4j.getRandom().setSeed(4);
        INDArray b = Nd4j.randn(dtype, 5, 2);
        fast.array(MotorRateCell.B).assign(b);
        graph.array(MotorRateCell.B).assign(b);
        INDArray x = Nd4j.zeros(dtype, 3, 3, STEPS);
        for (int trial = 0; trial < 3; trial++) {
            for (int t = 0; t < STEPS; t++) {
                x.putScalar(new int[] {trial, trial % 2, t}, 1);
                x.putScalar(new int[] {trial, 2, t}, t < 3 ? 1 : 0);
            }
        }
        INDArray y = Nd4j.randn(dtype, 3, 1, STEPS);
        INDArray mask = Nd4j.ones(dtype, 3, STEPS);
        mask.putScalar(2, STEPS - 1, 0);                      // a shorter motif: its last step is padding
        mask.putScalar(2, STEPS - 2, 0);
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
