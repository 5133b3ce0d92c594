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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.export.NotebookExecution;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.nm.ElementFinder;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.experiments.Cli;
import org.molap.experiments.OptionMistakes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seed 003's Element Finder experiment: the plain-Java run that the ablation clamps reproduces the cell's graph; the
 * command trains, scores and judges a small run; option mistakes are one sentence.
 */
class ElementFinderExperimentTest {

    @Test
    void theAblationsRecurrenceIsTheCellsWithNothingClamped() {
        NmRnnCell cell = new NmRnnCell(NmRnnCell.Config.elementFinder(5, 18, 8, 2, 10));
        CellModel graph = Unroller.unroll(cell, 1, 26, DataType.DOUBLE, Loss.mse().masked(), 4);
        Trials t = new ElementFinder(ElementFinder.Config.paper()).sample(20, new Random(1), DataType.DOUBLE);
        INDArray expected = graph.forward(t.inputs()).reshape(20, 26);
        NeuromodulatorySignal signal = new NeuromodulatorySignal(cell.config(), graph.parameters());
        NeuromodulatorySignal.Run run = signal.run(t.inputs(), -1, null);
        assertTrue(run.outputs().sub(expected).amaxNumber().doubleValue() < 1e-10);
        // Clamping one component at 0.5 changes the output.
        double[] half = new double[20];
        java.util.Arrays.fill(half, 0.5);
        assertTrue(signal.run(t.inputs(), 0, half).outputs().sub(expected).amaxNumber().doubleValue() > 1e-6);
    }

    @Test
    void theCommandTrainsScoresAndJudges(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "element-finder", "--models", "nm,lstm", "--nm-taus", "code", "--networks", "2",
                "--iterations", "400", "--workers", "1", "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        JsonNode nm = results.path("conditions").path("nm-5-18-8-code-taus");
        assertEquals(497, nm.path("parameters").asInt());
        assertEquals(2, nm.path("ablation_ratio").size());
        assertEquals(490, results.path("conditions").path("lstm-10").path("parameters").asInt());
        for (JsonNode c : results.path("conditions")) {
            for (JsonNode mse : c.path("held_out_mse").path("networks")) {
                assertTrue(mse.asDouble() < 36.67, "learned something in 400 iterations: " + mse);
            }
        }
        assertEquals(3, results.path("claims").size(), "learning, the ablation and the LSTM; no LR-RNN to compare");
        for (String figure : List.of("ef_mse.png", "ef_loss.png", "ef_gates_by_value.png", "ef_gates_by_query.png", "ef_ablation.png")) {
            assertTrue(Files.size(run.resolve("figures").resolve(figure)) > 1000, figure);
        }
        assertTrue(Files.readString(run.resolve("notebook.ipynb")).contains("Element Finder: held-out MSE"), "the seed 003 notebook section");
        assertTrue(NotebookExecution.figures(run, tmp) >= 1, "the notebook redraws the main figure");
    }

    @Test
    void optionMistakesAreOneSentence() {
        OptionMistakes.assertOneSentence(List.of("run", "element-finder"), List.of(new String[] {"--nm-taus", "fast"}, new String[] {"--iterations", "0"},
                new String[] {"--models", "gru"}, new String[] {"--networks", "-1"}));
    }
}
