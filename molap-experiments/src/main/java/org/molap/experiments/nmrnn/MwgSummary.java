package org.molap.experiments.nmrnn;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.molap.core.stats.MannWhitney;
import org.molap.core.stats.Quartiles;
import org.molap.experiments.summary.Claim;

/**
 * The Measure-Wait-Go comparison over networks: per model the median and quartiles of every score, the NM-RNN
 * against the LR-RNN by one-sided exact Mann-Whitney tests, and the verdicts on the spec's criteria (003-4; the
 * thresholds are provisional until a full run re-baselines them).
 */
record MwgSummary(Map<NmModel, List<MwgNetwork.Result>> results, List<Claim> claims) {

    /** Training MSE below which a network fits its intervals (spec 003-4 (i)). */
    static final double FIT_MSE = 5e-3;
    /** Produced-interval error on the trained intervals, in steps, within which a network fits them. */
    static final double FIT_STEPS = 1;
    /** NM-RNN median produced-interval error on the extrapolated intervals, in steps (spec 003-4 (ii)). */
    static final double EXTRAPOLATION_STEPS = 2.5;
    static final double ALPHA = 0.05;

    static final Map<String, ToDoubleFunction<MwgNetwork.Result>> SCORES = scores();

    private static Map<String, ToDoubleFunction<MwgNetwork.Result>> scores() {
        Map<String, ToDoubleFunction<MwgNetwork.Result>> m = new LinkedHashMap<>();
        m.put("train_mse", MwgNetwork.Result::trainMse);
        m.put("trained_produced_error", MwgNetwork.Result::trainedProducedError);
        m.put("extrapolation_mse", MwgNetwork.Result::extrapolationMse);
        m.put("shorter_mse", MwgNetwork.Result::shorterMse);
        m.put("longer_mse", MwgNetwork.Result::longerMse);
        m.put("produced_error", r -> undefinedLast(r.producedError()));
        m.put("produced_error_at_15", r -> undefinedLast(r.producedErrorAt15()));
        m.put("unproduced_trials", MwgNetwork.Result::unproduced);
        m.put("seconds", MwgNetwork.Result::seconds);
        return m;
    }

