package org.molap.dl4j.engine;

import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the fast engines of the small networks share ({@link Rows}): a copy of the cell graph's parameters to start
 * from, tanh and sigmoid for the model's data type, and the linear readout y_t = W_out s_t + b_out of the states with
 * its (optionally masked) mean squared error.
 */
abstract class RowEngine implements TrainableModel {
    protected final int outputs;
    protected final int steps;
    protected final DataType dtype;
    protected final Squash squash;
    private final boolean masked;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    RowEngine(Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        this.squash = new Squash(dtype == DataType.DOUBLE);
        start.forEach((name, values) -> parameters.put(name, values.dup()));
    }

    @Override
    public final Map<String, INDArray> parameters() {
        return parameters;
    }

    /** The readout's loss and dL/dY_t as T blocks of O rows over the trials. */
    record Readout(MaskedMse loss, double[][] dY) {
    }

    /** The readout of T blocks of {@code units} rows of states from row {@code from}, and its loss. */
    final Readout readout(double[][] states, int from, int units, INDArray targets, INDArray mask) {
        double[][] y = new double[steps * outputs][states[from].length];
        double[][] wOut = Rows.of(array(Unroller.W_OUT));
        double[] bOut = Rows.values(array(Unroller.B_OUT));
        for (int t = 0; t < steps; t++) {
            Rows.addColumn(bOut, y, t * outputs);
            Rows.multiply(wOut, states, from + t * units, y, t * outputs);
        }
        MaskedMse loss = MaskedMse.of(Rows.timeMajorRows(y, 0, outputs, steps, dtype), targets, mask, masked, dtype);
        return new Readout(loss, Rows.featureMajor(loss.dY(), steps, states[from].length));
    }

    /** dL/ds_t = W_out' dY_t of every step, as T blocks of {@code units} rows. */
    final double[][] stateGradients(Readout r, int units) {
        double[][] g = new double[steps * units][r.dY()[0].length];
        double[][] wOutT = Rows.of(array(Unroller.W_OUT).transpose());
        for (int t = 0; t < steps; t++) {
            Rows.multiply(wOutT, r.dY(), t * outputs, g, t * units);
        }
        return g;
    }

    /** The gradients of W_out and b_out, into {@code grads}. */
    final void readoutGradients(Readout r, double[][] states, int from, int units, Map<String, INDArray> grads) {
        grads.put(Unroller.W_OUT, Rows.weightGradient(r.dY(), 0, outputs, states, from, units, steps, dtype));
        grads.put(Unroller.B_OUT, Rows.biasGradient(r.dY(), outputs, steps, dtype));
    }
}
