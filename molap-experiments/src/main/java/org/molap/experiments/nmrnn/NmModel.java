package org.molap.experiments.nmrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.molap.experiments.UsageException;

/** The four models seed 003 compares (B.1), by their command-line names. */
public enum NmModel {
    NM_RNN("nm", "NM-RNN"),
    LR_RNN("lr", "LR-RNN"),
    RNN("rnn", "RNN"),
    LSTM("lstm", "LSTM");

    private final String id;
    private final String label;

    NmModel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command-line name: nm, lr, rnn or lstm. */
    public String id() {
        return id;
    }

    /** The paper's name, e.g. "NM-RNN". */
    public String label() {
        return label;
    }

    public static NmModel of(String id) {
        for (NmModel m : values()) {
            if (m.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new UsageException("Unknown model '" + id + "': the models are nm, lr, rnn and lstm.");
    }

    /** A comma-separated list of models, in the order given; an empty or repeated entry is a mistake. */
    public static List<NmModel> list(String ids) {
        List<NmModel> models = new ArrayList<>();
        for (String id : ids.split(",", -1)) {
            if (id.isBlank()) {
                throw new UsageException("Option --models has an empty entry in '" + ids + "'.");
            }
            NmModel m = of(id);
            if (models.contains(m)) {
                throw new UsageException("Option --models names " + m.id + " twice.");
            }
            models.add(m);
        }
        return models;
    }
}
