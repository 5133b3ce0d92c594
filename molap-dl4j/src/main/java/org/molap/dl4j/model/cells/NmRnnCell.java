package org.molap.dl4j.model.cells;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.ParamSpec;
import org.molap.dl4j.model.Params;
import org.molap.dl4j.model.StateSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The neuromodulated low-rank RNN of seed 003 (B.1.1, as the authors' code runs it). Per step, z first, then the
 * gate s from the new z, then x, both from the current input u_t:
 * <pre>
 *   z_t = (1 - 1/tau_z) z_{t-1} + (1/tau_z) (W_zz tanh(z_{t-1}) + B_zu u_t)
 *   s_t = sigmoid(A z_t + b)
 *   x_t = (1 - 1/tau_x) x_{t-1} + (1/tau_x) (c Q diag(s_t) R' tanh(x_{t-1}) + B_xu u_x,t),   Q = orthonormal factor of L
 *   y_t = C x_t + d        (the readout reads x)
 * </pre>
 * c is 1 in the code, 1/N in the paper's appendix. x receives the first {@code xInputs} input channels (the task
 * inputs; the context variant gives z the one-hot context as well). x_0 = 0.1, z_0 = 0.1. Groups: "lr" (L, R, B_xu
 * and the head C, d) and "nm" (W_zz, B_zu, A, b), the phases of seed 003's trainer.
 */
public final class NmRnnCell implements Cell {
    public static final String L = "L";
    public static final String R = "R";
    public static final String B_XU = "B_xu";
    public static final String W_ZZ = "W_zz";
    public static final String B_ZU = "B_zu";
    public static final String A = "A";
    public static final String B_S = "b_s";
    /** The orthonormal factor of L, derived once per graph. */
    public static final String Q = "Q";

    /** N output-network units, M neuromodulatory units, rank K, tau_x, tau_z, scale c of the low-rank term. */
    public record Config(int units, int nmUnits, int rank, int inputs, int xInputs, double tauX, double tauZ, double lowRankScale) {
        public Config {
            if (units <= 0 || nmUnits <= 0 || rank <= 0 || rank > units || xInputs <= 0 || xInputs > inputs || tauX < 1 || tauZ < 1) {
                throw new IllegalArgumentException("Not an NM-RNN: N " + units + ", M " + nmUnits + ", K " + rank + ", inputs "
                        + inputs + " (x gets " + xInputs + "), tau_x " + tauX + ", tau_z " + tauZ + ".");
            }
        }

        /**
         * Rank-3 Measure-Wait-Go of seed 003 (C.3; train_nm_rnn_wandb_plots.py): N = 100, M = 5, K = 3, tau_x = 10,
         * tau_z = 100, the code's scale 1. (tau_x = 2, tau_z = 10 belong to the rank-1 and Element Finder runs.)
         */
        public static Config measureWaitGo(int inputs) {
            return new Config(100, 5, 3, inputs, inputs, 10, 100, 1);
        }
    }

    private final Config c;

    public NmRnnCell(Config config) {
        this.c = config;
    }

    public Config config() {
        return c;
    }

    @Override
    public List<ParamSpec> parameters() {
        int n = c.units();
        int m = c.nmUnits();
        int k = c.rank();
        double inScale = 1 / Math.sqrt(c.inputs());
        return List.of(
                ParamSpec.of(L, "lr", Init.normal(1), n, k),
                ParamSpec.of(R, "lr", Init.normal(1), n, k),
                ParamSpec.of(B_XU, "lr", Init.normal(inScale), n, c.xInputs()),
                ParamSpec.of(W_ZZ, "nm", Init.normal(0.1), m, m),
                ParamSpec.of(B_ZU, "nm", Init.normal(inScale), m, c.inputs()),
                ParamSpec.of(A, "nm", Init.normal(0.1), k, m),
                ParamSpec.of(B_S, "nm", Init.normal(0.1), 1, k));
    }

    @Override
    public List<StateSpec> states() {
        return List.of(StateSpec.fixed("x", c.units(), 0.1), StateSpec.fixed("z", c.nmUnits(), 0.1));
    }

    @Override
    public int inputs() {
        return c.inputs();
    }

    @Override
    public Params derive(SameDiff sd, Params p) {
        return p.with(Q, GramSchmidt.orthonormal(sd, p.get(L), c.rank()));
    }

    /** [B_xu u_x | B_zu u] for all steps. */
    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        SDVariable toX = sd.mmul(rows.mmul(sd.constant(Nd4j.eye(c.inputs()).castTo(rows.dataType())
                .get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c.xInputs())).dup())),
                p.get(B_XU), false, true, false);
        return sd.concat(1, toX, sd.mmul(rows, p.get(B_ZU), false, true, false));
    }

    @Override
    public int driveSize() {
        return c.units() + c.nmUnits();
    }

    @Override
    public SDVariable[] step(Step s) {
        SameDiff sd = s.sd();
        SDVariable x = s.state()[0];
        SDVariable z = s.state()[1];
        SDVariable driveX = sd.slice(s.drive(), new int[] {0, 0}, -1, c.units());
        SDVariable driveZ = sd.slice(s.drive(), new int[] {0, c.units()}, -1, c.nmUnits());
        SDVariable zNext = z.mul(1 - 1 / c.tauZ()).add(
                sd.mmul(sd.math.tanh(z), s.param(W_ZZ), false, true, false).add(driveZ).div(c.tauZ()));
        SDVariable gate = sd.nn.sigmoid(sd.mmul(zNext, s.param(A), false, true, false).add(s.param(B_S)));   // [B, K]
        SDVariable q = s.param(Q);
        SDVariable lowRank = sd.mmul(sd.math.tanh(x).mmul(s.param(R)).mul(gate), q, false, true, false).mul(c.lowRankScale());
        SDVariable xNext = x.mul(1 - 1 / c.tauX()).add(lowRank.add(driveX).div(c.tauX()));
        return new SDVariable[] {xNext, zNext};
    }

    @Override
    public int observedSize() {
        return c.units();
    }
}
