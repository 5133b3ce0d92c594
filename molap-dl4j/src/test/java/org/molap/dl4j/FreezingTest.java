package org.molap.dl4j;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frozen entries must be bitwise unchanged by training, whatever the gradient through them. */
class FreezingTest {
    private static final int UNITS = 12;
    private static final int STEPS = 9;

    private static RnnGraph graph(RecurrentCore core, Head head) {
        return RnnGraph.build(new RnnGraph.Shape(UNITS, head.inputs(), head.outputs(), STEPS, DataType.FLOAT,
                Regularisation.paper())).load(core, head);
    }

    @Test
    void trainingOneModuleBlockLeavesEveryOtherRecurrentEntryBitwiseUnchanged() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 3, 1.5, 1), DataType.FLOAT);
        Head scaffold = Head.random(UNITS, 1, 1, 2, DataType.FLOAT);
        INDArray before = core.wRec().dup();
        INDArray block = core.moduleBlockMask(1);
        RnnGraph graph = graph(core, scaffold);
        PhaseRecord record = new Trainer(new TrainerConfig(1e-2, 5)).fit("pretrain-M2", graph,
                new TrainableSet().masked(RecurrentCore.W_REC, block).all(Head.W_IN).all(Head.W_OUT).all(Head.B_OUT),
                new RandomSequences(1, 1, STEPS, 8, 5, 3, DataType.FLOAT));
        graph.storeInto(core, scaffold);

        int changedInside = 0;
        for (int i = 0; i < UNITS; i++) {
            for (int j = 0; j < UNITS; j++) {
                int a = Float.floatToRawIntBits(before.getFloat(i, j));
                int b = Float.floatToRawIntBits(core.wRec().getFloat(i, j));
                if (block.getFloat(i, j) == 0) {
                    assertEquals(a, b, "frozen entry W_rec[" + i + "][" + j + "] changed");
                } else if (a != b) {
                    changedInside++;
                }
            }
        }
        assertEquals(16, (int) block.sumNumber().intValue());
        assertEquals(16, changedInside, "every entry of module 2's block should have moved");
        assertEquals(5, record.iterations());
        assertEquals(5L * (16 + UNITS + UNITS + 1), record.parameterUpdates());
    }

    @Test
    void headTrainingLeavesRecurrentWeightsAndBiasBitwiseUnchanged() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 2, 1.5, 4), DataType.FLOAT);
        core.bias().assign(0.1);
        Head head = Head.random(UNITS, 3, 2, 5, DataType.FLOAT);
        INDArray wRec = core.wRec().dup();
        INDArray bias = core.bias().dup();
        INDArray wIn = head.wIn().dup();
        RnnGraph graph = graph(core, head);
        new Trainer(new TrainerConfig(1e-2, 4)).fit("task", graph,
                TrainableSet.of(Head.W_IN, Head.W_OUT, Head.B_OUT), new RandomSequences(3, 2, STEPS, 8, 4, 6, DataType.FLOAT));
        graph.storeInto(core, head);
        assertArrayEquals(bits(wRec), bits(core.wRec()));
        assertArrayEquals(bits(bias), bits(core.bias()));
        assertNotEquals(wIn, head.wIn());
    }

    @Test
    void aStepProjectionCannotMoveMaskedEntries() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 2, 1.5, 10), DataType.FLOAT);
        Head head = Head.random(UNITS, 1, 1, 11, DataType.FLOAT);
        INDArray before = core.wRec().dup();
        INDArray block = core.moduleBlockMask(0);
        RnnGraph graph = graph(core, head);
        // A projection that would move every entry: it adds 0.5 to every step.
        new Trainer(new TrainerConfig(1e-2, 3)).projectSteps(steps -> steps.values().forEach(step -> step.addi(0.5)))
                .fit("projected", graph, new TrainableSet().masked(RecurrentCore.W_REC, block).all(Head.W_OUT),
                        new RandomSequences(1, 1, STEPS, 4, 3, 12, DataType.FLOAT));
        graph.storeInto(core, head);
        int[] a = bits(before);
        int[] b = bits(core.wRec());
        float[] mask = block.dup().data().asFloat();
        for (int i = 0; i < a.length; i++) {
            if (mask[i] == 0) {
                assertEquals(a[i], b[i], "masked entry " + i + " moved");
            } else {
                assertNotEquals(a[i], b[i], "trainable entry " + i + " should have moved");
            }
        }
    }

    @Test
    void trainingLowersTheLossOnAFixedBatch() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(UNITS, 2, 1.2, 7), DataType.FLOAT);
        Head head = Head.random(UNITS, 2, 2, 8, DataType.FLOAT);
        RandomSequences one = new RandomSequences(2, 2, STEPS, 16, 60, 9, DataType.FLOAT).repeating();
        PhaseRecord record = new Trainer(new TrainerConfig(1e-2, 60)).fit("all", graph(core, head),
                TrainableSet.of(RecurrentCore.W_REC, Head.W_IN, Head.W_OUT, Head.B_OUT), one);
        assertTrue(record.lastLoss() < 0.8 * record.firstLoss(), "loss " + record.firstLoss() + " -> " + record.lastLoss());
        assertFalse(Double.isNaN(record.lastLoss()));
    }

    private static int[] bits(INDArray a) {
        float[] f = a.dup().data().asFloat();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Float.floatToRawIntBits(f[i]);
        }
        return out;
    }
}
