package org.molap.dl4j.model;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/** The graph variables of a model's parameters, by name. */
public final class Params {
    private final Map<String, SDVariable> variables;

    Params(Map<String, SDVariable> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** These variables and one more, derived from them once per graph (an orthonormal factor, a scaled matrix). */
    public Params with(String name, SDVariable derived) {
        Map<String, SDVariable> m = new java.util.HashMap<>(variables);
        if (m.put(name, derived) != null) {
            throw new IllegalArgumentException("'" + name + "' is already a parameter.");
        }
        return new Params(m);
    }

    public SDVariable get(String name) {
        SDVariable v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No parameter '" + name + "' declared; declared: " + variables.keySet() + ".");
        }
        return v;
    }
}
