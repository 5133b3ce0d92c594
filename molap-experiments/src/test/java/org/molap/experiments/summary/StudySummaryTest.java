package org.molap.experiments.summary;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.MolapTasks;
import org.molap.experiments.Cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers for the summaries over seeds of generalization and robustness runs: run directories written with
 * chosen numbers, so that each claim's verdict and each mean and spread is known in advance.
 */
class StudySummaryTest {
    private static final List<String> TASKS = MolapTasks.names();

    @Test
    void generalizationClaimsFollowTheNumbers(@TempDir Path tmp) throws Exception {
        List<Path> runs = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            int seed = s;
            Map<String, Object> results = new LinkedHashMap<>();
            double jitter = 0.01 * seed;
            results.put("cca_every_task", byTask(t -> 0.90 + jitter));
            results.put("cca_leave_one_out", byTask(t -> t.equals("ContextMemDm1") ? 0.70 : 0.88 + jitter));   // T7 loses most
            results.put("cca_leave_two_out", byTask(t -> 0.80));
            results.put("pca_leave_one_out", byTask(t -> 0.80 + jitter / 2));       // CCA ahead by ~8 points every seed
            results.put("pca_leave_two_out", byTask(t -> 0.80 + (seed == 2 ? 0.05 : -0.05)));   // CCA ahead on average, not reliably
            runs.add(run(tmp, "generalization", seed, results));
        }
        JsonNode summary = summarise(tmp, runs);
        List<JsonNode> claims = list(summary.path("claims"));
        assertEquals("holds", claims.get(0).path("verdict").asText(), claims.get(0).toString());
        assertEquals("does not hold", claims.get(1).path("verdict").asText(), claims.get(1).toString());
        assertEquals("holds", claims.get(2).path("verdict").asText(), claims.get(2).toString());
        JsonNode mean = summary.path("conditions").path("cca_every_task").path("Mean");
        assertEquals(0.92, mean.path("mean").asDouble(), 1e-12);
        assertEquals(0.01, mean.path("sd").asDouble(), 1e-12);
    }

    @Test
    void robustnessClaimsFollowTheNumbers(@TempDir Path tmp) throws Exception {
        List<Path> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            double jitter = 0.01 * seed;
            Map<String, Object> families = new LinkedHashMap<>();
            for (String family : List.of("M1 lesion", "M2 lesion", "inter-module lesion", "silencing")) {
                double molapFloor = family.equals("inter-module lesion") ? 0.3 : 0.6;
                double separateFloor = family.equals("silencing") ? 0.7 : 0.4;     // separate networks beat MoLaP under silencing only
                Map<String, Object> methods = new LinkedHashMap<>();
                methods.put("molap", method(new double[] {0.9, molapFloor + jitter, molapFloor - 0.1 + jitter}));
                methods.put("separate", method(new double[] {0.9, separateFloor, separateFloor - 0.1}));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("axis", "%");
                f.put("levels", new double[] {0, 10, 20});
                f.put("methods", methods);
                families.put(family, f);
            }
            runs.add(run(tmp, "robustness", seed, Map.of("perturbations", families)));
        }
        JsonNode summary = summarise(tmp, runs);
        Map<String, String> verdicts = new LinkedHashMap<>();
        summary.path("claims").forEach(c -> verdicts.put(c.path("claim").asText(), c.path("verdict").asText()));
        assertEquals("does not hold", verdicts.get("MoLaP is more robust than the other methods on average over all tasks, for every perturbation"));
        assertEquals("holds", verdicts.get("Under M1 lesion, MoLaP performs better than the other methods over all tasks (Fig. 4)"));
        assertEquals("does not hold", verdicts.get("Under silencing, MoLaP performs better than the other methods over all tasks (Fig. 4)"));
        assertEquals("holds", verdicts.get("Inter-module lesions are the most damaging for the modular network (MoLaP)"));
        JsonNode m1 = summary.path("perturbations").path("M1 lesion").path("methods").path("molap");
        assertEquals(62.0, m1.path("mean_over_seeds").get(1).asDouble(), 1e-9);
        assertEquals(1.0, m1.path("sd_over_seeds").get(1).asDouble(), 1e-9);
        assertTrue(Files.size(Path.of(summary.path("dir").asText()).resolve("figures/robustness_M1_lesion.png")) > 5_000);
    }

    @Test
    void runsOfDifferentConfigurationsAreNotSummarised(@TempDir Path tmp) throws Exception {
        Path a = run(tmp, "generalization", 1, Map.of());
        Path b = run(tmp, "generalization", 2, Map.of());
        JsonNode manifest = RunDirectory.JSON.readTree(b.resolve(RunDirectory.MANIFEST).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.path("config")).put("units", 50);
        RunDirectory.JSON.writeValue(b.resolve(RunDirectory.MANIFEST).toFile(), manifest);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "summary", "--runs", a + "," + b, "--out", tmp.resolve("out").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("different configurations"), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode summarise(Path tmp, List<Path> runs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "summary", "--runs", String.join(",", runs.stream().map(Path::toString).toList()),
                "--out", tmp.resolve("summaries").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path dir = Path.of(lines.get(lines.size() - 1));
        com.fasterxml.jackson.databind.node.ObjectNode results = (com.fasterxml.jackson.databind.node.ObjectNode) RunDirectory.JSON.readTree(
                dir.resolve(RunDirectory.RESULTS).toFile());
        return results.put("dir", dir.toString());
    }

    private static Map<String, Object> method(double[] curve) {
        return Map.of("mean_over_tasks", Map.of("mean", curve, "sd", new double[curve.length]));
    }

    private static Map<String, Double> byTask(java.util.function.ToDoubleFunction<String> value) {
        Map<String, Double> m = new LinkedHashMap<>();
        TASKS.forEach(t -> m.put(t, value.applyAsDouble(t)));
        return m;
    }

    private static Path run(Path tmp, String experiment, int seed, Map<String, Object> results) throws Exception {
        Path dir = tmp.resolve(experiment + "-seed" + seed);
        Files.createDirectories(dir);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", experiment);
        manifest.put("status", "complete");
        manifest.put("profile", "paper");
        manifest.put("config", Map.of("profile", "paper", "units", 100, "dni", Map.of("units", 200, "seed", 7000 + seed)));
        manifest.put("seeds", Map.of("seed", seed));
        RunDirectory.JSON.writeValue(dir.resolve(RunDirectory.MANIFEST).toFile(), manifest);
        Map<String, Object> r = new LinkedHashMap<>(results);
        r.put("experiment", experiment);
        RunDirectory.JSON.writeValue(dir.resolve(RunDirectory.RESULTS).toFile(), r);
        return dir;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