    /**
     * A produced-interval error a network has no number for (results written before trials were censored: NaN where
     * some trial produced no response) ranks after every number: +infinity.
     */
    static double undefinedLast(double error) {
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    static MwgSummary of(Map<NmModel, List<MwgNetwork.Result>> results) {
        List<Claim> claims = new ArrayList<>();
        StringBuilder fits = new StringBuilder();
        boolean allFit = true;
        for (Map.Entry<NmModel, List<MwgNetwork.Result>> e : results.entrySet()) {
            Quartiles mse = quartiles(e.getValue(), MwgNetwork.Result::trainMse);
            Quartiles steps = quartiles(e.getValue(), MwgNetwork.Result::trainedProducedError);
            allFit &= mse.median() < FIT_MSE && steps.median() <= FIT_STEPS;
            fits.append(String.format("%s%s: training MSE %.2e, error on trained intervals %.2f steps", fits.isEmpty() ? "" : "; ",
                    e.getKey().label(), mse.median(), steps.median()));
        }
        claims.add(new Claim("Every model fits the trained intervals",
                "median training MSE < " + FIT_MSE + " and median produced-interval error on the trained intervals <= "
                        + FIT_STEPS + " step, for every model", allFit, "medians over networks: " + fits));
        List<MwgNetwork.Result> nm = results.get(NmModel.NM_RNN);
        List<MwgNetwork.Result> lr = results.get(NmModel.LR_RNN);
        if (nm != null && lr != null) {
            ToDoubleFunction<MwgNetwork.Result> error = SCORES.get("produced_error");
            Quartiles nmError = quartiles(nm, error);
            Quartiles lrError = quartiles(lr, error);
            MannWhitney.Result errorTest = test(nm, lr, error);
            claims.add(new Claim("The NM-RNN produces extrapolated intervals more accurately than the LR-RNN",
                    "NM-RNN median error of the produced interval on the 8 untrained intervals <= " + EXTRAPOLATION_STEPS
                            + " steps and below the LR-RNN's (the authors' notebook: 1.63 against 5.38)",
                    nmError.median() <= EXTRAPOLATION_STEPS && nmError.median() < lrError.median(),
                    String.format("medians %.2f (quartiles %.2f-%.2f) against %.2f (%.2f-%.2f) steps; one-sided Mann-Whitney "
                                    + "p = %.3g, %d against %d networks", nmError.median(), nmError.q1(), nmError.q3(),
                            lrError.median(), lrError.q1(), lrError.q3(), errorTest.pLess(), nm.size(), lr.size())));
            Quartiles nmMse = quartiles(nm, MwgNetwork.Result::extrapolationMse);
            Quartiles lrMse = quartiles(lr, MwgNetwork.Result::extrapolationMse);
            MannWhitney.Result mseTest = test(nm, lr, MwgNetwork.Result::extrapolationMse);
            claims.add(new Claim("The NM-RNN extrapolates Measure-Wait-Go intervals better than the LR-RNN (MSE)",
                    "NM-RNN median MSE on the 8 untrained intervals below the LR-RNN's, one-sided Mann-Whitney p < " + ALPHA,
                    nmMse.median() < lrMse.median() && mseTest.pLess() < ALPHA,
                    String.format("medians %.3g (quartiles %.3g-%.3g) against %.3g (%.3g-%.3g); p = %.3g, %d against %d networks",
                            nmMse.median(), nmMse.q1(), nmMse.q3(), lrMse.median(), lrMse.q1(), lrMse.q3(), mseTest.pLess(),
                            nm.size(), lr.size())));
        }
        return new MwgSummary(results, claims);
    }

    static Quartiles quartiles(List<MwgNetwork.Result> networks, ToDoubleFunction<MwgNetwork.Result> score) {
        return Quartiles.of(networks.stream().mapToDouble(score).toArray());
    }

    private static MannWhitney.Result test(List<MwgNetwork.Result> a, List<MwgNetwork.Result> b, ToDoubleFunction<MwgNetwork.Result> score) {
        return MannWhitney.test(a.stream().mapToDouble(score).toArray(), b.stream().mapToDouble(score).toArray());
    }

    /** results.json: per model the quartiles of every score and each network's values, then the verdicts. */
    Map<String, Object> results(MwgSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", "mwg");
        out.put("profile", s.profile());
        Map<String, Object> models = new LinkedHashMap<>();
        results.forEach((model, networks) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", model.label());
            m.put("parameters", networks.get(0).parameters());
            SCORES.forEach((name, score) -> {
                Quartiles q = quartiles(networks, score);
                m.put(name, Map.of("median", q.median(), "q1", q.q1(), "q3", q.q3(),
                        "networks", networks.stream().mapToDouble(score).toArray()));
            });
            m.put("intervals", networks.get(0).intervals());
            m.put("target_crossing", networks.get(0).targetCrossing());
            m.put("produced_median", perInterval(networks, MwgNetwork.Result::produced));
            m.put("mse_median", perInterval(networks, MwgNetwork.Result::mse));
            m.put("seeds", networks.stream().map(MwgNetwork.Result::seed).toList());
            models.put(model.id(), m);
        });
        out.put("models", models);
        out.put("claims", claims.stream().map(Claim::json).toList());
        return out;
    }

    /** The median over networks of a per-interval score. */
    static double[] perInterval(List<MwgNetwork.Result> networks, java.util.function.Function<MwgNetwork.Result, double[]> score) {
        int k = score.apply(networks.get(0)).length;
        double[] median = new double[k];
        for (int i = 0; i < k; i++) {
            int at = i;
            median[i] = Quartiles.of(networks.stream().mapToDouble(r -> score.apply(r)[at]).toArray()).median();
        }
        return median;
    }

    void print(PrintStream console) {
        console.printf("%n%-8s %6s %11s %11s %11s %11s %9s%n", "model", "params", "train MSE", "extrap MSE", "error steps",
                "trained err", "s/network");
        results.forEach((model, networks) -> console.printf("%-8s %6d %11.2e %11.2e %11.2f %11.2f %9.0f%n", model.label(),
                networks.get(0).parameters(), quartiles(networks, MwgNetwork.Result::trainMse).median(),
                quartiles(networks, MwgNetwork.Result::extrapolationMse).median(),
                quartiles(networks, SCORES.get("produced_error")).median(),
                quartiles(networks, MwgNetwork.Result::trainedProducedError).median(),
                quartiles(networks, MwgNetwork.Result::seconds).median()));
        console.println("(medians over networks; errors of the produced interval in steps against the target ramp's own crossing)");
        claims.forEach(c -> c.print(console));
    }
}
