package org.molap.experiments.bench;

import org.molap.dl4j.model.Cell;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.train.TrainableSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem per cell family at its paper size, every parameter trained, on the SameDiff engine (the definition of
 * every cell), on the fast engine where a cell has one, and in PyTorch where it is installed (tools/bench_pytorch.py:
 * the network as a lab would write it). FLOPs count the matrix products only: each forward
 * product counted three times (itself and the two products of its backward pass), a frozen encoder once.
 */
final class FamilyBench {
    private FamilyBench() {
    }

    /**
     * A family's problem: its cell, readout width, batch, steps and the FLOPs of one training iteration; {@code graph}:
     * whether the SameDiff graph is timed too (not for the motor variants: a 1000-step graph takes minutes to build,
     * and the additive network's shows what it costs).
     */
    record Family(String key, String label, Cell cell, int outputs, int batch, int steps, double flops, boolean graph) {
        Family(String key, String label, Cell cell, int outputs, int batch, int steps, double flops) {
            this(key, label, cell, outputs, batch, steps, flops, true);
        }
    }

    static List<Family> families() {
        List<Family> f = new ArrayList<>();
        int n = 100;
        f.add(new Family("leaky", "seed 000 leaky tanh RNN, N 100, batch 200, T 110", new LeakyRnnCell(n, 3, 0.2, 1.5),
                3, 200, 110, 3.0 * 110 * 2 * 200 * (n * n + 3 * n + 3 * n)));
        f.add(motor("motor_additive", "seed 001 additive rate network", MotorRateCell.Config.additive(300, 10), true));
        f.add(motor("motor_additive_prep", "seed 001 additive network + preparatory module P 50",
                MotorRateCell.Config.additive(300, 10).withPreparatoryModule(50), false));
        f.add(motor("motor_multiplicative", "seed 001 multiplicative network", MotorRateCell.Config.multiplicative(100, 10), false));
        f.add(motor("motor_multiplicative_prep", "seed 001 multiplicative network + preparatory module P 50",
                MotorRateCell.Config.multiplicative(100, 10).withPreparatoryModule(50), false));
        NmRnnCell.Config nm = NmRnnCell.Config.measureWaitGo(3);
        f.add(new Family("nm_rnn", "seed 003 NM-RNN, N 100, K 3, M 5, batch 40, T 110", new NmRnnCell(nm), 1, 40, 110,
                3.0 * 110 * 2 * 40 * (5 * 5 + 5 * 3 + 2 * 100 * 3 + 3 * 3 + 3 * (100 + 5) + 100)));
        f.add(new Family("lr_rnn", "seed 003 low-rank RNN, N 106, K 3, batch 40, T 110", new RateRnnCell(106, 3, 3, 10), 1, 40, 110,
                3.0 * 110 * 2 * 40 * (2 * 106 * 3 + 106 * 3 + 106)));
        f.add(new Family("lstm", "seed 003 LSTM of the NM-RNN's parameter count, N 15, batch 40, T 110", new LstmCell(15, 3),
                1, 40, 110, 3.0 * 110 * 2 * 40 * (4 * 15 * 15 + 4 * 15 * 3 + 15)));
        double encoder = 22 * 2 * 16 * (3 * 2 + 2 * 100 + 100 * 100 + 100 * 40);
        f.add(new Family("relu_encoder", "seed 002 ReLU RNN behind its encoder, N 64, batch 16, T 22, 24 tasks",
                new EncodedReluCell(64, 2, 100, 100, 40), 24, 16, 22,
                encoder + 3.0 * 22 * 2 * 16 * (64 * 64 + 41 * 64 + 64 * 24)));
        return f;
    }

    /**
     * Seed 001's networks at the problem: 10 motifs x 4 trials, T 1000. Products per step and trial: J (N^2),
     * the input (M N), with loops the selection of u_mu and v_mu (2 M N) and the loop itself (2 N), with the module
     * its two thin products (2 N P), the readout (N).
     */
    private static Family motor(String key, String label, MotorRateCell.Config c, boolean graph) {
        int n = c.units();
        double perStep = (double) n * n + c.motifs() * n + (c.motifLoops() ? 2.0 * c.motifs() * n + 2 * n : 0)
                + 2.0 * n * c.prepRank() + n;
        return new Family(key, label + ", N " + n + ", batch 40, T 1000", new MotorRateCell(c), 1, 40, 1000,
                3.0 * 1000 * 2 * 40 * perStep, graph);
    }

