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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trained network's decision accuracy under perturbation (seed 000 A.4, Figs. 3-4, S1-S5): for each level, the given
 * number of random draws, each a perturbed W_rec (and silenced units) evaluated on one fixed test set with the fast
 * engine's forward pass. Draw d of level l comes from its own seed. Draws are independent, but they run on one thread:
 * ND4J 1.0.0-M2.1 crashed the JVM (SIGSEGV in sd::TadDescriptor, from a broadcast op) when two threads ran this
 * forward pass at once on a new array shape (seen at DNI's N = 200 in a paper-profile sweep).
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
                                      INDArray targets, int scored) {
        double[] wRec = net.arrays().get(RecurrentCore.W_REC).dup('c').reshape(-1).toDoubleVector();   // [i][j] at i * N + j
        INDArray scoredTargets = scored < targets.size(1)
                ? targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup() : targets;
        ElmanBptt engine = ElmanBptt.build(net.shape());
        net.arrays().forEach((name, value) -> engine.array(name).assign(value));
        double[][] accuracy = new double[levels.size()][draws];
        for (int level = 0; level < levels.size(); level++) {
            for (int draw = 0; draw < draws; draw++) {
                Perturbation.Draw p = levels.get(level).apply(wRec, net.units(), new Random(drawSeed(seed, level, draw)));
                engine.array(RecurrentCore.W_REC).assign(Nd4j.createFromArray(p.wRec())
                        .reshape(net.units().units(), net.units().units()).castTo(net.shape().dtype()));
                INDArray out = engine.silence(p.silenced()).forward(inputs);
                if (scored < out.size(1)) {
                    out = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup();
                }
                accuracy[level][draw] = Arrays.stream(DecisionAccuracy.perUnit(out, scoredTargets,
                        DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.PAPER_TOLERANCE)).average().orElse(Double.NaN);
            }
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
