package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Quartiles;
import org.molap.core.tasks.nm.MeasureWaitGo;
import org.molap.export.BarChart;
import org.molap.export.LineChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Measure-Wait-Go figures (seed 003 main Fig. 3, Supp. Figs. 1-2) and the arrays behind them. */
final class MwgFigures {
    /** Intervals whose outputs are drawn: shorter, trained, longer. */
    private static final List<Integer> TRACED = List.of(4, 14, 26);
    /** Intervals whose neuromodulatory signal is drawn. */
    private static final List<Integer> GATED = List.of(4, 8, 14, 20, 26);
    /** Steps drawn before and after the go pulse. */
    private static final int BEFORE = 5;
    private static final int AFTER = 32;

    private MwgFigures() {
    }

    static void write(RunDirectory run, Map<NmModel, List<MwgNetwork.Result>> results, List<ModelUnit> units, PrintStream console) {
        MeasureWaitGo task = new MeasureWaitGo(MeasureWaitGo.Config.paper());
        arrays(run, results, units);
        produced(run, results);
        errors(run, results);
        traces(run, task, results, units);
        gates(run, task, units);
        losses(run, results);
    }

    private static void arrays(RunDirectory run, Map<NmModel, List<MwgNetwork.Result>> results, List<ModelUnit> units) {
        results.forEach((model, networks) -> {
            npy(Nd4j.createFromArray(networks.stream().map(MwgNetwork.Result::produced).toArray(double[][]::new)),
                    run.arrays().resolve(model.id() + "_produced.npy"));
            npy(Nd4j.createFromArray(networks.stream().map(MwgNetwork.Result::mse).toArray(double[][]::new)),
                    run.arrays().resolve(model.id() + "_mse.npy"));
            List<INDArray> traces = units.stream().filter(u -> u.model() == model)
                    .map(u -> Nd4j.createFromNpyFile(u.dir().resolve("outputs_at_15.npy").toFile())).toList();
            npy(Nd4j.stack(0, traces.toArray(INDArray[]::new)), run.arrays().resolve(model.id() + "_outputs_at_15.npy"));
        });
        npy(Nd4j.createFromArray(results.values().iterator().next().get(0).intervals().stream().mapToDouble(Integer::doubleValue).toArray()),
                run.arrays().resolve("intervals.npy"));
        List<INDArray> gates = units.stream().filter(u -> u.model() == NmModel.NM_RNN)
                .map(u -> Nd4j.createFromNpyFile(u.dir().resolve("gates_at_15.npy").toFile())).toList();
        if (!gates.isEmpty()) {
            npy(Nd4j.stack(0, gates.toArray(INDArray[]::new)), run.arrays().resolve("nm_gates_at_15.npy"));
        }
    }

