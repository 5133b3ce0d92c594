package org.molap.experiments.nmrnn;

import org.molap.experiments.molap.LossCurve;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.MannWhitney;
import org.molap.core.stats.Quartiles;
import org.molap.core.tasks.nm.ProAnti;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.summary.Claim;

/**
 * {@code ./molap run nm-multitask}: seed 003's multitask experiment (supplement C.2-C.3, main Fig. 4, Supp. Figs.
 * 3-4): the four models learn Delay Pro, Delay Anti and Memory Pro with context channels, then Memory Anti through
 * a new context channel, the NM-RNN by retraining only its neuromodulatory subnetwork, the baselines only their
 * input weights; percent correct per task before and after.
 */
public final class MultitaskExperiment implements Experiment {
    static final double TRAINED_LEVEL = 0.8;
    static final double RETRAINED_LEVEL = 0.6;
    static final double ALPHA = 0.05;

    @Override
    public String name() {
        return "nm-multitask";
    }

    @Override
    public String summary() {
        return "Delay/Memory Pro/Anti (seed 003): Memory Anti learned by retraining only the NM-RNN's neuromodulation";
    }

    @Override
    public List<RunOption> options() {
        return List.of(RunOption.NM_PROFILE, RunOption.OUT, RunOption.SEED, RunOption.NM_MODELS, RunOption.NETWORKS,
                RunOption.NM_ITERATIONS, RunOption.RETRAIN_ITERATIONS, RunOption.MATCHED, RunOption.WORKERS, RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
    }

    @Override
    public void runUnit(Path settings, List<String> arguments, PrintStream console) throws java.io.IOException {
        MultitaskNetwork.runUnit(settings, arguments, console);
    }

    public static void main(String[] args) {
        Cli.runFromIde("nm-multitask", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MultitaskSettings s = MultitaskSettings.of(options);
        Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
        NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
        return RunLifecycle.execute(options, name(), config, Map.of("networks", s.seeds(), "test", MultitaskNetwork.TEST_SEED,
                        "test_25_per_task", MultitaskNetwork.SMALL_TEST_SEED),
                run -> execute(s, plan, run, console));
    }

    private void execute(MultitaskSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
        List<ModelUnit> units = new ArrayList<>();
        for (long seed : s.seeds()) {                // seed by seed: a run stopped early has every model at its first seeds
            for (NmModel model : s.models().stream().sorted().toList()) {
                units.add(MultitaskNetwork.unit(model, seed, run.path().resolve(NetworkUnits.NETWORKS).resolve(model.id() + "-seed" + seed), s));
            }
        }
        plan.train(name(), s, units, run, console);
        Map<NmModel, List<MultitaskNetwork.Result>> results = new LinkedHashMap<>();
        units.forEach(u -> results.computeIfAbsent(u.model(), m -> new ArrayList<>()).add(MultitaskNetwork.read(u.dir())));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        results.values().forEach(rs -> rs.forEach(r -> curves.put(r.model() + "-seed" + r.seed(), r.lossCurve())));
        NetworkUnits.writeLossCurves(run, curves);
        List<Claim> claims = claims(results);
        MultitaskFigures.write(run, results, units);
        run.writeJson(RunDirectory.RESULTS, results(s, results, claims));
        print(results, claims, console);
    }

    /** Mean percent correct over the three trained tasks, after training. */
    static double trainedMean(MultitaskNetwork.Result r) {
        return r.trained().values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double memoryAnti(MultitaskNetwork.Result r) {
        return r.retrained().get(ProAnti.MEMORY_ANTI.label());
    }

    static Quartiles quartiles(List<MultitaskNetwork.Result> rs, ToDoubleFunction<MultitaskNetwork.Result> score) {
        return Quartiles.of(rs.stream().mapToDouble(score).toArray());
    }

    static List<Claim> claims(Map<NmModel, List<MultitaskNetwork.Result>> results) {
        List<Claim> claims = new ArrayList<>();
        List<MultitaskNetwork.Result> nm = results.get(NmModel.NM_RNN);
        if (nm != null) {
            Quartiles q = quartiles(nm, MultitaskExperiment::trainedMean);
            claims.add(new Claim("The NM-RNN learns the three tasks", "median over networks of the mean percent correct (atan2) "
                    + "on Delay Pro, Delay Anti and Memory Pro >= " + (int) (100 * TRAINED_LEVEL) + "% (provisional threshold)",
                    q.median() >= TRAINED_LEVEL, String.format("%.1f%% (quartiles %.1f-%.1f)", 100 * q.median(), 100 * q.q1(), 100 * q.q3())));
            Quartiles anti = quartiles(nm, MultitaskExperiment::memoryAnti);
            double[] nmAnti = nm.stream().mapToDouble(MultitaskExperiment::memoryAnti).toArray();
            for (NmModel baseline : List.of(NmModel.LR_RNN, NmModel.RNN, NmModel.LSTM)) {
                List<MultitaskNetwork.Result> other = results.get(baseline);
                if (other == null) {
                    continue;
                }
                Quartiles otherAnti = quartiles(other, MultitaskExperiment::memoryAnti);
                MannWhitney.Result test = MannWhitney.test(nmAnti, other.stream().mapToDouble(MultitaskExperiment::memoryAnti).toArray());
                // the smallest one-sided p two groups of these sizes can give: 1 / C(n + m, n)
                double smallest = 1 / org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientDouble(nm.size() + other.size(),
                        nm.size());
                claims.add(new Claim("Memory Anti is learned by retraining only the NM-RNN's neuromodulation, better than the "
                        + baseline.label() + "'s input-only retraining", "NM-RNN median percent correct on Memory Anti >= "
                        + (int) (100 * RETRAINED_LEVEL) + "% and above the " + baseline.label() + "'s, one-sided Mann-Whitney p < "
                        + ALPHA, anti.median() >= RETRAINED_LEVEL && anti.median() > otherAnti.median() && test.pGreater() < ALPHA,
                        String.format("%.1f%% (quartiles %.1f-%.1f) against %.1f%% (%.1f-%.1f); p = %.3g, %d against %d networks%s",
                                100 * anti.median(), 100 * anti.q1(), 100 * anti.q3(), 100 * otherAnti.median(), 100 * otherAnti.q1(),
                                100 * otherAnti.q3(), test.pGreater(), nm.size(), other.size(), smallest >= ALPHA
                                        ? String.format(" (no p below %.3g is possible with so few networks)", smallest) : "")));
            }
        }
        boolean unchanged = results.values().stream().flatMap(List::stream).allMatch(MultitaskNetwork.Result::othersUnchanged);
        claims.add(new Claim("Retraining changes only the neuromodulatory group (NM-RNN) or the input weights (baselines)",
                "every entry outside them bitwise as before retraining, in every network", unchanged,
                unchanged ? "all networks" : "some network changed another entry"));
        return claims;
    }

    private static Map<String, Object> results(MultitaskSettings s, Map<NmModel, List<MultitaskNetwork.Result>> results, List<Claim> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", "nm-multitask");
        out.put("profile", s.profile());
        Map<String, Object> models = new LinkedHashMap<>();
        results.forEach((model, rs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", model.label());
            m.put("parameters", rs.get(0).parameters());
            m.put("retrained_entries", rs.get(0).retrainedEntries());
            m.put("trained", perTask(rs, MultitaskNetwork.Result::trained));
            m.put("trained_arctan", perTask(rs, MultitaskNetwork.Result::trainedArctan));
            m.put("retrained", perTask(rs, MultitaskNetwork.Result::retrained));
            m.put("retrained_arctan", perTask(rs, MultitaskNetwork.Result::retrainedArctan));
            m.put("trained_25_per_task", perTask(rs, MultitaskNetwork.Result::trained25));
            m.put("retrained_25_per_task", perTask(rs, MultitaskNetwork.Result::retrained25));
            m.put("seconds", rs.stream().mapToDouble(MultitaskNetwork.Result::seconds).toArray());
            models.put(model.id(), m);
        });
        out.put("models", models);
        out.put("claims", claims.stream().map(Claim::json).toList());
        return out;
    }

    /** Per task: median, quartiles and every network's fraction correct. */
    static Map<String, Object> perTask(List<MultitaskNetwork.Result> rs, java.util.function.Function<MultitaskNetwork.Result, Map<String, Double>> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String task : f.apply(rs.get(0)).keySet()) {
            double[] v = rs.stream().mapToDouble(r -> f.apply(r).get(task)).toArray();
            Quartiles q = Quartiles.of(v);
            out.put(task, Map.of("median", q.median(), "q1", q.q1(), "q3", q.q3(), "networks", v));
        }
        return out;
    }

    private static void print(Map<NmModel, List<MultitaskNetwork.Result>> results, List<Claim> claims, PrintStream console) {
        console.printf("%n%-8s %6s %9s %9s %9s | %9s %9s %9s %9s%n", "model", "params", "DelayPro", "DelayAnti", "MemoryPro",
                "DelayPro", "DelayAnti", "MemoryPro", "MemAnti");
        results.forEach((model, rs) -> {
            StringBuilder row = new StringBuilder(String.format("%-8s %6d", model.label(), rs.get(0).parameters()));
            for (String t : rs.get(0).trained().keySet()) {
                row.append(String.format(" %8.1f%%", 100 * quartiles(rs, r -> r.trained().get(t)).median()));
            }
            row.append(" |");
            for (String t : rs.get(0).retrained().keySet()) {
                row.append(String.format(" %8.1f%%", 100 * quartiles(rs, r -> r.retrained().get(t)).median()));
            }
            console.println(row);
        });
        console.println("(percent correct, atan2 decoder, medians over networks: after training | after retraining on Memory Anti)");
        claims.forEach(c -> c.print(console));
    }
}
