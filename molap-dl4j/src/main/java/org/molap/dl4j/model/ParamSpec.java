package org.molap.dl4j.model;

import java.util.Arrays;

/**
 * One parameter of a cell or head: its name in the graph, its shape, how it starts, and the group that training
 * phases and freezing select it by ("core", "head", "motif.3", "nm", ...).
 */
public record ParamSpec(String name, long[] shape, Init init, String group) {
    public ParamSpec {
        if (name == null || name.isBlank() || shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("A parameter needs a name and a positive shape, got '" + name + "' "
                    + Arrays.toString(shape) + ".");
        }
        shape = shape.clone();
    }

    public static ParamSpec of(String name, String group, Init init, long... shape) {
        return new ParamSpec(name, shape, init, group);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long length() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
