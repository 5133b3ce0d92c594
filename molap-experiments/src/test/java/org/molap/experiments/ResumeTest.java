package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed with SIGKILL and resumed ends exactly as the uninterrupted run with the same seed: results.json (but
 * its timings), every metrics.jsonl line and every array bit for bit. Killed in the middle of a phase, and killed in
 * the middle of writing a checkpoint (frozen with SIGSTOP while its temporary file exists, then killed).
 */
class ResumeTest {
    private static final List<String> RUN = List.of("run", "molap", "--units", "20", "--iterations", "150", "--tasks",
            "DelayPro,MemDm1");

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static List<String> with(String... more) {
        List<String> a = new ArrayList<>(RUN);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void aRunKilledMidPhaseResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Path whole = Path.of(cli(with("--checkpoint-every", "20", "--out", tmp.resolve("whole").toString()).toArray(String[]::new)));
        Process child = child(tmp, with("--checkpoint-every", "20", "--out", tmp.resolve("killed").toString()));
        Path killed = awaitRun(tmp, child, dir -> linesOf(dir, "pretrain-M2") >= 50);
        child.destroyForcibly();                 // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(linesOf(killed, "pretrain-M2") < 150, "killed inside the phase");
        assertEquals("running", RunDirectory.JSON.readTree(killed.resolve("manifest.json").toFile()).path("status").asText(),
                "a killed run cannot mark itself");

        Path resumed = Path.of(cli("resume", killed.toString()));
        assertEquals(killed, resumed, "resumed in its own directory");
        JsonNode manifest = RunDirectory.JSON.readTree(resumed.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.path("status").asText());
        assertEquals(1, manifest.path("resumed").size());
        assertSameRun(whole, resumed);
        assertEquals(resumed, Path.of(cli("resume", resumed.toString())), "a complete run has nothing to resume");
    }

    @Test
    void aRunKilledWhileWritingACheckpointResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Path whole = Path.of(cli(with("--out", tmp.resolve("whole").toString()).toArray(String[]::new)));
        // a checkpoint after every iteration: writes are frequent; freeze the child while one is half-written
        Process child = child(tmp, with("--checkpoint-every", "1", "--out", tmp.resolve("killed").toString()));
        Path killed = awaitRun(tmp, child, dir -> linesOf(dir, "pretrain-M2") >= 30);
        Path checkpoints = killed.resolve(RunLifecycle.CHECKPOINTS);
        List<String> halfWritten = List.of();
        for (int attempt = 0; attempt < 2000 && halfWritten.isEmpty(); attempt++) {
            signal("STOP", child);
            halfWritten = temporaryFiles(checkpoints);
            if (halfWritten.isEmpty()) {
                signal("CONT", child);
                Thread.sleep(3);
            }
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!halfWritten.isEmpty(), "the child was killed while it wrote a checkpoint");
        assertEquals(halfWritten, temporaryFiles(checkpoints), "the half-written checkpoint is still there when resuming");

