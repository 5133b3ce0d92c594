package org.molap.dl4j.perturb;

import org.molap.core.metrics.DecisionAccuracy;
import org.molap.core.perturb.Perturbation;
import org.molap.core.perturb.UnitPartition;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A trained network's decision accuracy under perturbation (seed 000 A.4, Figs. 3-4, S1-S5): for each level, the given
 * number of random draws, each a perturbed W_rec (and silenced units) evaluated on one fixed test set with the fast
 * engine's forward pass. Draws are independent, so they run on several threads (one BLAS thread each); draw d of
 * level l comes from its own seed, so the result does not depend on the thread count.
 */
public final class PerturbationSweep {
    /** A trained network: the shape it was trained at and its arrays (W_rec, b, W_in, W_out, b_out). */
    public record Network(RnnGraph.Shape shape, Map<String, INDArray> arrays, UnitPartition units) {
    }

    private PerturbationSweep() {
    }

    /**
     * Accuracy [level][draw] at the paper's window and tolerance, over the first {@code scored} output channels.
     *
     * @param inputs  test inputs [B, nIn, T]
     * @param targets test targets [B, nOut, T]
     */
    public static double[][] accuracy(Network net, List<Perturbation> levels, int draws, long seed, INDArray inputs,
                                      INDArray targets, int scored, int threads) {
        double[] wRec = net.arrays().get(RecurrentCore.W_REC).dup('c').reshape(-1).toDoubleVector();   // row-major: [i][j] at i * N + j
        INDArray scoredTargets = scored < targets.size(1)
                ? targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup() : targets;
        ThreadLocal<ElmanBptt> engines = ThreadLocal.withInitial(() -> {
            ElmanBptt e = ElmanBptt.build(net.shape());
            net.arrays().forEach((name, value) -> e.array(name).assign(value));
            return e;
        });
        double[][] accuracy = new double[levels.size()][draws];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int l = 0; l < levels.size(); l++) {
                for (int d = 0; d < draws; d++) {
                    int level = l;
                    int draw = d;
                    jobs.add(pool.submit(() -> {
                        Perturbation.Draw p = levels.get(level).apply(wRec, net.units(), new Random(drawSeed(seed, level, draw)));
                        ElmanBptt engine = engines.get();
                        engine.array(RecurrentCore.W_REC).assign(Nd4j.createFromArray(p.wRec())
                                .reshape(net.units().units(), net.units().units()).castTo(net.shape().dtype()));
                        INDArray out = engine.silence(p.silenced()).forward(inputs);
                        if (scored < out.size(1)) {
                            out = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup();
                        }
                        accuracy[level][draw] = Arrays.stream(DecisionAccuracy.perUnit(out, scoredTargets,
                                DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.PAPER_TOLERANCE)).average().orElse(Double.NaN);
                    }));
                }
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The perturbation sweep was interrupted.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return accuracy;
    }

    /** The seed of draw {@code draw} of level {@code level}: SplitMix64's finaliser over the three, so draws differ. */
    static long drawSeed(long seed, int level, int draw) {
        long z = seed * 0x9e3779b97f4a7c15L + level * 0xbf58476d1ce4e5b9L + draw * 0x94d049bb133111ebL;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
