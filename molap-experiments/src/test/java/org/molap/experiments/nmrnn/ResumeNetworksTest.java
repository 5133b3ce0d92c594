package org.molap.experiments.nmrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;
import org.molap.experiments.CliRun;

/**
 * A run of independent networks stopped before it wrote any checkpoint (they keep their own results) resumes: the
 * finished networks are kept and the summary is written. Such runs used to be refused ("no checkpoints").
 */
class ResumeNetworksTest {

    @Test
    void anInterruptedRunWithFinishedNetworksResumes(@TempDir Path tmp) throws Exception {
        Path done = CliRun.run("run", "mwg-rank-one", "--iterations", "200", "--workers", "1", "--out", tmp.toString());
        // as a signal leaves it: renamed, status "interrupted", no results.json, no checkpoints
        Path stopped = done.resolveSibling(done.getFileName() + ".interrupted");
        Files.move(done, stopped);
        Path manifest = stopped.resolve(RunDirectory.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"interrupted\""));
        Files.delete(stopped.resolve(RunDirectory.RESULTS));
        // a network keeps its checkpoints in its own folder and removes them once finished: the run holds none
        assertTrue(!Files.exists(stopped.resolve("checkpoints")), "no run-level checkpoints");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"resume", stopped.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 of 1 networks were trained before"));
        assertTrue(Files.exists(done.resolve(RunDirectory.RESULTS)), "the summary was written in the run's own name");
        assertEquals("complete", RunDirectory.JSON.readTree(done.resolve(RunDirectory.MANIFEST).toFile()).path("status").asText());
    }
}
