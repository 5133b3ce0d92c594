package org.molap.experiments.nmrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.export.NotebookExecution;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;

/**
 * The rank-1 experiment: after training, the network's own gate and low-rank state satisfy appendix B's discrete
 * identity s_t = 1 + tau_x (w_t - w_{t-1}) / w_{t-1} to double precision wherever the input is zero (this fails if
 * the engine that trained it, the graph that runs it or the plain-Java gate disagree); the loss falls.
 */
class RankOneExperimentTest {

    @Test
    void theGateAndTheLowRankStateSatisfyTheIdentity(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "mwg-rank-one", "--iterations", "400", "--workers", "1", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        JsonNode network = results.path("networks").get(0);
        for (JsonNode error : network.path("identityError")) {
            assertTrue(error.asDouble() < 1e-9, "identity error " + error);
        }
        assertEquals("holds", results.path("claims").get(2).path("verdict").asText());
        assertTrue(network.path("phase").path("lastLoss").asDouble() < 0.5 * network.path("phase").path("firstLoss").asDouble());
        assertTrue(Files.size(run.resolve("figures").resolve("rank1_signal.png")) > 1000);
        assertTrue(Files.readString(run.resolve("notebook.ipynb")).contains("against appendix B's prediction"), "the seed 003 notebook section");
        assertTrue(NotebookExecution.figures(run, tmp) >= 1, "the notebook redraws the main figure");
    }
}
