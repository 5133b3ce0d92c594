package org.molap.experiments.nmrnn;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.parallel.ChildJvms;

/**
 * Trains the independent networks of a seed 003 run that have no result yet (a resumed run keeps the finished ones):
 * in this JVM with one worker, else in child JVMs, one per core, in the order given (the slowest first). A network
 * is finished when its folder holds {@value #RESULT}.
 */
final class NetworkUnits {
    static final String RESULT = "result.json";

    /** One network: a name, the folder its result goes to, the arguments of {@link Worker}, and how to train it here. */
    interface Job {
        String name();

        Path dir();

        /** What {@link Worker#main} needs after the settings file: the experiment's unit arguments. */
        List<String> arguments();

        void run(PrintStream console);
    }

    /** Trains one network of an experiment from its settings file and arguments (a child JVM's main calls it). */
    interface Experiment {
        void runUnit(Path settings, List<String> arguments, PrintStream console) throws IOException;
    }

    private NetworkUnits() {
    }

    static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve(RESULT));
    }

    /** Trains the unfinished jobs; {@code settings} is serialised for the child JVMs of {@code experiment}. */
    static void train(String experiment, Object settings, List<? extends Job> jobs, int workers, Path logDir, PrintStream console) {
        List<Job> pending = new ArrayList<>(jobs.stream().filter(j -> !finished(j.dir())).toList());
        if (pending.size() < jobs.size()) {
            console.printf("%d of %d networks were trained before; training the other %d%n", jobs.size() - pending.size(),
                    jobs.size(), pending.size());
        }
        if (workers == 1 || pending.size() <= 1) {
            pending.forEach(j -> j.run(console));
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = logDir.resolve("settings.json");
            RunDirectory.JSON.writeValue(file.toFile(), settings);
            List<ChildJvms.Job> children = new ArrayList<>();
            for (Job j : pending) {
                List<String> args = new ArrayList<>(List.of(experiment, file.toString()));
                args.addAll(j.arguments());
                children.add(new ChildJvms.Job(j.name(), args, logDir.resolve(j.name() + ".log")));
            }
            ChildJvms.run(Worker.class, children, Math.min(workers, pending.size()), console);
        } catch (IOException e) {
            throw new UncheckedIOException("The networks' settings cannot be written to " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** The main of a child JVM: {@code Worker <experiment> <settings.json> <unit arguments>...}. */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) throws IOException {
            Experiment e = switch (args[0]) {
                case "mwg" -> MwgNetwork::runUnit;
                case "element-finder" -> ElementFinderNetwork::runUnit;
                case "nm-multitask" -> MultitaskNetwork::runUnit;
                default -> throw new IllegalArgumentException("No seed 003 experiment '" + args[0] + "'.");
            };
            e.runUnit(Path.of(args[1]), Arrays.asList(args).subList(2, args.length), System.out);
        }
    }
}
