package org.molap.experiments.parallel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.dl4j.train.Checkpoints;

/**
 * Trains the independent networks of a run that have no result yet (a resumed run keeps the finished ones): in this
 * JVM with one worker, else in child JVMs, one per core, in the order given (the slowest first). A network is
 * finished when its folder holds {@value #RESULT}. A child JVM trains one network through its experiment's
 * {@link org.molap.experiments.Experiment#runUnit}.
 */
public final class NetworkUnits {
    /** The folder of a run that holds one folder per network. */
    public static final String NETWORKS = "networks";
    public static final String RESULT = "result.json";
    /** The folder of a network that holds its checkpoints while it trains. */
    public static final String CHECKPOINTS = "checkpoints";
    /** A network in a child JVM saves its training state about once a minute. */
    static final long CHECKPOINT_MILLIS = 60_000;

    /** One network: a name, the folder its result goes to, the arguments of {@link Worker}, and how to train it here. */
    public interface Job {
        String name();

        Path dir();

        /** What {@link Worker#main} needs after the settings file: the experiment's unit arguments. */
        List<String> arguments();

        void run(PrintStream console);
    }

    /** How a run's networks are trained: in how many child JVMs at once (--workers), reusing which earlier runs' (--networks-from). */
    public record Plan(int workers, ReusedNetworks reuse) {
        /** The plan the options give, checked before the run directory is made. */
        public static Plan of(org.molap.experiments.Options options, String experiment, Map<String, Object> config) {
            return new Plan(options.positive("workers", ChildJvms.cores()), ReusedNetworks.of(options, experiment, config));
        }

        /** Copies the reusable networks into the run, then trains the others. */
        public void train(String experiment, Object settings, List<? extends Job> jobs, RunDirectory run, PrintStream console) {
            reuse.copy(jobs, run, console);
            NetworkUnits.train(experiment, settings, jobs, workers, run.path().resolve("logs"), console);
        }
    }

    /** Writes a network's result (a record) as {@value #RESULT} in its folder, atomically. */
    public static void writeResult(Path dir, Object result) {
        try {
            Files.createDirectories(dir);
            org.molap.core.run.AtomicFiles.write(dir.resolve(RESULT), RunDirectory.JSON.writeValueAsString(result));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dir.resolve(RESULT), e);
        }
    }

    /** The result a finished network left in its folder. */
    public static <T> T readResult(Path dir, Class<T> type) {
        try {
            return RunDirectory.JSON.readValue(dir.resolve(RESULT).toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dir.resolve(RESULT), e);
        }
    }

    /** Writes an array as {@code <dir>/<name>} (.npy, double precision), creating the folder. */
    public static void writeArray(Path dir, String name, org.nd4j.linalg.api.ndarray.INDArray array) {
        try {
            Files.createDirectories(dir);
            org.nd4j.linalg.factory.Nd4j.writeAsNumpy(array.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), dir.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dir.resolve(name), e);
        }
    }

    /** Appends each network's loss curve ({iteration, loss} points) to the run's metrics.jsonl, phase = network name. */
    public static void writeLossCurves(RunDirectory run, Map<String, double[][]> curves) {
        try (var metrics = run.openJsonLines(RunDirectory.METRICS)) {
            curves.forEach((network, curve) -> {
                for (double[] point : curve) {
                    metrics.write(Map.of("phase", network, "iteration", (int) point[0], "loss", point[1]));
                }
            });
        }
    }

    private NetworkUnits() {
    }

    /**
     * Wall-clock seconds a network has taken since {@code start} (System.nanoTime()), plus, for a network resumed
     * from its checkpoints, those the processes before took up to the checkpoint.
     */
    public static double seconds(long start) {
        Checkpoints store = Checkpoints.active();
        return store == null ? (System.nanoTime() - start) / 1e9 : store.elapsedSeconds();
    }

    /** The seeds of {@code networks} networks: first, first + 1, ... */
    public static List<Long> seeds(long first, int networks) {
        return java.util.stream.LongStream.range(first, first + networks).boxed().toList();
    }

    public static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve(RESULT));
    }

    /** Trains the unfinished jobs; {@code settings} is serialised for the child JVMs of {@code experiment}. */
    public static void train(String experiment, Object settings, List<? extends Job> jobs, int workers, Path logDir, PrintStream console) {
        List<Job> pending = new ArrayList<>(jobs.stream().filter(j -> !finished(j.dir())).toList());
        if (pending.size() < jobs.size()) {
            console.printf("%d of %d networks were trained before; training the other %d%n", jobs.size() - pending.size(),
                    jobs.size(), pending.size());
        }
        if (workers == 1 || pending.size() <= 1) {
            Checkpoints run = Checkpoints.active();
            pending.forEach(j -> checkpointed(run == null ? null : run.forUnit(j.dir().resolve(CHECKPOINTS)), j.dir(), console, () -> j.run(console)));
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = logDir.resolve("settings.json");
            RunDirectory.JSON.writeValue(file.toFile(), settings);
            List<ChildJvms.Job> children = new ArrayList<>();
            for (Job j : pending) {
                List<String> args = new ArrayList<>(List.of(experiment, file.toString(), j.dir().toString()));
                args.addAll(j.arguments());
                children.add(new ChildJvms.Job(j.name(), args, logDir.resolve(j.name() + ".log")));
            }
            ChildJvms.run(Worker.class, children, Math.min(workers, pending.size()), console);
        } catch (IOException e) {
            throw new UncheckedIOException("The networks' settings cannot be written to " + logDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trains a network with its own checkpoints in {@code <dir>/checkpoints} (a stopped network resumes from them),
     * removed once its result is written; {@code store} null: no checkpoints.
     */
    static void checkpointed(Checkpoints store, Path dir, PrintStream console, Runnable training) {
        if (store == null) {
            training.run();
            return;
        }
        if (store.resumePoint() != null) {
            console.printf("%s continues from its checkpoint at %s%n", dir.getFileName(), store.resumePoint());
        }
        try (Checkpoints.Active active = store.activate()) {
            training.run();
        }
        if (finished(dir) && Files.isDirectory(dir.resolve(CHECKPOINTS))) {       // none if no checkpoint was due
            try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve(CHECKPOINTS))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The checkpoints of the finished network in " + dir + " cannot be removed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The main of a child JVM: {@code Worker <experiment> <settings.json> <network folder> <unit arguments>...}. The
     * network checkpoints about once a minute in its folder and resumes from there when restarted.
     */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) {
            Path dir = Path.of(args[2]);
            checkpointed(Checkpoints.forUnit(dir.resolve(CHECKPOINTS), CHECKPOINT_MILLIS, 0), dir, System.out, () -> {
                try {
                    org.molap.experiments.Cli.experiment(args[0]).runUnit(Path.of(args[1]), Arrays.asList(args).subList(3, args.length),
                            System.out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
