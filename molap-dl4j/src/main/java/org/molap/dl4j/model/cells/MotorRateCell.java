package org.molap.dl4j.model.cells;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.ParamSpec;
import org.molap.dl4j.model.Params;
import org.molap.dl4j.model.StateSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The continuous-time rate network of seed 001 (section 1.1), Euler-integrated with a = dt / tau:
 * <pre>
 *   x_{k+1} = x_k + a (-x_k + W_eff(k) tanh(x_k) + I(k)) + sigma xi_k,      y = w' tanh(x)
 *   W_eff   = g J  [+ (1 - p_k) u_mu v_mu'  (motif loops, multiplicative)]  [+ p_k U_prep V_prep'  (preparatory module)]
 *   I(k)    = b_mu, or p_k b_mu when the input is on during preparation only (multiplicative + prep, section 1.7),
 *             or p_k b1_mu + (1 - p_k) b2_mu (the two-inputs architecture, section 1.5)
 * </pre>
 * Inputs per step: the one-hot motif label (M channels; it picks the columns b_mu, u_mu, v_mu of B, U, V) and the
 * preparation window p_k (1 during the first 5 tau of the current motif, 0 after). Without the preparatory module the
 * loops act throughout. Noise xi is added after the Euler step, not scaled by a (section 1.1). The initial state is
 * drawn per trial from N(0, initialStd^2) (0: the origin).
 */
public final class MotorRateCell implements Cell {
    public static final String J = "J";
    public static final String B = "B";
    /** The two-inputs architecture's input after preparation (B holds the one during it). */
    public static final String B2 = "B2";
    public static final String U = "U";
    public static final String V = "V";
    public static final String U_PREP = "U_prep";
    public static final String V_PREP = "V_prep";
    private static final String LABEL_SELECTOR = "motif_labels";
    private static final String WINDOW_SELECTOR = "preparation_window";

    /**
     * Seed 001 section 1: N units, M motifs, gain g of J ~ N(0, 1/N), a = dt / tau = 0.1, process noise 0.001 per step,
     * initial state std 1; motif loops u v' (multiplicative) with init std loopGain / sqrt(N) (g_ptb = 1.5);
     * preparatory module of rank P (0: none; 50 in the paper); input only during preparation (multiplicative + prep).
     */
    /**
     * When the motif inputs act: always (b_mu), during preparation only (p b_mu: multiplicative + prep, section 1.7),
     * or one input during preparation and another after it (p b1_mu + (1 - p) b2_mu: section 1.5).
     */
    public enum Inputs { ALWAYS, PREPARATION_ONLY, TWO_INPUTS }

    public record Config(int units, int motifs, double gain, double alpha, double noise, double initialStd,
                         boolean motifLoops, double loopGain, int prepRank, Inputs inputs) {
        public Config {
            if (units <= 0 || motifs <= 0 || prepRank < 0 || !(alpha > 0 && alpha <= 1) || noise < 0 || initialStd < 0) {
                throw new IllegalArgumentException("Not a motor network: " + units + " units, " + motifs + " motifs, alpha "
                        + alpha + ", noise " + noise + ", initial std " + initialStd + ", prep rank " + prepRank + ".");
            }
        }

        /** The additive architecture of section 1.3 (N = 300, g = 1.4): only the inputs b_mu are trained. */
        public static Config additive(int units, int motifs) {
            return new Config(units, motifs, 1.4, 0.1, 0.001, 1.0, false, 1.5, 0, Inputs.ALWAYS);
        }

        /** The multiplicative architecture of section 1.4 (N = 100, g = 1.4, g_ptb = 1.5). */
        public static Config multiplicative(int units, int motifs) {
            return new Config(units, motifs, 1.4, 0.1, 0.001, 1.0, true, 1.5, 0, Inputs.ALWAYS);
        }

        /** The "two-inputs" architecture of section 1.5 (N = 150, g = 1.4): b1_mu during preparation, b2_mu after it. */
        public static Config twoInputs(int units, int motifs) {
            return new Config(units, motifs, 1.4, 0.1, 0.001, 1.0, false, 1.5, 0, Inputs.TWO_INPUTS);
        }

        public Config withPreparatoryModule(int rank) {
            return new Config(units, motifs, gain, alpha, noise, initialStd, motifLoops, loopGain, rank,
                    motifLoops && rank > 0 ? Inputs.PREPARATION_ONLY : inputs);
        }

        public Config noiseless() {
            return new Config(units, motifs, gain, alpha, 0, 0, motifLoops, loopGain, prepRank, inputs);
        }
    }

    private final Config c;

    public MotorRateCell(Config config) {
        this.c = config;
    }

    public Config config() {
        return c;
    }

