package org.molap.experiments;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input tried systematically (malformed config files, impossible values, unusable directories, resume and keep
 * of the wrong directories, a full disk): each ends in one sentence on stderr and exit code 2, and leaves no run
 * directory that looks like a run (CliTest tries the command-line mistakes).
 */
class BadInputTest {

    private record Outcome(int code, String err) {
    }

    private static Outcome cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneSentence(Outcome o, String what) {
        assertEquals(2, o.code(), what + " -> " + o.err());
        String message = o.err().trim();
        assertTrue(message.startsWith("molap: "), what + ": " + message);
        assertEquals(1, message.lines().count(), what + ": one sentence, no stack trace: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), what + ": " + message);
    }

    /** A config file with this text; "-" names the case in failures. */
    private record ConfigCase(String name, String experiment, byte[] content) {
        ConfigCase(String name, String text) {
            this(name, "molap", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedConfigFilesAndImpossibleValues(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("runs"));
        List<ConfigCase> cases = new ArrayList<>(List.of(
                new ConfigCase("empty file", ""),
                new ConfigCase("binary garbage", "molap", new byte[] {0, (byte) 0xff, 0x13, (byte) 0x80, 0x7f, 0, 0x1b, 0x5b}),
                new ConfigCase("negative size", "units: -5\n"),
                new ConfigCase("zero size", "units: 0\n"),
                new ConfigCase("zero modules", "modules: 0\n"),
                new ConfigCase("modules not dividing the units", "units: 10\nmodules: 3\n"),
                new ConfigCase("zero iterations", "iterations: 0\n"),
                new ConfigCase("negative batch", "batch: -1\n"),
                new ConfigCase("negative stages", "stages: -1\n"),
                new ConfigCase("zero checkpoint interval", "checkpoint-every: 0\n"),
                new ConfigCase("unknown task", "tasks: [DelayPro, NoSuchTask]\n"),
                new ConfigCase("task number out of range", "tasks: T12\n"),
                new ConfigCase("empty task list", "tasks: []\n"),
                new ConfigCase("text for a number", "g: high\n"),
                new ConfigCase("fraction for a whole number", "seed: 1.5\n"),
                new ConfigCase("leak above 1", "alpha: 2\n"),
                new ConfigCase("negative learning rate", "lr-pretrain: -0.1\n"),
                new ConfigCase("unknown key", "lerning-rate: 0.1\n"),
                new ConfigCase("nested object", "units: {a: 1}\n"),
                new ConfigCase("YAML syntax error", "units: [40\n"),
                new ConfigCase("JSON syntax error", "{\"units\": 40"),
                new ConfigCase("JSON array at the top", "[1, 2]"),
                new ConfigCase("null value", "units: null\n"),
                new ConfigCase("duplicate key", "units: 10\nunits: 20\n"),
                new ConfigCase("unknown profile", "profile: huge\n"),
                new ConfigCase("unknown engine", "engine: gpu\n"),
                new ConfigCase("option of another experiment", "memory", "methods: dni\n".getBytes(StandardCharsets.UTF_8)),
                new ConfigCase("empty method list", "baselines", "methods: []\n".getBytes(StandardCharsets.UTF_8)),
                new ConfigCase("unknown method", "baselines", "methods: [molap, lstm]\n".getBytes(StandardCharsets.UTF_8))));
        int tried = 0;
        for (ConfigCase c : cases) {
            Path file = Files.write(tmp.resolve("case-" + tried + ".yaml"), c.content());
            assertOneSentence(cli("run", c.experiment(), "--config", file.toString(), "--out", out.toString()), c.name());
            tried++;
        }
        Path underAFile = Files.writeString(tmp.resolve("a-file"), "x").resolve("sub");
        assertOneSentence(cli("run", "molap", "--config", Files.writeString(tmp.resolve("out.yaml"), "out: " + underAFile + "\n").toString()),
                "an output folder under a file, from the config file");
        assertOneSentence(cli("run", "molap", "--config", tmp.toString(), "--out", out.toString()), "a directory as config file");
        assertOneSentence(cli("run", "molap", "--config", tmp.resolve("a.yaml").toString(), "--config", tmp.resolve("b.yaml").toString()),
                "two config files");
        assertOneSentence(cli("run", "molap", "--out", "/proc/molap-runs"), "an output folder that cannot be created");
        tried += 4;
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no run directory may be left behind");
        }
        assertTrue(tried >= 33, "distinct bad inputs tried here: " + tried);
    }

    @Test
    void resumeAndKeepOfTheWrongDirectories(@TempDir Path tmp) throws IOException {
        Path notARun = Files.createDirectories(tmp.resolve("empty"));
        assertOneSentence(cli("resume", notARun.toString()), "resume of a folder that is not a run");
        assertOneSentence(cli("resume"), "resume without a directory");
        Path run = Files.createDirectories(tmp.resolve("molap-20260101-000000.failed"));
        Files.writeString(run.resolve("manifest.json"), "{\"experiment\": \"molap\", \"status\": \"failed\", \"options\": {}}");
        assertOneSentence(cli("resume", run.toString()), "resume of a run without checkpoints");
        Files.writeString(run.resolve("manifest.json"), "{\"experiment\": \"molap\", \"status\": \"running\", \"pid\": "
                + ProcessHandle.current().pid() + ", \"process_started\": \"" + ProcessHandle.current().info().startInstant().orElseThrow()
                + "\", \"machine\": {\"host\": \"" + org.molap.core.run.Provenance.host() + "\"}, \"options\": {}}");
        Path live = Files.move(run, tmp.resolve("molap-20260101-000000"));
        assertOneSentence(cli("resume", live.toString()), "resume of a run whose process still runs");
        Files.writeString(live.resolve("manifest.json"), "{\"experiment\": \"molap\", \"status\": \"failed\"");
        assertOneSentence(cli("resume", live.toString()), "resume of a run with a damaged manifest");
        Files.writeString(live.resolve("manifest.json"), "{\"experiment\": \"molap\", \"status\": \"failed\"}");
        assertOneSentence(cli("keep", live.toString(), tmp.resolve("kept.json").toString()), "keep of a run that did not complete");
        assertFalse(Files.exists(tmp.resolve("kept.json")), "nothing kept");
    }

    /** A full disk (a 300 kB tmpfs): one sentence, and the run renamed .failed although its manifest cannot be rewritten. */
    @Test
    void aFullDiskIsOneSentenceAndAFailedRun(@TempDir Path tmp) throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "a small tmpfs cannot be mounted here (needs root and mount rights: "
                + new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim() + "); the full disk was not tried");
        try {
            Outcome o = cli("run", "molap", "--units", "20", "--iterations", "20", "--tasks", "DelayPro", "--out", disk.toString());
            assertOneSentence(o, "a full disk");
            assertTrue(o.err().contains("No space left on device"), o.err());
            try (Stream<Path> left = Files.list(disk)) {
                List<String> names = left.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.size() == 1 && names.get(0).endsWith(".failed"), "the run is marked failed by its name: " + names);
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
