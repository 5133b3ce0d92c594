package org.molap.experiments.motifs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.motifs.Motif;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.parallel.NetworkUnits;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code ./molap run motifs}: seed 001's continually learned motor motifs (Logiaco and Escola). Every architecture
 * learns the same motif set per network seed (its J and w drawn from the seed), the ones with the thalamic preparatory
 * module train it first; each network is then tested from random starts and after every other motif (zero-shot
 * chaining). Networks train one per core.
 */
public final class MotifsExperiment implements Experiment {

    @Override
    public String name() {
        return "motifs";
    }

    @Override
    public String summary() {
        return "Motor motifs (seed 001): motifs learned one by one, zero-shot chaining, the thalamic preparatory module";
    }

    @Override
    public List<RunOption> options() {
        return List.of(RunOption.MOTOR_PROFILE, RunOption.OUT, RunOption.SEED, RunOption.ARCHITECTURES, RunOption.PREP,
                RunOption.MOTIF_FAMILY, RunOption.MOTOR_NETWORKS, RunOption.MOTOR_ITERATIONS, RunOption.MOTOR_UNITS, RunOption.INITIAL_STD,
                RunOption.WORKERS, RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
    }

    @Override
    public void runUnit(Path settings, List<String> arguments, PrintStream console) throws IOException {
        MotifUnit.run(settings, arguments, console);
    }

    /** IDE entry point: the same as {@code ./molap run motifs [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("motifs", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MotifSettings s = MotifSettings.of(options);
        Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
        NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
        return RunLifecycle.execute(options, name(), config, Map.of("networks", s.seeds()), run -> execute(s, plan, run, console));
    }

    private void execute(MotifSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
        List<MotifUnit> units = new ArrayList<>();
        for (long seed : s.seeds()) {
            writeMotifs(run, seed, s.motifSet(seed));
        }
        for (long seed : s.seeds()) {                // seed by seed: a run stopped early has every architecture at its first seeds
            for (Architecture a : s.architectureList()) {
                units.add(new MotifUnit(a, seed, run.path().resolve(NetworkUnits.NETWORKS).resolve(a.id() + "-seed" + seed), s));
            }
        }
        plan.train(name(), s, units, run, console);
        Map<Architecture, List<MotifNetwork.Result>> results = new LinkedHashMap<>();
        units.forEach(u -> results.computeIfAbsent(u.architecture(), a -> new ArrayList<>()).add(MotifUnit.read(u.dir())));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        results.values().forEach(rs -> rs.forEach(r -> curves.put(r.architecture() + "-seed" + r.seed(), r.lossCurve())));
        NetworkUnits.writeLossCurves(run, curves);
        MotifSummary summary = MotifSummary.of(results, s);
        MotifFigures.write(run, results, units, s);
        run.writeJson(RunDirectory.RESULTS, summary.json(s));
        summary.print(console);
    }

    /** The motif set of a seed as arrays/motifs_seed<k>.npy [motif, longest] (zeros after each motif's end) and its lengths. */
    private static void writeMotifs(RunDirectory run, long seed, List<Motif> motifs) {
        int longest = motifs.stream().mapToInt(Motif::length).max().orElseThrow();
        double[][] padded = new double[motifs.size()][longest];
        double[] lengths = new double[motifs.size()];
        for (int m = 0; m < motifs.size(); m++) {
            System.arraycopy(motifs.get(m).values(), 0, padded[m], 0, motifs.get(m).length());
            lengths[m] = motifs.get(m).length();
        }
        NetworkUnits.writeArray(run.arrays(), "motifs_seed" + seed + ".npy", Nd4j.createFromArray(padded));
        NetworkUnits.writeArray(run.arrays(), "motif_lengths_seed" + seed + ".npy", Nd4j.createFromArray(lengths));
    }
}
