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
 * The rate baselines of seed 003 (B.1.3), read out from the state x:
 * <pre>
 *   x_t = (1 - 1/tau) x_{t-1} + (1/(tau N)) W tanh(x_{t-1}) + (1/tau) B u_t,    y_t = C x_t + d
 *   W = W (vanilla RNN, W ~ N(0, 1))   or   W = Q R' (low-rank RNN, Q the orthonormal factor of L; L, R ~ N(0, 1))
 * </pre>
 * B ~ N(0, 1/U), x_0 = 0.1. Rank 0 is the vanilla RNN.
 */
public final class RateRnnCell implements Cell {
    public static final String W = "W";
    public static final String L = "L";
    public static final String R = "R";
    public static final String B = "B";
    public static final String Q = "Q";

    private final int units;
    private final int inputs;
    private final int rank;
    private final double tau;

    public RateRnnCell(int units, int inputs, int rank, double tau) {
        if (units <= 0 || inputs <= 0 || rank < 0 || rank > units || tau < 1) {
            throw new IllegalArgumentException("Not a rate RNN: N " + units + ", inputs " + inputs + ", rank " + rank + ", tau " + tau + ".");
        }
        this.units = units;
        this.inputs = inputs;
        this.rank = rank;
        this.tau = tau;
    }

    public int units() {
        return units;
    }

    /** 0: the vanilla RNN. */
    public int rank() {
        return rank;
    }

    public double tau() {
        return tau;
    }

    @Override
    public List<ParamSpec> parameters() {
        ParamSpec input = ParamSpec.of(B, "core", Init.normal(1 / Math.sqrt(inputs)), units, inputs);
        if (rank == 0) {
            return List.of(ParamSpec.of(W, "core", Init.normal(1), units, units), input);
        }
        return List.of(ParamSpec.of(L, "core", Init.normal(1), units, rank), ParamSpec.of(R, "core", Init.normal(1), units, rank), input);
    }

    @Override
    public List<StateSpec> states() {
        return List.of(StateSpec.fixed("x", units, 0.1));
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public Params derive(SameDiff sd, Params p) {
        return rank == 0 ? p : p.with(Q, GramSchmidt.orthonormal(sd, p.get(L), rank));
    }

    /** B u_t / tau for all steps. */
    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        return sd.mmul(rows, p.get(B), false, true, false).div(tau);
    }

    @Override
    public int driveSize() {
        return units;
    }

    @Override
    public SDVariable[] step(Step s) {
        SameDiff sd = s.sd();
        SDVariable x = s.state()[0];
        SDVariable r = sd.math.tanh(x);
        SDVariable recurrent = rank == 0
                ? sd.mmul(r, s.param(W), false, true, false)
                : sd.mmul(r.mmul(s.param(R)), s.param(Q), false, true, false);
        return new SDVariable[] {x.mul(1 - 1 / tau).add(recurrent.div(tau * units)).add(s.drive())};
    }
}
