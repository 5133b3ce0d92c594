package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI end to end on a small config, and every user mistake ending in one sentence and exit code 2. */
class CliTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The run directory an experiment prints as its last line. */
    private static Path runDirectory(Outcome o) {
        List<String> lines = o.out().lines().toList();
        Path dir = Path.of(lines.get(lines.size() - 1));
        assertTrue(Files.isDirectory(dir), "last line must be the run directory: " + lines.get(lines.size() - 1));
        return dir;
    }

    @Test
    void smallMolapRunLearnsAndWritesACompleteRunDirectory(@TempDir Path tmp) throws IOException {
        Outcome o = cli("run", "molap", "--units", "40", "--modules", "2", "--iterations", "100",
                "--tasks", "DelayPro,MemDm1", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        Path dir = runDirectory(o);

        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals("molap", manifest.get("experiment").asText());
        assertTrue(manifest.has("git_commit") && manifest.has("backend") && manifest.has("seeds") && manifest.has("config"));

        JsonNode results = json.readTree(dir.resolve("results.json").toFile());
        assertEquals("molap", results.get("experiment").asText());
        assertEquals("quick", results.get("profile").asText());
        assertEquals(2, results.get("canonical_correlations").size());
        assertEquals(0.2, manifest.get("config").get("alpha").asDouble(), "the default leak a = dt / tau");
        assertEquals(results.get("mean_accuracy").asDouble(), (results.get("tasks").get("DelayPro").get("accuracy").asDouble()
                + results.get("tasks").get("MemDm1").get("accuracy").asDouble()) / 2, 1e-12, "the mean over tasks");
        assertTrue(Files.exists(dir.resolve("figures").resolve("primitive_loadings_inputs.png")), "what each primitive loads on");
        double delayPro = results.get("tasks").get("DelayPro").get("accuracy").asDouble();
        double memDm1 = results.get("tasks").get("MemDm1").get("accuracy").asDouble();
        assertTrue(delayPro > 0.8, "DelayPro should be learned well above chance, got " + delayPro);
        assertTrue(memDm1 >= 0 && memDm1 <= 1);
        for (JsonNode phase : results.get("phases")) {
            assertTrue(phase.get("last_loss").asDouble() < 0.5 * phase.get("first_loss").asDouble(),
                    "loss must fall in " + phase.get("phase").asText() + ": " + phase);
        }

        try (Stream<String> metrics = Files.lines(dir.resolve("metrics.jsonl"))) {
            assertEquals(4 * 100, metrics.count(), "one metrics line per iteration of 2 modules + 2 tasks");
        }
        for (String model : List.of("pretrain-M1.fb", "pretrain-M2.fb", "task-DelayPro.fb", "task-MemDm1.fb")) {
            assertTrue(Files.size(dir.resolve("models").resolve(model)) > 0, model);
        }
        assertTrue(Files.exists(dir.resolve("figures").resolve("accuracy.png")));
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(o.out().contains("DelayPro") && o.out().contains("Mean"), "the accuracy table is printed");
    }

    /**
     * {@code --alpha 1} is seed 000 Eq. 1 without a leak. Before the speed work of the leak issue this config gave
     * DelayPro 85.93% and MemDm1 53.90% (commit e4cfd88); the speed work reorders float sums (dW_rec summed from
     * the last step, the readout and the thin weight gradients summed step by step), which must move no task by
     * more than half a point. The new numbers are pinned so that any further change is noticed; they hold with
     * OpenBLAS's Haswell kernels, which the build sets for every test (OPENBLAS_CORETYPE in the parent pom), as
     * AVX-512 kernels sum in another order (this config gave DelayPro 86.07% with them before the change). EJML's
     * eigen and singular value decompositions, replacing the project's Jacobi ones, change the CCA projections in
     * their last bits and moved DelayPro from 86.00% to 85.60% here (the quick profile at a = 0.2 kept every
     * accuracy); the pin follows. Taking Adam's step as PyTorch does (epsilon after the bias correction, commit
     * e37626b; ND4J's effective epsilon had been 3e-7 at the first step) moved DelayPro to 88.60% and left MemDm1 at
     * 53.90%: a change of the optimiser, not of the arithmetic's order, so the half-point check against e4cfd88 now
     * holds for MemDm1 only.
     */
    @Test
    void withoutTheLeakTheNumbersOfEquationOneStayWithinHalfAPoint(@TempDir Path tmp) throws IOException {
        Outcome o = cli("run", "molap", "--units", "40", "--modules", "2", "--iterations", "60", "--alpha", "1",
                "--tasks", "DelayPro,MemDm1", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode tasks = new ObjectMapper().readTree(runDirectory(o).resolve("results.json").toFile()).get("tasks");
        double delayPro = tasks.get("DelayPro").get("accuracy").asDouble();
        double memDm1 = tasks.get("MemDm1").get("accuracy").asDouble();
        assertEquals(0.5390000, memDm1, 0.005, "MemDm1 against Eq. 1 before the speed work");
        assertEquals(0.8860000, delayPro, 1e-6, "pinned");
        assertEquals(0.5390000, memDm1, 1e-6, "pinned");
    }

    @Test
    void smallBaselinesRunTrainsAllFiveMethodsAndCountsTheirUpdates(@TempDir Path tmp) throws IOException {
        Outcome o = cli("run", "baselines", "--units", "24", "--modules", "2", "--iterations", "40",
                "--tasks", "DelayPro,DelayAnti", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        Path dir = runDirectory(o);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("baselines", results.get("experiment").asText());
        JsonNode methods = results.get("methods");
        for (String m : List.of("molap", "separate", "dni", "molap_no_pretraining", "molap_pca")) {
            JsonNode method = methods.get(m);
            assertTrue(method != null, "method " + m + " is missing");
            for (String task : List.of("DelayPro", "DelayAnti")) {
                double acc = method.get("tasks").get(task).get("accuracy").asDouble();
                assertTrue(acc >= 0 && acc <= 1, m + " " + task + ": " + acc);
            }
            for (JsonNode phase : method.get("phases")) {
                assertTrue(phase.get("last_loss").asDouble() < 0.7 * phase.get("first_loss").asDouble(),
                        "loss must fall in " + m + "/" + phase.get("phase").asText() + ": " + phase);
            }
        }
        // Heads only (MoLaP) < whole small networks (separate) < one twice-as-large network trained on every task (DNI).
        long molap = methods.get("molap_no_pretraining").get("parameter_updates").asLong();
        long separate = methods.get("separate").get("parameter_updates").asLong();
        long dni = methods.get("dni").get("parameter_updates").asLong();
        assertEquals(2L * 40 * (24 * 3 + 3 * 24 + 3), molap, "two heads of 3 inputs and 3 outputs, 40 iterations each");
        assertTrue(molap < separate && separate < dni, molap + " < " + separate + " < " + dni);
        assertEquals(24 * 24 + 24, methods.get("molap_no_pretraining").get("parameters").asLong() - 2L * (24 * 3 + 3 * 24 + 3));
        for (String file : List.of("models/task-DelayPro.fb", "models/molap_pca-task-DelayPro.fb", "models/molap_pca-pretrain-M1.fb",
                "arrays/test_outputs_DelayPro.npy", "arrays/molap_no_pretraining-W_rec_initial.npy", "molap_pca-primitives.json")) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
        assertTrue(Files.exists(dir.resolve("figures").resolve("accuracy_by_method.png")));
        assertTrue(Files.exists(dir.resolve("figures").resolve("parameters_and_updates.png")));
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(o.out().contains("parameter updates"), "the parameter table is printed");
    }

    @Test
    void summaryOverSeedsGivesMeanSpreadAndAVerdictPerClaim(@TempDir Path tmp) throws IOException {
        ObjectMapper json = new ObjectMapper();
        double[] delayPro = new double[2];
        for (int seed = 1; seed <= 2; seed++) {
            Outcome o = cli("run", "baselines", "--units", "16", "--iterations", "8", "--seed", String.valueOf(seed),
                    "--out", tmp.resolve("runs").toString());
            assertEquals(0, o.code(), o.err());
            delayPro[seed - 1] = json.readTree(runDirectory(o).resolve("results.json").toFile())
                    .get("methods").get("molap").get("tasks").get("DelayPro").get("accuracy").asDouble();
        }
        Path unfinished = Files.createDirectories(tmp.resolve("runs").resolve("baselines-still-running"));
        Files.writeString(unfinished.resolve("manifest.json"), "{\"experiment\": \"baselines\", \"status\": \"running\"}");
        Outcome o = cli("run", "summary", "--runs", tmp.resolve("runs").toString(), "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("left out") && o.out().contains("baselines-still-running"), "an unfinished run in a folder is listed, not read");
        JsonNode results = json.readTree(runDirectory(o).resolve("results.json").toFile());
        JsonNode task = results.get("methods").get("molap").get("tasks").get("DelayPro");
        assertEquals((delayPro[0] + delayPro[1]) / 2, task.get("accuracy").asDouble(), 1e-12, "mean over seeds");
        assertEquals(Math.abs(delayPro[0] - delayPro[1]) / Math.sqrt(2), task.get("sd").asDouble(), 1e-12, "sample sd of two seeds");
        assertEquals(2, task.get("n").asInt());
        assertEquals(4, results.get("claims").size(), "the four claims of seed 000 section 4");
        for (JsonNode claim : results.get("claims")) {
            assertTrue(List.of("holds", "does not hold").contains(claim.get("verdict").asText()), claim.toString());
        }
        assertTrue(Files.readString(runDirectory(o).resolve("report.html")).contains("Claims of the paper"));

        // A summary never mixes settings, nor counts a seed twice.
        assertEquals(0, cli("run", "baselines", "--units", "16", "--iterations", "8", "--alpha", "1", "--methods", "molap",
                "--tasks", "T1", "--out", tmp.resolve("other").toString()).code());
        String[][] mistakes = {
                {"run", "summary", "--out", tmp.toString()},
                {"run", "summary", "--runs", tmp.resolve("runs") + "," + tmp.resolve("other"), "--out", tmp.toString()},
                {"run", "summary", "--runs", tmp.resolve("runs") + "," + tmp.resolve("runs"), "--out", tmp.toString()},
                {"run", "summary", "--runs", tmp.resolve("runs").toString(), "--alpha", "1", "--out", tmp.toString()},
                {"run", "summary", "--runs", tmp.resolve("nothing-here").toString(), "--out", tmp.toString()},
        };
        for (String[] args : mistakes) {
            Outcome bad = cli(args);
            assertEquals(2, bad.code(), String.join(" ", args) + " -> " + bad.err());
            assertEquals(1, bad.err().trim().lines().count(), bad.err());
        }
    }

    @Test
    void memoryProbeFindsTheStimulusDuringItsPresentationAndItsDecayAfterwards(@TempDir Path tmp) throws IOException {
        Outcome o = cli("run", "memory", "--units", "30", "--g", "1.0", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        Path dir = runDirectory(o);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode cos = results.get("r2").get("g=1.0 a=1.0").get("cos");
        assertEquals(110, cos.size());
        assertTrue(cos.get(40).asDouble() > 0.95, "the stimulus is decodable while it is on: " + cos.get(40));
        assertTrue(cos.get(10).asDouble() < 0.1, "nothing to decode before the stimulus: " + cos.get(10));
        double withoutLeak = results.get("r2_last_30_steps").get("g=1.0 a=1.0").asDouble();
        double leaky = results.get("r2_last_30_steps").get("g=1.0 a=0.2").asDouble();
        assertTrue(withoutLeak < 0.5, "a random core without a leak forgets over the delay: " + withoutLeak);
        assertTrue(leaky > withoutLeak + 0.3, "the leak (a = 0.2) keeps the stimulus longer: " + leaky + " vs " + withoutLeak);
        assertTrue(Files.exists(dir.resolve("figures").resolve("memory_r2.png")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("memory_r2.png"), "the report shows the experiment's figure");
    }

    @Test
    void helpListsTheExperiments() {
        Outcome o = cli("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("./molap run <experiment>") && o.out().contains("molap "));
    }

    @Test
    void userMistakesEndInOneSentenceAndExitCode2WithoutARunDirectory(@TempDir Path tmp) throws IOException {
        Path notADir = Files.writeString(tmp.resolve("a-file"), "x");
        String[][] mistakes = {
                {"run", "molap", "--tasks", "DelayPro,NoSuchTask", "--out", tmp.toString()},
                {"run", "molap", "--profile", "huge", "--out", tmp.toString()},
                {"run", "molap", "--modules", "3", "--out", tmp.toString()},
                {"run", "molap", "--out", notADir.resolve("sub").toString()},
                {"run", "nosuchexperiment"},
                {"run", "molap", "--bogus", "1"},
                {"run", "molap", "--units", "ten"},
                {"run", "molap", "--primitives", "ica"},
                {"run", "molap", "--g", "-1"},
                {"run", "memory", "--g", "0", "--out", tmp.toString()},
                {"run", "memory", "--core", tmp.resolve("not-a-run").toString(), "--out", tmp.toString()},
                {"run", "molap", "--mem-delay", "sometimes"},
                {"frobnicate"},
                {"bench", "--problems", "huge"},
                {"bench", "--repeats", "0"},
                {"bench", "--speed"},
                {"run", "molap", "--engine", "cuda"},
                {"run", "molap", "--stages", "0", "--out", tmp.toString()},
                {"run", "baselines", "--tasks", "T10", "--out", tmp.toString()},
                {"run", "baselines", "--iterations", "-5", "--out", tmp.toString()},
                {"run", "baselines", "--methods", "molap,lstm", "--out", tmp.toString()},
                {"run", "molap", "--alpha", "0", "--out", tmp.toString()},
                {"run", "baselines", "--alpha", "1.5", "--out", tmp.toString()},
                {"run", "memory", "--alpha", "fast", "--out", tmp.toString()},
                {"run", "molap", "--primitive-channels", "some", "--out", tmp.toString()},
                {"run", "molap", "--context-streams", "crossed", "--out", tmp.toString()},
                {"run", "baselines", "--dni-alpha", "-1", "--out", tmp.toString()},
                {"run", "molap", "--seed", "1", "--seed", "2", "--out", tmp.toString()},
                {"run", "baselines", "--methods", "dni", "--core", "/nonexistent", "--out", tmp.toString()},
                {"run", "molap", "--units", "--out", tmp.toString()},
                {"run", "molap", "--lr-tasks", "0", "--out", tmp.toString()},
                {"run", "molap", "--batch", "0", "--out", tmp.toString()},
                {"run", "summary", "--alpha", "1", "--out", tmp.toString()},
                {"run", "molap", "--config", tmp.resolve("missing.yaml").toString(), "--out", tmp.toString()},
                {"run", "molap", "--config", Files.writeString(tmp.resolve("unknown.yaml"), "unitz: 40\n").toString(), "--out", tmp.toString()},
                {"run", "molap", "--config", Files.writeString(tmp.resolve("typed.yaml"), "units: forty\n").toString(), "--out", tmp.toString()},
                {"run", "molap", "--config", Files.writeString(tmp.resolve("list.yaml"), "- units\n").toString(), "--out", tmp.toString()},
                {"run", "memory", "--config", Files.writeString(tmp.resolve("methods.json"), "{\"methods\": \"dni\"}").toString(), "--out", tmp.toString()},
        };
        for (String[] args : mistakes) {
            Outcome o = cli(args);
            assertEquals(2, o.code(), String.join(" ", args) + " -> " + o.err());
            String message = o.err().trim();
            assertTrue(message.startsWith("molap: "), message);
            assertEquals(1, message.lines().count(), "one sentence, no stack trace: " + message);
            assertFalse(message.contains("Exception"), message);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(Files::isDirectory), "no run directory may be left behind");
        }
    }

    /** SIGTERM (what Ctrl-C's SIGINT also does in the JVM: the shutdown hooks) to a training run in a child JVM. */
    @Test
    void aRunStoppedBySigtermIsMarkedInterruptedAndRenamed(@TempDir Path tmp) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(), "run", "molap", "--units", "40",
                "--modules", "2", "--iterations", "100000", "--tasks", "DelayPro", "--out", tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            Path metrics = null;
            for (int i = 0; i < 600 && (metrics == null || Files.size(metrics) == 0); i++) {
                Thread.sleep(100);
                try (Stream<Path> s = Files.walk(tmp)) {
                    metrics = s.filter(f -> f.getFileName().toString().equals("metrics.jsonl")).findFirst().orElse(null);
                }
            }
            assertTrue(metrics != null && Files.size(metrics) > 0, "the child trains and writes metrics live: "
                    + Files.readString(tmp.resolve("child.log")));
            child.destroy();   // SIGTERM
            assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.filter(d -> d.getFileName().toString().endsWith(".interrupted")).findFirst().orElse(null);
        }
        assertTrue(dir != null, "no .interrupted run directory: " + Files.readString(tmp.resolve("child.log")));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("interrupted", manifest.get("status").asText());
        assertTrue(manifest.has("ended"));
        assertFalse(Files.readAllLines(dir.resolve("metrics.jsonl")).isEmpty(), "the metrics written before the signal stay");
        assertTrue(Files.readString(dir.resolve("report.html")).contains("not &quot;complete&quot;"),
                "the interrupted run's report shows what it trained, marked not complete");
        assertFalse(Files.readString(tmp.resolve("child.log")).contains("\tat "), "no stack trace on the way out");
        Outcome listing = cli("runs", "--out", tmp.toString());
        assertEquals(0, listing.code(), listing.err());
        assertTrue(listing.out().contains("interrupted"), listing.out());
    }

    @Test
    void aConfigFileSetsAnyOptionAndFlagsOverrideIt(@TempDir Path tmp) throws IOException {
        Path config = Files.writeString(tmp.resolve("small.yaml"), String.join("\n", "# a small MoLaP run",
                "units: 40", "modules: 2", "iterations: 500", "tasks: [DelayPro, MemDm1]", "lr-tasks: 0.02", "batch: 32", ""));
        Outcome o = cli("run", "molap", "--config", config.toString(), "--iterations", "40", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode manifest = new ObjectMapper().readTree(runDirectory(o).resolve("manifest.json").toFile());
        JsonNode c = manifest.get("config");
        assertEquals(40, c.get("units").asInt());
        assertEquals(32, c.get("batch_size").asInt());
        assertEquals(0.02, c.get("task_training").get("learning_rate").asDouble());
        assertEquals(40, c.get("task_training").get("iterations").asInt(), "the flag overrides the file");
        assertEquals("[\"DelayPro\",\"MemDm1\"]", c.get("tasks").toString());
        assertEquals(config.toAbsolutePath().normalize().toString(), manifest.get("config_file").asText());
    }

    @Test
    void eachExperimentListsItsOwnOptionsWithDefaultsAndSources() {
        Outcome molap = cli("run", "molap", "--help");
        assertEquals(0, molap.code(), molap.err());
        assertTrue(molap.out().contains("--lr-tasks") && molap.out().contains("seed 000 A.2"), molap.out());
        assertFalse(molap.out().contains("--dni-alpha"), "molap does not take baselines' options");
        Outcome summary = cli("run", "summary", "--help");
        assertTrue(summary.out().contains("--runs") && !summary.out().contains("--units"), summary.out());
    }

    @Test
    void onTheSameDiffEngineARunWritesSameDiffsUiLog(@TempDir Path tmp) throws IOException {
        Outcome o = cli("run", "molap", "--engine", "samediff", "--units", "20", "--modules", "2", "--iterations", "20",
                "--tasks", "DelayPro", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        Path logs = runDirectory(o).resolve("samediff");
        List<Path> files;
        try (Stream<Path> s = Files.list(logs)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of("pretrain-M1.bin", "task-DelayPro.bin"), files.stream().map(f -> f.getFileName().toString()).toList(),
                "one log per graph: the modules share theirs");
        org.nd4j.graph.ui.LogFileWriter log = new org.nd4j.graph.ui.LogFileWriter(files.get(1).toFile());
        assertEquals(2, log.readStatic().getData().size(), "the graph's structure and the end-of-static marker");
        assertTrue(log.readEvents().size() >= 20, "a loss event per iteration");
    }
}
