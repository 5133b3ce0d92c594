package org.molap.experiments.motifs;

import java.util.Arrays;
import java.util.List;
import org.molap.core.stats.Wilcoxon;
import org.molap.core.tasks.motifs.Motif;
import org.molap.dl4j.model.StateTrace;
import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Seed 001's zero-shot chaining test (sections 2.4, 4.0): every motif produced from {@code trials} random initial states
 * (in distribution) and after each other motif (the network switches to the motif's parameters, and reopens the
 * preparation window, from wherever the predecessor left it). Per-trial RMSE over the motif; per motif the mean over
 * its trials; the network's score the mean over motifs; the chaining penalty chained / random; and a two-sided exact
 * Wilcoxon signed-rank test of the per-motif pairs. The pooled RMSE (one RMSE over a motif's trials, the other reading
 * of "RMSE taken over 9 random initialisations") is reported too.
 *
 * @param random        [motif][trial] RMSE from random initial states
 * @param predecessors  [predecessor][motif] RMSE of the chain predecessor -> motif (NaN on the diagonal)
 * @param endStd        per motif, the standard deviation of the entries of x at the motif's end from the random starts
 *                      (Fig. 2 ii: close to the N(0, 1) the starts were drawn from); NaN where the engine keeps no states
 */
record ChainingHarness(double[][] random, double[][] predecessors, double[] endStd) {

    /**
     * Runs both tests: {@code single} has room for the longest motif, {@code chains} for the longest pair. When
     * {@code examples} is given, it receives per motif the output of its first random start ("random_outputs") and
     * after its first predecessor ("chained_outputs"), [motif, longest motif] with zeros after the motif's end, and the
     * entries of x at each motif's end from its random starts ("x_end", [motif, trials * N]).
     */
    static ChainingHarness evaluate(TrainableModel single, int singleSteps, TrainableModel chains, int chainSteps,
                                    List<Motif> motifs, int trials, int preparation, java.util.Map<String, double[][]> examples) {
        int m = motifs.size();
        int longest = motifs.stream().mapToInt(Motif::length).max().orElseThrow();
        double[][] random = new double[m][];
        double[][] predecessors = new double[m][m];
        double[][] randomOut = new double[m][longest];
        double[][] chainedOut = new double[m][longest];
        double[] endStd = new double[m];
        double[][] ends = new double[m][];
        for (int mu = 0; mu < m; mu++) {
            int[] order = new int[trials];
            Arrays.fill(order, mu);
            MotorTrials t = MotorTrials.single(motifs, order, preparation, singleSteps, DataType.FLOAT);
            org.nd4j.linalg.api.ndarray.INDArray out = single.forward(t.inputs());
            random[mu] = t.rmse(out);
            t.scored(out, 0, randomOut[mu]);
            ends[mu] = single instanceof StateTrace trace
                    ? trace.state(motifs.get(mu).length()).castTo(DataType.DOUBLE).data().asDouble() : new double[0];
            endStd[mu] = ends[mu].length == 0 ? Double.NaN : std(ends[mu]);
            int[][] pairs = new int[m - 1][];
            for (int nu = 0, i = 0; nu < m; nu++) {
                if (nu != mu) {
                    pairs[i++] = new int[] {nu, mu};
                }
            }
            MotorTrials c = MotorTrials.chains(motifs, pairs, preparation, chainSteps, DataType.FLOAT);
            org.nd4j.linalg.api.ndarray.INDArray chained = chains.forward(c.inputs());
            double[] rmse = c.rmse(chained);
            c.scored(chained, 0, chainedOut[mu]);
            predecessors[mu][mu] = Double.NaN;
            for (int i = 0; i < pairs.length; i++) {
                predecessors[pairs[i][0]][mu] = rmse[i];
            }
        }
        if (examples != null) {
            examples.put("random_outputs", randomOut);
            examples.put("chained_outputs", chainedOut);
            if (Arrays.stream(ends).allMatch(e -> e.length > 0)) {
                examples.put("x_end", ends);
            }
        }
        return new ChainingHarness(random, predecessors, endStd);
    }

    /** The standard deviation of the entries about their mean. */
    private static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
    }

    /** Per motif, the mean RMSE of {@code trials} trials of it from random initial states (the in-distribution test). */
    static double[] randomPerMotif(TrainableModel single, int steps, List<Motif> motifs, int trials, int preparation) {
        double[] out = new double[motifs.size()];
        for (int mu = 0; mu < out.length; mu++) {
            int[] order = new int[trials];
            Arrays.fill(order, mu);
            MotorTrials t = MotorTrials.single(motifs, order, preparation, steps, DataType.FLOAT);
            out[mu] = Arrays.stream(t.rmse(single.forward(t.inputs()))).average().orElseThrow();
        }
        return out;
    }

    /** Steps of the longest chain of two different motifs. */
    static int longestPair(List<Motif> motifs) {
        int[] lengths = motifs.stream().mapToInt(Motif::length).sorted().toArray();
        return lengths.length < 2 ? 0 : lengths[lengths.length - 1] + lengths[lengths.length - 2];
    }

    int motifs() {
        return random.length;
    }

    /** Per motif, the mean of its random-start trial RMSEs. */
    double[] randomPerMotif() {
        return Arrays.stream(random).mapToDouble(r -> Arrays.stream(r).average().orElseThrow()).toArray();
    }

    /** Per motif, the mean of its chains' RMSEs over the predecessors. */
    double[] chainedPerMotif() {
        double[] out = new double[motifs()];
        for (int mu = 0; mu < motifs(); mu++) {
            double sum = 0;
            for (int nu = 0; nu < motifs(); nu++) {
                sum += nu == mu ? 0 : predecessors[nu][mu];
            }
            out[mu] = sum / (motifs() - 1);
        }
        return out;
    }

    /** Per motif, one RMSE pooled over its random-start trials (all of one length): sqrt(mean of the squares). */
    double[] randomPooled() {
        return Arrays.stream(random).mapToDouble(r -> Math.sqrt(Arrays.stream(r).map(v -> v * v).average().orElseThrow())).toArray();
    }

    double[] chainedPooled() {
        double[] out = new double[motifs()];
        for (int mu = 0; mu < motifs(); mu++) {
            double sum = 0;
            for (int nu = 0; nu < motifs(); nu++) {
                sum += nu == mu ? 0 : predecessors[nu][mu] * predecessors[nu][mu];
            }
            out[mu] = Math.sqrt(sum / (motifs() - 1));
        }
        return out;
    }

    double randomScore() {
        return Arrays.stream(randomPerMotif()).average().orElseThrow();
    }

    double chainedScore() {
        return Arrays.stream(chainedPerMotif()).average().orElseThrow();
    }

    /** Chained over random network score: above 1, chaining costs accuracy. */
    double penalty() {
        return chainedScore() / randomScore();
    }

    /** The signed-rank test of the per-motif chained against random values (pGreater: chained worse). */
    Wilcoxon.Result test() {
        return Wilcoxon.test(chainedPerMotif(), randomPerMotif());
    }
}
