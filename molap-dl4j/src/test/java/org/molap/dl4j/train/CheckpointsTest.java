package org.molap.dl4j.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model with its own noise (seed 001's rate network: process noise and random initial states) trained in two phases
 * on one model, stopped inside the second and resumed from its checkpoints: the same weights bit for bit as without
 * the stop, so the noise generator's state is part of the checkpoint; and a damaged checkpoint is one sentence.
 */
class CheckpointsTest {
    private static final int STEPS = 30;

    private static CellModel model() {
        return Unroller.unroll(new MotorRateCell(MotorRateCell.Config.additive(16, 2)), 1, STEPS, DataType.DOUBLE, Loss.mse(), 3);
    }

    private static DataSet batch() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 8, 3, STEPS);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 1, STEPS);
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < STEPS; t++) {
                x.putScalar(new int[] {b, b % 2, t}, 1);
                y.putScalar(new int[] {b, 0, t}, 0.5 * Math.sin(t / 5.0 + b));
            }
        }
        return new DataSet(x, y);
    }

    /** A kill: the run stops in the middle of the phase, with no chance to save anything. */
    private static final class Killed extends RuntimeException {
    }

    /** Two phases on one model; the second one is killed before its batch {@code killAt} (30: not killed). */
    private static Map<String, byte[]> train(CellModel m, int killAt) {
        Trainer trainer = new Trainer(new TrainerConfig(1e-2, 30));
        trainer.fit("first", m, TrainableSet.of(MotorRateCell.B), new RepeatedBatch(batch(), 30));
        DataSet batch = batch();
        trainer.fit("second", m, TrainableSet.of(MotorRateCell.B, MotorRateCell.J), new org.molap.dl4j.data.GeneratedIterator(8, 30, 5) {
            private int served;

            @Override
            protected DataSet generate(int batchSize, java.util.Random rng) {
                if (served++ == killAt) {
                    throw new Killed();
                }
                return batch;
            }

            @Override
            public int inputColumns() {
                return 3;
            }

            @Override
            public int totalOutcomes() {
                return 1;
            }
        });
        Map<String, byte[]> weights = new TreeMap<>();
        m.parameters().forEach((name, value) -> weights.put(name, value.dup().data().asBytes()));
        return weights;
    }

    @Test
    void aNoisyModelStoppedInsideAPhaseResumesBitForBit(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> whole = train(model(), 30);

        Path dir = tmp.resolve("checkpoints");
        try (Checkpoints.Active active = new Checkpoints(dir, 0, 7, Map.of(), false).activate()) {
            assertThrows(Killed.class, () -> train(model(), 17));   // killed at iteration 17 of 30: last checkpoint at 14
        }
        try (Checkpoints.Active active = new Checkpoints(dir, 0, 7, Map.of(), true).activate()) {
            Map<String, byte[]> resumed = train(model(), 30);
            assertEquals(whole.keySet(), resumed.keySet());
            whole.forEach((name, bytes) -> assertArrayEquals(bytes, resumed.get(name), name + " bit for bit"));
        }
    }

    @Test
    void aDamagedCheckpointIsOneSentence(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("checkpoints"));
        Files.write(dir.resolve("state-00000003.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Checkpoints(dir, 0, 5, Map.of(), true));
        assertTrue(e.getMessage().contains("state-00000003.zip") && e.getMessage().lines().count() == 1, e.getMessage());
        assertTrue(List.of(dir.toFile().list()).contains("state-00000003.zip"), "a damaged checkpoint is left for a person to look at");
    }
}
