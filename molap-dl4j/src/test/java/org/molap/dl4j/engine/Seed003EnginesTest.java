package org.molap.dl4j.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-derived engines of seed 003's LSTM, low-rank and vanilla RNNs and NM-RNN (the low-rank ones through their QR
 * factor) against their graphs, under a loss mask.
 */
class Seed003EnginesTest {
    private static final int STEPS = 7;

    private static INDArray mask(DataType dtype) {
        INDArray mask = Nd4j.ones(dtype, 4, STEPS);
        mask.putScalar(1, 0, 0);
        mask.putScalar(3, STEPS - 1, 0);
        return mask;
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lstmEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(3);
        EngineAgreement.assertAgrees(LstmBptt.class, new LstmCell(5, 3), 2, STEPS, Loss.mse().masked(),
                Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void lowRankRnnEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(5);
        EngineAgreement.assertAgrees(RateRnnBptt.class, new RateRnnCell(6, 3, 2, 3), 2, STEPS, Loss.mse().masked(),
                Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void vanillaRnnEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(6);
        EngineAgreement.assertAgrees(RateRnnBptt.class, new RateRnnCell(6, 3, 0, 2), 2, STEPS, Loss.mse().masked(),
                Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void nmRnnEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(4);
        EngineAgreement.assertAgrees(NmRnnBptt.class, new NmRnnCell(new NmRnnCell.Config(6, 3, 2, 3, 2, 2, 4, 0.5)), 2, STEPS,
                Loss.mse().masked(), Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void linearSymmetricNmRnnEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(7);
        EngineAgreement.assertAgrees(NmRnnBptt.class, new NmRnnCell(new NmRnnCell.Config(6, 3, 2, 3, 3, 2, 4, 1,
                NmRnnCell.Variant.LINEAR_SYMMETRIC)), 2, STEPS, Loss.mse().masked(), Nd4j.randn(dtype, 4, 3, STEPS),
                Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void elementFinderNmRnnEngineAgreesWithTheGraph(DataType dtype) {
        Nd4j.getRandom().setSeed(8);
        EngineAgreement.assertAgrees(NmRnnBptt.class, new NmRnnCell(new NmRnnCell.Config(6, 3, 2, 3, 3, 3, 2, 1.0 / 6,
                NmRnnCell.Variant.ELEMENT_FINDER)), 2, STEPS, Loss.mse().masked(), Nd4j.randn(dtype, 4, 3, STEPS),
                Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void elementFinderBaselineEnginesAgreeWithTheGraphs(DataType dtype) {
        Nd4j.getRandom().setSeed(9);
        EngineAgreement.assertAgrees(RateRnnBptt.class, new RateRnnCell(6, 3, 2, 3, 1.0 / 6, false, 1 / Math.sqrt(6), false), 2,
                STEPS, Loss.mse().masked(), Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
        EngineAgreement.assertAgrees(LstmBptt.class, new LstmCell(5, 3, true), 2, STEPS, Loss.mse().masked(),
                Nd4j.randn(dtype, 4, 3, STEPS), Nd4j.randn(dtype, 4, 2, STEPS), mask(dtype));
    }
}
