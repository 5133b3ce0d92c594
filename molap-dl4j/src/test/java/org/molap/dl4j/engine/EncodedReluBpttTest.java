package org.molap.dl4j.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002's hand-derived engine against the cell's SameDiff graph: tanh readout, loss mask, encoder gradients too. */
class EncodedReluBpttTest {
    private static final int STEPS = 6;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lossAndGradientsMatchTheGraph(DataType dtype) {
        double tolerance = dtype == DataType.DOUBLE ? 1e-10 : 1e-4;
        EncodedReluCell cell = new EncodedReluCell(7, 2, 5, 4, 3);
        Loss loss = Loss.tanhMse().masked();
        TrainableModel fast = Engines.build(cell, 3, STEPS, dtype, loss, 5, Engines.Engine.FAST);
        TrainableModel graph = Engines.build(cell, 3, STEPS, dtype, loss, 5, Engines.Engine.SAMEDIFF);
        assertInstanceOf(EncodedReluBptt.class, fast);
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.randn(dtype, 4, 3, STEPS);
        INDArray y = Nd4j.rand(dtype, 4, 3, STEPS).gt(0.5).castTo(dtype).muli(2).subi(1);
        INDArray mask = Nd4j.ones(dtype, 4, STEPS);
        mask.putScalar(0, 0, 0);
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
