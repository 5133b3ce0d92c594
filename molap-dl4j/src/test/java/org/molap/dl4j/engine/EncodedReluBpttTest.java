package org.molap.dl4j.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 002's hand-derived engine against the cell's SameDiff graph, loss mask and encoder gradients included: the
 * paper's tanh readout with targets -1 / +1, and the authors' later cross-entropy of the logits with targets 0 / 1.
 */
class EncodedReluBpttTest {
    private static final int STEPS = 6;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void tanhMseMatchesTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(8);
        INDArray y = labels(dtype).muli(2).subi(1);
        agrees(Loss.tanhMse().masked(), dtype, y);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void crossEntropyMatchesTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(9);
        agrees(Loss.bce().masked(), dtype, labels(dtype));
    }

    private static INDArray labels(DataType dtype) {
        return Nd4j.rand(dtype, 4, 3, STEPS).gt(0.5).castTo(dtype);
    }

    private static void agrees(Loss loss, DataType dtype, INDArray y) {
        INDArray mask = Nd4j.ones(dtype, 4, STEPS);
        mask.putScalar(0, 0, 0);
        EngineAgreement.assertAgrees(EncodedReluBptt.class, new EncodedReluCell(7, 2, 5, 4, 3), 3, STEPS, loss,
                Nd4j.randn(dtype, 4, 3, STEPS).muli(3), y, mask);
    }
}
