package org.molap.experiments.nmrnn;

import org.molap.experiments.molap.LossCurve;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;

/**
 * {@code ./molap run mwg}: seed 003's rank-3 Measure-Wait-Go comparison (supplement C.2-C.3, main Fig. 3, Supp.
 * Figs. 1-2). Trains the NM-RNN, the LR-RNN, the vanilla RNN and the LSTM, parameter-matched, on the 40 trials of
 * four intervals, several networks each, one network per core; scores every network on the trained intervals and on
 * shorter and longer ones (MSE, produced interval); compares the models over networks.
 */
public final class MwgExperiment implements Experiment {

    @Override
    public String name() {
        return "mwg";
    }

    @Override
    public String summary() {
        return "Measure-Wait-Go (seed 003): NM-RNN against LR-RNN, RNN and LSTM on trained and extrapolated intervals";
    }

    @Override
    public List<RunOption> options() {
        return List.of(RunOption.NM_PROFILE, RunOption.OUT, RunOption.SEED, RunOption.NM_MODELS, RunOption.NETWORKS,
                RunOption.ADAM_RESET, RunOption.RNN_LR, RunOption.LOW_RANK_SCALE, RunOption.WORKERS, RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
    }

    @Override
    public void runUnit(Path settings, List<String> arguments, PrintStream console) throws java.io.IOException {
        MwgNetwork.runUnit(settings, arguments, console);
    }

    /** IDE entry point: the same as {@code ./molap run mwg [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("mwg", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MwgSettings s = MwgSettings.of(options);
        Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
        NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
        Map<String, Object> seeds = Map.of("networks", s.seeds());
        return RunLifecycle.execute(options, name(), config, seeds, run -> execute(s, plan, run, console));
    }

    private void execute(MwgSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
        Path unitsDir = run.path().resolve(NetworkUnits.NETWORKS);
        List<ModelUnit> units = new ArrayList<>();
        for (long seed : s.seeds()) {                // seed by seed: a run stopped early has every model at its first seeds
            for (NmModel model : s.models().stream().sorted().toList()) {  // the NM-RNN, with its three phases, first
                units.add(MwgNetwork.unit(model, seed, unitsDir.resolve(model.id() + "-seed" + seed), s));
            }
        }
        plan.train(name(), s, units, run, console);
        Map<NmModel, List<MwgNetwork.Result>> results = new LinkedHashMap<>();
        for (ModelUnit u : units) {
            results.computeIfAbsent(u.model(), m -> new ArrayList<>()).add(MwgNetwork.read(u.dir()));
        }
        MwgSummary summary = MwgSummary.of(results);
        Map<String, double[][]> curves = new LinkedHashMap<>();
        results.values().forEach(rs -> rs.forEach(r -> curves.put(r.model() + "-seed" + r.seed(), r.lossCurve())));
        NetworkUnits.writeLossCurves(run, curves);
        MwgFigures.write(run, results, units, console);
        run.writeJson(RunDirectory.RESULTS, summary.results(s));
        summary.print(console);
    }
}
