package org.molap.dl4j.model;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** The graph variables of a model's parameters, by name. */
public final class Params {
    private final Map<String, SDVariable> variables;

    Params(Map<String, SDVariable> variables) {
        this.variables = Map.copyOf(variables);
    }

    public SDVariable get(String name) {
        SDVariable v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No parameter '" + name + "' declared; declared: " + variables.keySet() + ".");
        }
        return v;
    }
}
