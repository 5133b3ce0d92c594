package org.molap.experiments.motifs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.CliRun;
import org.molap.experiments.OptionMistakes;

/**
 * {@code ./molap run motifs} end to end at the quick profile (fewer iterations): the three networks train and are tested,
 * the module quenches activity, results.json holds every network's scores and the claims, the figures and the motif
 * set are written; option mistakes are one sentence.
 */
class MotifsExperimentTest {

    @Test
    void theQuickProfileTrainsTestsAndJudges(@TempDir Path tmp) throws Exception {
        Path run = CliRun.run("run", "motifs", "--iterations", "150", "--workers", "1", "--out", tmp.toString());
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        JsonNode additive = results.path("architectures").path("additive");
        assertEquals(100, additive.path("units").asInt());
        assertEquals(4 * 100, additive.path("trained_entries").asInt(), "b per motif");
        assertEquals(4, additive.path("random_per_motif").get(0).size());
        assertTrue(additive.path("penalty").get(0).asDouble() > 0);
        double endStd = additive.path("x_end_std_per_motif").get(0).get(0).asDouble();
        assertTrue(endStd > 0.1 && endStd < 10, "x at a motif's end spreads about as its N(0, 1) start: " + endStd);
        JsonNode control = results.path("architectures").path("control");
        assertEquals(4 * 50 + 50 * 50 + 50, control.path("trained_entries").asInt(), "the control network learns J and B together");
        JsonNode sequential = results.path("architectures").path("control-sequential").path("forgetting_rmse_after_each_motif").get(0);
        assertEquals(4, sequential.size(), "tested after each of the 4 motifs");
        List<String> claims = results.path("claims").findValuesAsText("claim");
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("The module quenches activity")), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("Trained motif after motif")), claims.toString());
        JsonNode module = results.path("claims").get(claims.indexOf(claims.stream().filter(c -> c.startsWith("The module")).findFirst()
                .orElseThrow()));
        assertEquals("holds", module.path("verdict").asText(), module.toString());
        MotifNetwork.Result r = MotifUnit.read(run.resolve("networks").resolve("additive-seed1"));
        assertTrue(r.phases().get(0).lastLoss() < 0.8 * r.phases().get(0).firstLoss(), "the loss falls: " + r.phases());
        for (String figure : List.of("motifs_scores.png", "motifs_predecessors_additive.png", "motifs_module_decay.png",
                "motifs_per_motif_additive.png", "motifs_end_states.png", "motifs_eigenvalues_additive_prep.png",
                "motifs_forgetting_control_sequential.png")) {
            assertTrue(Files.size(run.resolve("figures").resolve(figure)) > 1000, figure);
        }
        assertTrue(Files.exists(run.resolve("arrays").resolve("motifs_seed1.npy")) && Files.exists(run.resolve("notebook.ipynb")));
    }

    @Test
    void optionMistakesAreOneSentence() {
        OptionMistakes.assertOneSentence(List.of("run", "motifs"), List.of(new String[] {"--motifs", "sine"},
                new String[] {"--architectures", "additive,lstm"}, new String[] {"--networks", "0"}, new String[] {"--iterations", "-1"},
                new String[] {"--units", "0"}, new String[] {"--initial-std", "-1"}, new String[] {"--initial-std", "wide"}));
    }
}
