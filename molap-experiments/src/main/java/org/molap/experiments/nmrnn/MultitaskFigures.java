package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.nm.ProAnti;
import org.molap.export.BarChart;
import org.molap.export.LineChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The multitask figures (seed 003 main Fig. 4, Supp. Fig. 3) and the arrays behind them. */
final class MultitaskFigures {
    private MultitaskFigures() {
    }

    static void write(RunDirectory run, Map<NmModel, List<MultitaskNetwork.Result>> results, List<ModelUnit> units) {
        List<String> categories = List.of("DelayPro", "DelayAnti", "MemoryPro", "after: DelayPro", "after: DelayAnti",
                "after: MemoryPro", "after: MemoryAnti");
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        results.forEach((model, rs) -> {
            double[] median = new double[categories.size()];
            double[] half = new double[categories.size()];
            int i = 0;
            for (boolean after : new boolean[] {false, true}) {
                for (String task : (after ? rs.get(0).retrained() : rs.get(0).trained()).keySet()) {
                    var q = MultitaskExperiment.quartiles(rs, r -> 100 * (after ? r.retrained() : r.trained()).get(task));
                    median[i] = q.median();
                    half[i++] = (q.q3() - q.q1()) / 2;
                }
            }
            series.put(model.label(), median);
            bars.put(model.label(), half);
            double[][] all = rs.stream().map(r -> java.util.stream.Stream.concat(r.trained().values().stream(), r.retrained().values().stream())
                    .mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
            npy(Nd4j.createFromArray(all), run, model.id() + "_percent_correct.npy");
        });
        BarChart.write(run.figures().resolve("nm_multitask_correct.png"), "Percent correct after training, and after retraining on "
                + "Memory Anti (median, bar: IQR / 2)", "% correct (atan2)", categories, series, bars, 0, 100, null);

        units.stream().filter(u -> u.model() == NmModel.NM_RNN).findFirst().ifPresent(u -> {
            INDArray gates = Nd4j.createFromNpyFile(u.dir().resolve("gates_by_task.npy").toFile());     // [4, K, T]
            npy(gates, run, "nm_gates_by_task.npy");
            LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
            for (int k = 0; k < gates.size(1); k++) {
                LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
                for (ProAnti task : ProAnti.values()) {
                    double[] y = gates.get(NDArrayIndex.point(task.ordinal()), NDArrayIndex.point(k), NDArrayIndex.all()).toDoubleVector();
                    double[] x = new double[y.length];
                    java.util.Arrays.setAll(x, t -> t);
                    curves.put(task.label(), new double[][] {x, y});
                }
                panels.put("s_" + (k + 1) + "(t)", curves);
            }
            LineChart.grid(run.figures().resolve("nm_multitask_gates.png"), "NM-RNN (seed " + u.seed()
                    + ") after retraining: s(t), mean of 100 trials per task", "step", "s_k", panels, Map.of(),
                    Math.min(3, (int) gates.size(1)), new double[] {0, 1});
        });

        pcs(run, results, units);
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        results.forEach((model, rs) ->
                curves.put(model.label() + " seed " + rs.get(0).seed(), org.molap.experiments.molap.LossCurve.columns(rs.get(0).lossCurve())));
        LineChart.write(run.figures().resolve("nm_multitask_loss.png"), "Training loss (minibatches), then retraining on Memory Anti",
                "iteration", "MSE", curves, true);
    }

    /** Supp. Fig. 4: each model's first network, one trial per task, on its first two principal components before the go cue. */
    private static void pcs(RunDirectory run, Map<NmModel, List<MultitaskNetwork.Result>> results, List<ModelUnit> units) {
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        for (NmModel model : results.keySet()) {
            ModelUnit u = units.stream().filter(x -> x.model() == model).findFirst().orElseThrow();
            INDArray pcs = Nd4j.createFromNpyFile(u.dir().resolve("state_pcs.npy").toFile());     // [4, trials, T, 3]
            npy(pcs, run, model.id() + "_state_pcs.npy");
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            for (ProAnti task : ProAnti.values()) {
                double[] pc1 = pcs.get(NDArrayIndex.point(task.ordinal()), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)).toDoubleVector();
                double[] pc2 = pcs.get(NDArrayIndex.point(task.ordinal()), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(1)).toDoubleVector();
                int n = 0;
                while (n < pc1.length && !Double.isNaN(pc1[n])) {
                    n++;
                }
                curves.put(task.label(), new double[][] {java.util.Arrays.copyOf(pc1, n), java.util.Arrays.copyOf(pc2, n)});
            }
            double[] ratio = results.get(model).get(0).stateVariance();
            panels.put(String.format("%s (PC1-3: %.0f%% of the variance)", model.label(),
                    100 * java.util.Arrays.stream(ratio).sum()), curves);
        }
        LineChart.grid(run.figures().resolve("nm_multitask_states.png"), "Activity before go: PC1, PC2 (a trial per task)", "PC1", "PC2", panels, Map.of(), 2, null);
    }

    private static void npy(INDArray a, RunDirectory run, String name) {
        NetworkUnits.writeArray(run.arrays(), name, a);
    }
}
