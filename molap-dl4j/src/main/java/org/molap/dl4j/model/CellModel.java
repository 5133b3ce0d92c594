package org.molap.dl4j.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A cell unrolled by the {@link Unroller}: its graph with live parameter arrays, which the trainer updates in place,
 * the loss and its gradients by SameDiff's automatic differentiation, and the forward pass. Noise and random initial
 * states are drawn afresh for every call from this model's seeded generator.
 */
public final class CellModel implements org.molap.dl4j.model.NoisyModel {
    private final SameDiff sd;
    private final Cell cell;
    private final Loss loss;
    private final Map<String, String> groups;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final NoiseSource noise;

    CellModel(SameDiff sd, Cell cell, Loss loss, Map<String, String> groups, int outputs, int steps, DataType dtype, Random rng) {
        this.sd = sd;
        this.cell = cell;
        this.loss = loss;
        this.groups = groups;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.noise = new NoiseSource(rng.nextLong());
    }

    public Cell cell() {
        return cell;
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        groups.keySet().forEach(name -> p.put(name, sd.getArrForVarName(name)));
        return p;
    }

    /** Each parameter's group, in declaration order. */
    public Map<String, String> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** Every parameter a phase may train: all but the group {@link Unroller#FIXED}, in declaration order. */
    public List<String> trainableParameters() {
        List<String> names = new ArrayList<>();
        groups.forEach((name, g) -> {
            if (!Unroller.FIXED.equals(g)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The parameters of these groups, in declaration order. */
    public List<String> parametersIn(String... group) {
        List<String> wanted = Arrays.asList(group);
        List<String> names = new ArrayList<>();
        groups.forEach((name, g) -> {
            if (wanted.contains(g)) {
                names.add(name);
            }
        });
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No parameter is in the groups " + wanted + "; the groups are "
                    + new java.util.LinkedHashSet<>(groups.values()) + ".");
        }
        return names;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
        Graphs.relieveMemoryPressure();
        Map<String, INDArray> ph = placeholders(inputs);
        ph.put(Unroller.TARGET, targets.castTo(dtype));
        putMask(ph, mask, targets);
        OutAndGrad result = sd.calculateGradientsAndOutputs(ph, List.of(Unroller.LOSS, Unroller.DATA_LOSS), variables);
        return new LossAndGradients(result.getOutputs().get(Unroller.LOSS).getDouble(0),
                result.getOutputs().get(Unroller.DATA_LOSS).getDouble(0), result.getGradients());
    }

    /** The loss for these data, without gradients. */
    public double loss(INDArray inputs, INDArray targets, INDArray mask) {
        Map<String, INDArray> ph = placeholders(inputs);
        ph.put(Unroller.TARGET, targets.castTo(dtype));
        putMask(ph, mask, targets);
        return sd.output(ph, Unroller.LOSS).get(Unroller.LOSS).getDouble(0);
    }

    /** Outputs [B, outputs, T] for inputs [B, inputs, T]. */
    @Override
    public INDArray forward(INDArray inputs) {
        return sd.output(placeholders(inputs), Unroller.OUTPUT).get(Unroller.OUTPUT);
    }

    /** The cell's observed activity [B, observedSize, T]: entry t is read after input t. */
    public INDArray observed(INDArray inputs) {
        return sd.output(placeholders(inputs), Unroller.OBSERVED).get(Unroller.OBSERVED).permute(1, 2, 0).dup();
    }

    private Map<String, INDArray> placeholders(INDArray inputs) {
        if (inputs.rank() != 3 || inputs.size(1) != cell.inputs() || inputs.size(2) != steps) {
            throw new IllegalArgumentException("Inputs of shape " + Arrays.toString(inputs.shape()) + " do not fit a model of "
                    + cell.inputs() + " inputs over " + steps + " steps ([batch, inputs, T]).");
        }
        long batch = inputs.size(0);
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(Unroller.INPUT, inputs.castTo(dtype));
        if (cell.noiseSize() > 0) {
            ph.put(Unroller.NOISE, normal(steps, batch, cell.noiseSize()));
        }
        for (StateSpec s : cell.states()) {
            if (s.start() == StateSpec.Start.RANDOM) {
                ph.put(s.initialName(), normal(batch, s.size()).muli(s.scale()));
            }
        }
        return ph;
    }

    private void putMask(Map<String, INDArray> ph, INDArray mask, INDArray targets) {
        LossMask.requireMaskedLoss(mask, loss.usesMask());
        if (loss.usesMask()) {
            ph.put(Unroller.MASK, LossMask.full(mask, targets, dtype));
        }
    }

    private INDArray normal(long... shape) {
        return noise.standardNormal(dtype, shape);
    }

    @Override
    public org.molap.dl4j.model.NoiseSource noise() {
        return noise;
    }
}
