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
 * first network's predecessor-by-motif RMSE (the 10 x 10 matrix behind Figs. 6-10), the preparatory module's rate
 * norm after random states (Fig. 12b,e), and the first network's own figures ({@link MotifNetworkFigures}).
 */
final class MotifFigures {
    private MotifFigures() {
    }

    static void write(RunDirectory run, Map<Architecture, List<MotifNetwork.Result>> results, List<MotifUnit> units,
                      MotifSettings settings) {
        scores(run, results);
        for (Architecture a : results.keySet()) {
            units.stream().filter(u -> u.architecture() == a).findFirst().ifPresent(u -> outputs(run, u, settings));
        }
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
        MotifNetworkFigures.write(run, results, units, settings);
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

    /** Fig. 2a (i): per motif, the target, the output from a random start and the output after another motif. */
    private static void outputs(RunDirectory run, MotifUnit u, MotifSettings settings) {
        List<org.molap.core.tasks.motifs.Motif> motifs = settings.motifSet(u.seed());
        org.nd4j.linalg.api.ndarray.INDArray random = org.nd4j.linalg.factory.Nd4j.createFromNpyFile(u.dir().resolve("random_outputs.npy").toFile());
        org.nd4j.linalg.api.ndarray.INDArray chained = org.nd4j.linalg.factory.Nd4j.createFromNpyFile(u.dir().resolve("chained_outputs.npy").toFile());
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        for (int m = 0; m < motifs.size(); m++) {
            int length = motifs.get(m).length();
            double[] tau = new double[length];
            double[] r = new double[length];
            double[] c = new double[length];
            for (int k = 0; k < length; k++) {
                tau[k] = 0.1 * k;
                r[k] = random.getDouble(m, k);
                c[k] = chained.getDouble(m, k);
            }
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            curves.put("target", new double[][] {tau, motifs.get(m).values()});
            curves.put("from a random start", new double[][] {tau, r});
            curves.put("after another motif (motif 1; motif 2 for motif 1)", new double[][] {tau, c});
            panels.put(motifs.get(m).name(), curves);
        }
        LineChart.grid(run.figures().resolve("motifs_outputs_" + u.architecture().id().replace('-', '_') + ".png"),
                u.architecture().label + ", seed " + u.seed() + ": output against target", "time (tau)", "output", panels, Map.of(),
                Math.min(motifs.size(), 4), null);
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

    static double sd(double[] v) {
        double m = mean(v);
        return v.length < 2 ? 0 : Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
