package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.export.BarChart;
import org.molap.export.HeatMap;
import org.molap.export.LineChart;

/**
 * A motifs run's figures: the network scores from random starts and chained per architecture (Figs. 2c, 3c), each
 * first network's predecessor-by-motif RMSE (the 10 x 10 matrix behind Figs. 6-10), and the preparatory module's rate
 * norm after random states (Fig. 12b,e).
 */
final class MotifFigures {
    private MotifFigures() {
    }

    static void write(RunDirectory run, Map<Architecture, List<MotifNetwork.Result>> results) {
        scores(run, results);
        results.forEach((a, rs) -> {
            double[][] p = rs.get(0).chaining().predecessors();
            // rows: the predecessor; columns: the motif scored; the diagonal: from random starts
            HeatMap.write(run.figures().resolve("motifs_predecessors_" + a.id().replace('-', '_') + ".png"), a.label + ", seed "
                    + rs.get(0).seed() + ": RMSE, row = predecessor", withDiagonal(p, rs.get(0).chaining().randomPerMotif()));
        });
        LinkedHashMap<String, double[][]> decay = new LinkedHashMap<>();
        results.forEach((a, rs) -> rs.stream().filter(r -> r.module() != null).forEach(r -> {
            double[] norm = r.module().rateNorm();
            double[] tau = new double[norm.length];
            for (int t = 0; t < norm.length; t++) {
                tau[t] = 0.1 * (t + 1);                 // step t + 1 of dt = 0.1 tau
            }
            decay.put(a.label + " seed " + r.seed(), new double[][] {tau, norm});
        }));
        if (!decay.isEmpty()) {
            LineChart.write(run.figures().resolve("motifs_module_decay.png"), "Preparatory module: mean |r(t)| from random "
                    + "states, module on, no input", "time (tau)", "|r(t)|", decay, true);
        }
    }

    /** Mean over networks of the random-start and chained network scores, with their standard deviation. */
    private static void scores(RunDirectory run, Map<Architecture, List<MotifNetwork.Result>> results) {
        List<String> labels = new ArrayList<>();
        double[] random = new double[results.size()];
        double[] chained = new double[results.size()];
        double[] randomSd = new double[results.size()];
        double[] chainedSd = new double[results.size()];
        int i = 0;
        double top = 0;
        for (Map.Entry<Architecture, List<MotifNetwork.Result>> e : results.entrySet()) {
            labels.add(e.getKey().label + " (N " + e.getValue().get(0).units() + ")");
            double[] r = e.getValue().stream().mapToDouble(n -> n.chaining().randomScore()).toArray();
            double[] c = e.getValue().stream().mapToDouble(n -> n.chaining().chainedScore()).toArray();
            random[i] = mean(r);
            chained[i] = mean(c);
            randomSd[i] = sd(r);
            chainedSd[i] = sd(c);
            top = Math.max(top, Math.max(random[i] + randomSd[i], chained[i] + chainedSd[i]));
            i++;
        }
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        series.put("from random initial states", random);
        series.put("after each other motif (zero-shot)", chained);
        BarChart.write(run.figures().resolve("motifs_scores.png"), "Network score: RMSE averaged over motifs (mean +- sd over "
                + "networks)", "RMSE", labels, series, Map.of("from random initial states", randomSd,
                "after each other motif (zero-shot)", chainedSd), 0, 1.1 * top, null);
    }

    private static double[][] withDiagonal(double[][] p, double[] diagonal) {
        double[][] out = new double[p.length][];
        for (int k = 0; k < p.length; k++) {
            out[k] = p[k].clone();
            out[k][k] = diagonal[k];
        }
        return out;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return v.length < 2 ? 0 : Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
