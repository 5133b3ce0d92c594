package org.molap.experiments;

import org.molap.dl4j.train.TrainingDivergedException;
import org.molap.experiments.molap.MolapExperiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ./molap} command line. A user's mistake ends in one sentence on stderr and exit code 2.
 * The last line of a successful {@code run} is the run directory.
 */
public final class Cli {
    private static final Map<String, Experiment> EXPERIMENTS = new LinkedHashMap<>();

    static {
        register(new MolapExperiment());
        register(new org.molap.experiments.molap.MemoryExperiment());
        register(new org.molap.experiments.baselines.BaselinesExperiment());
        register(new org.molap.experiments.baselines.SeedSummary());
        register(new org.molap.experiments.robustness.RobustnessExperiment());
        register(new org.molap.experiments.generalization.GeneralizationExperiment());
        register(new org.molap.experiments.nmrnn.MwgExperiment());
        register(new org.molap.experiments.nmrnn.RankOneExperiment());
        register(new org.molap.experiments.nmrnn.MultitaskExperiment());
        register(new org.molap.experiments.nmrnn.ElementFinderExperiment());
        register(new org.molap.experiments.motifs.MotifsExperiment());
        register(new org.molap.experiments.disentangle.DisentangleExperiment());
    }

    private static void register(Experiment e) {
        EXPERIMENTS.put(e.name(), e);
    }

    /** The experiment of this name (a child JVM's worker looks its experiment up here). */
    public static Experiment experiment(String name) {
        Experiment e = EXPERIMENTS.get(name);
        if (e == null) {
            throw new IllegalArgumentException("No experiment '" + name + "'; known: " + EXPERIMENTS.keySet() + ".");
        }
        return e;
    }

    public static void main(String[] args) {
        singleThreadUnlessConfigured();
        try {
            System.exit(run(args, System.out, System.err));
        } catch (RuntimeException | Error onTheWayOut) {
            if (!RunLifecycle.stopping()) {
                throw onTheWayOut;
            }
            // a signal stopped the run and moved its directory: what training still tried to write failed; quiet
        }
    }

    /**
     * One ND4J thread unless the user chose otherwise: 2-4x faster for these small matrices on 2 cores
     * (REFERENCE.md section 5). The ./molap launcher also exports OMP_NUM_THREADS=1 for the native BLAS;
     * from an IDE, set it in the run configuration's environment.
     */
    static void singleThreadUnlessConfigured() {
        if (System.getenv("OMP_NUM_THREADS") == null) {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(1);
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(1);
        }
    }

    /** The IDE entry of one experiment: the same as {@code ./molap run <experiment> [args]}. */
    public static void runFromIde(String experiment, String[] args) {
        String[] full = new String[args.length + 2];
        full[0] = "run";
        full[1] = experiment;
        System.arraycopy(args, 0, full, 2, args.length);
        main(full);
    }

