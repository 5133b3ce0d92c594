package org.molap.dl4j.model.cells;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.ParamSpec;
import org.molap.dl4j.model.Params;
import org.molap.dl4j.model.StateSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The neuromodulated low-rank RNN of seed 003 (B.1.1, as the authors' code runs it). Per step, z first, then the
 * gate s from the new z, then x, both from the current input u_t:
 * <pre>
 *   z_t = (1 - 1/tau_z) z_{t-1} + (1/tau_z) (W_zz tanh(z_{t-1}) + B_zu u_t  [+ W_zx tanh(x_{t-1}) + b_z])
 *   s_t = sigmoid(A z_t + b)
 *   x_t = (1 - 1/tau_x) x_{t-1} + (1/tau_x) (c Q diag(s_t) R' phi(x_{t-1}) + B_xu u_x,t)
 *   y_t = C x_t + d        (the readout reads x)
 * </pre>
 * c is 1 in the code, 1/N in the paper's appendix. x receives the first {@code xInputs} input channels (the task
 * inputs; the context variant gives z the one-hot context as well). Groups: "lr" (L, R, B_xu, with the head C, d)
 * and "nm" (W_zz, B_zu, A, b [, W_zx, b_z]), the phases of seed 003's trainer. Three {@link Variant}s.
 */
public final class NmRnnCell implements Cell {
    public static final String L = "L";
    public static final String R = "R";
    public static final String B_XU = "B_xu";
    public static final String W_ZZ = "W_zz";
    public static final String B_ZU = "B_zu";
    public static final String A = "A";
    public static final String B_S = "b_s";
    public static final String W_ZX = "W_zx";
    public static final String B_Z = "b_z";
    /** The orthonormal factor of L, derived once per graph. */
    public static final String Q = "Q";

    /** The forms of the NM-RNN in seed 003's experiments. */
    public enum Variant {
        /**
         * B.1.1 (rnn_code.py nm_rnn): Q the orthonormal factor of L, R free, phi = tanh; L, R ~ N(0, 1), B ~ N(0, 1/U),
         * W_zz, A, b ~ N(0, 0.01); C, d ~ N(0, 1/N); x_0 = z_0 = 0.1.
         */
        CODE,
        /**
         * B.1.2, the rank-1 Measure-Wait-Go model (rnn_code.py lin_sym_nm_rnn): L = R = Q and phi the identity in x
         * (z keeps tanh); no R parameter. Otherwise as CODE.
         */
        LINEAR_SYMMETRIC,
        /**
         * B.1.2, the Element Finder model (nmlrrnn_vs_lstm/nm_lr_rnn.py): feedback W_zx tanh(x) + b_z into z, L used
         * as it is (no orthonormalisation), no readout bias; every weight ~ N(0, 1/fan-in) (L, R: 1/K); x_0 and z_0
         * drawn once per network from N(0, 1/N) and N(0, 1/M) and kept.
         */
        ELEMENT_FINDER
    }

    /** N output-network units, M neuromodulatory units, rank K, tau_x, tau_z, scale c of the low-rank term. */
    public record Config(int units, int nmUnits, int rank, int inputs, int xInputs, double tauX, double tauZ,
                         double lowRankScale, Variant variant) {
        public Config {
            if (units <= 0 || nmUnits <= 0 || rank <= 0 || rank > units || xInputs <= 0 || xInputs > inputs || tauX < 1 || tauZ < 1) {
                throw new IllegalArgumentException("Not an NM-RNN: N " + units + ", M " + nmUnits + ", K " + rank + ", inputs "
                        + inputs + " (x gets " + xInputs + "), tau_x " + tauX + ", tau_z " + tauZ + ".");
            }
        }

        /** The code's form ({@link Variant#CODE}). */
        public Config(int units, int nmUnits, int rank, int inputs, int xInputs, double tauX, double tauZ, double lowRankScale) {
            this(units, nmUnits, rank, inputs, xInputs, tauX, tauZ, lowRankScale, Variant.CODE);
        }

        /**
         * Rank-3 Measure-Wait-Go of seed 003 (C.3; train_nm_rnn_wandb_plots.py): N = 100, M = 5, K = 3, tau_x = 10,
         * tau_z = 100, the code's scale 1.
         */
        public static Config measureWaitGo(int inputs) {
            return new Config(100, 5, 3, inputs, inputs, 10, 100, 1);
        }

        /** Rank-1 Measure-Wait-Go (C.3): the linear symmetric model, N = 100, M = 20, K = 1, tau_x = 2, tau_z = 10. */
        public static Config rankOne(int inputs) {
            return new Config(100, 20, 1, inputs, inputs, 2, 10, 1, Variant.LINEAR_SYMMETRIC);
        }

        /** Multitask (C.3): N = 100, M = 20, K = 3, tau 10 / 100; x reads the task inputs, z also the contexts. */
        public static Config multitask(int taskInputs, int contexts) {
            return new Config(100, 20, 3, taskInputs + contexts, taskInputs, 10, 100, 1);
        }

        /** Element Finder (C.3): (M, N, K) as given, one input, tau_x = 10, tau_z = 2 (the paper's; the code swaps them). */
        public static Config elementFinder(int nmUnits, int units, int rank, double tauX, double tauZ) {
            return new Config(units, nmUnits, rank, 1, 1, tauX, tauZ, 1.0 / units, Variant.ELEMENT_FINDER);
        }

        public Config withLowRankScale(double scale) {
            return new Config(units, nmUnits, rank, inputs, xInputs, tauX, tauZ, scale, variant);
        }
    }

    private final Config c;

    public NmRnnCell(Config config) {
        this.c = config;
    }

    public Config config() {
        return c;
    }

    private boolean elementFinder() {
        return c.variant() == Variant.ELEMENT_FINDER;
    }

    @Override
    public List<ParamSpec> parameters() {
        int n = c.units();
        int m = c.nmUnits();
        int k = c.rank();
        double inScale = 1 / Math.sqrt(c.inputs());
        boolean ef = elementFinder();
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.of(L, "lr", Init.normal(ef ? 1 / Math.sqrt(k) : 1), n, k));
        if (c.variant() != Variant.LINEAR_SYMMETRIC) {
            p.add(ParamSpec.of(R, "lr", Init.normal(ef ? 1 / Math.sqrt(k) : 1), n, k));
        }
        p.add(ParamSpec.of(B_XU, "lr", Init.normal(inScale), n, c.xInputs()));
        p.add(ParamSpec.of(W_ZZ, "nm", Init.normal(ef ? 1 / Math.sqrt(m) : 0.1), m, m));
        p.add(ParamSpec.of(B_ZU, "nm", Init.normal(inScale), m, c.inputs()));
        p.add(ParamSpec.of(A, "nm", Init.normal(ef ? 1 / Math.sqrt(m) : 0.1), k, m));
        p.add(ParamSpec.of(B_S, "nm", Init.normal(ef ? 1 / Math.sqrt(k) : 0.1), 1, k));
        if (ef) {
            p.add(ParamSpec.of(W_ZX, "nm", Init.normal(1 / Math.sqrt(n)), m, n));
            p.add(ParamSpec.of(B_Z, "nm", Init.normal(1 / Math.sqrt(m)), 1, m));
        }
        return p;
    }

    @Override
    public List<StateSpec> states() {
        if (elementFinder()) {
            return List.of(StateSpec.drawn("x", c.units(), 1 / Math.sqrt(c.units())),
                    StateSpec.drawn("z", c.nmUnits(), 1 / Math.sqrt(c.nmUnits())));
        }
        return List.of(StateSpec.fixed("x", c.units(), 0.1), StateSpec.fixed("z", c.nmUnits(), 0.1));
    }

    @Override
    public int inputs() {
        return c.inputs();
    }

    @Override
    public Params derive(SameDiff sd, Params p) {
        return elementFinder() ? p : p.with(Q, GramSchmidt.orthonormal(sd, p.get(L), c.rank()));
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
        SDVariable zDrive = sd.mmul(sd.math.tanh(z), s.param(W_ZZ), false, true, false).add(driveZ);
        if (elementFinder()) {
            zDrive = zDrive.add(sd.mmul(sd.math.tanh(x), s.param(W_ZX), false, true, false)).add(s.param(B_Z));
        }
        SDVariable zNext = z.mul(1 - 1 / c.tauZ()).add(zDrive.div(c.tauZ()));
        SDVariable gate = sd.nn.sigmoid(sd.mmul(zNext, s.param(A), false, true, false).add(s.param(B_S)));   // [B, K]
        SDVariable left = s.param(elementFinder() ? L : Q);
        SDVariable right = s.param(c.variant() == Variant.LINEAR_SYMMETRIC ? Q : R);
        SDVariable rate = c.variant() == Variant.LINEAR_SYMMETRIC ? x : sd.math.tanh(x);
        SDVariable lowRank = sd.mmul(rate.mmul(right).mul(gate), left, false, true, false).mul(c.lowRankScale());
        SDVariable xNext = x.mul(1 - 1 / c.tauX()).add(lowRank.add(driveX).div(c.tauX()));
        return new SDVariable[] {xNext, zNext};
    }

    @Override
    public int observedSize() {
        return c.units();
    }

    /** C ~ N(0, 1/N) (util.py random_nmrnn_params). */
    @Override
    public Init readoutInit() {
        return Init.normal(1 / Math.sqrt(c.units()));
    }

    /** d ~ N(0, 1/N). */
    @Override
    public Init readoutBiasInit() {
        return Init.normal(1 / Math.sqrt(c.units()));
    }

    /** The Element Finder model reads y = C x, without bias. */
    @Override
    public boolean readoutBias() {
        return !elementFinder();
    }
}
