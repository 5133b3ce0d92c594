package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Quartiles;
import org.molap.core.tasks.nm.ElementFinder;
import org.molap.export.BarChart;
import org.molap.export.LineChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Element Finder figures (seed 003 main Fig. 5 B-F, Supp. Figs. 5-6) and the arrays behind them. */
final class ElementFinderFigures {
    /** Components of s drawn: the most used ones. */
    private static final int COMPONENTS = 3;

    private ElementFinderFigures() {
    }

    static void write(RunDirectory run, Map<String, List<ElementFinderNetwork.Result>> byCondition,
                      List<ElementFinderNetwork.Unit> units, ElementFinderSettings s) {
        List<String> labels = byCondition.values().stream().map(rs -> rs.get(0).label()).toList();
        LinkedHashMap<String, double[]> median = new LinkedHashMap<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        double[] m = byCondition.values().stream().mapToDouble(rs -> ElementFinderExperiment.heldOut(rs).median()).toArray();
        median.put("parameters at the lowest training loss", m);
        median.put("last parameters", byCondition.values().stream()
                .mapToDouble(rs -> Quartiles.of(ElementFinderExperiment.finalMses(rs)).median()).toArray());
        BarChart.writeLog(run.figures().resolve("ef_mse.png"), "Element Finder: held-out MSE at the last step, medians over networks "
                + "(dashed: predicting the mean)", "MSE", labels, median, ElementFinder.Config.paper().chanceMse());
        double[][] all = byCondition.values().stream().map(rs -> rs.stream().mapToDouble(ElementFinderNetwork.Result::heldOutMse).toArray())
                .toArray(double[][]::new);
        npy(Nd4j.createFromArray(all), run, "held_out_mse.npy");
        npy(Nd4j.createFromArray(byCondition.values().stream().map(ElementFinderExperiment::finalMses).toArray(double[][]::new)), run,
                "final_held_out_mse.npy");

        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        byCondition.values().forEach(rs -> curves.put(rs.get(0).label(), org.molap.experiments.molap.LossCurve.columns(rs.get(0).lossCurve())));
        LineChart.write(run.figures().resolve("ef_loss.png"), "Training loss, one network per condition", "iteration",
                "MSE at the last step (batch of 128)", curves, true);

        String bestNm = ElementFinderExperiment.best(byCondition, NmModel.NM_RNN);     // its first network's s(t) is drawn
        units.stream().filter(u -> s.conditions().get(u.condition()).name().equals(bestNm)).findFirst().ifPresent(u -> {
            ElementFinderNetwork.Result r = ElementFinderNetwork.read(u.dir());
            INDArray byValue = Nd4j.createFromNpyFile(u.dir().resolve("gates_by_value.npy").toFile());
            INDArray byQuery = Nd4j.createFromNpyFile(u.dir().resolve("gates_by_query.npy").toFile());
            npy(byValue, run, "nm_gates_by_value.npy");
            npy(byQuery, run, "nm_gates_by_query.npy");
            int[] order = mostUsed(r.gateVariance());
            gates(run, "ef_gates_by_value.png", r, byValue, order, "query 10, value ", ElementFinderNetwork.VALUES);
            gates(run, "ef_gates_by_query.png", r, byQuery, order, "value 5, query ", ElementFinderNetwork.QUERIES);
            LinkedHashMap<String, double[]> ablation = new LinkedHashMap<>();
            ablation.put("s_k clamped at its time mean", r.ablatedMse());
            List<String> components = java.util.stream.IntStream.range(0, r.ablatedMse().length).mapToObj(k -> "s_" + (k + 1)).toList();
            BarChart.writeLog(run.figures().resolve("ef_ablation.png"), r.label() + " seed " + r.seed()
                    + ": held-out MSE with one component clamped (dashed: intact)", "MSE", components, ablation, r.heldOutMse());
        });
    }

    private static void gates(RunDirectory run, String file, ElementFinderNetwork.Result r, INDArray gates, int[] order,
                              String legend, int[] levels) {
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        for (int j = 0; j < Math.min(COMPONENTS, order.length); j++) {
            int k = order[j];
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            for (int i = 0; i < levels.length; i++) {
                double[] y = gates.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.point(k),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).toDoubleVector();
                double[] x = new double[y.length];
                Arrays.setAll(x, t -> t);
                curves.put(legend + levels[i], new double[][] {x, y});
            }
            panels.put("s_" + (k + 1) + " (variance rank " + (j + 1) + ")", curves);
        }
        LineChart.grid(run.figures().resolve(file), r.label() + " seed " + r.seed() + ": s(t), mean of 100 sequences",
                "step (0: the query)", "s_k", panels, Map.of(), COMPONENTS, new double[] {0, 1});
    }

    /** Components by decreasing time variance. */
    private static int[] mostUsed(double[] variance) {
        return java.util.stream.IntStream.range(0, variance.length).boxed()
                .sorted((a, b) -> Double.compare(variance[b], variance[a])).mapToInt(Integer::intValue).toArray();
    }

    private static void npy(INDArray a, RunDirectory run, String name) {
        NetworkUnits.writeArray(run.arrays(), name, a);
    }
}
