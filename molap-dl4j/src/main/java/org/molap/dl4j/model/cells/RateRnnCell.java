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
 *   x_t = (1 - 1/tau) x_{t-1} + (c/tau) W tanh(x_{t-1}) + (1/tau) B u_t,    y_t = C x_t + d
 *   W = W (vanilla RNN, W ~ N(0, 1))   or   W = Q R' (low-rank RNN, Q the orthonormal factor of L; L, R ~ N(0, 1))
 * </pre>
 * c = 1/N, B ~ N(0, 1/U), C, d ~ N(0, 1/N), x_0 = 0.1. Rank 0 is the vanilla RNN. The Element Finder's low-rank RNN
 * ({@link #elementFinder}) uses L as it is, L, R ~ N(0, 1/N), and no readout bias.
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
    private final double scale;
    private final boolean orthonormal;
    private final double factorStd;
    private final boolean readoutBias;

    /** The code's models (util.py, rnn_code.py): scale 1/N, Q = QR(L), L, R ~ N(0, 1), readout bias. */
    public RateRnnCell(int units, int inputs, int rank, double tau) {
        this(units, inputs, rank, tau, 1.0 / units, true, 1, true);
    }

    /**
     * @param scale       c, the factor of the recurrent term (1/N in the code)
     * @param orthonormal whether the low-rank left factor is the orthonormal factor of L (true) or L itself
     * @param factorStd   standard deviation of the entries of L and R at initialisation
     * @param readoutBias whether the readout has a bias d
     */
    public RateRnnCell(int units, int inputs, int rank, double tau, double scale, boolean orthonormal, double factorStd,
                       boolean readoutBias) {
        if (units <= 0 || inputs <= 0 || rank < 0 || rank > units || tau < 1) {
            throw new IllegalArgumentException("Not a rate RNN: N " + units + ", inputs " + inputs + ", rank " + rank + ", tau " + tau + ".");
        }
        this.units = units;
        this.inputs = inputs;
        this.rank = rank;
        this.tau = tau;
        this.scale = scale;
        this.orthonormal = orthonormal;
        this.factorStd = factorStd;
        this.readoutBias = readoutBias;
    }

    /** The Element Finder's low-rank RNN (nmlrrnn_vs_lstm/low_rank_rnn.py): tau 10, c = 1/N, no QR, L, R ~ N(0, 1/N), no bias. */
    public static RateRnnCell elementFinder(int units, int rank) {
        return new RateRnnCell(units, 1, rank, 10, 1.0 / units, false, 1 / Math.sqrt(units), false);
    }

    /** c, the factor of the recurrent term. */
    public double scale() {
        return scale;
    }

    /** Whether the low-rank left factor is the orthonormal factor of L (else L itself). */
    public boolean orthonormal() {
        return orthonormal;
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
        return List.of(ParamSpec.of(L, "core", Init.normal(factorStd), units, rank),
                ParamSpec.of(R, "core", Init.normal(factorStd), units, rank), input);
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
        return rank == 0 || !orthonormal ? p : p.with(Q, GramSchmidt.orthonormal(sd, p.get(L), rank));
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
                : sd.mmul(r.mmul(s.param(R)), s.param(orthonormal ? Q : L), false, true, false);
        return new SDVariable[] {x.mul(1 - 1 / tau).add(recurrent.mul(scale / tau)).add(s.drive())};
    }

    /** C ~ N(0, 1/N) (util.py). */
    @Override
    public Init readoutInit() {
        return Init.normal(1 / Math.sqrt(units));
    }

    /** d ~ N(0, 1/N). */
    @Override
    public Init readoutBiasInit() {
        return Init.normal(1 / Math.sqrt(units));
    }

    @Override
    public boolean readoutBias() {
        return readoutBias;
    }
}
