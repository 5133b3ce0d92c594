package org.molap.experiments.generalization;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on a small configuration: the every-task bars are run molap's scores for the same options, and the
 * leave-out bars come from other cores (the primitives did not see those tasks).
 */
class GeneralizationExperimentTest {

    private static Path run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    @Test
    void everyTaskBarsAreRunMolapsAndLeaveOutBarsComeFromOtherCores(@TempDir Path tmp) throws Exception {
        String[] small = {"--units", "12", "--iterations", "15", "--out", tmp.toString()};
        Path gen = run(concat(new String[] {"run", "generalization"}, small));
        Path molap = run(concat(new String[] {"run", "molap"}, small));
        JsonNode g = RunDirectory.JSON.readTree(gen.resolve(RunDirectory.RESULTS).toFile());
        JsonNode m = RunDirectory.JSON.readTree(molap.resolve(RunDirectory.RESULTS).toFile());
        for (String key : List.of("cca_every_task", "cca_leave_one_out", "cca_leave_two_out", "pca_leave_one_out", "pca_leave_two_out")) {
            assertEquals(MolapTasks.names().size(), g.path(key).size(), key);
        }
        boolean anyDiffers = false;
        for (String task : MolapTasks.names()) {
            assertEquals(m.path("tasks").path(task).path("accuracy").asDouble(), g.path("cca_every_task").path(task).asDouble(), 0, task);
            anyDiffers |= g.path("cca_every_task").path(task).asDouble() != g.path("cca_leave_one_out").path(task).asDouble();
        }
        assertTrue(anyDiffers, "a core fitted without the task is another core");
        assertTrue(Files.size(gen.resolve("figures/generalization.png")) > 5_000);
        assertNotEquals(g.path("cca_leave_one_out"), g.path("pca_leave_one_out"), "PCA primitives are other primitives");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
