package org.molap.core.primitives;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The latent primitives of a task corpus (seed 000, section 3.3, A.2.1, A.2.2): fitted ONCE on the
 * inputs [B, Cin, T] and targets [B, Cout, T] of all tasks (channels side by side, trials and time steps
 * flattened into B*T samples, columns standardised), then used to turn any batch of trials into r input
 * variates and r target variates [B, r, T]; module k is pre-trained to map input variate k to target
 * variate k.
 *
 * <p>{@link Method#CCA}: the canonical variates U, V. {@link Method#PCA}: standardised PCA run separately
 * on inputs and on targets, input component k paired with target component k.
 *
 * <p>Scaling: each variate is mapped to [0, 1] by (u - min) / (max - min) with min and max taken over the
 * fit data AT FIT TIME and then fixed, so every later batch is scaled identically (values of new trials
 * may fall slightly outside [0, 1]). On the fit data min is exactly 0 and max exactly 1. A variate that
 * is constant on the fit data is scaled with range 1.
 *
 * <p>Every sample (b, t) is mapped independently, so the variates of a trial do not depend on the batch
 * it comes in. Output arrays have the data type of the argument (computations are in double). Immutable;
 * {@link #saved()}/{@link #of(Saved)} and {@link #save(Path)}/{@link #load(Path)} (JSON) round-trip
 * it exactly.
 */
public final class LatentPrimitives {

    /** How the primitives are derived. */
    public enum Method { CCA, PCA }

    /** Identifies the JSON layout written by {@link #save(Path)}. */
    public static final String FORMAT = "molap.latent-primitives/1";

    private static final long CHUNK_SAMPLES = 65_536;

    private final Method method;
    private final LinearProjection inputSide;
    private final LinearProjection targetSide;
    private final double[] inputMin;
    private final double[] inputMax;
    private final double[] targetMin;
    private final double[] targetMax;
    private final double[] correlations;
    private final Map<String, double[]> details;

    private LatentPrimitives(Method method, LinearProjection inputSide, LinearProjection targetSide,
            double[] inputMin, double[] inputMax, double[] targetMin, double[] targetMax,
            double[] correlations, Map<String, double[]> details) {
        int r = inputSide.components();
        if (targetSide.components() != r || inputMin.length != r || inputMax.length != r
                || targetMin.length != r || targetMax.length != r || correlations.length != r) {
            throw new IllegalArgumentException("inconsistent latent primitives: every part must have "
                    + r + " components");
        }
        this.method = method;
        this.inputSide = inputSide;
        this.targetSide = targetSide;
        this.inputMin = inputMin;
        this.inputMax = inputMax;
        this.targetMin = targetMin;
        this.targetMax = targetMax;
        this.correlations = correlations;
        this.details = details;
    }

    /**
     * Fits r primitives on a corpus.
     *
     * @param inputs  [B, Cin, T], all tasks' input channels side by side
     * @param targets [B, Cout, T], all tasks' target channels side by side, same B and T
     */
    public static LatentPrimitives fit(INDArray inputs, INDArray targets, int r, Method method) {
        checkSequences(inputs, targets);
        INDArray x = toSamples(inputs);
        INDArray y = toSamples(targets);
        LinearProjection in;
        LinearProjection out;
        double[] corr;
        Map<String, double[]> details = new LinkedHashMap<>();
        if (method == Method.CCA) {
            CanonicalCorrelation cca = CanonicalCorrelation.fit(x, y, r);
            in = cca.xProjection();
            out = cca.yProjection();
            corr = cca.correlations();
            details.put("allCanonicalCorrelations", cca.allCorrelations());
        } else if (method == Method.PCA) {
            PrincipalComponents px = PrincipalComponents.fit(x, r);
            PrincipalComponents py = PrincipalComponents.fit(y, r);
            in = px.projection();
            out = py.projection();
            corr = null;
            details.put("inputExplainedVarianceRatio", px.explainedVarianceRatio());
            details.put("targetExplainedVarianceRatio", py.explainedVarianceRatio());
        } else {
            throw new IllegalArgumentException("method must be CCA or PCA");
        }
        double[] u = in.applyFlat(x);
        double[] v = out.applyFlat(y);
        if (corr == null) {
            corr = pairedCorrelations(u, v, r);
        }
        double[][] ur = ranges(u, r);
        double[][] vr = ranges(v, r);
        return new LatentPrimitives(method, in, out, ur[0], ur[1], vr[0], vr[1], corr, details);
    }

    /**
     * Fits r primitives on some channels only (for instance without the fixation channels, which all tasks
     * share), as primitives of the whole corpus: the other channels get weight 0, so batches keep their layout.
     *
     * @param inputColumns  input channels the fit sees, in increasing order
     * @param targetColumns target channels the fit sees, in increasing order
     */
    public static LatentPrimitives fit(INDArray inputs, INDArray targets, int r, Method method, int[] inputColumns, int[] targetColumns) {
        checkSequences(inputs, targets);
        LatentPrimitives part = fit(columns(inputs, inputColumns), columns(targets, targetColumns), r, method);
        return new LatentPrimitives(method, part.inputSide.onColumns(inputColumns, (int) inputs.size(1)),
                part.targetSide.onColumns(targetColumns, (int) targets.size(1)), part.inputMin, part.inputMax,
                part.targetMin, part.targetMax, part.correlations, part.details);
    }

    private static INDArray columns(INDArray seq, int[] columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("the fit needs at least one channel on each side");
        }
        return seq.get(NDArrayIndex.all(), NDArrayIndex.indices(java.util.Arrays.stream(columns).mapToLong(c -> c).toArray()),
                NDArrayIndex.all()).dup();
    }

    /**
     * What each variate loads on: the correlation of every input channel with every input variate [Cin][r]
     * and of every target channel with every target variate [Cout][r] (structure coefficients), over the
     * samples of these trials. A channel that is constant here has correlation NaN.
     */
    public double[][][] loadings(INDArray inputs, INDArray targets) {
        checkSequences(inputs, targets);
        return new double[][][] {structure(toSamples(inputs), inputSide), structure(toSamples(targets), targetSide)};
    }

    private static double[][] structure(INDArray x, LinearProjection side) {
        int p = side.inputs();
        int r = side.components();
        double[] u = side.applyFlat(x);
        double[] rows = Matrices.rowMajor(x);
        int n = (int) x.size(0);
        double[][] out = new double[p][r];
        for (int c = 0; c < p; c++) {
            for (int k = 0; k < r; k++) {
                out[c][k] = pearson(rows, c, p, u, k, r, n);
            }
        }
        return out;
    }

    /** Input variates [B, r, T], scaled with the fit-time ranges. */
    public INDArray inputVariates(INDArray inputs) {
        return variates(inputs, inputSide, inputMin, inputMax, "inputs");
    }

    /** Target variates [B, r, T], scaled with the fit-time ranges. */
    public INDArray targetVariates(INDArray targets) {
        return variates(targets, targetSide, targetMin, targetMax, "targets");
    }

    /**
     * CCA: the r canonical correlations (descending, >= 0). PCA: the Pearson correlation, on the fit
     * data, between input score k and target score k; its sign follows the PCA sign convention and may be
     * negative.
     */
    public double[] canonicalCorrelations() {
        return correlations.clone();
    }

    public int components() {
        return correlations.length;
    }

    public Method method() {
        return method;
    }

    public int inputChannels() {
        return inputSide.inputs();
    }

    public int targetChannels() {
        return targetSide.inputs();
    }

    /** Standardisation and loadings of the input side (before the [0, 1] scaling). */
    public LinearProjection inputProjection() {
        return inputSide;
    }

    public LinearProjection targetProjection() {
        return targetSide;
    }

    /** Fit-time minimum of each unscaled input variate. */
    public double[] inputMin() {
        return inputMin.clone();
    }

    public double[] inputMax() {
        return inputMax.clone();
    }

    public double[] targetMin() {
        return targetMin.clone();
    }

    public double[] targetMax() {
        return targetMax.clone();
    }

    /**
     * Diagnostics recorded at fit time: CCA "allCanonicalCorrelations"; PCA "inputExplainedVarianceRatio"
     * and "targetExplainedVarianceRatio".
     */
    public Map<String, double[]> details() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The JSON layout of saved primitives, bound by Jackson both ways (format {@link #FORMAT}). */
    public record Saved(String format, Method method, int components, double[] canonicalCorrelations,
                        LinearProjection.Saved inputProjection, LinearProjection.Saved targetProjection,
                        double[] inputMin, double[] inputMax, double[] targetMin, double[] targetMax,
                        Map<String, double[]> details) {
    }

    /** What {@link #save(Path)} writes. */
    public Saved saved() {
        return new Saved(FORMAT, method, components(), correlations.clone(), inputSide.saved(), targetSide.saved(),
                inputMin.clone(), inputMax.clone(), targetMin.clone(), targetMax.clone(), details());
    }

    /** The primitives of a {@link Saved} record; a missing field or another format is an IllegalArgumentException. */
    public static LatentPrimitives of(Saved s) {
        if (!FORMAT.equals(s.format())) {
            throw new IllegalArgumentException("not a latent-primitives record (format '" + s.format()
                    + "', expected '" + FORMAT + "')");
        }
        return new LatentPrimitives(LinearProjection.required(s.method(), "method"),
                LinearProjection.of(LinearProjection.required(s.inputProjection(), "inputProjection")),
                LinearProjection.of(LinearProjection.required(s.targetProjection(), "targetProjection")),
                LinearProjection.required(s.inputMin(), "inputMin"), LinearProjection.required(s.inputMax(), "inputMax"),
                LinearProjection.required(s.targetMin(), "targetMin"), LinearProjection.required(s.targetMax(), "targetMax"),
                LinearProjection.required(s.canonicalCorrelations(), "canonicalCorrelations").clone(),
                s.details() == null ? Map.of() : new LinkedHashMap<>(s.details()));
    }

    /** Writes {@link #saved()} as pretty-printed JSON. */
    public void save(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), saved());
    }

    /** Reads a file written by {@link #save(Path)}. */
    public static LatentPrimitives load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no latent-primitives file at " + file);
        }
        try {
            return of(new ObjectMapper().readValue(file.toFile(), Saved.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a latent-primitives file: " + file + " (" + e.getOriginalMessage() + ")");
        }
    }

    /** [B, C, T] -> [B*T, C] samples, row b*T + t (a copy in the same data type). */
    public static INDArray toSamples(INDArray seq) {
        if (seq.rank() != 3) {
            throw new IllegalArgumentException("expected a sequence [batch, channels, time], got "
                    + Matrices.shape(seq));
        }
        long b = seq.size(0);
        long c = seq.size(1);
        long t = seq.size(2);
        return seq.permute(0, 2, 1).dup('c').reshape('c', b * t, c);
    }

    private INDArray variates(INDArray seq, LinearProjection side, double[] min, double[] max, String what) {
        if (seq.rank() != 3 || seq.size(1) != side.inputs()) {
            throw new IllegalArgumentException(what + " must be [batch, " + side.inputs() + ", time], got "
                    + Matrices.shape(seq));
        }
        int b = (int) seq.size(0);
        int t = (int) seq.size(2);
        int r = side.components();
        if ((long) b * r * t > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + ": too many trials for one array; pass smaller batches");
        }
        double[] out = new double[b * r * t];
        int trialsPerChunk = (int) Math.max(1, CHUNK_SAMPLES / Math.max(1, t));
        for (int b0 = 0; b0 < b; b0 += trialsPerChunk) {
            int b1 = Math.min(b, b0 + trialsPerChunk);
            INDArray chunk = seq.get(NDArrayIndex.interval(b0, b1), NDArrayIndex.all(), NDArrayIndex.all());
            double[] raw = side.applyFlat(toSamples(chunk)); // row (i * t + s), i = trial within chunk
            for (int i = 0; i < b1 - b0; i++) {
                for (int k = 0; k < r; k++) {
                    double range = max[k] > min[k] ? max[k] - min[k] : 1.0;
                    int dst = ((b0 + i) * r + k) * t;
                    for (int s = 0; s < t; s++) {
                        out[dst + s] = (raw[(i * t + s) * r + k] - min[k]) / range;
                    }
                }
            }
        }
        INDArray result = Nd4j.create(out, new long[] {b, r, t}, DataType.DOUBLE);
        DataType type = seq.dataType().isFPType() ? seq.dataType() : DataType.DOUBLE;
        return type == DataType.DOUBLE ? result : result.castTo(type);
    }

    private static void checkSequences(INDArray inputs, INDArray targets) {
        if (inputs.rank() != 3 || targets.rank() != 3) {
            throw new IllegalArgumentException("inputs and targets must be [batch, channels, time], got "
                    + Matrices.shape(inputs) + " and " + Matrices.shape(targets));
        }
        if (inputs.size(0) != targets.size(0) || inputs.size(2) != targets.size(2)) {
            throw new IllegalArgumentException("inputs " + Matrices.shape(inputs) + " and targets "
                    + Matrices.shape(targets) + " must have the same batch size and number of time steps");
        }
    }

    /** [0] = per-component minima, [1] = maxima of row-major scores [n][r]. */
    private static double[][] ranges(double[] scores, int r) {
        double[] min = new double[r];
        double[] max = new double[r];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < scores.length; i++) {
            int k = i % r;
            min[k] = Math.min(min[k], scores[i]);
            max[k] = Math.max(max[k], scores[i]);
        }
        return new double[][] {min, max};
    }

    private static double[] pairedCorrelations(double[] u, double[] v, int r) {
        int n = u.length / r;
        double[] corr = new double[r];
        for (int k = 0; k < r; k++) {
            double c = pearson(u, k, r, v, k, r, n);
            corr[k] = Double.isNaN(c) ? 0.0 : c;
        }
        return corr;
    }

    /** Pearson correlation of a[aFirst + i * aStride] and b[bFirst + i * bStride], i < n; NaN if either is constant. */
    private static double pearson(double[] a, int aFirst, int aStride, double[] b, int bFirst, int bStride, int n) {
        double ma = 0.0;
        double mb = 0.0;
        for (int i = 0; i < n; i++) {
            ma += a[aFirst + i * aStride];
            mb += b[bFirst + i * bStride];
        }
        ma /= n;
        mb /= n;
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < n; i++) {
            double x = a[aFirst + i * aStride] - ma;
            double y = b[bFirst + i * bStride] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa > 0.0 && sbb > 0.0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
