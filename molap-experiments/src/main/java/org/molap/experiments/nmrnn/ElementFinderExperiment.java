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
import org.molap.core.stats.MannWhitney;
import org.molap.core.stats.Quartiles;
import org.molap.core.tasks.nm.ElementFinder;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.summary.Claim;

/**
 * {@code ./molap run element-finder}: seed 003's Element Finder comparison (supplement C.2-C.3, main Fig. 5, Supp.
 * Figs. 5-6): NM-RNNs of five shapes, LR-RNNs of four, an LSTM and a vanilla RNN at three learning rates, all of
 * about 500 parameters, each trained on fresh sequences and scored on held-out ones; the NM-RNN's s(t) on the
 * fixed-query sets and its error with each component of s clamped.
 */
public final class ElementFinderExperiment implements Experiment {
    /** A network that solves the task: held-out MSE below this (spec 003-7). */
    static final double SOLVED = 5;
    /** How much clamping the most-used component must raise the NM-RNN's error (spec 003-7). */
    static final double ABLATION_FACTOR = 2;

    @Override
    public String name() {
        return "element-finder";
    }

    @Override
    public String summary() {
        return "Element Finder (seed 003): NM-RNN shapes against LR-RNN shapes, an LSTM and RNNs; s(t) and its ablation";
    }

    @Override
    public List<RunOption> options() {
        return List.of(RunOption.NM_PROFILE, RunOption.OUT, RunOption.SEED, RunOption.NM_MODELS, RunOption.NETWORKS,
                RunOption.EF_ITERATIONS, RunOption.NM_TAUS, RunOption.WORKERS, RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
    }

    @Override
    public void runUnit(Path settings, List<String> arguments, PrintStream console) throws java.io.IOException {
        ElementFinderNetwork.runUnit(settings, arguments, console);
    }

    public static void main(String[] args) {
        Cli.runFromIde("element-finder", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        ElementFinderSettings s = ElementFinderSettings.of(options);
        Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
        NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
        return RunLifecycle.execute(options, name(), config, Map.of("networks", s.seeds(), "test", ElementFinderNetwork.TEST_SEED),
                run -> execute(s, plan, run, console));
    }

    private void execute(ElementFinderSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
        List<ElementFinderNetwork.Unit> units = new ArrayList<>();
        for (long seed : s.seeds()) {                // seed by seed: a run stopped early has every condition at its first seeds
            for (int c = 0; c < s.conditions().size(); c++) {
                units.add(new ElementFinderNetwork.Unit(c, seed, run.path().resolve(NetworkUnits.NETWORKS)
                        .resolve(s.conditions().get(c).name() + "-seed" + seed), s));
            }
        }
        plan.train(name(), s, units, run, console);
        Map<String, List<ElementFinderNetwork.Result>> byCondition = new LinkedHashMap<>();
        units.forEach(u -> byCondition.computeIfAbsent(s.conditions().get(u.condition()).name(), k -> new ArrayList<>())
                .add(ElementFinderNetwork.read(u.dir())));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        byCondition.values().forEach(rs -> rs.forEach(r -> curves.put(r.condition() + "-seed" + r.seed(), r.lossCurve())));
        NetworkUnits.writeLossCurves(run, curves);
        List<Claim> claims = claims(byCondition);
        ElementFinderFigures.write(run, byCondition, units, s);
        run.writeJson(RunDirectory.RESULTS, results(s, byCondition, claims));
        print(byCondition, claims, console);
    }

    static Quartiles heldOut(List<ElementFinderNetwork.Result> rs) {
        return Quartiles.of(mses(rs));
    }

    private static double[] mses(List<ElementFinderNetwork.Result> rs) {
        return rs.stream().mapToDouble(ElementFinderNetwork.Result::heldOutMse).toArray();
    }

    /** Median, quartiles and every network's value. */
    private static Map<String, Object> summary(double[] networks) {
        Quartiles q = Quartiles.of(networks);
        return Map.of("median", q.median(), "q1", q.q1(), "q3", q.q3(), "networks", networks);
    }

    /** Held-out MSE of each network's last parameters (the analysed ones are those of its lowest training loss). */
    static double[] finalMses(List<ElementFinderNetwork.Result> rs) {
        return rs.stream().mapToDouble(ElementFinderNetwork.Result::finalHeldOutMse).toArray();
    }

    /** The condition of this model with the lowest median held-out MSE, or null. */
    static String best(Map<String, List<ElementFinderNetwork.Result>> byCondition, NmModel model) {
        return byCondition.entrySet().stream().filter(e -> e.getValue().get(0).model().equals(model.id()))
                .min(java.util.Comparator.comparingDouble(e -> heldOut(e.getValue()).median())).map(Map.Entry::getKey).orElse(null);
    }

    /** Clamped over intact error of each network of a condition, at its most-used component. */
    static double[] ablationRatios(List<ElementFinderNetwork.Result> rs) {
        return rs.stream().mapToDouble(r -> r.ablatedMse()[r.mostUsed()] / r.heldOutMse()).toArray();
    }

    static List<Claim> claims(Map<String, List<ElementFinderNetwork.Result>> byCondition) {
        List<Claim> claims = new ArrayList<>();
        double chance = ElementFinder.Config.paper().chanceMse();
        String worst = byCondition.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> heldOut(e.getValue()).median()))
                .map(Map.Entry::getKey).orElseThrow();
        claims.add(new Claim("Every model learns something", String.format("every condition's median held-out MSE below %.2f "
                + "(predicting the mean scores %.2f)", chance - 1, chance), heldOut(byCondition.get(worst)).median() < chance - 1,
                String.format("the worst, %s: %.2f", worst, heldOut(byCondition.get(worst)).median())));
        String bestNm = best(byCondition, NmModel.NM_RNN);
        String bestLr = best(byCondition, NmModel.LR_RNN);
        if (bestNm != null && bestLr != null) {
            Quartiles nm = heldOut(byCondition.get(bestNm));
            Quartiles lr = heldOut(byCondition.get(bestLr));
            // reported beside the criterion (spec 003-7 compares medians): does the best NM-RNN tend to err less?
            MannWhitney.Result test = MannWhitney.test(mses(byCondition.get(bestNm)), mses(byCondition.get(bestLr)));
            claims.add(new Claim("The best NM-RNN beats the best LR-RNN", "median held-out MSE of the best NM-RNN shape below "
                    + "the best LR-RNN shape's", nm.median() < lr.median(), String.format("%s %.3g (quartiles %.3g-%.3g) against "
                    + "%s %.3g (%.3g-%.3g); one-sided Mann-Whitney p = %.3g, %d against %d networks", bestNm, nm.median(), nm.q1(),
                    nm.q3(), bestLr, lr.median(), lr.q1(), lr.q3(), test.pLess(), byCondition.get(bestNm).size(),
                    byCondition.get(bestLr).size())));
        }
        if (bestNm != null) {
            Quartiles ratio = Quartiles.of(ablationRatios(byCondition.get(bestNm)));
            claims.add(new Claim("Clamping the NM-RNN's most-used gain component hurts", "median over the best shape's networks "
                    + "of the held-out MSE with s_k (largest variance over time) clamped at its time mean, over the intact MSE, "
                    + "above " + ABLATION_FACTOR, ratio.median() > ABLATION_FACTOR,
                    String.format("%s: %.2fx (quartiles %.2f-%.2f)", bestNm, ratio.median(), ratio.q1(), ratio.q3())));
        }
        byCondition.entrySet().stream().filter(e -> e.getValue().get(0).model().equals(NmModel.LSTM.id())).findFirst().ifPresent(e ->
                claims.add(new Claim("The LSTM solves the task", "median held-out MSE below " + SOLVED,
                        heldOut(e.getValue()).median() < SOLVED, String.format("%s: %.3g", e.getKey(), heldOut(e.getValue()).median()))));
        return claims;
    }

