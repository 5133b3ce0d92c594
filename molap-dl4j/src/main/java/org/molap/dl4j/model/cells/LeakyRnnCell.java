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
 * The leaky tanh network of the MoLaP issue: h_t = (1 - a) h_{t-1} + a tanh(W_rec h_{t-1} + W_in x_t + b), h_{-1} = 0
 * (a = dt / tau; a = 1 is seed 000 Eq. 1). W_rec and b form the "core" group, W_in the "head" group with the
 * readout, as in MoLaP, where a task's head is W_in, W_out and b_out on a shared core. The input drive W_in x_t + b
 * is one product over all steps.
 */
public final class LeakyRnnCell implements Cell {
    public static final String W_REC = "W_rec";
    public static final String BIAS = "b";
    public static final String W_IN = "W_in";
    public static final String CORE = "core";

    private final int units;
    private final int inputs;
    private final double leak;
    private final Init recurrent;

    /** W_rec ~ N(0, g^2 / N) (seed 000 A.2.1), W_in ~ N(0, 1 / inputs), b = 0. */
    public LeakyRnnCell(int units, int inputs, double leak, double gain) {
        this(units, inputs, leak, Init.normal(gain / Math.sqrt(units)));
    }

    public LeakyRnnCell(int units, int inputs, double leak, Init recurrent) {
        if (!(leak > 0 && leak <= 1)) {
            throw new IllegalArgumentException("The leak a = dt / tau must be in (0, 1], got " + leak + ".");
        }
        this.units = units;
        this.inputs = inputs;
        this.leak = leak;
        this.recurrent = recurrent;
    }

    public int units() {
        return units;
    }

    /** a = dt / tau. */
    public double leak() {
        return leak;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of(W_REC, CORE, recurrent, units, units),
                ParamSpec.of(BIAS, CORE, Init.zeros(), 1, units),
                ParamSpec.of(W_IN, "head", Init.normal(1 / Math.sqrt(inputs)), units, inputs));
    }

    @Override
    public List<StateSpec> states() {
        return List.of(StateSpec.zero("h", units));
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        return sd.mmul(rows, p.get(W_IN), false, true, false).add(p.get(BIAS));
    }

    @Override
    public int driveSize() {
        return units;
    }

    @Override
    public SDVariable[] step(Step s) {
        SDVariable h = s.state()[0];
        SDVariable rate = s.sd().math.tanh(s.sd().mmul(h, s.param(W_REC), false, true, false).add(s.drive()));
        return new SDVariable[] {leak == 1 ? rate : h.mul(1 - leak).add(rate.mul(leak))};
    }
}
