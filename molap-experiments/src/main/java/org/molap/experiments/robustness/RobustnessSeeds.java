package org.molap.experiments.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Spread;
import org.molap.experiments.summary.Claim;
import org.molap.experiments.summary.SeedRunSet;
import org.molap.export.LineChart;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.molap.experiments.summary.Claim.pm;
import static org.molap.experiments.summary.Claim.pmPoints;

/**
 * {@code ./molap run summary} of {@code run robustness} runs (seed 000 section 4.1, Figs. 3-4) over seeds. A method's
 * robustness to a family of perturbations is its accuracy averaged over the family's perturbed levels and over the
 * tasks (the area under its Fig. 4 curve, level 0 left out), one value per seed; the claims compare these values
 * on the same seeds. Figures: each family's curves, mean over seeds with the standard deviation over seeds.
 */
public final class RobustnessSeeds {
    static final String MOLAP = "molap";

    private RobustnessSeeds() {
    }

    public static void write(SeedRunSet runs, RunDirectory run, PrintStream console) {
        JsonNode first = runs.resultsBySeed().firstEntry().getValue().path("perturbations");
        Map<String, Object> families = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) first::fields) {
            String family = f.getKey();
            double[] xs = RunDirectory.JSON.convertValue(f.getValue().path("levels"), double[].class);
            Map<String, Object> methods = new LinkedHashMap<>();
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            Map<String, double[]> spread = new LinkedHashMap<>();
            for (String method : names(f.getValue().path("methods"))) {
                double[][] bySeed = curves(runs, family, method);
                double[] mean = new double[xs.length];
                double[] sd = new double[xs.length];
                for (int l = 0; l < xs.length; l++) {
                    int level = l;
                    Spread s = Spread.of(java.util.Arrays.stream(bySeed).mapToDouble(c -> c[level]).toArray());
                    mean[l] = 100 * s.mean();
                    sd[l] = 100 * s.sd();
                }
                curves.put(method, new double[][] {xs, mean});
                spread.put(method, sd);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mean_over_seeds", mean);
                m.put("sd_over_seeds", sd);
                m.put("robustness_per_seed", robustness(runs, family, method));
                methods.put(method, m);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("axis", f.getValue().path("axis").asText());
            entry.put("levels", xs);
            entry.put("methods", methods);
            families.put(family, entry);
            LineChart.write(run.figures().resolve("robustness_" + family.replace(' ', '_') + ".png"), family + ": % correct, mean over tasks; mean ± sd over "
                    + runs.seeds().size() + " seeds", f.getValue().path("axis").asText(), "% correct", curves, spread, false);
        }
        List<Claim> claims = claims(runs);
        runs.writeSummary(run, "perturbations", families, claims, console);
    }

    static List<Claim> claims(SeedRunSet runs) {
        JsonNode first = runs.resultsBySeed().firstEntry().getValue().path("perturbations");
        List<Claim> claims = new ArrayList<>();
        boolean everywhere = true;
        StringBuilder summary = new StringBuilder();
        for (String family : names(first)) {
            List<String> methods = names(first.path(family).path("methods"));
            if (!methods.contains(MOLAP) || methods.size() < 2) {
                continue;
            }
            boolean holds = true;
            StringBuilder evidence = new StringBuilder("accuracy over the perturbed levels and the tasks: MoLaP "
                    + pm(Spread.of(robustness(runs, family, MOLAP))) + ", its loss from unperturbed " + pmPoints(Spread.of(loss(runs, family, MOLAP))));
            for (String other : methods) {
                if (other.equals(MOLAP)) {
                    continue;
                }
                Spread diff = Spread.of(difference(robustness(runs, family, MOLAP), robustness(runs, family, other)));
                holds &= Claim.better(diff);
                evidence.append("; ").append(other).append(' ').append(pm(Spread.of(robustness(runs, family, other))))
                        .append(", loss ").append(pmPoints(Spread.of(loss(runs, family, other))))
                        .append(" (MoLaP minus it: ").append(pmPoints(diff)).append(')');
            }
            everywhere &= holds;
            summary.append(summary.length() == 0 ? "" : ", ").append(family).append(holds ? " holds" : " does not hold");
            claims.add(new Claim("Under " + family + ", MoLaP performs better than the other methods over all tasks (Fig. 4)",
                    "MoLaP's accuracy averaged over the perturbed levels and the tasks exceeds each other method's by more than twice "
                            + "the standard error of the paired difference (same seeds)", holds, evidence.toString()));
        }
        if (!claims.isEmpty()) {
            claims.add(0, new Claim("MoLaP is more robust than the other methods on average over all tasks, for every perturbation",
                    "the per-family claims below all hold", everywhere, summary.toString()));
        }
        List<String> modular = List.of("M1 lesion", "M2 lesion", "inter-module lesion");
        if (names(first).containsAll(modular) && names(first.path("inter-module lesion").path("methods")).contains(MOLAP)) {
            double[] m1 = robustness(runs, "M1 lesion", MOLAP);
            double[] m2 = robustness(runs, "M2 lesion", MOLAP);
            double[] inter = robustness(runs, "inter-module lesion", MOLAP);
            double[] intra = IntStream.range(0, m1.length).mapToDouble(i -> Math.min(m1[i], m2[i])).toArray();
            Spread diff = Spread.of(difference(intra, inter));
            claims.add(new Claim("Inter-module lesions are the most damaging for the modular network (MoLaP)",
                    "MoLaP's accuracy under inter-module lesions, averaged over the levels and tasks, is below its accuracy under the more "
                            + "damaging of M1 and M2 lesions by more than twice the standard error of the paired difference (same percentages of "
                            + "each scope's entries)", Claim.better(diff),
                    "MoLaP: M1 " + pm(Spread.of(m1)) + ", M2 " + pm(Spread.of(m2)) + ", inter-module " + pm(Spread.of(inter))
                            + " (the worse of M1 and M2 minus inter-module: " + pmPoints(diff) + ")"));
        }
        return claims;
    }

    /** Per seed, the method's mean-over-tasks curve (fractions) in the family, level 0 first. */
    static double[][] curves(SeedRunSet runs, String family, String method) {
        return runs.resultsBySeed().values().stream().map(r -> RunDirectory.JSON.convertValue(
                r.path("perturbations").path(family).path("methods").path(method).path("mean_over_tasks").path("mean"), double[].class))
                .toArray(double[][]::new);
    }

    /** Per seed, the mean of the curve over the perturbed levels (level 0 left out). */
    static double[] robustness(SeedRunSet runs, String family, String method) {
        return java.util.Arrays.stream(curves(runs, family, method))
                .mapToDouble(c -> java.util.Arrays.stream(c, 1, c.length).average().orElse(Double.NaN)).toArray();
    }

    /** Per seed, the accuracy over the perturbed levels minus the unperturbed accuracy. */
    private static double[] loss(SeedRunSet runs, String family, String method) {
        double[][] c = curves(runs, family, method);
        double[] r = robustness(runs, family, method);
        return IntStream.range(0, r.length).mapToDouble(i -> r[i] - c[i][0]).toArray();
    }

    private static double[] difference(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] - b[i]).toArray();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