    private static Map<String, Object> results(ElementFinderSettings s, Map<String, List<ElementFinderNetwork.Result>> byCondition,
                                               List<Claim> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", "element-finder");
        out.put("profile", s.profile());
        out.put("chance_mse", ElementFinder.Config.paper().chanceMse());
        Map<String, Object> conditions = new LinkedHashMap<>();
        byCondition.forEach((name, rs) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            ElementFinderNetwork.Result first = rs.get(0);
            c.put("label", first.label());
            c.put("model", first.model());
            c.put("parameters", first.parameters());
            c.put("held_out_mse", summary(mses(rs)));
            c.put("final_held_out_mse", summary(finalMses(rs)));
            c.put("lowest_training_loss", rs.stream().mapToDouble(ElementFinderNetwork.Result::lowestLoss).toArray());
            c.put("lowest_loss_iteration", rs.stream().mapToInt(ElementFinderNetwork.Result::lowestLossIteration).toArray());
            c.put("seconds", rs.stream().mapToDouble(ElementFinderNetwork.Result::seconds).toArray());
            if (first.ablatedMse() != null) {
                c.put("ablation_ratio", ablationRatios(rs));
                c.put("most_used_component", rs.stream().mapToInt(ElementFinderNetwork.Result::mostUsed).toArray());
            }
            conditions.put(name, c);
        });
        out.put("conditions", conditions);
        out.put("claims", claims.stream().map(Claim::json).toList());
        return out;
    }

    private static void print(Map<String, List<ElementFinderNetwork.Result>> byCondition, List<Claim> claims, PrintStream console) {
        console.printf("%n%-30s %6s %12s %12s %16s %9s%n", "model", "params", "held-out MSE", "last params", "clamped / intact",
                "s/network");
        byCondition.forEach((name, rs) -> console.printf("%-30s %6d %12.3f %12.3f %16s %9.0f%n", rs.get(0).label(), rs.get(0).parameters(),
                heldOut(rs).median(), Quartiles.of(finalMses(rs)).median(), rs.get(0).ablatedMse() == null ? "" : String.format("%.2fx", Quartiles.of(ablationRatios(rs)).median()),
                Quartiles.of(rs.stream().mapToDouble(ElementFinderNetwork.Result::seconds).toArray()).median()));
        console.printf("(medians over networks, of the parameters at each network's lowest training loss, and of its last ones; "
                + "predicting the mean scores %.2f)%n", ElementFinder.Config.paper().chanceMse());
        claims.forEach(c -> c.print(console));
    }
}
