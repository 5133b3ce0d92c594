package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
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
                TrainableSet.of(m.parametersIn(LeakyRnnCell.CORE, "head")), new RepeatedBatch(data, 150));
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
                new RepeatedBatch(new DataSet(x, y), 150));
        assertLearns(r);
    }

    /** The hold task of the leaky cell for any model: inputs [B, channels, T] with the pulse on channel 0. */
    private static PhaseRecord trainHold(CellModel m, int channels, int steps, double rate, int iterations, String... groups) {
        int batch = 32;
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, channels, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 1, steps);
        for (int b = 0; b < batch; b++) {
            double sign = b % 2 == 0 ? 1 : -1;
            x.putScalar(new int[] {b, 0, 2}, sign);
            for (int t = 4; t < steps; t++) {
                y.putScalar(new int[] {b, 0, t}, 0.5 * sign);
            }
        }
        return new Trainer(new TrainerConfig(rate, iterations)).fit(m.cell().getClass().getSimpleName(), m,
                TrainableSet.of(m.parametersIn(groups)), new RepeatedBatch(new DataSet(x, y), iterations));
    }

    @Test
    void nmRnnLstmAndRateRnnsLearnToHoldAPulse() {
        assertLearns(trainHold(Unroller.unroll(new NmRnnCell(new NmRnnCell.Config(20, 4, 2, 1, 1, 2, 5, 1)), 1, 20,
                DataType.FLOAT, Loss.mse(), 5), 1, 20, 2e-2, 150, "lr", "nm", Unroller.HEAD));
        assertLearns(trainHold(Unroller.unroll(new LstmCell(10, 1), 1, 20, DataType.FLOAT, Loss.mse(), 6),
                1, 20, 2e-2, 150, "core", Unroller.HEAD));
        assertLearns(trainHold(Unroller.unroll(new RateRnnCell(20, 1, 2, 3), 1, 20, DataType.FLOAT, Loss.mse(), 7),
                1, 20, 2e-2, 150, "core", Unroller.HEAD));
    }

    /** Seed 002's network learns two linear classifications of a 2-D stimulus (targets +-1 through tanh), its encoder frozen. */
    @Test
    void encodedReluRnnLearnsTwoClassificationsWithItsEncoderUnchanged() {
        int batch = 64;
        int steps = 6;
        CellModel m = Unroller.unroll(new EncodedReluCell(32, 2, 16, 16, 8), 2, steps, DataType.FLOAT, Loss.tanhMse().masked(), 8);
        INDArray encoderBefore = m.array("W1").dup();
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, 3, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 2, steps);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, batch, steps);
        Random rng = new Random(1);
        for (int b = 0; b < batch; b++) {
            double s1 = rng.nextDouble() * 2 - 1;
            double s2 = rng.nextDouble() * 2 - 1;
            for (int t = 0; t < steps - 1; t++) {
                x.putScalar(new int[] {b, 0, t}, 1);            // fixation until the decision step
                x.putScalar(new int[] {b, 1, t}, s1);
                x.putScalar(new int[] {b, 2, t}, s2);
            }
            y.putScalar(new int[] {b, 0, steps - 1}, s1 > 0 ? 1 : -1);
            y.putScalar(new int[] {b, 1, steps - 1}, s1 + s2 > 0 ? 1 : -1);
            mask.putScalar(b, steps - 1, 1);                    // the loss reads the decision step only
        }
        PhaseRecord r = new Trainer(new TrainerConfig(1e-2, 150)).fit("EncodedReluCell", m,
                TrainableSet.of(m.parametersIn("core", Unroller.HEAD)), new RepeatedBatch(new DataSet(x, y, null, mask), 150));
        assertLearns(r);
        assertTrue(java.util.Arrays.equals(m.array("W1").dup().data().asFloat(), encoderBefore.data().asFloat()),
                "the frozen encoder is bitwise unchanged");
    }
}
