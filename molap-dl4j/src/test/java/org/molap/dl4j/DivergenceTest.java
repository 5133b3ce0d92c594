package org.molap.dl4j;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loss that turns NaN stops training with one clear sentence. */
class DivergenceTest {

    @Test
    void nanLossStopsWithAClearMessage() {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(8, 2, 1.5, 1), DataType.FLOAT);
        Head head = Head.random(8, 2, 2, 2, DataType.FLOAT);
        RnnGraph graph = RnnGraph.build(new RnnGraph.Shape(8, 2, 2, 5, DataType.FLOAT, Regularisation.paper())).load(core, head);
        RandomSequences poisoned = new RandomSequences(2, 2, 5, 4, 10, 3, DataType.FLOAT) {
            @Override
            protected DataSet generate(int batchSize, Random rng) {
                DataSet ds = super.generate(batchSize, rng);
                ds.getLabels().putScalar(0, Float.NaN);
                return ds;
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                new Trainer(new TrainerConfig(1e-2, 10)).fit("task-X", graph, TrainableSet.of(Head.W_OUT), poisoned));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("task-X") && e.getMessage().contains("iteration 0"), e.getMessage());
    }
}
