package org.molap.experiments.bench;

import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.model.TrainableModel;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;

/** The in-process contenders of the bench. */
final class Contenders {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Contenders() {
    }

    /** Times {@code work} n times; remembers the thread CPU time they took. */
    abstract static class Timed extends Contender.Named {
        Timed(String key, String label) {
            super(key, label);
        }

        abstract void once();

        @Override
        public double[] iterations(int n) {
            double[] ms = new double[n];
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                once();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            return ms;
        }
    }

    /**
     * Our training iteration through the project's Trainer: loss and gradients of every weight (W_rec, b, W_in,
     * W_out, b_out: the same job as PyTorch's and DL4J's), then Adam, with the given engine.
     */
    static Contender ours(String key, String label, BenchProblem p, double leak, DataSet batch, Function<RnnGraph.Shape, RecurrentModel> engine) {
        RecurrentCore core = RecurrentCore.random(new ModularRnnConfig(p.units(), p.modules(), 1.5, 1, leak), DataType.FLOAT);
        Head head = Head.random(p.units(), BenchProblem.CHANNELS, BenchProblem.CHANNELS, 2, DataType.FLOAT);
        RecurrentModel model = engine.apply(RnnGraph.Shape.of(core, BenchProblem.CHANNELS, BenchProblem.CHANNELS, p.steps(),
                DataType.FLOAT, Regularisation.paper())).load(core, head);
        TrainableSet everything = TrainableSet.of(RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT);
        return trained(key, label, model, everything, batch);
    }

    /**
     * Training iterations of any model through the project's Trainer on one batch. The n iterations run as one
     * phase of the trainer, as in training (the optimiser is set up once per phase), each timed from one listener
     * call to the next; a first iteration, which also sets the optimiser up, is not counted.
     */
    static Contender trained(String key, String label, TrainableModel model, TrainableSet set, DataSet batch) {
        return new Contender.Named(key, label) {
            @Override
            public double[] iterations(int n) {
                long[] stamps = new long[n + 2];
                long[] cpuStamps = new long[n + 2];
                int[] done = {0};
                Trainer trainer = new Trainer(new TrainerConfig(1e-3, n + 1)).addListener(it -> {
                    stamps[++done[0]] = System.nanoTime();
                    cpuStamps[done[0]] = THREADS.getCurrentThreadCpuTime();
                });
                trainer.fit("bench", model, set, new RepeatedBatch(batch, n + 1));
                cpu = (cpuStamps[n + 1] - cpuStamps[1]) / 1e6;
                double[] ms = new double[n];
                for (int i = 0; i < n; i++) {
                    ms[i] = (stamps[i + 2] - stamps[i + 1]) / 1e6;
                }
                return ms;
            }
        };
    }

    static Timed floor(BenchProblem p) {
        FloorBench.Buffers buffers = new FloorBench.Buffers(p);
        return new Timed("step_products", "the 3 products of every step alone (BLAS)") {
            @Override
            void once() {
                buffers.runSteps(FloorBench.RAW_BLAS);
            }
        };
    }

    static Timed dl4j(BenchProblem p, DataSet batch) {
        var net = Dl4jBench.network(p);
        return new Timed("dl4j", "DL4J SimpleRnn + RnnOutputLayer (no leak)") {
            @Override
            void once() {
                net.fit(batch);
            }
        };
    }
}
