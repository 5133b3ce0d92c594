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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 003's multitask experiment: the new context channel's input column starts at 0.1 and the old columns are
 * kept; the command trains, retrains (the NM-RNN only its neuromodulatory group, every other entry bitwise kept) and
 * scores every task with both decoders; the losses fall.
 */
class MultitaskExperimentTest {

    @Test
    void aNewContextColumnStartsAtOneTenth() {
        INDArray old = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray wider = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        MultitaskNetwork.widen(old, wider);
        assertEquals(Nd4j.createFromArray(new double[][] {{1, 2, 0.1}, {3, 4, 0.1}}), wider);
        INDArray same = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        MultitaskNetwork.widen(old, same);
        assertEquals(old, same);
    }

    @Test
    void theCommandTrainsRetrainsAndScores(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "nm-multitask", "--models", "nm,lr", "--networks", "1", "--iterations", "300",
                "--retrain-iterations", "100", "--workers", "1", "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        JsonNode nm = results.path("models").path("nm");
        assertEquals(List.of("DelayPro", "DelayAnti", "MemoryPro", "MemoryAnti"), iterable(nm.path("retrained").fieldNames()));
        assertEquals(3, nm.path("trained_arctan").size());
        assertEquals(4, nm.path("retrained_25_per_task").size(), "the 25-per-task set of the authors' size, every task");
        double small = nm.path("retrained_25_per_task").path("MemoryAnti").path("networks").get(0).asDouble();
        assertEquals(Math.round(25 * small), 25 * small, 1e-9, "a fraction of 25 trials: " + small);
        assertEquals(10 * 10 + 10 * 7 + 3 * 10 + 3, nm.path("retrained_entries").asInt(), "W_zz, B_zu with its new column, A, b (M = 10)");
        JsonNode claims = results.path("claims");
        assertEquals("holds", claims.get(claims.size() - 1).path("verdict").asText(), "only the retrained entries moved");
        MultitaskNetwork.Result r = MultitaskNetwork.read(run.resolve("networks").resolve("nm-seed1"));
        assertTrue(r.phases().get(0).lastLoss() < 0.5 * r.phases().get(0).firstLoss(), "the loss falls: " + r.phases().get(0));
        assertTrue(Files.size(run.resolve("figures").resolve("nm_multitask_correct.png")) > 1000);
        assertTrue(Files.size(run.resolve("figures").resolve("nm_multitask_gates.png")) > 1000);
        assertTrue(Files.readString(run.resolve("notebook.ipynb")).contains("Percent correct per task"), "the seed 003 notebook section");
        assertTrue(NotebookExecution.figures(run, tmp) >= 1, "the notebook redraws the main figure");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
