package org.molap.dl4j.engine;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.molap.dl4j.rnn.ElmanBptt;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine factory: the fast engine where it fits, with the SameDiff graph's starting weights and gradients. */
class EnginesTest {
    private static final Loss PAPER = Loss.mse().withL2(1e-2, LeakyRnnCell.W_REC, LeakyRnnCell.W_IN, Unroller.W_OUT)
            .withActivity(1e-1);

    @Test
    void theLeakyCellGetsItsBpttEngineWithTheGraphsWeightsAndGradients() {
        LeakyRnnCell cell = new LeakyRnnCell(6, 2, 0.2, 1.5);
        TrainableModel fast = Engines.build(cell, 3, 7, DataType.DOUBLE, PAPER, 4, Engines.Engine.AUTO);
        TrainableModel graph = Engines.build(cell, 3, 7, DataType.DOUBLE, PAPER, 4, Engines.Engine.SAMEDIFF);
        assertInstanceOf(ElmanBptt.class, fast);
        assertInstanceOf(CellModel.class, graph);
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 2, 7);
        INDArray y = Nd4j.randn(DataType.DOUBLE, 4, 3, 7);
        List<String> names = new ArrayList<>(graph.parameters().keySet());
        for (String n : names) {
            assertTrue(graph.array(n).equals(fast.array(n)), "same starting " + n);
        }
        TrainableModel.LossAndGradients a = graph.lossAndGradients(x, y, null, names);
        TrainableModel.LossAndGradients b = fast.lossAndGradients(x, y, null, names);
        assertEquals(a.loss(), b.loss(), 1e-12);
        for (String n : names) {
            double err = a.gradients().get(n).sub(b.gradients().get(n)).norm2Number().doubleValue()
                    / a.gradients().get(n).norm2Number().doubleValue();
            assertTrue(err < 1e-10, n + ": relative error " + err);
        }
    }

    @Test
    void otherCellsAndLossesStayOnTheGraph() {
        LeakyRnnCell cell = new LeakyRnnCell(6, 2, 0.2, 1.5);
        assertInstanceOf(CellModel.class, Engines.build(cell, 3, 7, DataType.DOUBLE, PAPER.masked(), 4, Engines.Engine.AUTO));
        assertInstanceOf(CellModel.class, Engines.build(cell, 3, 7, DataType.DOUBLE, Loss.bce(), 4, Engines.Engine.AUTO));
        RateRnnCell rate = new RateRnnCell(6, 2, 2, 3);
        assertInstanceOf(CellModel.class, Engines.build(rate, 1, 5, DataType.DOUBLE, Loss.bce(), 4, Engines.Engine.AUTO));
        assertInstanceOf(RateRnnBptt.class, Engines.build(rate, 1, 5, DataType.DOUBLE, Loss.mse(), 4, Engines.Engine.AUTO));
        MotorRateCell loops = new MotorRateCell(MotorRateCell.Config.multiplicative(6, 2).withPreparatoryModule(2));
        assertInstanceOf(MotorBptt.class, Engines.build(loops, 1, 5, DataType.DOUBLE, Loss.activityOnly(1), 4, Engines.Engine.AUTO));
        assertThrows(IllegalArgumentException.class, () -> Engines.build(loops, 1, 5, DataType.DOUBLE,
                Loss.mse().withL2(1e-2, MotorRateCell.U), 4, Engines.Engine.FAST));
        assertInstanceOf(CellModel.class, Engines.build(new LstmCell(4, 2), 1, 5, DataType.DOUBLE, Loss.bce(), 4, Engines.Engine.AUTO));
        assertThrows(IllegalArgumentException.class, () -> Engines.build(cell, 3, 7, DataType.DOUBLE,
                Loss.mse().withL2(1e-2, LeakyRnnCell.W_REC), 4, Engines.Engine.FAST));
    }
}
