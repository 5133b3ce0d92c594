package org.molap.experiments.motifs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.molap.core.run.RunDirectory;
import org.molap.export.BarChart;
import org.molap.export.LineChart;
import org.molap.export.ScatterChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The figures of one network per architecture (its first seed), as the paper shows one network per condition: per-motif
 * RMSE from random starts and after the other motifs (Figs. 6-10), the distribution of the end-of-motif states (Fig. 2
 * ii), with the module the eigenvalues of the connectivity (Fig. 12 a,d), and the forgetting of the control network
 * trained motif after motif.
 */
final class MotifNetworkFigures {
    private static final int CDF_POINTS = 200;

    private MotifNetworkFigures() {
    }

    static void write(RunDirectory run, Map<Architecture, List<MotifNetwork.Result>> results, List<MotifUnit> units,
                      MotifSettings settings) {
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> cdfs = new LinkedHashMap<>();
        results.forEach((a, rs) -> {
            MotifNetwork.Result first = rs.get(0);
            MotifUnit unit = units.stream().filter(u -> u.architecture() == a && u.seed() == first.seed()).findFirst().orElseThrow();
            List<String> names = settings.motifSet(first.seed()).stream().map(org.molap.core.tasks.motifs.Motif::name).toList();
            perMotif(run, a, first, names);
            endStates(unit.dir(), names).ifPresent(curves -> cdfs.put(a.label + ", seed " + first.seed(), curves));
            if (a.prep) {
                spectra(run, a, unit.dir(), first);
            }
            if (first.forgetting() != null) {
                forgetting(run, a, first, names);
            }
        });
        if (!cdfs.isEmpty()) {
            LineChart.grid(run.figures().resolve("motifs_end_states.png"), "Entries of x at the end of each motif from "
                    + "random starts x(0) ~ N(0, 1): cumulative distribution per motif", "x_end", "fraction", cdfs, Map.of(),
                    Math.min(cdfs.size(), 3), new double[] {0, 1});
        }
    }

    /** Figs. 6-10: each motif's RMSE from random starts (+- sd over trials) and after each other motif (+- sd). */
    private static void perMotif(RunDirectory run, Architecture a, MotifNetwork.Result r, List<String> names) {
        ChainingHarness c = r.chaining();
        int m = c.motifs();
        double[] randomSd = new double[m];
        double[] chainedSd = new double[m];
        for (int mu = 0; mu < m; mu++) {
            randomSd[mu] = MotifFigures.sd(c.random()[mu]);
            double[] column = new double[m - 1];
            for (int nu = 0, i = 0; nu < m; nu++) {
                if (nu != mu) {
                    column[i++] = c.predecessors()[nu][mu];
                }
            }
            chainedSd[mu] = MotifFigures.sd(column);
        }
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        String random = String.format("from %d random starts (score %.3f)", c.random()[0].length, c.randomScore());
        String chained = String.format("after each other motif (score %.3f)", c.chainedScore());
        series.put(random, c.randomPerMotif());
        series.put(chained, c.chainedPerMotif());
        double top = 0;
        for (int mu = 0; mu < m; mu++) {
            top = Math.max(top, Math.max(c.randomPerMotif()[mu] + randomSd[mu], c.chainedPerMotif()[mu] + chainedSd[mu]));
        }
        BarChart.write(run.figures().resolve("motifs_per_motif_" + fileId(a) + ".png"), a.label + ", N " + r.units() + ", seed "
                        + r.seed() + ": RMSE per motif (mean +- sd)", "RMSE", names, series,
                Map.of(random, randomSd, chained, chainedSd), 0, 1.1 * top, null);
    }

