package org.molap.dl4j.model.cells;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.Init;
import org.molap.dl4j.model.ParamSpec;
import org.molap.dl4j.model.Params;
import org.molap.dl4j.model.StateSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Seed 002's network (A.1): a frozen encoder MLP, applied at every step to the D stimulus channels, feeds a ReLU RNN
 * with the fixation channel:
 * <pre>
 *   e_t = W3 relu(W2 relu(W1 s_t + b1) + b2) + b3           (D -> 100 -> 100 -> 40; group "encoder", never trained)
 *   r_t = relu(W_in [fix_t ; e_t] + b_in + W_rec r_{t-1} + b_rec),   r_{-1} = 0
 * </pre>
 * Input channels: fixation first, then the D stimulus channels. Every weight and bias starts as PyTorch's
 * nn.Linear does, U(-1/sqrt(fan_in), 1/sqrt(fan_in)); the two biases are kept (the authors' parameter count). The
 * encoder and the input projection are one pass over all steps. The readout (seed 002: tanh, MSE) is
 * {@code Loss.tanhMse()}.
 */
public final class EncodedReluCell implements Cell {
    public static final String ENCODER = "encoder";
    public static final String W_IN = "W_in";
    public static final String B_IN = "b_in";
    public static final String W_REC = "W_rec";
    public static final String B_REC = "b_rec";

    private final int units;
    private final int stimuli;
    private final int[] encoder;

    /** N recurrent units, D stimulus channels, encoder layer widths (seed 002: 100, 100, 40). */
    public EncodedReluCell(int units, int stimuli, int... encoderWidths) {
        if (units <= 0 || stimuli <= 0 || encoderWidths.length == 0) {
            throw new IllegalArgumentException("Not an encoded ReLU RNN: N " + units + ", D " + stimuli + ", encoder "
                    + java.util.Arrays.toString(encoderWidths) + ".");
        }
        this.units = units;
        this.stimuli = stimuli;
        this.encoder = encoderWidths.clone();
    }

    public int units() {
        return units;
    }

    /** D, the stimulus channels after the fixation channel. */
    public int stimuli() {
        return stimuli;
    }

    public int[] encoderWidths() {
        return encoder.clone();
    }

    private static Init linear(int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        return Init.uniform(-bound, bound);
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new java.util.ArrayList<>();
        int width = stimuli;
        for (int layer = 0; layer < encoder.length; layer++) {
            p.add(ParamSpec.of("W" + (layer + 1), ENCODER, linear(width), encoder[layer], width));
            p.add(ParamSpec.of("b" + (layer + 1), ENCODER, linear(width), 1, encoder[layer]));
            width = encoder[layer];
        }
        int in = 1 + width;
        p.add(ParamSpec.of(W_IN, "core", linear(in), units, in));
        p.add(ParamSpec.of(B_IN, "core", linear(in), 1, units));
        p.add(ParamSpec.of(W_REC, "core", linear(units), units, units));
        p.add(ParamSpec.of(B_REC, "core", linear(units), 1, units));
        return p;
    }

    @Override
    public List<StateSpec> states() {
        return List.of(StateSpec.zero("r", units));
    }

    @Override
    public int inputs() {
        return 1 + stimuli;
    }

    /** W_in [fix ; e(s)] + b_in + b_rec for all steps. */
    @Override
    public SDVariable drive(SameDiff sd, Params p, SDVariable rows) {
        org.nd4j.linalg.api.ndarray.INDArray eye = Nd4j.eye(1 + stimuli).castTo(rows.dataType());
        SDVariable fix = rows.mmul(sd.constant(eye.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).dup()));
        SDVariable e = rows.mmul(sd.constant(eye.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + stimuli)).dup()));
        for (int layer = 0; layer < encoder.length; layer++) {
            e = sd.mmul(e, p.get("W" + (layer + 1)), false, true, false).add(p.get("b" + (layer + 1)));
            if (layer < encoder.length - 1) {
                e = sd.nn.relu(e, 0);
            }
        }
        return sd.mmul(sd.concat(1, fix, e), p.get(W_IN), false, true, false).add(p.get(B_IN)).add(p.get(B_REC));
    }

    @Override
    public int driveSize() {
        return units;
    }

    @Override
    public SDVariable[] step(Step s) {
        SameDiff sd = s.sd();
        return new SDVariable[] {sd.nn.relu(s.drive().add(sd.mmul(s.state()[0], s.param(W_REC), false, true, false)), 0)};
    }

    /** W_out as nn.Linear: U(-1/sqrt(N), 1/sqrt(N)). */
    @Override
    public Init readoutInit() {
        return linear(units);
    }
}
