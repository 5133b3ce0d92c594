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
    }

    private static void register(Experiment e) {
        EXPERIMENTS.put(e.name(), e);
    }

    public static void main(String[] args) {
        singleThreadUnlessConfigured();
        System.exit(run(args, System.out, System.err));
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
            if (a.isEmpty() || a.contains("--help") || a.contains("-h") || a.get(0).equals("help")) {
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
                    Path dir = e.run(Options.parse(a.subList(2, a.size())), out);
                    out.println(dir.toAbsolutePath().normalize());
                    return 0;
                }
                case "bench" -> {
                    out.println(org.molap.experiments.bench.BenchCommand.run(a.subList(1, a.size()), out).toAbsolutePath().normalize());
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
                default -> throw new UsageException("Unknown command '" + a.get(0) + "'; use run, runs, bench or list (see ./molap --help).");
            }
        } catch (UsageException | IllegalArgumentException | TrainingDivergedException e) {
            err.println("molap: " + e.getMessage());
            return 2;
        }
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
                  ./molap run <experiment> [--profile quick|paper] [--out <dir>] [--seed <n>] [options]
                  ./molap bench [--problems molap|families|all] [--repeats <n>] [--alpha <a>] [--sweep] [--out <file.json>]
                  ./molap runs [--out <folder>]   the runs of a folder: status (stale when killed), duration, headline
                  ./molap list
                  ./molap --help

                Experiments:
                """);
        EXPERIMENTS.values().forEach(e -> s.append(String.format("  %-12s %s%n", e.name(), e.summary())));
        s.append("""

                Options:
                  --profile quick|paper  quick (default) finishes in a few minutes; paper uses the seed's settings
                  --out <dir>            parent of the new run directory (default: runs)
                  --seed <n>             seed of the network, the training data and the test sets (default: 1)
                  --tasks <a,b,...>      train and score only these tasks (names or T1..T9; default: all nine)
                  --modules <n>          number of modules (must divide the number of units)
                  --units <n>            number of recurrent units
                  --g <x>                gain of the random recurrent weights (default 1.5)
                  --alpha <a>            leak dt/tau of h <- (1-a) h + a tanh(...) (default 0.2, Yang et al. 2019;
                                         1 is seed 000 Eq. 1 without a leak)
                  --primitives cca|pca|none  latent primitives for module pre-training (default cca; none skips it)
                  --primitive-channels all|no-fixation  fit the primitives on every channel (default) or without
                                         the fixation channels
                  --mem-delay real|none  Mem Pro/Anti with a memory delay (default) or, as in the authors' code,
                                         with the stimulus on until the go cue
                  --context-streams independent|same-angles  two-stream tasks: independent angles (default) or,
                                         as in the authors' code, cos and sin of the same angles
                  --core <run-dir>       memory: also probe the pre-trained W_rec of a molap run
                  --engine bptt|samediff hand-derived BPTT (default, faster) or the SameDiff graph; same math
                  --iterations <n>       iterations of every training phase, or of every stage (overrides the profile)
                  --methods <a,b,...>    baselines: molap, separate, dni, molap_no_pretraining, molap_pca (default: all)
                  --dni-alpha <a>        baselines: strength of DNI's projections (default 1e-3)
                  --runs <dirs>          summary: baselines run directories, or folders of them, comma-separated
                  --stages <n>           learning-rate stages of --iterations each, the rate divided by 3 after each
                                         (seed 000 Table 2; quick 1, paper 5 for pre-training and 10 for tasks)

                A run writes <out>/<experiment>-<yyyyMMdd-HHmmss>/ (manifest.json, results.json,
                metrics.jsonl, models/, arrays/, figures/, report.html, notebook.ipynb) and prints its path last.
                """);
        return s.toString();
    }
}
