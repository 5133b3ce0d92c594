package org.molap.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run directory records: the project's commit, live metrics, readable files, interrupted and stale runs. */
class RunRecordsTest {

    @Test
    void theCommitIsTheCheckoutsWhereverTheProcessStarted() {
        Map<String, Object> p = Provenance.collect();
        // the tests run from the checkout's target/classes, as ./molap runs from its jars
        assertTrue(String.valueOf(p.get("git_commit")).matches("[0-9a-f]{40}"), "commit: " + p.get("git_commit"));
        assertTrue(p.get("git_dirty") instanceof Boolean, "dirty: " + p.get("git_dirty"));
        assertEquals(ProcessHandle.current().pid(), p.get("pid"));
    }

    @Test
    void metricsLinesAreOnDiskAsSoonAsTheyAreWritten(@TempDir Path tmp) throws IOException {
        RunDirectory run = RunDirectory.create(tmp, "test");
        try (JsonLines metrics = run.openJsonLines(RunDirectory.METRICS)) {
            metrics.write(Map.of("iteration", 0, "loss", 0.5));
            metrics.write(Map.of("iteration", 1, "loss", 0.25));
            assertEquals(2, Files.readAllLines(run.file(RunDirectory.METRICS)).size(), "read while the file is open");
        }
    }

    @Test
    void filesAreWrittenWholeAndReadableByAll(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("report.html");
        AtomicFiles.write(file, "<html></html>");
        assertEquals("<html></html>", Files.readString(file));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void anInterruptedRunIsMarkedAndRenamedAndCannotCompleteAfterwards(@TempDir Path tmp) throws IOException {
        RunDirectory run = RunDirectory.create(tmp, "test");
        Path before = run.path();
        assertTrue(run.interrupt("SIGTERM"));
        assertEquals(before.resolveSibling(before.getFileName() + ".interrupted"), run.path());
        JsonNode manifest = RunDirectory.JSON.readTree(run.file(RunDirectory.MANIFEST).toFile());
        assertEquals("interrupted", manifest.get("status").asText());
        assertFalse(run.complete(), "a run interrupted stays interrupted");
        assertFalse(run.interrupt("again"));
        assertEquals(run.path(), run.fail("late failure"));
        assertEquals("interrupted", RunDirectory.JSON.readTree(run.file(RunDirectory.MANIFEST).toFile()).get("status").asText());
    }

    @Test
    void aRunningManifestWhoseProcessIsGoneIsStale() throws Exception {
        ObjectNode manifest = RunDirectory.JSON.createObjectNode().put("status", "running");
        manifest.putObject("machine").put("host", Provenance.host());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        manifest.put("pid", gone.pid());
        assertEquals("stale", RunStatus.of(manifest));

        ProcessHandle self = ProcessHandle.current();
        manifest.put("pid", self.pid());
        self.info().startInstant().ifPresent(t -> manifest.put("process_started", t.toString()));
        assertEquals("running", RunStatus.of(manifest));
        manifest.put("process_started", "2000-01-01T00:00:00Z");
        assertEquals("stale", RunStatus.of(manifest), "a recycled pid is not the run's process");

        manifest.putObject("machine").put("host", "another-machine");
        assertEquals("running", RunStatus.of(manifest), "another machine's run cannot be checked from here");
        assertEquals("complete", RunStatus.of(RunDirectory.JSON.createObjectNode().put("status", "complete")));
    }
}
