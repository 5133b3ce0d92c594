package org.molap.dl4j.rnn;

import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.File;
import java.util.Map;

import static org.molap.dl4j.model.cells.LeakyRnnCell.W_IN;
import static org.molap.dl4j.model.cells.LeakyRnnCell.W_REC;
import static org.molap.dl4j.model.Unroller.W_OUT;

/**
 * The modular RNN of seed 000 Eq. 1, with the leak a of {@link Shape#leak()}, as one SameDiff graph unrolled over time:
 * the {@link LeakyRnnCell} on the {@link Unroller}, with the loss of seed 000 (MSE plus {@link Regularisation}).
 * <pre>
 *   h_1     = a tanh(W_in x_0 + b)                                   (h_0 = 0)
 *   h_{t+1} = (1 - a) h_t + a tanh(W_rec h_t + W_in x_t + b)         (a = 1: Eq. 1 as printed)
 *   y_t     = W_out h_{t+1} + b_out                    (the output at step t reads the state after input x_t)
 * </pre>
 * Placeholders {@code x} [batch, nIn, T] and {@code y} [batch, nOut, T] (batch is dynamic).
 * Outputs: {@value #OUTPUT} [batch, nOut, T], {@value #MSE}, {@value #LOSS}.
 * SameDiff keeps its own copy of every variable (setArrayForVariable copies in M2.1), so a phase
 * {@link #load}s a core and head into the graph, trains the graph's arrays, and {@link #storeInto} copies them back.
 */
public final class RnnGraph implements RecurrentModel {
    public static final String INPUT = Unroller.INPUT;
    public static final String TARGET = Unroller.TARGET;
    public static final String OUTPUT = Unroller.OUTPUT;
    public static final String MSE = Unroller.DATA_LOSS;
    public static final String LOSS = Unroller.LOSS;
    public static final String STATES = Unroller.OBSERVED;

    private final CellModel model;
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

    private RnnGraph(CellModel model, Shape shape) {
        this.model = model;
        this.shape = shape;
    }

    public static RnnGraph build(Shape s) {
        Loss loss = Loss.mse().withL2(s.regularisation().l2(), W_REC, W_IN, W_OUT).withActivity(s.regularisation().activity());
        LeakyRnnCell cell = new LeakyRnnCell(s.units(), s.inputs(), s.leak(), Init.zeros());
        return new RnnGraph(Unroller.unroll(cell, s.outputs(), s.steps(), s.dtype(), loss, 0), s);
    }

    @Override
    public RnnGraph load(RecurrentCore core, Head head) {
        RecurrentModel.super.load(core, head);
        return this;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, java.util.Collection<String> variables) {
        return model.lossAndGradients(inputs, targets, null, variables);
    }

    @Override
    public Map<String, INDArray> parameters() {
        return model.parameters();
    }

    /** Network outputs [batch, nOut, T] for inputs [batch, nIn, T]. */
    @Override
    public INDArray forward(INDArray inputs) {
        return model.forward(inputs);
    }

    /** Hidden states [batch, N, T] for inputs [batch, nIn, T]: entry t is h_{t+1}, the state after input x_t. */
    @Override
    public INDArray states(INDArray inputs) {
        return model.observed(inputs);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public SameDiff sameDiff() {
        return model.sameDiff();
    }

    @Override
    public INDArray array(String variable) {
        return model.array(variable);
    }

    /** Writes the graph with its current weights (SameDiff flatbuffers format); a failed write names its cause. */
    public void save(File file) {
        try {
            model.sameDiff().save(file, false);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new java.io.UncheckedIOException("Could not write the model file " + file + ": " + root.getMessage(),
                    new java.io.IOException(root.getMessage(), e));
        }
    }
}
