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
 * A run killed with SIGKILL in the middle of a phase and resumed ends exactly as the uninterrupted run with the same
 * seed: results.json (but its timings), every metrics.jsonl line and every array bit for bit. The killed run also
 * left a checkpoint half-written, as a kill during a write does.
 */
class ResumeTest {
    private static final String[] RUN = {"run", "molap", "--units", "20", "--iterations", "150", "--tasks", "DelayPro,MemDm1",
            "--checkpoint-every", "20"};

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static String[] with(String... more) {
        List<String> a = new ArrayList<>(List.of(RUN));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunKilledMidPhaseResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Path whole = Path.of(cli(with("--out", tmp.resolve("whole").toString())));

        // the same run in a child JVM, killed with SIGKILL while the second module pre-trains
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(List.of(with("--out", tmp.resolve("killed").toString())));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process child = pb.start();
        Path killedDir = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            killedDir = onlyRun(tmp.resolve("killed"));
            if (killedDir != null && linesOf(killedDir, "pretrain-M2") >= 50) {
                break;
            }
            assertTrue(child.isAlive(), "the child must still train: " + Files.readString(tmp.resolve("child.log")));
        }
        child.destroyForcibly();                 // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(killedDir != null && linesOf(killedDir, "pretrain-M2") < 150, "killed inside the phase");
        JsonNode stale = RunDirectory.JSON.readTree(killedDir.resolve("manifest.json").toFile());
        assertEquals("running", stale.path("status").asText(), "a killed run cannot mark itself");
        // a checkpoint cut short by the kill: the temporary file a write leaves behind
        Files.write(killedDir.resolve(RunLifecycle.CHECKPOINTS).resolve("state-99999999.zip.tmp"), new byte[] {'P', 'K', 3});

        Path resumed = Path.of(cli("resume", killedDir.toString()));
        assertEquals(killedDir, resumed, "resumed in its own directory");
        JsonNode manifest = RunDirectory.JSON.readTree(resumed.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.path("status").asText());
        assertEquals(1, manifest.path("resumed").size());

        assertEquals(DeterminismTest.withoutTimings(whole), DeterminismTest.withoutTimings(resumed), "results.json but its timings");
        assertEquals(Files.readString(whole.resolve(RunDirectory.METRICS)), Files.readString(resumed.resolve(RunDirectory.METRICS)),
                "every metrics line, those written before the kill and after the resume");
        try (Stream<Path> arrays = Files.list(whole.resolve(RunDirectory.ARRAYS))) {
            for (Path a : arrays.toList()) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(resumed.resolve(RunDirectory.ARRAYS).resolve(a.getFileName())),
                        "array " + a.getFileName() + " bit for bit");
            }
        }
        assertEquals(resumed, Path.of(cli("resume", resumed.toString())), "a complete run has nothing to resume");
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
