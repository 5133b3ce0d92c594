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

    /** A finite loss with a NaN in one variable's gradient stops at once, naming the variable; nothing is updated. */
    @Test
    void aNanGradientNamesItsVariable() {
        org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 2, 2);
        org.nd4j.linalg.api.ndarray.INDArray before = w.dup();
        org.molap.dl4j.model.TrainableModel model = new org.molap.dl4j.model.TrainableModel() {
            @Override
            public java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> parameters() {
                return java.util.Map.of("W_rec", w);
            }

            @Override
            public LossAndGradients lossAndGradients(org.nd4j.linalg.api.ndarray.INDArray in, org.nd4j.linalg.api.ndarray.INDArray out,
                                                     org.nd4j.linalg.api.ndarray.INDArray mask, java.util.Collection<String> variables) {
                org.nd4j.linalg.api.ndarray.INDArray g = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 2, 2);
                g.putScalar(1, 1, Double.NaN);
                return new LossAndGradients(0.5, 0.5, java.util.Map.of("W_rec", g));
            }
        };
        DataSet batch = new DataSet(org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 1, 1, 1), org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 1, 1, 1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                new Trainer(new TrainerConfig(1e-2, 5)).fit("pretrain-M1", model, TrainableSet.of("W_rec"),
                        new org.molap.dl4j.data.RepeatedBatch(batch, 5)));
        assertTrue(e.getMessage().contains("W_rec") && e.getMessage().contains("iteration 0") && e.getMessage().contains("pretrain-M1"), e.getMessage());
        assertTrue(before.equals(w), "no update reached the variable");
    }
}
