package org.molap.dl4j.model.cells;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.ParamSpec;
import org.molap.dl4j.model.Params;
import org.molap.dl4j.model.StateSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * The LSTM baseline of seed 003 (B.1.3), written as a cell rather than DL4J's layer (other gate layout, bias and
 * initialisation):
 * <pre>
 *   [i f o g] = W_u u_t + W_h h_{t-1} + b     (gates stacked in that order, W_u [4N, U], W_h [4N, N], b [1, 4N])
 *   c_t = sigmoid(f) c_{t-1} + sigmoid(i) tanh(g);   h_t = sigmoid(o) tanh(c_t);   y_t = C h_t
 * </pre>
 * Input weights ~ N(0, 1/U), recurrent weights and biases ~ N(0, 1/N); h_0 = c_0 = 0.1. The input part is one
 * product over all steps.
 */
public final class LstmCell implements Cell {
    public static final String W_U = "W_u";
    public static final String W_H = "W_h";
    public static final String BIAS = "b_gates";

    private final int units;
    private final int inputs;
    private final boolean drawnStart;

    /** The MWG and multitask LSTM: h_0 = c_0 = 0.1. */
    public LstmCell(int units, int inputs) {
        this(units, inputs, false);
    }

    /** With {@code drawnStart}, h_0 and c_0 are drawn once per network from N(0, 1/N) and kept (the Element Finder's LSTM). */
    public LstmCell(int units, int inputs, boolean drawnStart) {
        this.units = units;
        this.inputs = inputs;
        this.drawnStart = drawnStart;
    }

    public boolean drawnStart() {
        return drawnStart;
    }

    public int units() {
        return units;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of(W_U, "core", Init.normal(1 / Math.sqrt(inputs)), 4L * units, inputs),
                ParamSpec.of(W_H, "core", Init.normal(1 / Math.sqrt(units)), 4L * units, units),
                ParamSpec.of(BIAS, "core", Init.normal(1 / Math.sqrt(units)), 1, 4L * units));
    }

    @Override
    public List<StateSpec> states() {
        if (drawnStart) {
            return List.of(StateSpec.drawn("h", units, 1 / Math.sqrt(units)), StateSpec.drawn("c", units, 1 / Math.sqrt(units)));
        }
        return List.of(StateSpec.fixed("h", units, 0.1), StateSpec.fixed("c", units, 0.1));
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        return sd.mmul(rows, p.get(W_U), false, true, false).add(p.get(BIAS));
    }

    @Override
    public int driveSize() {
        return 4 * units;
    }

    @Override
    public SDVariable[] step(Step s) {
        SameDiff sd = s.sd();
        SDVariable pre = s.drive().add(sd.mmul(s.state()[0], s.param(W_H), false, true, false));     // [B, 4N]
        SDVariable in = sd.nn.sigmoid(gate(sd, pre, 0));
        SDVariable forget = sd.nn.sigmoid(gate(sd, pre, 1));
        SDVariable out = sd.nn.sigmoid(gate(sd, pre, 2));
        SDVariable c = forget.mul(s.state()[1]).add(in.mul(sd.math.tanh(gate(sd, pre, 3))));
        return new SDVariable[] {out.mul(sd.math.tanh(c)), c};
    }

    private SDVariable gate(SameDiff sd, SDVariable pre, int k) {
        return sd.slice(pre, new int[] {0, k * units}, -1, units);
    }

    /** C ~ N(0, 1/N) (util.py random_lstm_params). */
    @Override
    public Init readoutInit() {
        return Init.normal(1 / Math.sqrt(units));
    }

    /** y = C h, without bias (rnn_code.py simple_lstm). */
    @Override
    public boolean readoutBias() {
        return false;
    }
}
