package org.molap.dl4j.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds one SameDiff graph for any {@link Cell} over T steps, with its linear readout head and its {@link Loss}:
 * <pre>
 *   drive   = cell.drive(X)                       all steps in one product, X as rows [T*B, inputs]
 *   s_{t+1} = cell.step(s_t, drive_t, noise_t, t)  s_0 from the cell's StateSpecs
 *   r_t     = cell.observed(s_{t+1});   y_t = W_out r_t + b_out  (or tanh of it; the output at step t reads the state after input t)
 *   loss    = data(y, y*, mask) + sum_p l2_p |p|^2 + activity mean(r^2)
 * </pre>
 * Placeholders: {@value #INPUT} [B, inputs, T], {@value #TARGET} [B, outputs, T] (B dynamic), {@value #MASK}
 * [B, outputs, T] for a masked loss,
 * {@value #NOISE} [T, B, noiseSize] when the cell has noise, and one [B, size] per random initial state. SameDiff
 * cannot differentiate its while loop (REFERENCE.md section 5), hence the unrolling; {@code unstack} splits the
 * steps because point indexing breaks in the backward pass.
 */
public final class Unroller {
    public static final String INPUT = "x";
    public static final String TARGET = "y";
    public static final String MASK = "mask";
    public static final String NOISE = "noise";
    public static final String OUTPUT = "out";
    public static final String OBSERVED = "observed";
    public static final String DATA_LOSS = "data_loss";
    public static final String LOSS = "loss";
    public static final String W_OUT = "W_out";
    public static final String B_OUT = "b_out";
    public static final String HEAD = "head";
    /** The group of values drawn once and never trained: drawn initial states, the zero bias of a bias-free readout. */
    public static final String FIXED = "fixed";

    private Unroller() {
    }

    /** The readout head's parameters as the cell says: W_out, and b_out (fixed at 0 when the cell has no readout bias). */
    public static List<ParamSpec> head(Cell cell, int outputs) {
        return List.of(ParamSpec.of(W_OUT, HEAD, cell.readoutInit(), outputs, cell.observedSize()),
                cell.readoutBias() ? ParamSpec.of(B_OUT, HEAD, cell.readoutBiasInit(), 1, outputs)
                        : ParamSpec.of(B_OUT, FIXED, Init.zeros(), 1, outputs));
    }

    /** Every parameter of the model: the cell's, the learned or drawn initial states', the readout head's. */
    public static List<ParamSpec> specs(Cell cell, int outputs) {
        List<ParamSpec> specs = new ArrayList<>(cell.parameters());
        for (StateSpec s : cell.states()) {
            if (s.start() == StateSpec.Start.LEARNED) {
                specs.add(ParamSpec.of(s.initialName(), s.group(), Init.zeros(), 1, s.size()));
            } else if (s.start() == StateSpec.Start.DRAWN) {
                specs.add(ParamSpec.of(s.initialName(), s.group(), Init.normal(s.scale()), 1, s.size()));
            }
        }
        specs.addAll(head(cell, outputs));
        return specs;
    }

    /**
     * The parameters' starting values drawn from {@code seed}, exactly those of the graph {@link #unroll} builds, without
     * building it (a graph of 1000 steps takes a minute and more to build).
     */
    public static Map<String, org.nd4j.linalg.api.ndarray.INDArray> initialParameters(Cell cell, int outputs, DataType dtype, long seed) {
        return initialParameters(specs(cell, outputs), dtype, new Random(seed));
    }

    private static Map<String, org.nd4j.linalg.api.ndarray.INDArray> initialParameters(List<ParamSpec> specs, DataType dtype, Random rng) {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> values = new LinkedHashMap<>();
        for (ParamSpec p : specs) {
            if (values.containsKey(p.name())) {
                throw new IllegalArgumentException("The parameter name '" + p.name() + "' is declared twice.");
            }
            values.put(p.name(), p.init().create(p.shape(), dtype, rng));
        }
        return values;
    }

    /** The model of {@code cell} over {@code steps} steps with {@code outputs} readout channels; parameters drawn from {@code seed}. */
    public static CellModel unroll(Cell cell, int outputs, int steps, DataType dtype, Loss loss, long seed) {
        if (outputs <= 0 || steps <= 0) {
            throw new IllegalArgumentException("A model needs outputs and steps, got " + outputs + " outputs and " + steps + " steps.");
        }
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        List<ParamSpec> specs = specs(cell, outputs);
        specs.forEach(p -> groups.put(p.name(), p.group()));
        Random rng = new Random(seed);
        initialParameters(specs, dtype, rng).forEach((name, values) -> vars.put(name, sd.var(name, values)));
        Params params = cell.derive(sd, new Params(vars));

        SDVariable x = sd.placeHolder(INPUT, dtype, -1, cell.inputs(), steps);
        SDVariable y = sd.placeHolder(TARGET, dtype, -1, outputs, steps);
        SDVariable rows = sd.reshape(sd.permute(x, 2, 0, 1), -1, cell.inputs());                  // [T*B, inputs]
        SDVariable[] inputAt = sd.unstack(sd.reshape(rows, steps, -1, cell.inputs()), 0, steps);
        SDVariable[] driveAt = sd.unstack(sd.reshape(cell.drive(sd, params, rows), steps, -1, cell.driveSize()), 0, steps);
        SDVariable[] noiseAt = cell.noiseSize() > 0
                ? sd.unstack(sd.placeHolder(NOISE, dtype, steps, -1, cell.noiseSize()), 0, steps) : new SDVariable[steps];

        // [B, size] zeros whatever the batch: the first drive times a constant zero matrix.
        List<StateSpec> parts = cell.states();
        SDVariable[] state = new SDVariable[parts.size()];
        for (int i = 0; i < state.length; i++) {
            StateSpec s = parts.get(i);
            SDVariable zeros = driveAt[0].mmul(sd.constant(Nd4j.zeros(dtype, cell.driveSize(), s.size())));
            state[i] = switch (s.start()) {
                case ZERO -> zeros;
                case FIXED -> zeros.add(s.scale());
                case LEARNED, DRAWN -> zeros.add(params.get(s.initialName()));
                case RANDOM -> sd.placeHolder(s.initialName(), dtype, -1, s.size());
            };
        }
        SDVariable[] observed = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            state = cell.step(new Cell.Step(sd, params, state, driveAt[t], inputAt[t], noiseAt[t], t));
            observed[t] = cell.observed(sd, params, state);
        }
        int o = cell.observedSize();
        SDVariable r = sd.stack(0, observed).rename(OBSERVED);                                     // [T, B, O]
        SDVariable readout = sd.reshape(sd.reshape(r, -1, o).mmul(sd.transpose(params.get(W_OUT))).add(params.get(B_OUT)),
                steps, -1, outputs);
        SDVariable linear = sd.permute(readout, 1, 2, 0);                                         // [B, outputs, T]
        // The output: the readout, or its tanh (seed 002); for cross-entropy the logits.
        SDVariable out = (loss.kind() == Loss.Kind.TANH_MSE ? sd.math.tanh(linear) : linear).rename(OUTPUT);

        SDVariable perEntry = loss.kind() == Loss.Kind.BCE
                ? sd.nn.softplus(out).sub(y.mul(out))       // -[y log s(z) + (1 - y) log(1 - s(z))], stable in z
                : sd.math.square(out.sub(y));
        SDVariable data;
        if (loss.kind() == Loss.Kind.NONE) {
            data = perEntry.mul(0).sum().rename(DATA_LOSS);          // no data term (the targets' placeholder stays fed)
        } else if (loss.usesMask()) {
            SDVariable mask = sd.placeHolder(MASK, dtype, -1, outputs, steps);
            data = perEntry.mul(mask).sum().div(mask.sum()).rename(DATA_LOSS);
        } else {
            data = perEntry.mean().rename(DATA_LOSS);
        }
        SDVariable total = data;
        for (Map.Entry<String, Double> e : loss.l2().entrySet()) {
            total = total.add(sd.math.square(params.get(e.getKey())).sum().mul(e.getValue()));
        }
        if (loss.activity() > 0) {
            total = total.add(sd.math.square(r).mean().mul(loss.activity()));
        }
        sd.identity(LOSS, total);          // a variable of its own, also when there is no penalty
        sd.setLossVariables(LOSS);
        Graphs.createGradientsQuietly(sd);
        return new CellModel(sd, cell, loss, groups, outputs, steps, dtype, new Random(rng.nextLong()));
    }
}
