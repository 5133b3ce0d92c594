package org.molap.experiments.nmrnn;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.molap.experiments.parallel.NetworkUnits;

/** A seed 003 network of a model and a seed, as a {@link NetworkUnits.Job}: arguments {@code <model> <seed> <dir>}. */
record ModelUnit(NmModel model, long seed, Path dir, ModelUnit.Training training) implements NetworkUnits.Job {

    /** How an experiment trains one network of a model and a seed, writing its result into a folder. */
    interface Training {
        void train(NmModel model, long seed, Path dir, PrintStream console);
    }

    @Override
    public String name() {
        return model.id() + "-seed" + seed;
    }

    @Override
    public List<String> arguments() {
        return List.of(model.id(), Long.toString(seed), dir.toString());
    }

    @Override
    public void run(PrintStream console) {
        training.train(model, seed, dir, console);
    }

    /** Trains the unit that {@link #arguments()} describe. */
    static void run(List<String> arguments, Training training, PrintStream console) {
        training.train(NmModel.of(arguments.get(0)), Long.parseLong(arguments.get(1)), Path.of(arguments.get(2)), console);
    }
}
