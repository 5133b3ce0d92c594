package org.molap.dl4j.perturb;

import org.molap.core.metrics.DecisionAccuracy;
import org.molap.core.perturb.Perturbation;
import org.molap.core.perturb.UnitPartition;
import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A trained network's decision accuracy under perturbation (seed 000 A.4, Figs. 3-4, S1-S5): for each level, the given
 * number of random draws, each a perturbed W_rec (and silenced units) evaluated on one fixed test set with the fast
 * engine's forward pass, read out only in the scored window at the end of the trials. Draw d of level l comes from
 * its own seed. Silenced units are clamped at 0 at every step, so they send nothing to the other units or to the
 * readout: the draw is evaluated as the network without them (exactly the same outputs, in (1 - p)^2 of the time).
 * Draws run on one thread: ND4J 1.0.0-M2.1 crashed the JVM (SIGSEGV in sd::TadDescriptor, from a broadcast op) when
 * two threads ran this forward pass at once on a new array shape; a sweep is split over processes instead.
 */
public final class PerturbationSweep {
    /** A trained network: the shape it was trained at and its arrays (W_rec, b, W_in, W_out, b_out). */
    public record Network(RnnGraph.Shape shape, Map<String, INDArray> arrays, UnitPartition units) {

        /** The network with another W_rec ([i][j] at i * N + j) and without the silenced units (null: none). */
        Network perturbed(double[] wRec, boolean[] silenced) {
            int n = shape.units();
            int[] kept = IntStream.range(0, n).filter(i -> silenced == null || !silenced[i]).toArray();
            if (kept.length == 0) {
                throw new IllegalArgumentException("Silencing every unit leaves no network to evaluate.");
            }
            double[][] w = new double[kept.length][kept.length];
            for (int r = 0; r < kept.length; r++) {
                for (int c = 0; c < kept.length; c++) {
                    w[r][c] = wRec[kept[r] * n + kept[c]];
                }
            }
            Map<String, INDArray> out = new LinkedHashMap<>(arrays);
            out.put(RecurrentCore.W_REC, Nd4j.createFromArray(w).castTo(shape.dtype()));
            if (kept.length < n) {
                out.put(RecurrentCore.BIAS, columns(arrays.get(RecurrentCore.BIAS), kept));
                out.put(Head.W_IN, arrays.get(Head.W_IN).getRows(kept));
                out.put(Head.W_OUT, columns(arrays.get(Head.W_OUT), kept));
            }
            return new Network(new RnnGraph.Shape(kept.length, shape.inputs(), shape.outputs(), shape.steps(), shape.dtype(),
                    shape.regularisation(), shape.leak()), out, units);
        }

        private static INDArray columns(INDArray a, int[] kept) {
            return a.getColumns(kept).dup('c');
        }
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
        int from = net.shape().steps() - DecisionAccuracy.PAPER_WINDOW;
        INDArray window = targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.interval(from, targets.size(2))).dup();
        Map<Integer, ElmanBptt> engines = new HashMap<>();     // by number of units: silencing evaluates smaller networks
        double[][] accuracy = new double[levels.size()][draws];
        try {
            sweep(net, levels, draws, seed, inputs, scored, wRec, from, window, engines, accuracy);
        } finally {
            engines.values().forEach(ElmanBptt::release);     // off-heap buffers of up to 200 MB each, freed now
        }
        return accuracy;
    }

    private static void sweep(Network net, List<Perturbation> levels, int draws, long seed, INDArray inputs, int scored, double[] wRec,
                              int from, INDArray window, Map<Integer, ElmanBptt> engines, double[][] accuracy) {
        for (int level = 0; level < levels.size(); level++) {
            for (int draw = 0; draw < draws; draw++) {
                Perturbation.Draw p = levels.get(level).apply(wRec, net.units(), new Random(drawSeed(seed, level, draw)));
                Network perturbed = net.perturbed(p.wRec(), p.silenced());
                ElmanBptt engine = engines.computeIfAbsent(perturbed.shape().units(), n -> ElmanBptt.build(perturbed.shape()));
                perturbed.arrays().forEach((name, value) -> engine.array(name).assign(value));
                INDArray out = engine.forward(inputs, from);
                if (scored < out.size(1)) {
                    out = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup();
                }
                accuracy[level][draw] = Arrays.stream(DecisionAccuracy.perUnit(out, window,
                        DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.PAPER_TOLERANCE)).average().orElse(Double.NaN);
            }
        }
    }

    /** The outputs [B, nOut, T] of one perturbed draw of the network. */
    public static INDArray outputs(Network net, Perturbation.Draw draw, INDArray inputs) {
        Network perturbed = net.perturbed(draw.wRec(), draw.silenced());
        ElmanBptt engine = ElmanBptt.build(perturbed.shape());
        perturbed.arrays().forEach((name, value) -> engine.array(name).assign(value));
        try {
            return engine.forward(inputs);
        } finally {
            engine.release();
        }
    }

    /** The seed of draw {@code draw} of level {@code level}: SplitMix64's finaliser over the three, so draws differ. */
    static long drawSeed(long seed, int level, int draw) {
        long z = seed * 0x9e3779b97f4a7c15L + level * 0xbf58476d1ce4e5b9L + draw * 0x94d049bb133111ebL;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
