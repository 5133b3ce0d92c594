package org.molap.experiments.bench;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Our training iteration (forward, backward, masked Adam update of module 1's block, W_in, W_out and b_out)
 * through the project's Trainer with either engine (SameDiff graph or hand-derived BPTT), and forward-only
 * evaluation throughput.
 */
final class OursBench {
    record Result(double buildMillis, double iterationMillis, double evalTrialsPerSecond) {
    }

    private OursBench() {
    }

    static Result run(BenchProblem p, DataSet batch, int warmup, int repeats,
                      java.util.function.Function<RnnGraph.Shape, RecurrentModel> engine) {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(p.units(), p.modules(), 1.5, 1), DataType.FLOAT);
        Head head = Head.random(p.units(), BenchProblem.CHANNELS, BenchProblem.CHANNELS, 2, DataType.FLOAT);
        long t0 = System.nanoTime();
        RecurrentModel graph = engine.apply(new RnnGraph.Shape(p.units(), BenchProblem.CHANNELS, BenchProblem.CHANNELS, p.steps(),
                DataType.FLOAT, Regularisation.paper())).load(core, head);
        double build = (System.nanoTime() - t0) / 1e6;

        TrainableSet trainable = new TrainableSet().masked(RecurrentCore.W_REC, core.moduleBlockMask(0))
                .all(Head.W_IN).all(Head.W_OUT).all(Head.B_OUT);
        long[] stamps = new long[warmup + repeats + 1];
        int[] seen = {0};
        Trainer trainer = new Trainer(new TrainerConfig(1e-3, warmup + repeats))
                .addListener((phase, iteration, loss, mse) -> stamps[++seen[0]] = System.nanoTime());
        stamps[0] = System.nanoTime();
        trainer.fit("bench", graph, trainable, new RepeatedBatch(batch, warmup + repeats));
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            ms[i] = (stamps[warmup + i + 1] - stamps[warmup + i]) / 1e6;
        }
        double evalMs = Timing.medianMillis(1, Math.max(3, repeats / 2), () -> graph.forward(batch.getFeatures()));
        return new Result(build, Timing.median(ms), p.batch() / (evalMs / 1000));
    }
}
