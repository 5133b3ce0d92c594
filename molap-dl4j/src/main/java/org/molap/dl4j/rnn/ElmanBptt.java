package org.molap.dl4j.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The network of {@link RnnGraph} (seed 000 Eq. 1 with the leak a) with hand-derived backpropagation through
 * time, written as a few large matrix products and in-place ops on preallocated [T, B, N] buffers instead of a
 * graph of ~10 ops per step. Same parameters, same loss, same gradients: a test checks them against the
 * SameDiff graph and against finite differences, at a = 0.2 and a = 1.
 * <pre>
 *   forward:  A_t = h_{t-1} W_rec' + x_t W_in' + b;  s_t = tanh(A_t)
 *             h_t = (1 - a) h_{t-1} + a s_t   (h_{-1} = 0);   Y = H W_out' + b_out
 *   loss:     mean((Y - Y*)^2) + l2 (|W_in|^2 + |W_rec|^2 + |W_out|^2) + act mean(H^2)
 *   backward: dY = 2 (Y - Y*) / |Y|;  dW_out = dY' H;  db_out = sum dY
 *             g_t = dY_t W_out + 2 act h_t / |H| + (1 - a) g_{t+1} + dA_{t+1} W_rec     (from t = T-1 down to 0)
 *             dA_t = a g_t (1 - s_t^2)
 *             dW_rec = sum_{t>=1} dA_t' h_{t-1};  dW_in = dA' X;  db = sum dA;  each W also gets 2 l2 W
 * </pre>
 * The rates s_t are not stored: the backward pass recovers them from two states ({@link TanhSteps}). Rows of
 * the flattened buffers are time-major: row t*B + b is trial b at step t.
 */
public final class ElmanBptt implements RecurrentModel {
    private final RnnGraph.Shape shape;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();
    /**
     * Work buffers for the last batch size, reused across calls: states and errors [T*B, N], the inputs
     * [T*B, nIn] and the readout's error dY [T*B, nOut], all time-major.
     */
    private long bufferedBatch = -1;
    private INDArray statesBuffer;
    private INDArray errorBuffer;
    private INDArray inputBuffer;
    private INDArray outputBuffer;
    private INDArray outputErrorBuffer;
    /** Step views [B, N] of the buffers and the per-step tanh kernels. */
    private INDArray[] stateSteps;
    private INDArray[] errorSteps;
    private INDArray[] inputSteps;
    private INDArray[] outputSteps;
    private INDArray[] outputErrorSteps;
    private TanhSteps tanh;

    private ElmanBptt(RnnGraph.Shape shape) {
        this.shape = shape;
        int n = shape.units();
        parameters.put(RecurrentCore.W_REC, Nd4j.zeros(shape.dtype(), n, n));
        parameters.put(RecurrentCore.BIAS, Nd4j.zeros(shape.dtype(), 1, n));
        parameters.put(Head.W_IN, Nd4j.zeros(shape.dtype(), n, shape.inputs()));
        parameters.put(Head.W_OUT, Nd4j.zeros(shape.dtype(), shape.outputs(), n));
        parameters.put(Head.B_OUT, Nd4j.zeros(shape.dtype(), 1, shape.outputs()));
    }

    public static ElmanBptt build(RnnGraph.Shape shape) {
        return new ElmanBptt(shape);
    }

    /**
     * Frees the work buffers now (they are allocated again by the next pass). ND4J frees off-heap memory when the
     * garbage collector finds its arrays, which a large heap with little churn may not do for a long time: a sweep
     * that built evaluation engines of 2000 trials per silencing level grew to 12 GB and was killed by the kernel.
     */
    public void release() {
        for (INDArray buffer : new INDArray[] {statesBuffer, errorBuffer, inputBuffer, outputBuffer, outputErrorBuffer}) {
            if (buffer != null && !buffer.wasClosed()) {
                buffer.close();
            }
        }
        statesBuffer = errorBuffer = inputBuffer = outputBuffer = outputErrorBuffer = null;
        bufferedBatch = -1;
    }

    /** One forward pass: inputs as rows [T*B, nIn], states [T*B, N], outputs [T*B, nOut]. */
    private record Pass(long batch, INDArray x, INDArray h, INDArray y) {
    }

