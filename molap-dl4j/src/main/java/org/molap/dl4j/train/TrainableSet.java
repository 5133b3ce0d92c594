package org.molap.dl4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Freezing as data (DESIGN.md): the variables a training phase may change, each with an optional element
 * mask (1 = trainable entry, 0 = frozen). Variables not named here are frozen whole. Pre-training module k,
 * head training and full training are three trainable sets for one {@link Trainer}.
 */
public final class TrainableSet {
    private final Map<String, INDArray> masks = new LinkedHashMap<>();

    public static TrainableSet of(String... variables) {
        TrainableSet set = new TrainableSet();
        for (String v : variables) {
            set.all(v);
        }
        return set;
    }

    /** These variables, whole: e.g. a phase that trains some parameter groups, {@code of(model.parametersIn("lr", "head"))}. */
    public static TrainableSet of(java.util.Collection<String> variables) {
        return of(variables.toArray(String[]::new));
    }

    /** Every entry of the variable is trainable. */
    public TrainableSet all(String variable) {
        masks.put(variable, null);
        return this;
    }

    /** Only the entries where the mask is 1 are trainable. */
    public TrainableSet masked(String variable, INDArray mask) {
        masks.put(variable, mask);
        return this;
    }

    public Iterable<String> variables() {
        return Collections.unmodifiableSet(masks.keySet());
    }

    /** The element mask, or null when the whole variable trains. */
    public INDArray mask(String variable) {
        return masks.get(variable);
    }

    /**
     * Whether every entry this set freezes is bitwise the same in {@code after} as in {@code before} (parameter values by
     * name): the variables it does not name, and the masked-out entries of those it masks.
     */
    public boolean frozenUnchanged(Map<String, INDArray> before, Map<String, INDArray> after) {
        for (Map.Entry<String, INDArray> e : before.entrySet()) {
            if (masks.containsKey(e.getKey()) && masks.get(e.getKey()) == null) {
                continue;                                        // the whole variable trains
            }
            double[] was = e.getValue().data().asDouble();
            double[] now = after.get(e.getKey()).data().asDouble();
            INDArray mask = masks.get(e.getKey());
            double[] trains = mask == null ? new double[was.length] : mask.data().asDouble();
            for (int i = 0; i < was.length; i++) {
                if (trains[i] == 0 && Double.doubleToLongBits(was[i]) != Double.doubleToLongBits(now[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of scalar entries that one update changes in a variable of the given length. */
    public long trainableEntries(String variable, long length) {
        INDArray mask = masks.get(variable);
        return mask == null ? length : mask.neq(0).castTo(org.nd4j.linalg.api.buffer.DataType.LONG).sumNumber().longValue();
    }
}