    /** Runs the CLI and returns its exit code (0 success, 2 user error, 1 unexpected failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = Arrays.asList(args);
        try {
            boolean experimentHelp = (a.size() > 2 && a.get(0).equals("run")) || (a.size() > 1 && List.of("bench", "ui").contains(a.get(0)));
            if (a.isEmpty() || (!experimentHelp && (a.contains("--help") || a.contains("-h"))) || a.get(0).equals("help")) {
                out.print(help());
                return 0;
            }
            switch (a.get(0)) {
                case "run" -> {
                    if (a.size() < 2 || a.get(1).startsWith("--")) {
                        throw new UsageException("Name an experiment to run: " + String.join(", ", EXPERIMENTS.keySet()) + ".");
                    }
                    Experiment e = EXPERIMENTS.get(a.get(1));
                    if (e == null) {
                        throw new UsageException("Unknown experiment '" + a.get(1) + "'; available: " + String.join(", ", EXPERIMENTS.keySet()) + ".");
                    }
                    Options options = RunCommandLine.parse(e, a.subList(2, a.size()), out);
                    if (options == null) {
                        return 0;       // its --help
                    }
                    Path dir = e.run(options, out);
                    out.println(dir.toAbsolutePath().normalize());
                    return 0;
                }
                case "bench" -> {
                    Options options = RunCommandLine.parse(new RunCommandLine.Command("bench",
                            "Times a training iteration of our engines, SameDiff, DL4J and PyTorch against the physical limit",
                            RunOption.BENCH), a.subList(1, a.size()), out);
                    if (options != null) {
                        out.println(org.molap.experiments.bench.BenchCommand.run(options, out).toAbsolutePath().normalize());
                    }
                    return 0;
                }
                case "ui" -> {
                    org.molap.experiments.ui.TrainingUi ui = org.molap.experiments.ui.UiCommand.start(a.subList(1, a.size()), out);
                    if (ui != null) {
                        out.println("DL4J training UI running; stop it with Ctrl-C.");
                        Runtime.getRuntime().addShutdownHook(new Thread(ui::stop));
                        Thread.currentThread().join();
                    }
                    return 0;
                }
                case "readme" -> {
                    if (a.size() > 1) {
                        throw new UsageException("readme takes no options: it rewrites README.md's tables from results/.");
                    }
                    Path root = Path.of(System.getProperty("molap.home", "."));
                    out.println(org.molap.experiments.readme.ReadmeTables.update(root)
                            ? "README.md: tables regenerated from results/" : "README.md: tables already match results/");
                    return 0;
                }
                case "resume" -> {
                    if (a.size() != 2) {
                        throw new UsageException("resume takes one run directory: ./molap resume <run-dir>.");
                    }
                    Path dir = Resume.run(Path.of(a.get(1)), EXPERIMENTS, out);
                    out.println(dir.toAbsolutePath().normalize());
                    return 0;
                }
                case "keep" -> {
                    if (a.size() != 3) {
                        throw new UsageException("keep takes a run directory and the file to write: ./molap keep <run-dir> results/<name>.json.");
                    }
                    org.molap.experiments.readme.KeptResult.keep(Path.of(a.get(1)), Path.of(a.get(2)));
                    out.println("kept " + a.get(1) + " as " + a.get(2));
                    return 0;
                }
                case "runs" -> {
                    RunsCommand.list(runsFolder(a.subList(1, a.size())), out);
                    return 0;
                }
                case "list" -> {
                    EXPERIMENTS.values().forEach(e -> out.printf("%-12s %s%n", e.name(), e.summary()));
                    return 0;
                }
                default -> throw new UsageException("Unknown command '" + a.get(0) + "'; use run, resume, runs, ui, bench, readme, keep or list (see ./molap --help).");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (UsageException | IllegalArgumentException | TrainingDivergedException e) {
            err.println("molap: " + oneLine(e.getMessage()));
            return 2;
        } catch (java.io.UncheckedIOException e) {     // a full disk, a folder that became unwritable
            String message = oneLine(e.getMessage());
            err.println("molap: " + message + (message.endsWith(".") ? "" : "."));
            return 2;
        }
    }

    /** A message on one line (a parser's message may carry the offending line and a caret below it). */
    static String oneLine(String message) {
        return message == null ? "an error without a message" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** runs [--out <folder>]: the folder, ./runs by default. */
    private static Path runsFolder(List<String> args) {
        if (args.isEmpty()) {
            return Path.of("runs");
        }
        if (args.size() == 2 && args.get(0).equals("--out")) {
            return Path.of(args.get(1));
        }
        throw new UsageException("runs takes only --out <folder> (default: runs).");
    }

    static String help() {
        StringBuilder s = new StringBuilder();
        s.append("""
                MoLaP: modular latent primitives and other systems-neuroscience RNNs on Deeplearning4j.

                Usage:
                  ./molap run <experiment> [--config <file>] [--profile quick|paper] [--out <dir>] [--seed <n>] [options]
                  ./molap run <experiment> --help
                  ./molap bench [--problems molap|families|all] [--repeats <n>] [--alpha <a>] [--sweep] [--out <file.json>]
                  ./molap resume <run-dir>        continues an interrupted, failed or killed run from its last checkpoint
                  ./molap runs [--out <folder>]   the runs of a folder: status (stale when killed), duration, headline
                  ./molap ui <run-dir>... [--port <n>] [--host <address>] [--live]   the DL4J training UI for runs
                  ./molap readme                  rewrites README.md's results tables from the files in results/
                  ./molap keep <run-dir> <file>   keeps a complete run's results as one file for those tables
                  ./molap list
                  ./molap --help

                Experiments:
                """);
        EXPERIMENTS.values().forEach(e -> s.append(String.format("  %-12s %s%n", e.name(), e.summary())));
        s.append("""

                Options: each experiment takes its own (./molap run <experiment> --help lists them, with their
                defaults and where those come from), on the command line or in a YAML or JSON file given as
                --config <file>; flags override the file. An unknown or repeated option is an error.

                A run writes <out>/<experiment>-<yyyyMMdd-HHmmss>/ (manifest.json, results.json,
                metrics.jsonl, models/, arrays/, figures/, report.html, notebook.ipynb) and prints its path last.
                """);
        return s.toString();
    }
}
