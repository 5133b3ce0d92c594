package org.molap.dl4j;

import org.molap.core.corpus.TaskCorpus;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.tasks.MolapTasks;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.TaskConfig;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.molap.HeadTraining;
import org.molap.dl4j.molap.ModulePretraining;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MoLaP phases on real tasks and CCA primitives: what each phase may change, and nothing else. */
class ModulePretrainingTest {
    private static final int UNITS = 16;

    private final TaskCorpus corpus = new TaskCorpus(List.of(
            MolapTasks.byName("DelayPro", TaskConfig.defaults()), MolapTasks.byName("MemDm1", TaskConfig.defaults())));
    private final PhaseSettings settings = new PhaseSettings(8, 110, new TrainerConfig(1e-2, 4), new TrainerConfig(1e-2, 4),
            Regularisation.paper(), Head.ReadoutScale.FAN_IN, DataType.FLOAT);

    private LatentPrimitives primitives() {
        Trials sample = corpus.sampleSideBySide(40, new Random(1), DataType.FLOAT);
        return LatentPrimitives.fit(sample.inputs(), sample.targets(), 2, LatentPrimitives.Method.CCA);
    }

    @Test
    void eachModuleChangesOnlyItsOwnBlockAndModulesTrainInOrder() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 2, 1.5, 3), DataType.FLOAT);
        List<INDArray> snapshots = new ArrayList<>();
        snapshots.add(core.wRec().dup());
        INDArray bias = core.bias().dup();
        List<PhaseRecord> records = new ModulePretraining(new GraphCache(), settings, new Trainer(settings.pretraining()))
                .run(core, corpus, primitives(), 7, (k, graph, record) -> snapshots.add(core.wRec().dup()));

        assertEquals(List.of("pretrain-M1", "pretrain-M2"), records.stream().map(PhaseRecord::phase).toList());
        for (int k = 0; k < 2; k++) {
            INDArray before = snapshots.get(k);
            INDArray after = snapshots.get(k + 1);
            INDArray block = core.moduleBlockMask(k);
            int moved = 0;
            for (int i = 0; i < UNITS; i++) {
                for (int j = 0; j < UNITS; j++) {
                    boolean same = Float.floatToRawIntBits(before.getFloat(i, j)) == Float.floatToRawIntBits(after.getFloat(i, j));
                    if (block.getFloat(i, j) == 0) {
                        assertTrue(same, "pre-training module " + (k + 1) + " changed W_rec[" + i + "][" + j + "] outside its block");
                    } else if (!same) {
                        moved++;
                    }
                }
            }
            assertEquals(64, moved, "module " + (k + 1) + "'s whole block trains");
        }
        assertArrayEquals(bias.toFloatVector(), core.bias().toFloatVector());
        // Updates counted: the 8x8 block, the scaffold input (16) and readout (16 + 1 bias), 4 iterations.
        assertEquals(4L * (64 + 16 + 17), records.get(0).parameterUpdates());
    }

    @Test
    void headTrainingLeavesTheRecurrentCoreBitwiseUnchanged() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 2, 1.5, 5), DataType.FLOAT);
        INDArray wRec = core.wRec().dup();
        Task task = corpus.tasks().get(1);
        HeadTraining.Result result = new HeadTraining(new GraphCache(), settings, new Trainer(settings.taskTraining())).train(core, task, 9);
        assertArrayEquals(wRec.toFloatMatrix(), core.wRec().toFloatMatrix());
        assertEquals(2, result.head().inputs());
        assertEquals(4L * (16 * 2 + 2 * 16 + 2), result.record().parameterUpdates());
    }
}
