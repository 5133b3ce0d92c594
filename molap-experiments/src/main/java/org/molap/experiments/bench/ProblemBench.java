package org.molap.experiments.bench;

import org.molap.dl4j.rnn.ElmanBptt;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem of the bench: every contender on the same batch, in rounds (a warm-up round, then {@code repeats}
 * rounds of a few iterations each, contenders in turn), and the physical limit measured in the same run.
 */
final class ProblemBench {
    private ProblemBench() {
    }

    static Map<String, Object> run(BenchProblem p, double leak, int repeats, PrintStream console) {
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()),
                Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()));
        List<Contender> contenders = new ArrayList<>();
        Contender ours = Contenders.ours("ours", "ours, BPTT engine, leak a = " + leak, p, leak, batch, ElmanBptt::build);
        contenders.add(ours);
        if (leak != 1) {
            contenders.add(Contenders.ours("ours_no_leak", "ours, BPTT engine, no leak (a = 1)", p, 1, batch, ElmanBptt::build));
        }
        contenders.add(Contenders.ours("samediff", "ours, SameDiff graph (autodiff), leak a = " + leak, p, leak, batch, RnnGraph::build));
        contenders.add(Contenders.dl4j(p, batch));
        contenders.add(Contenders.floor(p));
        String[] why = new String[1];
        PyTorchContenders torch = PyTorchContenders.start(p, leak, why);
        if (torch != null) {
            contenders.addAll(torch.contenders());
        }
        double peak = PeakSgemm.gflops();
        int perRound = p.units() <= 100 ? 3 : 1;
        Map<String, List<Double>> times = new LinkedHashMap<>();
        contenders.forEach(c -> times.put(c.key(), new ArrayList<>()));
        double oursCpu = 0;
        double oursWall = 0;
        console.printf("%n%s: N = %d, batch %d, T = %d, leak a = %s; %d rounds of %d iteration(s) per contender%n",
                p.name(), p.units(), p.batch(), p.steps(), leak, repeats, perRound);
        try {
            for (int round = 0; round <= repeats; round++) {
                for (Contender c : contenders) {
                    System.gc(); // the garbage of one contender (SameDiff makes gigabytes) is not collected in another's time
                    double[] ms = c.iterations(perRound);
                    Stats.progress(console, round, repeats, c, ms);
                    if (round == 0) {
                        continue; // warm-up: JIT, buffers, caches
                    }
                    for (double m : ms) {
                        times.get(c.key()).add(m);
                    }
                    if (c == ours) {
                        oursCpu += c.lastCpuMillis();
                        oursWall += java.util.Arrays.stream(ms).sum();
                    }
                }
            }
        } finally {
            if (torch != null) {
                torch.close();
            }
        }
        peak = Math.max(peak, PeakSgemm.gflops());
        double flops = PeakSgemm.iterationFlops(p);
        double limit = flops / (peak * 1e9) * 1e3;

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.name());
        row.put("N", p.units());
        row.put("batch", p.batch());
        row.put("T", p.steps());
        row.put("leak", leak);
        row.put("flops_per_iteration", flops);
        row.put("peak_sgemm_gflops", peak);
        row.put("physical_limit_ms", limit);
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Stats> stats = new LinkedHashMap<>();
        for (Contender c : contenders) {
            Stats s = Stats.of(times.get(c.key()).stream().mapToDouble(Double::doubleValue).toArray());
            stats.put(c.key(), s);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", c.label());
            entry.putAll(s.json());
            json.put(c.key(), entry);
        }
        row.put("contenders", json);
        double oursMedian = stats.get("ours").median();
        row.put("ours_over_limit", oursMedian / limit);
        row.put("fraction_of_limit", limit / oursMedian);
        for (String other : stats.keySet()) {
            if (!other.equals("ours")) {
                row.put(other + "_over_ours", stats.get(other).median() / oursMedian);
            }
        }
        row.put("ours_cpu_over_wall", oursCpu / oursWall);
        row.put("pytorch", torch != null ? torch.version() : "not run: " + why[0]);
        row.put("eval_trials_per_s", evalThroughput(p, leak, batch));

        console.printf("%-58s %9s %9s %8s %9s%n", "contender", "min ms", "median", "IQR", "x ours");
        for (Contender c : contenders) {
            Stats s = stats.get(c.key());
            console.printf("%-58s %9.1f %9.1f %8.1f %8.2fx%n", c.label(), s.min(), s.median(), s.iqr(), s.median() / oursMedian);
        }
        console.printf("%-58s %9.1f   (%.2f GFLOP at %.0f GFLOP/s peak sgemm; ours at %.2fx the limit, %.0f%% of it)%n",
                "physical limit", limit, flops / 1e9, peak, oursMedian / limit, 100 * limit / oursMedian);
        if (torch == null) {
            console.printf("PyTorch not run: %s%n", why[0]);
        }
        if (oursCpu / oursWall < 0.9) {
            console.printf("warning: our thread got %.0f%% of the wall-clock time: another process competed for the CPU%n", 100 * oursCpu / oursWall);
        }
        return row;
    }

    private static double evalThroughput(BenchProblem p, double leak, DataSet batch) {
        var model = ElmanBptt.build(RnnGraph.Shape.of(org.molap.dl4j.rnn.RecurrentCore.random(
                new org.molap.dl4j.rnn.ModularRnnConfig(p.units(), p.modules(), 1.5, 1, leak), DataType.FLOAT),
                BenchProblem.CHANNELS, BenchProblem.CHANNELS, p.steps(), DataType.FLOAT, org.molap.dl4j.rnn.Regularisation.paper()));
        double ms = Timing.medianMillis(2, 5, () -> model.forward(batch.getFeatures()));
        return p.batch() / (ms / 1000);
    }
}
