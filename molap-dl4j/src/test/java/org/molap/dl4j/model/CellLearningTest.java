package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.data.GeneratedIterator;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each cell learns a toy task of its family through the one trainer: the loss falls by at least half. */
class CellLearningTest {

    /** The same batch every iteration. */
    private static GeneratedIterator repeat(DataSet batch, int iterations) {
        return new GeneratedIterator((int) batch.getFeatures().size(0), iterations, 0) {
            @Override
            protected DataSet generate(int batchSize, Random rng) {
                return batch;
            }

            @Override
            public int inputColumns() {
                return (int) batch.getFeatures().size(1);
            }

            @Override
            public int totalOutcomes() {
                return (int) batch.getLabels().size(1);
            }
        };
    }

    private static void assertLearns(PhaseRecord r) {
        System.out.printf("cell learning, %s: loss %.4f -> %.4f%n", r.phase(), r.firstLoss(), r.lastLoss());
        assertTrue(r.lastLoss() < 0.5 * r.firstLoss(), "loss " + r.firstLoss() + " -> " + r.lastLoss());
    }

    /** A leaky tanh network reports, at every step, the sign of the pulse it saw at step 2 (masked before step 5). */
    @Test
    void leakyCellLearnsToHoldAPulseUnderALossMask() {
        int batch = 32;
        int steps = 20;
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, 1, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 1, steps);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, batch, steps);
        for (int b = 0; b < batch; b++) {
            double sign = b % 2 == 0 ? 1 : -1;
            x.putScalar(new int[] {b, 0, 2}, sign);
            for (int t = 5; t < steps; t++) {
                y.putScalar(new int[] {b, 0, t}, 0.5 * sign);
                mask.putScalar(b, t, 1);
            }
        }
        CellModel m = Unroller.unroll(new LeakyRnnCell(32, 1, 0.2, 1.0), 1, steps, DataType.FLOAT, Loss.mse().masked(), 2);
        DataSet data = new DataSet(x, y, null, mask);
        PhaseRecord r = new Trainer(new TrainerConfig(1e-2, 150)).fit("hold", m,
                TrainableSet.of(m.parametersIn(LeakyRnnCell.CORE, "head").toArray(String[]::new)), repeat(data, 150));
        assertLearns(r);
    }

    /** Seed 001's additive network learns two sine motifs by training their inputs b_mu only, from random initial states, with noise. */
    @Test
    void additiveMotorNetworkLearnsTwoMotifsThroughItsInputsOnly() {
        int batch = 16;
        int steps = 60;
        MotorRateCell.Config config = MotorRateCell.Config.additive(40, 2);
        CellModel m = Unroller.unroll(new MotorRateCell(config), 1, steps, DataType.FLOAT, Loss.mse(), 3);
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, 3, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 1, steps);
        for (int b = 0; b < batch; b++) {
            int mu = b % 2;
            for (int t = 0; t < steps; t++) {
                x.putScalar(new int[] {b, mu, t}, 1);
                x.putScalar(new int[] {b, 2, t}, t < 50 ? 1 : 0);
                y.putScalar(new int[] {b, 0, t}, 0.5 * Math.sin(2 * Math.PI * t / 30.0 + mu * Math.PI));
            }
        }
        PhaseRecord r = new Trainer(new TrainerConfig(5e-2, 150)).fit("motifs", m, TrainableSet.of(MotorRateCell.B),
                repeat(new DataSet(x, y), 150));
        assertLearns(r);
    }
}
