package org.molap.experiments.bench;

import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.export.LineChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How our iteration time grows with T (N = 100) and with N (T = 110), batch 200, next to the three products
 * of every step alone. BPTT is linear in T, so the T curve should be a straight line; in N the products grow as N^2.
 */
final class ScalingSweep {
    static final int[] STEPS = {55, 110, 220, 440};
    static final int[] UNITS = {50, 100, 200, 400};

    private ScalingSweep() {
    }

    static Map<String, Object> run(int repeats, PrintStream console, Path png) {
        List<Map<String, Object>> overT = new ArrayList<>();
        List<Map<String, Object>> overN = new ArrayList<>();
        console.printf("%nscaling (hand BPTT vs the step products, batch 200): %-8s %6s %12s %12s%n", "sweep", "value", "ours ms/it", "products ms");
        for (int t : STEPS) {
            overT.add(point(new BenchProblem("T" + t, 100, 2, 200, t), "T", t, repeats, console));
        }
        for (int n : UNITS) {
            overN.add(point(new BenchProblem("N" + n, n, 2, 200, 110), "N", n, repeats, console));
        }
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("ours, over T (N = 100)", xy(overT, "T", "ms_per_iteration"));
        curves.put("step products, over T (N = 100)", xy(overT, "T", "step_products_ms"));
        LineChart.write(png, "Iteration time against sequence length T", "T (steps)", "ms per iteration", curves, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("over_T", overT);
        out.put("over_N", overN);
        return out;
    }

    private static Map<String, Object> point(BenchProblem p, String axis, int value, int repeats, PrintStream console) {
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()),
                Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()));
        Contender contender = Contenders.ours("ours", "ours", p, org.molap.dl4j.rnn.ModularRnnConfig.YANG_LEAK, batch, ElmanBptt::build);
        contender.iterations(2); // warm-up
        double ours = Stats.of(contender.iterations(repeats)).median();
        FloorBench.Buffers buffers = new FloorBench.Buffers(p);
        double products = Timing.medianMillis(2, repeats, () -> buffers.runSteps(FloorBench.RAW_BLAS));
        console.printf("%62s %6d %12.1f %12.1f%n", axis, value, ours, products);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(axis, value);
        m.put("ms_per_iteration", ours);
        m.put("step_products_ms", products);
        return m;
    }

    private static double[][] xy(List<Map<String, Object>> points, String axis, String key) {
        double[] x = points.stream().mapToDouble(m -> ((Number) m.get(axis)).doubleValue()).toArray();
        double[] y = points.stream().mapToDouble(m -> (double) m.get(key)).toArray();
        return new double[][] {x, y};
    }
}
