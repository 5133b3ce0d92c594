package org.molap.dl4j.model;

/**
 * One part of a cell's state ([batch, size]; an LSTM has two, h and c) and how it starts each trial:
 * at zero, at a fixed value, at a value learned as a parameter, drawn anew per trial from N(0, scale^2), or drawn
 * once per network and kept.
 */
public record StateSpec(String name, int size, Start start, double scale, String group) {

    public enum Start { ZERO, FIXED, LEARNED, RANDOM, DRAWN }

    public StateSpec {
        if (size <= 0) {
            throw new IllegalArgumentException("The state '" + name + "' needs a positive size, got " + size + ".");
        }
        if ((start == Start.RANDOM || start == Start.DRAWN) && !(scale > 0)) {
            throw new IllegalArgumentException("A random initial state needs a positive standard deviation, got " + scale + ".");
        }
    }

    public static StateSpec zero(String name, int size) {
        return new StateSpec(name, size, Start.ZERO, 0, null);
    }

    /** Every entry starts at {@code value}. */
    public static StateSpec fixed(String name, int size, double value) {
        return new StateSpec(name, size, Start.FIXED, value, null);
    }

    /** The initial state is a parameter {@code <name>0} [1, size] of this group, starting at zero. */
    public static StateSpec learned(String name, int size, String group) {
        return new StateSpec(name, size, Start.LEARNED, 0, group);
    }

    /** Each trial starts from independent N(0, std^2) entries (seed 001's random initial state). */
    public static StateSpec random(String name, int size, double std) {
        return new StateSpec(name, size, Start.RANDOM, std, null);
    }

    /**
     * The initial state is drawn once per network from N(0, std^2) and kept (seed 003's Element Finder models): a
     * parameter {@code <name>0} in the group {@value Unroller#FIXED}, which no training phase selects.
     */
    public static StateSpec drawn(String name, int size, double std) {
        return new StateSpec(name, size, Start.DRAWN, std, Unroller.FIXED);
    }

    /** The name of the learned initial state's parameter, or of the random initial state's placeholder. */
    public String initialName() {
        return name + "0";
    }
}
