package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Quartiles;
import org.molap.export.LineChart;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.summary.Claim;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code ./molap run mwg-rank-one}: seed 003's rank-1 Measure-Wait-Go network and appendix B's account of its
 * neuromodulatory signal (main Fig. 3B): the trained network's s(t) during the ramps of the intervals 7, 15 and 23
 * against the hyperbola predicted from the target and the readout bias.
 */
public final class RankOneExperiment implements Experiment {
    /** Training MSE the network must reach (spec 003-5). */
    static final double FIT = 1e-3;
    /** RMSE of s(t) against the prediction over the ramp, relative to s's range there, for I = 15 (spec 003-5). */
    static final double AGREEMENT = 0.1;
    private static final int BEFORE = 3;
    private static final int AFTER = 26;

    @Override
    public String name() {
        return "mwg-rank-one";
    }

    @Override
    public String summary() {
        return "Rank-1 NM-RNN on Measure-Wait-Go (seed 003): its s(t) against appendix B's prediction";
    }

    @Override
    public List<RunOption> options() {
        return List.of(RunOption.NM_PROFILE, RunOption.OUT, RunOption.SEED, RunOption.NETWORKS, RunOption.RANK_ONE_ITERATIONS,
                RunOption.WORKERS, RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
    }

    @Override
    public void runUnit(Path settings, List<String> arguments, PrintStream console) throws java.io.IOException {
        RankOneNetwork.runUnit(settings, arguments, console);
    }

    public static void main(String[] args) {
        Cli.runFromIde("mwg-rank-one", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        RankOneSettings s = RankOneSettings.of(options);
        Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
        NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
        return RunLifecycle.execute(options, name(), config, Map.of("networks", s.seeds()), run -> execute(s, plan, run, console));
    }

    private void execute(RankOneSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
        List<ModelUnit> units = new ArrayList<>();
        for (long seed : s.seeds()) {
            units.add(RankOneNetwork.unit(seed, run.path().resolve(NetworkUnits.NETWORKS).resolve("rank1-seed" + seed), s));
        }
        plan.train(name(), s, units, run, console);
        List<RankOneNetwork.Result> results = units.stream().map(u -> RankOneNetwork.read(u.dir())).toList();
        figure(run, units.get(0), results.get(0));
        double[] interior = units.stream().mapToDouble(u -> interiorRmse(u.dir(), 15)).toArray();
        List<Claim> claims = claims(results, interior);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", name());
        out.put("profile", s.profile());
        out.put("networks", results);
        out.put("interior_relative_rmse_15", interior);
        out.put("claims", claims.stream().map(Claim::json).toList());
        run.writeJson(RunDirectory.RESULTS, out);
        console.printf("%n%-6s %10s %28s %28s%n", "seed", "train MSE", "RMSE / range, I = 7, 15, 23", "identity error, I = 7, 15, 23");
        results.forEach(r -> console.printf("%-6d %10.2e %28s %28s%n", r.seed(), r.trainMse(), format(r.relativeRmse()),
                format(r.identityError())));
        claims.forEach(c -> c.print(console));
    }

    private static String format(Map<String, Double> m) {
        return String.join(" ", m.values().stream().map(v -> String.format("%.2g", v)).toList());
    }

    /**
     * The RMSE of s(t) against appendix B's prediction over the ramp of this interval without its first and last step,
     * relative to s's range over the whole ramp (as {@link RankOneNetwork.Result#relativeRmse}). At those two steps the
     * target's slope jumps, the prediction with it (at the last step it falls to about 0 within one step), and a
     * network's s(t) cannot follow a jump within a step: the whole-ramp RMSE measures mostly these two steps.
     */
    static double interiorRmse(Path networkDir, int interval) {
        INDArray curves = Nd4j.createFromNpyFile(networkDir.resolve("theory_curves.npy").toFile());    // [intervals, 4, T]
        int i = RankOneNetwork.INTERVALS.indexOf(interval);
        int go = 15 + interval + 15;
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = go + 1; t <= go + interval; t++) {
            double signal = curves.getDouble(i, 0, t);
            lo = Math.min(lo, signal);
            hi = Math.max(hi, signal);
            if (t > go + 1 && t < go + interval) {
                double e = signal - curves.getDouble(i, 1, t);
                sum += e * e;
            }
        }
        return Math.sqrt(sum / (interval - 2)) / Math.max(hi - lo, 1e-12);
    }

    static List<Claim> claims(List<RankOneNetwork.Result> results, double[] interior) {
        Quartiles mse = Quartiles.of(results.stream().mapToDouble(RankOneNetwork.Result::trainMse).toArray());
        Quartiles whole = Quartiles.of(results.stream().mapToDouble(r -> r.relativeRmse().get("I=15")).toArray());
        Quartiles agreement = Quartiles.of(interior);
        double identity = results.stream().flatMap(r -> r.identityError().values().stream()).mapToDouble(Double::doubleValue).max().orElseThrow();
        return List.of(
                new Claim("The rank-1 network learns Measure-Wait-Go", "median training MSE < " + FIT, mse.median() < FIT,
                        String.format("%.2e over %d networks", mse.median(), results.size())),
                new Claim("Its s(t) on the ramp follows appendix B's prediction", "median RMSE of s(t) against "
                        + "1 + tau_x (f_t - f_{t-1}) / (f_{t-1} - d) over the ramp of I = 15 without its first and last step (where "
                        + "the target's slope jumps), relative to s's range on the ramp, < " + AGREEMENT + " (re-baselined: spec 003-5 "
                        + "takes the whole ramp)", agreement.median() < AGREEMENT, String.format("%.3f (quartiles %.3f-%.3f); over "
                        + "the whole ramp %.3f (%.3f-%.3f)", agreement.median(), agreement.q1(), agreement.q3(), whole.median(),
                        whole.q1(), whole.q3())),
                new Claim("s_t = 1 + tau_x (w_t - w_{t-1}) / w_{t-1} wherever the input is zero", "largest deviation after the go "
                        + "pulse < 1e-6 (double precision)", identity < 1e-6, String.format("%.1e", identity)));
    }

    /** s(t) of the first network and the prediction, aligned to go, one panel per test interval. */
    private static void figure(RunDirectory run, ModelUnit unit, RankOneNetwork.Result r) {
        INDArray curves = Nd4j.createFromNpyFile(unit.dir().resolve("theory_curves.npy").toFile());    // [3, 4, T]
        NetworkUnits.writeArray(run.arrays(), "rank1_theory_curves.npy", curves);
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        for (int i = 0; i < RankOneNetwork.INTERVALS.size(); i++) {
            int interval = RankOneNetwork.INTERVALS.get(i);
            int go = 15 + interval + 15;
            LinkedHashMap<String, double[][]> c = new LinkedHashMap<>();
            double[][] network = new double[2][BEFORE + AFTER];
            double[][] predicted = new double[2][interval];
            for (int j = 0; j < BEFORE + AFTER; j++) {
                network[0][j] = j - BEFORE;
                network[1][j] = curves.getDouble(i, 0, go - BEFORE + j);
            }
            for (int j = 0; j < interval; j++) {
                predicted[0][j] = j + 1;
                predicted[1][j] = curves.getDouble(i, 1, go + 1 + j);
            }
            c.put("network s(t)", network);
            c.put("appendix B prediction (ramp)", predicted);
            panels.put("I = " + interval + (interval == 15 ? " (trained range)" : interval < 12 ? " (shorter)" : " (longer)"), c);
        }
        double[] all = curves.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2), NDArrayIndex.all()).dup().data().asDouble();
        double hi = java.util.Arrays.stream(all).max().orElse(1);
        LineChart.grid(run.figures().resolve("rank1_signal.png"), "Rank-1 NM-RNN (seed " + r.seed() + "): s(t) at measure time 15, "
                + "aligned to go", "steps from go", "s(t)", panels, Map.of(), 3, new double[] {0, Math.max(1, hi * 1.05)});
    }
}
