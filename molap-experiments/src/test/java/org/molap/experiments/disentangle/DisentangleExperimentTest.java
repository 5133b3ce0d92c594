package org.molap.experiments.disentangle;

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
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;
import org.molap.experiments.OptionMistakes;
import org.molap.export.NotebookExecution;

/** Seed 002's experiment: the command trains, decodes and judges a small run; option mistakes are one sentence. */
class DisentangleExperimentTest {

  @Test
  void theCommandTrainsDecodesAndJudges(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Cli.run(new String[] {"run", "disentangle", "--tasks", "2,12", "--iterations", "1500", "--workers", "1",
        "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, code);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    Path run = Path.of(lines.get(lines.size() - 1));
    JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
    assertEquals(2, results.path("conditions").size());
    for (JsonNode c : results.path("conditions")) {
      assertEquals(4, c.path("ood").path("values").size(), "one network x 4 folds");
      assertTrue(c.path("id").path("median").asDouble() > 0.7, "the state encodes the stimulus: " + c.path("id"));
      assertTrue(c.path("accuracy").get(0).asDouble() > 0.75, "learned its tasks in 1500 steps: " + c.path("accuracy"));
    }
    assertEquals(6, results.path("claims").size(), "OOD rise, gap, ID ceiling, low dimension, slow points, accuracy");
    for (String figure : List.of("disentangle_r2.png", "disentangle_loss.png", "disentangle_attractor.png")) {
      assertTrue(Files.size(run.resolve("figures").resolve(figure)) > 1000, figure);
    }
    assertTrue(Files.readString(run.resolve("notebook.ipynb")).contains("Decoding the stimulus in and out of distribution"));
    assertTrue(NotebookExecution.figures(run, tmp) >= 1, "the notebook redraws the main figure");
  }

  @Test
  void optionMistakesAreOneSentence() {
    OptionMistakes.assertOneSentence(List.of("run", "disentangle"), List.of(new String[] {"--tasks", "two"},
        new String[] {"--dims", "1"}, new String[] {"--tasks", "0,3"}, new String[] {"--decoder-fits", "-1"},
        new String[] {"--networks", "0"}, new String[] {"--loss", "mse"}, new String[] {"--noise", "0"},
        new String[] {"--noise", "high"}));
  }
}
