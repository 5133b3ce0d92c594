package org.molap.dl4j.rnn;

import org.molap.dl4j.model.Graphs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.util.Map;

/**
 * The modular RNN of seed 000 Eq. 1, with the leak a of {@link Shape#leak()}, as one SameDiff graph unrolled over time:
 * <pre>
 *   h_1     = a tanh(W_in x_0 + b)                                   (h_0 = 0)
 *   h_{t+1} = (1 - a) h_t + a tanh(W_rec h_t + W_in x_t + b)         (a = 1: Eq. 1 as printed)
 *   y_t     = W_out h_{t+1} + b_out                    (the output at step t reads the state after input x_t)
 * </pre>
 * Placeholders {@code x} [batch, nIn, T] and {@code y} [batch, nOut, T] (batch is dynamic). The input and
 * readout projections do not depend on the state, so each is one matrix product over all steps outside the
 * recurrence. SameDiff cannot differentiate its while loop (REFERENCE.md section 5), hence the unrolling;
 * {@code unstack} is used instead of point indexing, which breaks in the backward pass.
 * Outputs: {@value #OUTPUT} [batch, nOut, T], {@value #MSE}, {@value #LOSS} (MSE plus {@link Regularisation}).
 * SameDiff keeps its own copy of every variable (setArrayForVariable copies in M2.1), so a phase
 * {@link #load}s a core and head into the graph, trains the graph's arrays, and {@link #storeInto} copies them back.
 */
public final class RnnGraph implements RecurrentModel {
    public static final String INPUT = "x";
    public static final String TARGET = "y";
    public static final String OUTPUT = "out";
    public static final String MSE = "mse";
    public static final String LOSS = "loss";
    public static final String STATES = "states";

    private final SameDiff sd;
    private final Shape shape;

    /**
     * What a graph is built for; one graph serves every core and head of this shape. {@code leak} is the
     * a = dt / tau of {@link ModularRnnConfig#leak()}; 1 is seed 000 Eq. 1 without a leak.
     */
    public record Shape(int units, int inputs, int outputs, int steps, DataType dtype, Regularisation regularisation,
                        double leak) {
        public Shape {
            if (!(leak > 0 && leak <= 1)) {
                throw new IllegalArgumentException("The leak a = dt / tau must be in (0, 1], got " + leak + ".");
            }
        }

        /** A network of seed 000 Eq. 1 without a leak (a = 1). */
        public Shape(int units, int inputs, int outputs, int steps, DataType dtype, Regularisation regularisation) {
            this(units, inputs, outputs, steps, dtype, regularisation, 1.0);
        }

        /** The shape of a network with this core's size and leak. */
        public static Shape of(RecurrentCore core, int inputs, int outputs, int steps, DataType dtype, Regularisation regularisation) {
            return new Shape(core.units(), inputs, outputs, steps, dtype, regularisation, core.config().leak());
        }
    }

    private RnnGraph(SameDiff sd, Shape shape) {
        this.sd = sd;
        this.shape = shape;
    }

