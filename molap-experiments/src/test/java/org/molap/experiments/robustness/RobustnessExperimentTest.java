package org.molap.experiments.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on a small configuration: trained networks of two methods, perturbed in every family; the unperturbed
 * level is each method's test accuracy, and lesioning half of a trained network's weights costs decisions.
 */
class RobustnessExperimentTest {

    @Test
    void perturbedTrainedNetworksLoseAccuracyAndEveryFamilyHasItsCurve(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "robustness", "--methods", "molap,separate", "--units", "40", "--iterations", "100",
                "--tasks", "DelayPro,DelayAnti", "--draws", "3", "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        JsonNode families = results.path("perturbations");
        assertEquals(List.of("M1 lesion", "M2 lesion", "inter-module lesion", "global lesion", "silencing", "weight noise"),
                iterableNames(families));
        for (String method : List.of("molap", "separate")) {
            double unperturbed = results.path("unperturbed_mean_accuracy").path(method).asDouble();
            assertTrue(unperturbed > 0.7, method + " learned the two tasks: " + unperturbed);
            for (JsonNode family : families) {
                JsonNode mean = family.path("methods").path(method).path("mean_over_tasks").path("mean");
                assertEquals(unperturbed, mean.get(0).asDouble(), 1e-12, "level 0 is the unperturbed network");
                assertEquals(family.path("levels").size(), mean.size());
            }
            JsonNode global = families.path("global lesion").path("methods").path(method).path("mean_over_tasks").path("mean");
            assertTrue(global.get(global.size() - 1).asDouble() < unperturbed - 0.05,
                    method + ": half of the weights lesioned costs decisions: " + global);
        }
        assertLesionedTraces(run, results);
        for (String family : iterableNames(families)) {
            assertTrue(Files.size(run.resolve("figures").resolve("robustness_" + family.replace(' ', '_') + ".png")) > 5_000, family);
            assertTrue(Files.size(run.resolve("figures").resolve("robustness_" + family.replace(' ', '_') + "_by_task.png")) > 5_000, family);
        }
    }

    /** Fig. 3 b-e: MoLaP's traces under lesions of each scope, and each output's error. */
    private static void assertLesionedTraces(Path run, JsonNode results) throws Exception {
        JsonNode traces = results.path("lesioned_traces");
        assertEquals("molap", traces.path("method").asText());
        assertEquals("DelayAnti", traces.path("task").asText(), "without T9, the last task MoLaP learned");
        for (String scope : List.of("M1", "M2", "inter-module")) {
            assertEquals(3, traces.path("scopes").path(scope).path("mse_per_output").size(), scope);
            assertTrue(Files.size(run.resolve("figures").resolve("robustness_traces_" + scope + ".png")) > 5_000, scope);
        }
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
