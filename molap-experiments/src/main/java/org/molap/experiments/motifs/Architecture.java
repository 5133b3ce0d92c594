package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.List;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.MotorRateCell;

/**
 * Seed 001's architectures (sections 1.2-1.7, Table 1) on {@link MotorRateCell}: what each trains per motif and at
 * which size the paper runs it. The additive and multiplicative networks learn one motif at a time through that
 * motif's own columns (b_mu; b_mu, u_mu, v_mu), J and w fixed; the control network trains J, w and every b_mu on
 * all motifs at once. "+ prep" adds the preparatory module, trained once before any motif and frozen.
 */
enum Architecture {
    CONTROL("control", 50, false, false),
    /** The control network trained motif after motif with every weight: the paper's "not shown" forgetting (WI-1). */
    CONTROL_SEQUENTIAL("control, motif after motif", 50, false, false),
    ADDITIVE("additive", 300, false, false),
    MULTIPLICATIVE("multiplicative", 100, true, false),
    ADDITIVE_PREP("additive + prep", 300, false, true),
    MULTIPLICATIVE_PREP("multiplicative + prep", 100, true, true);

    final String label;
    final int paperUnits;
    final boolean loops;
    final boolean prep;

    Architecture(String label, int paperUnits, boolean loops, boolean prep) {
        this.label = label;
        this.paperUnits = paperUnits;
        this.loops = loops;
        this.prep = prep;
    }

    /** The fully tuned control network, trained on all motifs at once or motif after motif. */
    boolean controls() {
        return this == CONTROL || this == CONTROL_SEQUENTIAL;
    }

    /** The command line's name: control, control-sequential, additive, multiplicative, additive-prep, multiplicative-prep. */
    String id() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The cell's configuration at N units for M motifs, the module of rank P included when this has one. */
    MotorRateCell.Config config(int units, int motifs, int prepRank, double initialStd) {
        MotorRateCell.Config c = loops ? MotorRateCell.Config.multiplicative(units, motifs) : MotorRateCell.Config.additive(units, motifs);
        c = new MotorRateCell.Config(c.units(), c.motifs(), c.gain(), c.alpha(), c.noise(), initialStd, c.motifLoops(), c.loopGain(),
                c.prepRank(), c.inputs());
        return prep ? c.withPreparatoryModule(prepRank) : c;
    }

    /** The parameters that carry one motif's columns (Table 1's "motif-specific" ones). */
    List<String> motifParameters() {
        return loops ? List.of(MotorRateCell.B, MotorRateCell.U, MotorRateCell.V) : List.of(MotorRateCell.B);
    }

    /** The parameters shared by all motifs that training changes: the control network's J and w; none for the others. */
    List<String> sharedTrained() {
        return controls() ? List.of(MotorRateCell.J, Unroller.W_OUT) : List.of();
    }

    /**
     * Adam as the paper tunes it per architecture (section 1.2, appendix A.6.1): betas 0.5 and 0.5 for the small control
     * networks, whose recurrence itself trains; the given settings for the others.
     */
    org.molap.dl4j.train.Optimiser optimiser(org.molap.dl4j.train.Optimiser base) {
        return controls() ? base.withBetas(0.5, 0.5) : base;
    }

    static List<Architecture> list(String names) {
        List<Architecture> out = new ArrayList<>();
        for (String n : names.split(",")) {
            Architecture found = null;
            for (Architecture a : values()) {
                if (a.id().equals(n.trim())) {
                    found = a;
                }
            }
            if (found == null) {
                throw new org.molap.experiments.UsageException("Unknown architecture '" + n.trim() + "'; known: control, "
                        + "control-sequential, additive, multiplicative, additive-prep, multiplicative-prep.");
            }
            out.add(found);
        }
        return out;
    }
}