    /**
     * The forward pass; the readout from step {@code readFrom} on (the outputs of earlier steps are left unset), and
     * the activity term's sum of squares only {@code withLoss}.
     */
    private Pass run(INDArray inputs, int readFrom, boolean withLoss) {
        int n = shape.units();
        int steps = shape.steps();
        long b = inputs.size(0);
        if (b != bufferedBatch) {
            statesBuffer = Nd4j.create(shape.dtype(), steps * b, n);
            errorBuffer = Nd4j.create(shape.dtype(), steps * b, n);
            inputBuffer = Nd4j.create(shape.dtype(), steps * b, shape.inputs());
            outputBuffer = Nd4j.create(shape.dtype(), steps * b, shape.outputs());
            outputErrorBuffer = Nd4j.create(shape.dtype(), steps * b, shape.outputs());
            stateSteps = steps(statesBuffer, b);
            errorSteps = steps(errorBuffer, b);
            inputSteps = steps(inputBuffer, b);
            outputSteps = steps(outputBuffer, b);
            outputErrorSteps = steps(outputErrorBuffer, b);
            tanh = TanhSteps.over(statesBuffer, errorBuffer, Math.toIntExact(b * n), steps, shape.leak());
            bufferedBatch = b;
        }
        INDArray x = TimeMajor.into(inputs, inputBuffer);
        // Per step the recurrent product, the input drive added by a thin product onto the same block while it is in
        // cache (0.5 ms less at the MoLaP shape than one input product over all steps, which the recurrent products
        // then read back), one pass adding the bias, taking tanh and mixing in the previous state (the leak), and
        // the readout of the new state while it is in cache (on this machine's 2 MB L2 at the MoLaP shape 0.5 ms,
        // one product over all steps 1.1 ms).
        INDArray h = statesBuffer;
        INDArray wRec = array(RecurrentCore.W_REC);
        INDArray wIn = array(Head.W_IN);
        INDArray wOut = array(Head.W_OUT);
        tanh.load(array(RecurrentCore.BIAS), 2 * shape.regularisation().activity() / h.length());
        tanh.countSquares = withLoss;
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                Gemm.into(stateSteps[t - 1], false, wRec, true, stateSteps[t], 1, 0);
            }
            Gemm.into(inputSteps[t], false, wIn, true, stateSteps[t], 1, t > 0 ? 1 : 0);
            tanh.forward(t);
            if (t >= readFrom) {
                Gemm.into(stateSteps[t], false, wOut, true, outputSteps[t], 1, 0);
            }
        }
        INDArray y = readFrom == 0 ? outputBuffer : outputBuffer.get(NDArrayIndex.interval(readFrom * b, steps * b), NDArrayIndex.all());
        y.addiRowVector(array(Head.B_OUT));
        return new Pass(b, x, h, y);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, Collection<String> variables) {
        Pass p = run(inputs, 0, true);
        int steps = shape.steps();
        INDArray diff = TimeMajor.into(targets, outputErrorBuffer).rsubi(p.y());
        double mse = ThinProducts.sumOfSquares(diff) / diff.length();
        INDArray wIn = array(Head.W_IN);
        INDArray wRec = array(RecurrentCore.W_REC);
        INDArray wOut = array(Head.W_OUT);
        double l2 = shape.regularisation().l2();
        double act = shape.regularisation().activity();
        double loss = mse + l2 * (ThinProducts.sumOfSquares(wIn) + ThinProducts.sumOfSquares(wRec) + ThinProducts.sumOfSquares(wOut))
                + act * tanh.sumOfSquares() / p.h().length();

        // Products go straight to BLAS with transposes as flags ({@link Gemm}; INDArray.mmul measured 5x slower
        // for the thin [T*B, 3] x [3, N] product); those with one thin side run as matrix-vector products
        // ({@link ThinProducts}).
        Map<String, INDArray> grads = new LinkedHashMap<>();
        INDArray dY = diff.muli(2.0 / diff.length());
        boolean readoutGradient = variables.contains(Head.W_OUT);
        INDArray dWOut = readoutGradient ? wOut.mul(2 * l2) : null;
        if (variables.contains(Head.B_OUT)) {
            grads.put(Head.B_OUT, ThinProducts.columnSums(dY));
        }
        boolean needRecurrent = variables.contains(RecurrentCore.W_REC) || variables.contains(RecurrentCore.BIAS)
                || variables.contains(Head.W_IN);
        if (!needRecurrent) {
            if (readoutGradient) {
                grads.put(Head.W_OUT, ThinProducts.transposedTimes(dY, p.h(), dWOut, 1));
            }
            return new LossAndGradients(loss, mse, grads);
        }
        // Per step from the last: dA_{t+1} W_rec + dY_t W_out (the thin product onto the block in cache, as
        // forward), turned in place into dA_t by one pass that adds the activity term 2 act h_t / |H| and the
        // leak's (1 - a) g_{t+1}, multiplies by a tanh' and sums dA_t for the bias gradient (TanhSteps.backward).
        // Every weight gradient is summed per step while its blocks are in cache: dW_rec = sum_t dA_t' h_{t-1}
        // right after dA_{t+1} W_rec (2.7 ms less at N = 100, B = 200, T = 110 than the same products in a loop of
        // their own, and faster than one product with k = (T-1) B, which the bundled OpenBLAS runs poorly), and the
        // thin dY_t' h_t and dA_t' x_t (together 1 ms less than the same sums over all steps at once).
        boolean recurrentGradient = variables.contains(RecurrentCore.W_REC);
        boolean inputGradient = variables.contains(Head.W_IN);
        INDArray dW = recurrentGradient ? wRec.mul(2 * l2) : null;
        INDArray dWIn = inputGradient ? wIn.mul(2 * l2) : null;
        for (int t = steps - 1; t >= 0; t--) {
            boolean last = t == steps - 1;
            if (!last) {
                Gemm.into(errorSteps[t + 1], false, wRec, false, errorSteps[t], 1, 0);
            }
            Gemm.into(outputErrorSteps[t], false, wOut, false, errorSteps[t], 1, last ? 0 : 1);
            if (recurrentGradient && !last) {
                Gemm.into(errorSteps[t + 1], true, stateSteps[t], false, dW, 1, 1);
            }
            tanh.backward(t);
            if (readoutGradient) {
                Gemm.into(outputErrorSteps[t], true, stateSteps[t], false, dWOut, 1, 1);
            }
            if (inputGradient) {
                Gemm.into(errorSteps[t], true, inputSteps[t], false, dWIn, 1, 1);
            }
        }
        if (readoutGradient) {
            grads.put(Head.W_OUT, dWOut);
        }
        if (recurrentGradient) {
            grads.put(RecurrentCore.W_REC, dW);
        }
        if (variables.contains(RecurrentCore.BIAS)) {
            grads.put(RecurrentCore.BIAS, tanh.biasGradient());
        }
        if (inputGradient) {
            grads.put(Head.W_IN, dWIn);
        }
        return new LossAndGradients(loss, mse, grads);
    }

    @Override
    public INDArray forward(INDArray inputs) {
        Pass p = run(inputs, 0, false);
        return batchMajor(p.y(), p.batch());
    }

    /**
     * The outputs [B, nOut, T - fromStep] of the last steps only, from step {@code fromStep}: for scoring decisions
     * in the window at the end of a trial without reading out the steps before it.
     */
    public INDArray forward(INDArray inputs, int fromStep) {
        if (fromStep < 0 || fromStep >= shape.steps()) {
            throw new IllegalArgumentException("The first step read out must be in 0.." + (shape.steps() - 1) + ", got " + fromStep + ".");
        }
        Pass p = run(inputs, fromStep, false);
        return batchMajor(p.y(), p.batch());
    }

    @Override
    public INDArray states(INDArray inputs) {
        Pass p = run(inputs, 0, false);
        return batchMajor(p.h(), p.batch());
    }

    /** Rows [T*B, C] -> [B, C, T]. */
    private INDArray batchMajor(INDArray rows, long b) {
        return rows.reshape(rows.size(0) / b, b, rows.size(1)).permute(1, 2, 0).dup('c');
    }

    /** The [B, N] view of every step of a [T*B, N] buffer. */
    private INDArray[] steps(INDArray rows, long b) {
        INDArray[] views = new INDArray[shape.steps()];
        for (int t = 0; t < views.length; t++) {
            views[t] = rows.get(NDArrayIndex.interval(t * b, (t + 1) * b), NDArrayIndex.all());
        }
        return views;
    }


    @Override
    public ElmanBptt load(RecurrentCore core, Head head) {
        RecurrentModel.super.load(core, head);
        return this;
    }

    @Override
    public RnnGraph.Shape shape() {
        return shape;
    }

    @Override
    public INDArray array(String variable) {
        return parameters.get(variable);
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }
}
