package org.molap.experiments.bench;

import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.UsageException;
import org.molap.export.BarChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./molap bench}: for each problem, in one run and on the same shapes, our training iteration, the
 * matrix-product floor, DL4J's SimpleRnn doing the same job, evaluation throughput, graph build cost and
 * peak memory. Prints a table with the ratios, writes JSON and a PNG chart next to it.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static Path run(List<String> args, PrintStream console) {
        Path out = null;
        String which = "all";
        int repeats = 7;
        boolean sweep = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--sweep")) {
                sweep = true;
                continue;
            }
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--out" -> out = Path.of(require(a, value));
                case "--problems" -> which = require(a, value);
                case "--repeats" -> repeats = positive(a, require(a, value));
                default -> throw new UsageException("Unknown bench option '" + a + "'; use --out <file.json>, --problems molap|all, --repeats <n>, --sweep.");
            }
            i++;
        }
        List<BenchProblem> problems = switch (which) {
            case "all" -> BenchProblem.standard();
            case "molap" -> BenchProblem.standard().subList(0, 1);
            default -> throw new UsageException("Unknown --problems '" + which + "': use molap or all.");
        };
        if (out == null) {
            out = Path.of("runs", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UsageException("The folder of " + out + " cannot be created; choose a writable --out.");
        }

        console.printf("%-10s %5s %5s %5s %12s %12s %10s %12s %10s %8s %9s %10s %10s%n", "problem", "N", "batch", "T",
                "ours ms/it", "SameDiff ms", "floor ms", "(Nd4j.gemm)", "DL4J ms", "ours/floor", "DL4J/ours", "eval tr/s", "build ms");
        List<Map<String, Object>> rows = new ArrayList<>();
        long peakHeap = 0;
        long peakOffHeap = 0;
        for (BenchProblem p : problems) {
            int warmup = 2;
            int reps = p.units() >= 400 ? Math.max(3, repeats / 2) : repeats;
            DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()),
                    Nd4j.rand(DataType.FLOAT, p.batch(), BenchProblem.CHANNELS, p.steps()));
            OursBench.Result ours = OursBench.run(p, batch, warmup, reps, org.molap.dl4j.rnn.ElmanBptt::build);
            OursBench.Result graph = OursBench.run(p, batch, warmup, reps, org.molap.dl4j.rnn.RnnGraph::build);
            double floor = FloorBench.millis(p, warmup, reps, FloorBench.RAW_BLAS);
            double floorNd4j = FloorBench.millis(p, warmup, reps, FloorBench.ND4J_GEMM);
            double dl4j = Dl4jBench.iterationMillis(p, batch, warmup, reps);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("N", p.units());
            row.put("modules", p.modules());
            row.put("batch", p.batch());
            row.put("T", p.steps());
            row.put("ms_per_iteration", ours.iterationMillis());
            row.put("samediff_ms", graph.iterationMillis());
            row.put("samediff_graph_build_ms", graph.buildMillis());
            row.put("floor_ms", floor);
            row.put("floor_nd4j_gemm_ms", floorNd4j);
            row.put("dl4j_ms", dl4j);
            row.put("ours_over_floor", ours.iterationMillis() / floor);
            row.put("dl4j_over_ours", dl4j / ours.iterationMillis());
            row.put("eval_trials_per_s", ours.evalTrialsPerSecond());
            row.put("graph_build_ms", ours.buildMillis());
            row.put("repeats", reps);
            rows.add(row);
            Runtime rt = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            peakOffHeap = Math.max(peakOffHeap, org.bytedeco.javacpp.Pointer.physicalBytes());
            console.printf("%-10s %5d %5d %5d %12.1f %12.1f %10.1f %12.1f %10.1f %8.2fx %8.2fx %10.0f %10.0f%n", p.name(), p.units(), p.batch(),
                    p.steps(), ours.iterationMillis(), graph.iterationMillis(), floor, floorNd4j, dl4j, ours.iterationMillis() / floor, dl4j / ours.iterationMillis(),
                    ours.evalTrialsPerSecond(), ours.buildMillis());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problems", rows);
        if (sweep) {
            json.put("scaling", ScalingSweep.run(Math.max(3, repeats / 2), console, sibling(out, "-scaling.png")));
        }
        json.put("peak_heap_mb", peakHeap / (1024.0 * 1024));
        json.put("peak_process_physical_mb", peakOffHeap / (1024.0 * 1024));
        json.put("provenance", Provenance.collect(Path.of("")));
        try {
            RunDirectory.JSON.writeValue(out.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out, e);
        }
        chart(rows, sibling(out, ".png"));
        console.printf("peak heap %.0f MB, peak process physical memory %.0f MB%n", peakHeap / 1048576.0, peakOffHeap / 1048576.0);
        return out;
    }

    /** file.json -> file + suffix, next to it. */
    private static Path sibling(Path json, String suffix) {
        return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + suffix);
    }

    private static void chart(List<Map<String, Object>> rows, Path png) {
        List<String> names = rows.stream().map(r -> (String) r.get("name")).toList();
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        for (String[] s : new String[][] {{"ours (hand BPTT)", "ms_per_iteration"}, {"ours (SameDiff graph)", "samediff_ms"},
                {"matrix-product floor", "floor_ms"}, {"DL4J SimpleRnn", "dl4j_ms"}}) {
            series.put(s[0], rows.stream().mapToDouble(r -> (double) r.get(s[1])).toArray());
        }
        double max = series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        BarChart.write(png, "Training iteration time (one thread)", "ms per iteration", names, series, 0, 1.1 * max, null);
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new UsageException("Option " + option + " needs a value.");
        }
        return value;
    }

    private static int positive(String option, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("Option " + option + " needs a positive whole number, got '" + value + "'.");
    }
}