    /** Fig. 2 ii: the empirical distribution function of x_end per motif, with the N(0, 1) of the initial states. */
    private static java.util.Optional<LinkedHashMap<String, double[][]>> endStates(Path dir, List<String> names) {
        Path file = dir.resolve("x_end.npy");
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        INDArray ends = Nd4j.createFromNpyFile(file.toFile());
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < ends.rows(); mu++) {
            double[] v = ends.getRow(mu).toDoubleVector();
            Arrays.sort(v);
            low = Math.min(low, v[0]);
            high = Math.max(high, v[v.length - 1]);
            curves.put(names.get(mu), cdf(v));
        }
        NormalDistribution normal = new NormalDistribution(0, 1);
        double[] xs = new double[CDF_POINTS];
        double[] ys = new double[CDF_POINTS];
        for (int i = 0; i < CDF_POINTS; i++) {
            xs[i] = low + (high - low) * i / (CDF_POINTS - 1);
            ys[i] = normal.cumulativeProbability(xs[i]);
        }
        curves.put("N(0, 1)", new double[][] {xs, ys});
        return java.util.Optional.of(curves);
    }

    /** The empirical distribution function of sorted values at up to CDF_POINTS of them. */
    private static double[][] cdf(double[] sorted) {
        int n = Math.min(CDF_POINTS, sorted.length);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            int k = (int) Math.round((double) i * (sorted.length - 1) / Math.max(1, n - 1));
            xs[i] = sorted[k];
            ys[i] = (k + 1.0) / sorted.length;
        }
        return new double[][] {xs, ys};
    }

    /** The sequential control network: each motif's RMSE from random starts as the later motifs are learned. */
    private static void forgetting(RunDirectory run, Architecture a, MotifNetwork.Result r, List<String> names) {
        double[][] f = r.forgetting();
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        Map<String, double[]> dots = new LinkedHashMap<>();          // bars of length 0: a marker at every point
        for (int j = 0; j < f.length; j++) {
            int points = f.length - j;
            double[] learned = new double[points];
            double[] rmse = new double[points];
            for (int k = j; k < f.length; k++) {
                learned[k - j] = k + 1;
                rmse[k - j] = f[k][j];
            }
            curves.put(names.get(j), new double[][] {learned, rmse});
            dots.put(names.get(j), new double[points]);
        }
        LineChart.write(run.figures().resolve("motifs_forgetting_" + fileId(a) + ".png"), a.label + ", seed " + r.seed()
                + ": each motif's RMSE from random starts as later motifs are learned", "motifs learned", "RMSE", curves, dots, false);
    }

    /** Fig. 12 a,d: eigenvalues of g J + U V' after training, of g J alone and of g J_rnd + U V', and the circle |z| = g. */
    private static void spectra(RunDirectory run, Architecture a, Path dir, MotifNetwork.Result r) {
        LinkedHashMap<String, double[][]> points = new LinkedHashMap<>();
        Map<String, String> labels = Map.of("with_module", "g J + U V' (trained module)", "without_module", "g J",
                "random_J", "g J_rnd + U V' (fresh J)");
        for (String name : List.of("without_module", "random_J", "with_module")) {
            Path file = dir.resolve("eigenvalues_" + name + ".npy");
            if (Files.exists(file)) {
                INDArray e = Nd4j.createFromNpyFile(file.toFile());
                points.put(labels.get(name), new double[][] {e.getRow(0).toDoubleVector(), e.getRow(1).toDoubleVector()});
            }
        }
        if (points.isEmpty()) {
            return;
        }
        double gain = a.config(r.units(), 1, 0, 1).gain();
        LinkedHashMap<String, double[][]> lines = new LinkedHashMap<>();
        lines.put("|z| = g", ScatterChart.circle(gain));
        lines.put("Re z = 1", new double[][] {{1, 1}, {-gain, gain}});
        ScatterChart.write(run.figures().resolve("motifs_eigenvalues_" + fileId(a) + ".png"), a.label + ", seed " + r.seed()
                + ": eigenvalues of the connectivity", "Re", "Im", points, lines, true);
    }

    private static String fileId(Architecture a) {
        return a.id().replace('-', '_');
    }
}
