package org.molap.dl4j.dni;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The uncentred covariances that dynamical non-interference (Duncker et al. 2020; REFERENCE.md section 1,
 * "Baselines") protects, averaged over the tasks learned so far as k/(k+1) old + 1/(k+1) new:
 * <ul>
 *   <li>{@code inputs}: of the recurrent layer's input z_t = [x_t; h_{t-1}; 1] (the 1 carries the bias b),</li>
 *   <li>{@code drive}: of the recurrent drive W z_t, i.e. W S_z W' with W = [W_in, W_rec, b],</li>
 *   <li>{@code hidden}: of the readout's input [h_t; 1] (the 1 carries b_out),</li>
 *   <li>{@code targets}: of the targets y_t.</li>
 * </ul>
 * Everything is accumulated in double precision.
 */
public final class TaskCovariances {
    private INDArray inputs;
    private INDArray drive;
    private INDArray hidden;
    private INDArray targets;
    private int tasks;

    /** Number of tasks averaged so far. */
    public int tasks() {
        return tasks;
    }

    /**
     * Adds one task's covariances, measured on the given trials with the model's current weights.
     *
     * @param chunk trials per forward pass, so memory stays bounded on large batches
     */
    public void addTask(RecurrentModel model, INDArray taskInputs, INDArray taskTargets, int chunk) {
        int nIn = (int) taskInputs.size(1);
        int n = model.shape().units();
        int nOut = (int) taskTargets.size(1);
        INDArray sz = Nd4j.zeros(DataType.DOUBLE, nIn + n + 1, nIn + n + 1);
        INDArray sh = Nd4j.zeros(DataType.DOUBLE, n + 1, n + 1);
        INDArray sy = Nd4j.zeros(DataType.DOUBLE, nOut, nOut);
        long samples = 0;
        long trials = taskInputs.size(0);
        for (long start = 0; start < trials; start += chunk) {
            long end = Math.min(trials, start + chunk);
            INDArray x = taskInputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all()).dup();
            INDArray y = taskTargets.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all());
            INDArray h = model.states(x).castTo(DataType.DOUBLE);
            INDArray hPrev = Nd4j.zeros(DataType.DOUBLE, h.shape());
            long steps = h.size(2);
            hPrev.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, steps))
                    .assign(h.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, steps - 1)));
            INDArray xs = rows(x.castTo(DataType.DOUBLE));
            INDArray ones = Nd4j.ones(DataType.DOUBLE, xs.rows(), 1);
            INDArray z = Nd4j.hstack(xs, rows(hPrev), ones);
            INDArray hr = Nd4j.hstack(rows(h), ones);
            INDArray yr = rows(y.castTo(DataType.DOUBLE));
            sz.addi(z.transpose().mmul(z));
            sh.addi(hr.transpose().mmul(hr));
            sy.addi(yr.transpose().mmul(yr));
            samples += xs.rows();
        }
        sz.divi(samples);
        sh.divi(samples);
        sy.divi(samples);
        INDArray w = Nd4j.hstack(model.array(Head.W_IN), model.array(RecurrentCore.W_REC),
                model.array(RecurrentCore.BIAS).reshape(n, 1)).castTo(DataType.DOUBLE);
        INDArray sd = w.mmul(sz).mmul(w.transpose());
        inputs = average(inputs, sz);
        drive = average(drive, sd);
        hidden = average(hidden, sh);
        targets = average(targets, sy);
        tasks++;
    }

    private INDArray average(INDArray old, INDArray fresh) {
        return old == null ? fresh : old.mul((double) tasks / (tasks + 1)).addi(fresh.mul(1.0 / (tasks + 1)));
    }

    /** [batch, channels, T] as rows [batch * T, channels]. */
    private static INDArray rows(INDArray a) {
        return a.permute(0, 2, 1).dup('c').reshape(a.size(0) * a.size(2), a.size(1));
    }

    public INDArray inputs() {
        return inputs;
    }

    public INDArray drive() {
        return drive;
    }

    public INDArray hidden() {
        return hidden;
    }

    public INDArray targets() {
        return targets;
    }
}