    public static RnnGraph build(Shape s) {
        SameDiff sd = SameDiff.create();
        int n = s.units();
        SDVariable x = sd.placeHolder(INPUT, s.dtype(), -1, s.inputs(), s.steps());
        SDVariable y = sd.placeHolder(TARGET, s.dtype(), -1, s.outputs(), s.steps());
        SDVariable wRec = sd.var(RecurrentCore.W_REC, Nd4j.zeros(s.dtype(), n, n));
        SDVariable b = sd.var(RecurrentCore.BIAS, Nd4j.zeros(s.dtype(), 1, n));
        SDVariable wIn = sd.var(Head.W_IN, Nd4j.zeros(s.dtype(), n, s.inputs()));
        SDVariable wOut = sd.var(Head.W_OUT, Nd4j.zeros(s.dtype(), s.outputs(), n));
        SDVariable bOut = sd.var(Head.B_OUT, Nd4j.zeros(s.dtype(), 1, s.outputs()));

        // Input drive for all steps at once: [B, nIn, T] -> [T*B, nIn] x W_in' -> [T, B, N].
        SDVariable xFlat = sd.reshape(sd.permute(x, 2, 0, 1), -1, s.inputs());
        SDVariable drive = sd.reshape(xFlat.mmul(sd.transpose(wIn)), s.steps(), -1, n).add(b);
        SDVariable[] driveAt = sd.unstack(drive, 0, s.steps());

        SDVariable wRecT = sd.transpose(wRec);
        SDVariable[] h = new SDVariable[s.steps()];
        h[0] = leaky(sd.math.tanh(driveAt[0]), null, s.leak());
        for (int t = 1; t < s.steps(); t++) {
            h[t] = leaky(sd.math.tanh(h[t - 1].mmul(wRecT).add(driveAt[t])), h[t - 1], s.leak());
        }
        SDVariable states = sd.stack(0, h).rename(STATES); // [T, B, N]: h_1 .. h_T

        // Readout for all steps at once: [T*B, N] x W_out' -> [T, B, nOut] -> [B, nOut, T].
        SDVariable readout = sd.reshape(sd.reshape(states, -1, n).mmul(sd.transpose(wOut)).add(bOut), s.steps(), -1, s.outputs());
        SDVariable out = sd.permute(readout, 1, 2, 0).rename(OUTPUT);

        SDVariable mse = sd.math.square(out.sub(y)).mean().rename(MSE);
        SDVariable weights = sd.math.square(wIn).sum().add(sd.math.square(wRec).sum()).add(sd.math.square(wOut).sum());
        SDVariable loss = mse.add(weights.mul(s.regularisation().l2()))
                .add(sd.math.square(states).mean().mul(s.regularisation().activity())).rename(LOSS);
        sd.setLossVariables(LOSS);
        Graphs.createGradientsQuietly(sd);
        return new RnnGraph(sd, s);
    }

    /** h_t = (1 - a) h_{t-1} + a tanh(...), or the tanh alone at a = 1 (Eq. 1, the graph built before the leak). */
    private static SDVariable leaky(SDVariable rate, SDVariable previous, double leak) {
        if (leak == 1) {
            return rate;
        }
        SDVariable update = rate.mul(leak);
        return previous == null ? update : previous.mul(1 - leak).add(update);
    }

    @Override
    public RnnGraph load(RecurrentCore core, Head head) {
        RecurrentModel.super.load(core, head);
        return this;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, java.util.Collection<String> variables) {
        Graphs.relieveMemoryPressure();
        org.nd4j.autodiff.samediff.api.OutAndGrad result = sd.calculateGradientsAndOutputs(
                Map.of(INPUT, inputs, TARGET, targets), java.util.List.of(LOSS, MSE), variables);
        return new LossAndGradients(result.getOutputs().get(LOSS).getDouble(0), result.getOutputs().get(MSE).getDouble(0),
                result.getGradients());
    }

    @Override
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> p = new java.util.LinkedHashMap<>();
        for (String v : new String[] {RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_IN, Head.W_OUT, Head.B_OUT}) {
            p.put(v, array(v));
        }
        return p;
    }

    /** Network outputs [batch, nOut, T] for inputs [batch, nIn, T]. */
    @Override
    public INDArray forward(INDArray inputs) {
        return sd.output(Map.of(INPUT, inputs), OUTPUT).get(OUTPUT);
    }

    /** Hidden states [batch, N, T] for inputs [batch, nIn, T]: entry t is h_{t+1}, the state after input x_t. */
    @Override
    public INDArray states(INDArray inputs) {
        return sd.output(Map.of(INPUT, inputs), STATES).get(STATES).permute(1, 2, 0).dup();
    }

    @Override
    public Shape shape() {
        return shape;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public INDArray array(String variable) {
        return sd.getArrForVarName(variable);
    }

    /** Writes the graph with its current weights (SameDiff flatbuffers format). */
    public void save(File file) {
        sd.save(file, false);
    }
}