    @Override
    public List<ParamSpec> parameters() {
        int n = c.units();
        List<ParamSpec> p = new ArrayList<>(List.of(
                ParamSpec.of(J, "core", Init.normal(1 / Math.sqrt(n)), n, n),
                ParamSpec.of(B, "motif", Init.zeros(), n, c.motifs())));
        if (c.inputs() == Inputs.TWO_INPUTS) {
            p.add(ParamSpec.of(B2, "motif", Init.zeros(), n, c.motifs()));
        }
        if (c.motifLoops()) {
            p.add(ParamSpec.of(U, "motif", Init.normal(c.loopGain() / Math.sqrt(n)), n, c.motifs()));
            p.add(ParamSpec.of(V, "motif", Init.normal(c.loopGain() / Math.sqrt(n)), n, c.motifs()));
        }
        if (c.prepRank() > 0) {
            double std = Math.sqrt(0.05 / Math.sqrt((double) c.prepRank() * n));      // section 1.6
            p.add(ParamSpec.of(U_PREP, "prep", Init.normal(std), n, c.prepRank()));
            p.add(ParamSpec.of(V_PREP, "prep", Init.normal(std), n, c.prepRank()));
        }
        return p;
    }

    @Override
    public List<StateSpec> states() {
        return List.of(c.initialStd() > 0 ? StateSpec.random("x", c.units(), c.initialStd()) : StateSpec.zero("x", c.units()));
    }

    @Override
    public int inputs() {
        return c.motifs() + 1;
    }

    @Override
    public int noiseSize() {
        return c.noise() > 0 ? c.units() : 0;
    }

    /** I = b_mu, p b_mu, or p b1_mu + (1 - p) b2_mu, for all steps at once. */
    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        SDVariable label = motif(p, rows);
        if (c.inputs() == Inputs.ALWAYS) {
            return sd.mmul(label, p.get(B), false, true, false);
        }
        SDVariable window = window(p, rows);
        SDVariable during = sd.mmul(label.mul(window), p.get(B), false, true, false);
        return c.inputs() == Inputs.PREPARATION_ONLY
                ? during : during.add(sd.mmul(label.mul(window.rsub(1)), p.get(B2), false, true, false));
    }

    @Override
    public int driveSize() {
        return c.units();
    }

    @Override
    public SDVariable[] step(Step s) {
        SameDiff sd = s.sd();
        SDVariable x = s.state()[0];
        SDVariable r = sd.math.tanh(x);
        SDVariable input = s.drive().add(sd.mmul(r, s.param(J), false, true, false).mul(c.gain()));
        SDVariable window = c.motifLoops() || c.prepRank() > 0 ? window(s.params(), s.input()) : null;
        if (c.motifLoops()) {
            SDVariable label = motif(s.params(), s.input());
            SDVariable v = sd.mmul(label, s.param(V), false, true, false);                // [B, N]: v_mu of each trial
            SDVariable loop = sd.mmul(label, s.param(U), false, true, false).mul(v.mul(r).sum(true, 1));
            input = input.add(c.prepRank() > 0 ? loop.mul(window.rsub(1)) : loop);
        }
        if (c.prepRank() > 0) {
            SDVariable prep = sd.mmul(sd.mmul(r, s.param(V_PREP)), s.param(U_PREP), false, true, false);
            input = input.add(prep.mul(window));
        }
        SDVariable next = x.add(input.sub(x).mul(c.alpha()));
        return new SDVariable[] {s.noise() == null ? next : next.add(s.noise().mul(c.noise()))};
    }

    @Override
    public SDVariable observed(SameDiff sd, Params p, SDVariable[] state) {
        return sd.math.tanh(state[0]);
    }

    /** Read out without bias (section 1.1: "no bias, no output bias"). */
    @Override
    public boolean readoutBias() {
        return false;
    }

    /** w ~ N(0, 1/N) (section 1.1). */
    @Override
    public Init readoutInit() {
        return Init.normal(1 / Math.sqrt(c.units()));
    }

    /** The constant selectors of the label channels and of the window channel, made once per graph. */
    @Override
    public Params derive(SameDiff sd, Params p) {
        org.nd4j.linalg.api.buffer.DataType dtype = p.get(J).dataType();
        INDArray labels = Nd4j.eye(c.motifs() + 1).castTo(dtype)
                .get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.motifs())).dup();
        INDArray window = Nd4j.zeros(dtype, c.motifs() + 1, 1).putScalar(c.motifs(), 0, 1.0);
        return p.with(LABEL_SELECTOR, sd.constant(labels)).with(WINDOW_SELECTOR, sd.constant(window));
    }

    /** The motif label channels of inputs [rows, M + 1]. */
    private static SDVariable motif(Params p, SDVariable in) {
        return in.mmul(p.get(LABEL_SELECTOR));
    }

    /** The preparation window p [rows, 1]: the last input channel. */
    private static SDVariable window(Params p, SDVariable in) {
        return in.mmul(p.get(WINDOW_SELECTOR));
    }

}