    static List<Map<String, Object>> run(int repeats, PrintStream console) {
        List<Contender> contenders = new ArrayList<>();
        Map<String, Family> familyOf = new LinkedHashMap<>();
        for (Family f : families()) {
            DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, f.batch(), f.cell().inputs(), f.steps()),
                    Nd4j.rand(DataType.FLOAT, f.batch(), f.outputs(), f.steps()));
            List<String> trained = new ArrayList<>(Unroller.initialParameters(f.cell(), f.outputs(), DataType.FLOAT, 1).keySet());
            if (f.cell() instanceof EncodedReluCell cell) {
                trained.removeAll(cell.parameters().stream().filter(p -> p.group().equals(EncodedReluCell.ENCODER))
                        .map(org.molap.dl4j.model.ParamSpec::name).toList());
            }
            if (f.graph()) {
                CellModel m = Unroller.unroll(f.cell(), f.outputs(), f.steps(), DataType.FLOAT, Loss.mse(), 1);
                Contender c = Contenders.trained(f.key() + "_samediff", f.label() + ", SameDiff", m, TrainableSet.of(trained), batch);
                contenders.add(c);
                familyOf.put(c.key(), f);
            }
            try {
                TrainableModel fast = Engines.build(f.cell(), f.outputs(), f.steps(), DataType.FLOAT, Loss.mse(), 1, Engines.Engine.FAST);
                Contender e = Contenders.trained(f.key() + "_fast", f.label() + ", fast engine", fast, TrainableSet.of(trained), batch);
                contenders.add(e);
                familyOf.put(e.key(), f);
            } catch (IllegalArgumentException none) {
                // this family has only its SameDiff graph
            }
        }
        String[] why = new String[1];
        PyTorchContenders torch = PyTorchContenders.startFamilies(families(), why);
        if (torch != null) {
            for (Family f : families()) {
                Contender c = torch.family(f.key(), f.label());
                contenders.add(c);
                familyOf.put(c.key(), f);
            }
        } else {
            console.println("PyTorch contenders left out: " + why[0]);
        }
        List<String> order = families().stream().map(Family::key).toList();
        contenders.sort(java.util.Comparator.comparingInt(c -> order.indexOf(familyOf.get(c.key()).key())));
        try {
            return timed(contenders, familyOf, repeats, console);
        } finally {
            if (torch != null) {
                torch.close();
            }
        }
    }

    private static List<Map<String, Object>> timed(List<Contender> contenders, Map<String, Family> familyOf, int repeats,
                                                   PrintStream console) {
        double peak = PeakSgemm.gflops();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        contenders.forEach(c -> times.put(c.key(), new ArrayList<>()));
        console.printf("%ncell families at their paper sizes: %d rounds after a warm-up, contenders in turn%n", repeats);
        for (int round = 0; round <= repeats; round++) {
            for (Contender c : contenders) {
                System.gc();
                boolean longRun = familyOf.get(c.key()).steps() >= 1000;
                // round 0 warms up: 20 iterations let the JIT compile the fast engines' Java loops, as training would
                double[] ms = c.iterations(longRun ? 1 : round == 0 ? 20 : 3);
                Stats.progress(console, round, repeats, c, ms);
                if (round > 0) {
                    for (double x : ms) {
                        times.get(c.key()).add(x);
                    }
                }
            }
        }
        peak = Math.max(peak, PeakSgemm.gflops());
        List<Map<String, Object>> rows = new ArrayList<>();
        console.printf("%-78s %9s %9s %8s %9s %9s%n", "family, engine", "min ms", "median", "IQR", "limit ms", "x limit");
        for (Contender c : contenders) {
            Family f = familyOf.get(c.key());
            Stats s = Stats.of(times.get(c.key()).stream().mapToDouble(Double::doubleValue).toArray());
            double limit = f.flops() / (peak * 1e9) * 1e3;
            console.printf("%-78s %9.1f %9.1f %8.1f %9.2f %8.1fx%n", c.label(), s.min(), s.median(), s.iqr(), limit, s.median() / limit);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", c.key());
            row.put("label", c.label());
            row.put("batch", f.batch());
            row.put("T", f.steps());
            row.putAll(s.json());
            row.put("flops_per_iteration", f.flops());
            row.put("peak_sgemm_gflops", peak);
            row.put("physical_limit_ms", limit);
            row.put("over_limit", s.median() / limit);
            rows.add(row);
        }
        return rows;
    }
}