        Path resumed = Path.of(cli("resume", killed.toString()));
        assertSameRun(whole, resumed);
    }

    /**
     * A network of a run of independent networks keeps its own checkpoints while it trains: killed in the middle of
     * its training, it continues from them, and the run ends as the uninterrupted one (the loss curve whole).
     */
    @Test
    void aNetworkKilledMidTrainingResumesFromItsOwnCheckpoints(@TempDir Path tmp) throws Exception {
        List<String> run = List.of("run", "nm-multitask", "--models", "lstm", "--networks", "1", "--iterations", "300",
                "--retrain-iterations", "100", "--workers", "1", "--checkpoint-every", "50");
        List<String> whole = new ArrayList<>(run);
        whole.addAll(List.of("--out", tmp.resolve("whole").toString()));
        Path uninterrupted = Path.of(cli(whole.toArray(String[]::new)));
        Path network = Path.of("networks", "lstm-seed1");
        assertTrue(!Files.exists(uninterrupted.resolve(network).resolve("checkpoints")), "a finished network's checkpoints are removed");
        List<String> stopped = new ArrayList<>(run);
        stopped.addAll(List.of("--out", tmp.resolve("killed").toString()));
        Process child = child(tmp, stopped);
        Path killed = awaitRun(tmp, child, dir -> {
            Path checkpoints = dir.resolve(network).resolve("checkpoints");
            try (Stream<Path> files = Files.isDirectory(checkpoints) ? Files.list(checkpoints) : Stream.empty()) {
                return files.anyMatch(f -> f.getFileName().toString().matches("state-.*\\.zip"));
            }
        });
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!Files.exists(killed.resolve(network).resolve("result.json")), "killed before the network finished");
        double before = 0;      // the wall-clock time the killed process had spent on the network at its last checkpoint
        try (Stream<Path> files = Files.list(killed.resolve(network).resolve("checkpoints"))) {
            for (Path zip : files.filter(f -> f.toString().endsWith(".zip")).toList()) {
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                    before = Math.max(before, RunDirectory.JSON.readTree(z.getInputStream(z.getEntry("checkpoint.json"))).path("elapsedSeconds").asDouble());
                }
            }
        }
        assertTrue(before > 0, "the checkpoint records the time spent");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"resume", killed.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        String console = out.toString(StandardCharsets.UTF_8);
        assertTrue(console.matches("(?s).*lstm-seed1 continues from its checkpoint at 001-.* iteration [1-9][0-9]*\\b.*"), console);
        assertSameRun(uninterrupted, killed);
        double seconds = RunDirectory.JSON.readTree(killed.resolve(network).resolve("result.json").toFile()).path("seconds").asDouble();
        assertTrue(seconds > before, "the network's time counts the processes before the resume: " + seconds + " s, " + before + " s before");
    }

    private static Process child(Path tmp, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private interface RunCondition {
        boolean holds(Path run) throws IOException;
    }

    /** The child's run directory once {@code ready} holds for it (the child must still be training then). */
    private static Path awaitRun(Path tmp, Process child, RunCondition ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Thread.sleep(20);
            Path dir = onlyRun(tmp.resolve("killed"));
            if (dir != null && ready.holds(dir)) {
                return dir;
            }
            assertTrue(child.isAlive(), "the child must still train: " + Files.readString(tmp.resolve("child.log")));
        }
        throw new AssertionError("the child did not get there in 3 minutes: " + Files.readString(tmp.resolve("child.log")));
    }

    private static void signal(String name, Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor());
    }

    private static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
    }

    private static void assertSameRun(Path whole, Path resumed) throws IOException {
        assertEquals(DeterminismTest.withoutTimings(whole), DeterminismTest.withoutTimings(resumed), "results.json but its timings");
        assertEquals(Files.exists(whole.resolve(RunDirectory.METRICS)), Files.exists(resumed.resolve(RunDirectory.METRICS)));
        if (Files.exists(whole.resolve(RunDirectory.METRICS))) {
            assertEquals(Files.readString(whole.resolve(RunDirectory.METRICS)), Files.readString(resumed.resolve(RunDirectory.METRICS)),
                    "every metrics line, those written before the kill and after the resume");
        }
        try (Stream<Path> arrays = Files.list(whole.resolve(RunDirectory.ARRAYS))) {
            for (Path a : arrays.toList()) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(resumed.resolve(RunDirectory.ARRAYS).resolve(a.getFileName())),
                        "array " + a.getFileName() + " bit for bit");
            }
        }
    }

    private static Path onlyRun(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("manifest.json"))).findFirst().orElse(null);
        }
    }

    private static long linesOf(Path run, String phase) throws IOException {
        Path metrics = run.resolve(RunDirectory.METRICS);
        if (!Files.exists(metrics)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(metrics)) {
            return lines.filter(l -> l.contains("\"" + phase + "\"")).count();
        }
    }
}
