package org.molap.experiments;

import java.io.PrintStream;
import java.nio.file.Path;

/** One runnable experiment of the CLI; each also has a plain main for IDE use. */
public interface Experiment {
    String name();

    String summary();

    /** The options it takes (besides --config and --help), each with its default and source in the help. */
    java.util.List<RunOption> options();

    /** Runs the experiment into a new run directory under {@code options.out()} and returns its path. */
    Path run(Options options, PrintStream console);

    /**
     * Trains one of the run's independent networks in a child JVM ({@link org.molap.experiments.parallel.NetworkUnits}):
     * the run's settings file and the unit's arguments. Experiments without such units have none.
     */
    default void runUnit(Path settings, java.util.List<String> arguments, PrintStream console) throws java.io.IOException {
        throw new UnsupportedOperationException("The experiment " + name() + " trains no networks in child JVMs.");
    }
}
