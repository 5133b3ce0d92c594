package org.molap.core.perturb;

/**
 * The units of a recurrent network split into equal, contiguous modules (seed 000 section 3: N = 100 in two modules
 * of 50). Separate networks and DNI are split the same way for the modular perturbations, as the paper does.
 */
public record UnitPartition(int units, int modules) {
    public UnitPartition {
        if (units <= 0 || modules <= 0 || units % modules != 0) {
            throw new IllegalArgumentException("Cannot split " + units + " units into " + modules + " equal modules.");
        }
    }

    public int moduleSize() {
        return units / modules;
    }

    /** The module (0-based) unit {@code i} belongs to. */
    public int moduleOf(int i) {
        return i / moduleSize();
    }
}
