package org.molap.experiments.motifs;

import java.util.List;
import org.molap.core.tasks.motifs.Motif;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of seed 001's trials for {@link org.molap.dl4j.model.cells.MotorRateCell}: inputs [B, M + 1, T] (the
 * one-hot label of the motif being produced at each step, then the preparation window, 1 during the first
 * {@code preparation} steps after every motif onset), targets [B, 1, T] and a loss mask [B, T] over the steps that are
 * scored. Output t is read after the step that input t drives, so it is compared with the motif's value t (section
 * 2.3: y_k from x_k, k = 1..T, against m[0..T-1]). Trials shorter than the batch's longest are padded, unscored.
 *
 * @param scoredFrom  first scored step of each trial
 * @param scoredSteps number of scored steps of each trial (the length of the motif scored)
 */
record MotorTrials(INDArray inputs, INDArray targets, INDArray mask, int[] scoredFrom, int[] scoredSteps) {

    int size() {
        return scoredFrom.length;
    }

    int steps() {
        return (int) inputs.size(2);
    }

    /**
     * One motif per trial from a random initial state (training, and the in-distribution test): trial i produces
     * motif {@code order[i]}, scored over its whole length (section 2.3).
     */
    static MotorTrials single(List<Motif> motifs, int[] order, int preparation, int steps, DataType dtype) {
        int[][] chains = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            chains[i] = new int[] {order[i]};
        }
        return chains(motifs, chains, preparation, steps, dtype);
    }

    /**
     * Chains of motifs (section 2.4): trial i produces the motifs {@code chains[i]} one after the other, the network
     * carrying its state across each transition, the preparation window opening again at every onset; only the last
     * motif of a chain is scored (the first ones prepare its starting state). The trials last {@code steps} steps, or
     * the longest chain when that is 0.
     */
    static MotorTrials chains(List<Motif> motifs, int[][] chains, int preparation, int steps, DataType dtype) {
        int labels = motifs.size();
        int batch = chains.length;
        int longest = 0;
        for (int[] chain : chains) {
            int length = 0;
            for (int m : chain) {
                length += motifs.get(m).length();
            }
            longest = Math.max(longest, length);
        }
        if (steps != 0 && steps < longest) {
            throw new IllegalArgumentException("Trials of " + longest + " steps do not fit in " + steps + ".");
        }
        steps = steps == 0 ? longest : steps;
        double[][][] in = new double[batch][labels + 1][steps];
        double[][][] out = new double[batch][1][steps];
        double[][] mask = new double[batch][steps];
        int[] from = new int[batch];
        int[] scored = new int[batch];
        for (int i = 0; i < batch; i++) {
            int onset = 0;
            for (int c = 0; c < chains[i].length; c++) {
                Motif m = motifs.get(chains[i][c]);
                boolean last = c == chains[i].length - 1;
                for (int k = 0; k < m.length(); k++) {
                    in[i][chains[i][c]][onset + k] = 1;
                    in[i][labels][onset + k] = k < preparation ? 1 : 0;
                    if (last) {
                        out[i][0][onset + k] = m.value(k);
                        mask[i][onset + k] = 1;
                    }
                }
                if (last) {
                    from[i] = onset;
                    scored[i] = m.length();
                }
                onset += m.length();
            }
        }
        return new MotorTrials(Nd4j.create(in).castTo(dtype), Nd4j.create(out).castTo(dtype), Nd4j.create(mask).castTo(dtype),
                from, scored);
    }

    /** The batch for a trainer: inputs, targets and the loss mask. */
    org.nd4j.linalg.dataset.DataSet dataSet() {
        return new org.nd4j.linalg.dataset.DataSet(inputs, targets, null, mask);
    }

    /** Copies trial {@code trial}'s outputs over its scored steps into the start of {@code into}. */
    void scored(INDArray outputs, int trial, double[] into) {
        for (int k = 0; k < scoredSteps[trial]; k++) {
            into[k] = outputs.getDouble(trial, 0, scoredFrom[trial] + k);
        }
    }

    /** Per trial, the root mean squared error of outputs [B, 1, T] over its scored steps (section 4.0). */
    double[] rmse(INDArray outputs) {
        double[] rmse = new double[size()];
        for (int i = 0; i < size(); i++) {
            double sum = 0;
            for (int k = scoredFrom[i]; k < scoredFrom[i] + scoredSteps[i]; k++) {
                double d = outputs.getDouble(i, 0, k) - targets.getDouble(i, 0, k);
                sum += d * d;
            }
            rmse[i] = Math.sqrt(sum / scoredSteps[i]);
        }
        return rmse;
    }
}
