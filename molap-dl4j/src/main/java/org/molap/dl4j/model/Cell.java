package org.molap.dl4j.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.List;

/**
 * One recurrent architecture as the {@link Unroller} sees it: the parameters it declares, the parts of its state
 * and how they start, the part of the input that does not depend on the state (computed for all steps in one
 * product), and one time step as SameDiff ops. The readout is not the cell's: every model reads the cell's
 * {@link #observed} activity through one linear head (W_out, b_out), which the unroller adds.
 */
public interface Cell {

    /** The cell's parameters (not the head's). */
    List<ParamSpec> parameters();

    /** The parts of the state, each [batch, size]; one for most cells, (h, c) for an LSTM. */
    List<StateSpec> states();

    /** Inputs per step the cell expects (the task's input channels). */
    int inputs();

    /** Variables computed once per graph from the parameters, before the steps (default: none). */
    default Params derive(SameDiff sd, Params p) {
        return p;
    }

    /**
     * The state-independent drive for all steps at once: inputs [T*B, inputs] to [T*B, D] (an input projection, an
     * encoder). Default: the inputs themselves.
     */
    default SDVariable drive(SameDiff sd, Params p, SDVariable inputs) {
        return inputs;
    }

    /** Width D of what {@link #drive} returns. */
    default int driveSize() {
        return inputs();
    }

    /** Independent standard-normal draws the step receives per step and trial (process noise); 0 for none. */
    default int noiseSize() {
        return 0;
    }

    /** The next state, one SDVariable per part of {@link #states()}. */
    SDVariable[] step(Step s);

    /** What the readout and the activity regulariser see, [batch, {@link #observedSize()}]. Default: the first part of the state. */
    default SDVariable observed(SameDiff sd, Params p, SDVariable[] state) {
        return state[0];
    }

    default int observedSize() {
        return states().get(0).size();
    }

    /** How the readout W_out starts; default N(0, 1 / (observed + 1)), the fan-in scale of seed 000's code. */
    default Init readoutInit() {
        return Init.normal(1 / Math.sqrt(observedSize() + 1.0));
    }

    /** How the readout bias b_out starts; default 0. */
    default Init readoutBiasInit() {
        return Init.zeros();
    }

    /**
     * False for a model read out without bias (seed 003's LSTM and Element Finder models): b_out then stays 0 in the
     * group {@value Unroller#FIXED}, which no training phase selects and no parameter count includes.
     */
    default boolean readoutBias() {
        return true;
    }

    /**
     * One step's inputs: the graph, the parameters, the state before the step, this step's drive [B, D], this step's
     * raw inputs [B, inputs] (gates and trial labels that a step reads), its standard-normal noise [B, noiseSize]
     * (null without noise), and the step index t (0-based; terms switched on and off by fixed time windows read it).
     */
    record Step(SameDiff sd, Params params, SDVariable[] state, SDVariable drive, SDVariable input, SDVariable noise,
                int t) {
        public SDVariable param(String name) {
            return params.get(name);
        }
    }
}
