package org.molap.dl4j.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seed 002's hand-derived engine against the cell's SameDiff graph: tanh readout, loss mask, encoder gradients too. */
class EncodedReluBpttTest {
    private static final int STEPS = 6;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lossAndGradientsMatchTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(8);
        INDArray y = Nd4j.rand(dtype, 4, 3, STEPS).gt(0.5).castTo(dtype).muli(2).subi(1);
        INDArray mask = Nd4j.ones(dtype, 4, STEPS);
        mask.putScalar(0, 0, 0);
        EngineAgreement.assertAgrees(EncodedReluBptt.class, new EncodedReluCell(7, 2, 5, 4, 3), 3, STEPS, Loss.tanhMse().masked(),
                Nd4j.randn(dtype, 4, 3, STEPS), y, mask);
    }
}