    /** Produced against target interval, medians over networks with their interquartile range. */
    private static void produced(RunDirectory run, Map<NmModel, List<MwgNetwork.Result>> results) {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        MwgNetwork.Result first = results.values().iterator().next().get(0);
        double[] xs = first.intervals().stream().mapToDouble(Integer::doubleValue).toArray();
        series.put("target ramp", new double[][] {xs, first.targetCrossing()});
        results.forEach((model, networks) -> {
            double[] median = new double[xs.length];
            double[] halfRange = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                int at = i;
                Quartiles q = Quartiles.of(networks.stream().mapToDouble(r -> r.produced()[at]).toArray());
                median[i] = q.median();
                halfRange[i] = (q.q3() - q.q1()) / 2;
            }
            series.put(model.label(), new double[][] {xs, median});
            bars.put(model.label(), halfRange);
        });
        LineChart.write(run.figures().resolve("mwg_produced_interval.png"),
                "Produced interval (trained 12-18; median over networks, bars half the IQR)", "interval I (steps)",
                "produced interval (steps from go to 0.9 max)", series, bars, false);
    }

    /** MSE on the shorter, trained and longer intervals, medians over networks. */
    private static void errors(RunDirectory run, Map<NmModel, List<MwgNetwork.Result>> results) {
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        results.forEach((model, networks) -> {
            double[] byGroup = new double[3];
            List<String> groups = networks.get(0).groups();
            for (int g = 0; g < 3; g++) {
                String name = List.of("shorter", "trained", "longer").get(g);
                byGroup[g] = Quartiles.of(networks.stream().mapToDouble(r -> {
                    double sum = 0;
                    int count = 0;
                    for (int i = 0; i < groups.size(); i++) {
                        if (groups.get(i).equals(name)) {
                            sum += r.mse()[i];
                            count++;
                        }
                    }
                    return sum / count;
                }).toArray()).median();
            }
            series.put(model.label(), byGroup);
        });
        BarChart.writeLog(run.figures().resolve("mwg_mse.png"), "MSE by interval group (median over networks)", "MSE",
                List.of("shorter (4-10)", "trained (12-18)", "longer (20-26)"), series, null);
    }

    /** Each model's output of its first network at measure time 15, aligned to the go pulse, with the targets. */
    private static void traces(RunDirectory run, MeasureWaitGo task, Map<NmModel, List<MwgNetwork.Result>> results,
                               List<ModelUnit> units) {
        for (NmModel model : results.keySet()) {
            ModelUnit u = units.stream().filter(x -> x.model() == model).findFirst().orElseThrow();
            INDArray out = Nd4j.createFromNpyFile(u.dir().resolve("outputs_at_15.npy").toFile());
            List<Integer> intervals = results.get(model).get(0).intervals();
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            for (int interval : TRACED) {
                int go = task.goPulse(new MeasureWaitGo.Trial(MwgNetwork.TRACE_MEASURE, interval));
                double[] y = out.getRow(intervals.indexOf(interval)).toDoubleVector();
                double[][] output = new double[2][BEFORE + AFTER];
                double[][] target = new double[2][BEFORE + AFTER];
                for (int j = 0; j < BEFORE + AFTER; j++) {
                    int t = go - BEFORE + j;
                    output[0][j] = target[0][j] = t - go;
                    output[1][j] = y[t];
                    target[1][j] = task.target(t, go, interval);
                }
                curves.put("output, I = " + interval, output);
                curves.put("target, I = " + interval, target);
            }
            LineChart.writePairs(run.figures().resolve("mwg_traces_" + model.id() + ".png"), model.label() + " (seed " + u.seed()
                    + "): output (solid) and target (dashed) at measure time 15",
                    "steps from the go pulse", "output", curves);
        }
    }

    /** The NM-RNN's neuromodulatory signal s_k(t) of its first network, aligned to go, per interval. */
    private static void gates(RunDirectory run, MeasureWaitGo task, List<ModelUnit> units) {
        ModelUnit u = units.stream().filter(x -> x.model() == NmModel.NM_RNN).findFirst().orElse(null);
        if (u == null) {
            return;
        }
        INDArray s = Nd4j.createFromNpyFile(u.dir().resolve("gates_at_15.npy").toFile());     // [intervals, K, T]
        MwgNetwork.Result r = MwgNetwork.read(u.dir());
        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        for (int k = 0; k < s.size(1); k++) {
            LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
            for (int interval : GATED) {
                int i = r.intervals().indexOf(interval);
                int go = task.goPulse(new MeasureWaitGo.Trial(MwgNetwork.TRACE_MEASURE, interval));
                double[][] c = new double[2][BEFORE + AFTER];
                for (int j = 0; j < BEFORE + AFTER; j++) {
                    c[0][j] = j - BEFORE;
                    c[1][j] = s.getDouble(i, k, go - BEFORE + j);
                }
                curves.put("I=" + interval + " (" + r.groups().get(i) + ")", c);
            }
            panels.put("s_" + (k + 1) + "(t)", curves);
        }
        LineChart.grid(run.figures().resolve("mwg_gates.png"), "NM-RNN (seed " + u.seed() + "): neuromodulatory signal, aligned to go",
                "steps from go", "s_k", panels, Map.of(), Math.min(3, (int) s.size(1)), new double[] {0, 1});
    }

    private static void losses(RunDirectory run, Map<NmModel, List<MwgNetwork.Result>> results) {
        LinkedHashMap<String, double[][]> series = new LinkedHashMap<>();
        results.forEach((model, networks) -> networks.forEach(r ->
                series.put(model.label() + " seed " + r.seed(), org.molap.experiments.molap.LossCurve.columns(r.lossCurve()))));
        LineChart.write(run.figures().resolve("mwg_loss.png"), "Training loss (the NM-RNN's phases: low-rank, neuromodulatory, all)",
                "iteration", "loss (MSE on the 40 trials)", series, true);
    }

    private static void npy(INDArray a, Path file) {
        NetworkUnits.writeArray(file.getParent(), file.getFileName().toString(), a);
    }
}
