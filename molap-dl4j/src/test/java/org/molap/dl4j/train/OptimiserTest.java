package org.molap.dl4j.train;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer's optimisers and clipping on known answers, with a model whose gradients are given. */
class OptimiserTest {

    /** One parameter "p"; each iteration hands out the next of the given gradients. */
    private static final class GivenGradients implements TrainableModel {
        final INDArray p;
        final Deque<double[]> gradients;

        GivenGradients(double[] start, double[]... gradients) {
            this.p = Nd4j.createFromArray(start).reshape(1, start.length);
            this.gradients = new ArrayDeque<>(List.of(gradients));
        }

        @Override
        public Map<String, INDArray> parameters() {
            return Map.of("p", p);
        }

        @Override
        public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
            return new LossAndGradients(1, 1, Map.of("p", Nd4j.createFromArray(gradients.pop()).reshape(p.shape())));
        }
    }

    private static void train(GivenGradients m, TrainerConfig config, TrainableSet set) {
        DataSet dummy = new DataSet(Nd4j.zeros(DataType.DOUBLE, 1, 1, 1), Nd4j.zeros(DataType.DOUBLE, 1, 1, 1));
        new Trainer(config).fit("test", m, set, new RepeatedBatch(dummy, config.iterations()));
    }

    @Test
    void clippingByValueThenByGlobalNorm() {
        INDArray a = Nd4j.createFromArray(3.0, -4.0, 0.5);
        INDArray b = Nd4j.createFromArray(0.2);
        GradientClipping.apply(List.of(a, b), 1, 0);
        assertArrayEquals(new double[] {1, -1, 0.5}, a.toDoubleVector(), 0);
        INDArray c = Nd4j.createFromArray(3.0, 0.0);
        INDArray d = Nd4j.createFromArray(4.0);
        assertEquals(5, GradientClipping.apply(List.of(c, d), 0, 1), 1e-12);
        assertArrayEquals(new double[] {0.6, 0}, c.toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {0.8}, d.toDoubleVector(), 1e-12);
        INDArray e = Nd4j.createFromArray(0.3, 0.4);
        GradientClipping.apply(List.of(e), 0, 1);                 // below the threshold: unchanged
        assertArrayEquals(new double[] {0.3, 0.4}, e.toDoubleVector(), 0);
    }

    /** Two Adam steps with gradients 1 then 3: m, v and the bias corrections written out, for two choices of betas. */
    @Test
    void adamFollowsItsBetas() {
        for (double[] betas : new double[][] {{0.9, 0.999}, {0.5, 0.5}}) {
            double b1 = betas[0];
            double b2 = betas[1];
            GivenGradients m = new GivenGradients(new double[] {0}, new double[] {1}, new double[] {3});
            train(m, new TrainerConfig(0.1, 2).with(Optimiser.adam().withBetas(b1, b2)), TrainableSet.of("p"));
            double expected = 0;
            double mom = 0;
            double vel = 0;
            int t = 0;
            for (double g : new double[] {1, 3}) {
                t++;
                mom = b1 * mom + (1 - b1) * g;
                vel = b2 * vel + (1 - b2) * g * g;
                expected -= 0.1 * (mom / (1 - Math.pow(b1, t))) / (Math.sqrt(vel / (1 - Math.pow(b2, t))) + 1e-8);
            }
            assertEquals(expected, m.p.getDouble(0), 1e-12, "betas " + b1 + ", " + b2);
        }
    }

    /** AdamW with a zero gradient only decays, p <- p (1 - lr wd); a frozen entry stays bitwise as it was. */
    @Test
    void adamWDecaysDecoupledFromTheGradientAndRespectsMasks() {
        GivenGradients m = new GivenGradients(new double[] {2, 3}, new double[] {0, 0});
        train(m, new TrainerConfig(0.1, 1).with(Optimiser.adamW(0.5)),
                new TrainableSet().masked("p", Nd4j.createFromArray(1.0, 0.0).reshape(1, 2)));
        assertEquals(2 * (1 - 0.1 * 0.5), m.p.getDouble(0), 1e-12);
        assertEquals(3.0, m.p.getDouble(1), 0);
        assertThrows(IllegalArgumentException.class, () -> new Optimiser(false, 0.9, 0.999, 1e-8, 0.1, 0, 0));
    }

    /** Seed 003's optimiser, one step by hand (spec 003-3): clip each entry to [-1, 1], Adam, decoupled decay 1e-4. */
    @Test
    void seed003StepClipsEntriesThenAdamW() {
        GivenGradients m = new GivenGradients(new double[] {2, -1}, new double[] {3, 0.25});
        train(m, new TrainerConfig(1e-2, 1).with(Optimiser.seed003()), TrainableSet.of("p"));
        double[] start = {2, -1};
        double[] clipped = {1, 0.25};          // 3 is clipped to 1 entry-wise; a norm clip would scale both
        for (int i = 0; i < 2; i++) {
            double mHat = (0.1 * clipped[i]) / (1 - 0.9);
            double vHat = (0.001 * clipped[i] * clipped[i]) / (1 - 0.999);
            double expected = start[i] - 1e-2 * (mHat / (Math.sqrt(vHat) + 1e-8) + 1e-4 * start[i]);
            assertEquals(expected, m.p.getDouble(i), 1e-12, "entry " + i);
        }
    }

    /** Adam reset every 2 iterations: the third step is again a first step (|step| = lr for a constant gradient sign). */
    @Test
    void adamResetEmulationRestartsTheMoments() {
        GivenGradients plain = new GivenGradients(new double[] {0}, new double[] {1}, new double[] {1}, new double[] {-5});
        train(plain, new TrainerConfig(0.1, 3), TrainableSet.of("p"));
        GivenGradients reset = new GivenGradients(new double[] {0}, new double[] {1}, new double[] {1}, new double[] {-5});
        train(reset, new TrainerConfig(0.1, 3).with(Optimiser.adam().resettingEvery(2)), TrainableSet.of("p"));
        // Steps 1 and 2 see gradient 1: each moves by lr / (1 + eps). Step 3 with a fresh state moves by +lr.
        assertEquals(-0.2 + 0.1, reset.p.getDouble(0), 1e-6);
        // Without the reset the remembered moments damp the third step to about 0.04.
        assertEquals(-0.2 + 0.0405, plain.p.getDouble(0), 1e-3);
    }

    /** Best of chunks: the phase ends with the parameters after the chunk whose last loss was lowest. */
    @Test
    void bestOfChunksKeepsTheParametersOfTheBestChunkEnd() {
        double[] losses = {5, 4, 1, 3, 2, 6};          // chunk ends after iterations 2, 4, 6: last losses 4, 3, 6
        TrainableModel m = new TrainableModel() {
            final INDArray p = Nd4j.zeros(DataType.DOUBLE, 1, 1);
            int i = 0;

            @Override
            public Map<String, INDArray> parameters() {
                return Map.of("p", p);
            }

            @Override
            public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
                return new LossAndGradients(losses[i++], 0, Map.of("p", Nd4j.ones(DataType.DOUBLE, 1, 1)));
            }
        };
        List<Double> afterIteration = new java.util.ArrayList<>();
        DataSet dummy = new DataSet(Nd4j.zeros(DataType.DOUBLE, 1, 1, 1), Nd4j.zeros(DataType.DOUBLE, 1, 1, 1));
        new Trainer(new TrainerConfig(0.1, 6).keepingBestOfChunks(2)).addListener(it -> afterIteration.add(m.array("p").getDouble(0)))
                .fit("test", m, TrainableSet.of("p"), new RepeatedBatch(dummy, 6));
        assertEquals(afterIteration.get(3), m.array("p").getDouble(0), 0, "the end of the second chunk (last loss 3)");
    }
}
