package org.molap.experiments.bench;

import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Options;
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
 * {@code ./molap bench}: for each problem, in one run and on the same shapes, the training iteration of our
 * engine (with the leak a and without), of the SameDiff graph, of DL4J's own layers and of PyTorch where it is
 * installed, interleaved in rounds ({@link ProblemBench}), next to the physical limit: the iteration's FLOPs over
 * the single-thread peak sgemm measured in the same run. Prints a table per problem, writes JSON and a chart.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static Path run(Options options, PrintStream console) {
        Path out = options.get("out") == null ? null : Path.of(options.get("out"));
        String which = options.get("problems") == null ? "all" : options.get("problems");
        int repeats = options.positive("repeats", 7);
        double leak = options.get("alpha") == null ? org.molap.dl4j.rnn.ModularRnnConfig.YANG_LEAK : leak(options.get("alpha"));
        boolean sweep = Boolean.parseBoolean(options.get("sweep"));
        List<BenchProblem> problems = switch (which) {
            case "all" -> BenchProblem.standard();
            case "molap" -> BenchProblem.standard().subList(0, 1);
            case "families" -> List.of();
            default -> throw new UsageException("Unknown --problems '" + which + "': use molap, families or all.");
        };
        if (out == null) {
            out = Path.of("runs", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UsageException("The folder of " + out + " cannot be created; choose a writable --out.");
        }

        Machine machine = Machine.now();
        if (machine.busy()) {
            console.printf("warning: the machine is busy (%.1f of its %d cores at work before the bench): timings will be slower and noisier than on an idle machine%n",
                    machine.busyCores(), machine.cores());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long peakHeap = 0;
        long peakOffHeap = 0;
        for (BenchProblem p : problems) {
            rows.add(ProblemBench.run(p, leak, repeats, console));
            Runtime rt = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            peakOffHeap = Math.max(peakOffHeap, org.bytedeco.javacpp.Pointer.physicalBytes());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problems", rows);
        if (which.equals("all") || which.equals("families")) {
            List<Map<String, Object>> families = FamilyBench.run(repeats, console);
            json.put("families", families);
            familyChart(families, sibling(out, "-families.png"));
            Runtime rt = Runtime.getRuntime();
            peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            peakOffHeap = Math.max(peakOffHeap, org.bytedeco.javacpp.Pointer.physicalBytes());
        }
        if (sweep) {
            json.put("scaling", ScalingSweep.run(Math.max(3, repeats / 2), console, sibling(out, "-scaling.png")));
        }
        json.put("peak_heap_mb", peakHeap / (1024.0 * 1024));
        json.put("peak_process_physical_mb", peakOffHeap / (1024.0 * 1024));
        Machine after = Machine.now();
        json.put("busy_cores_before", machine.busyCores());
        json.put("busy_cores_after", after.busyCores());
        json.put("machine_busy", machine.busy() || after.busy());
        json.put("provenance", Provenance.collect());
        try {
            org.molap.core.run.AtomicFiles.write(out, RunDirectory.JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out, e);
        }
        if (!rows.isEmpty()) {
            chart(rows, sibling(out, ".png"));
        }
        if (after.busy() && !machine.busy()) {
            console.printf("warning: the machine became busy during the bench (%.1f cores at work after it): timings may be slower than on an idle machine%n", after.busyCores());
        }
        console.printf("peak heap %.0f MB, peak process physical memory %.0f MB%n", peakHeap / 1048576.0, peakOffHeap / 1048576.0);
        return out;
    }

    /** file.json -> file + suffix, next to it. */
    private static Path sibling(Path json, String suffix) {
        return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + suffix);
    }

    /** Legend names short enough for the chart's one legend row. */
    private static final Map<String, String> SHORT = Map.of("ours", "ours (leak)", "ours_no_leak", "ours, a = 1",
            "samediff", "SameDiff graph", "dl4j", "DL4J SimpleRnn", "step_products", "step products",
            "pytorch_rnn", "PyTorch nn.RNN", "pytorch_leaky", "PyTorch leaky");

    /** Each family's median iteration time over its physical limit, per engine, on a log axis; the line is the 4x goal. */
    private static void familyChart(List<Map<String, Object>> rows, Path png) {
        List<String> names = rows.stream().map(r -> (String) r.get("key")).toList();
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        series.put("median / limit", rows.stream().mapToDouble(r -> (double) r.get("over_limit")).toArray());
        BarChart.writeLog(png, "Cell families: training iteration time over the physical limit, one thread",
                "median time / physical limit (log scale)", names, series, 4.0);
    }

    /** Median iteration time of every contender over the problem's physical limit: comparable across problems. */
    @SuppressWarnings("unchecked")
    private static void chart(List<Map<String, Object>> rows, Path png) {
        List<String> names = rows.stream().map(r -> (String) r.get("name")).toList();
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Map<String, Map<String, Object>> contenders = (Map<String, Map<String, Object>>) row.get("contenders");
            double limit = (double) row.get("physical_limit_ms");
            for (Map.Entry<String, Map<String, Object>> c : contenders.entrySet()) {
                double[] values = series.computeIfAbsent(SHORT.getOrDefault(c.getKey(), c.getKey()), k -> {
                    double[] v = new double[rows.size()];
                    java.util.Arrays.fill(v, Double.NaN);
                    return v;
                });
                values[i] = (double) c.getValue().get("median_ms") / limit;
            }
        }
        BarChart.writeLog(png, "Training iteration time over the physical limit (FLOPs / peak sgemm), one thread",
                "median time / physical limit (log scale)", names, series, 1.0);
    }

    private static double leak(String value) {
        try {
            double a = Double.parseDouble(value);
            if (a > 0 && a <= 1) {
                return a;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("Option --alpha (the leak dt / tau) must be a number in (0, 1], got '" + value + "'.");
    }

}
