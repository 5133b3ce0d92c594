package org.molap.experiments.molap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training probes on a small baselines run: every 20 iterations of each task phase (MoLaP's heads and DNI's tasks,
 * whose inputs carry the rule cues) metrics.jsonl holds the held-out accuracy and the accuracy under 30% lesions;
 * pre-training phases hold none; probes are off without the option, and their options' mistakes are one sentence.
 */
class DecisionProbesTest {

    @Test
    void taskPhasesLogHeldOutAndLesionedAccuracy(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "baselines", "--methods", "molap,dni", "--units", "40", "--iterations", "100",
                "--tasks", "DelayPro,DelayAnti", "--probe-every", "20", "--probe-lesions", "30", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        Map<String, List<JsonNode>> probesByPhase = new LinkedHashMap<>();
        for (String line : Files.readAllLines(run.resolve(RunDirectory.METRICS))) {
            JsonNode l = RunDirectory.JSON.readTree(line);
            if (l.has("probes")) {
                probesByPhase.computeIfAbsent(l.get("phase").asText(), k -> new ArrayList<>()).add(l.get("probes"));
                assertEquals(0, l.get("iteration").asInt() % 20, line);
            }
        }
        assertEquals(List.of("molap/task-DelayPro", "molap/task-DelayAnti", "dni/dni-DelayPro", "dni/dni-DelayAnti"),
                List.copyOf(probesByPhase.keySet()), "probes in the task phases only");
        for (List<JsonNode> probes : probesByPhase.values()) {
            assertEquals(5, probes.size());
            JsonNode last = probes.get(probes.size() - 1);
            double heldOut = last.get("held-out accuracy").asDouble();
            double lesioned = last.get("lesion 30%").asDouble();
            assertTrue(heldOut >= 0 && heldOut <= 1 && lesioned >= 0 && lesioned < heldOut, last.toString());
        }
        JsonNode first = probesByPhase.get("molap/task-DelayPro").get(0);
        JsonNode last = probesByPhase.get("molap/task-DelayPro").get(4);
        assertTrue(last.get("held-out accuracy").asDouble() > first.get("held-out accuracy").asDouble() + 0.2,
                "the probe sees the head learn: " + first + " -> " + last);
        assertTrue(RunDirectory.JSON.readTree(run.resolve(RunDirectory.MANIFEST).toFile()).path("config").has("probes"));
    }

    @Test
    void probeOptionMistakesAreOneSentence() {
        for (String[] args : List.of(new String[] {"--probe-lesions", "10"}, new String[] {"--probe-every", "5", "--probe-lesions", "150"},
                new String[] {"--probe-every", "0"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> command = new ArrayList<>(List.of("run", "molap"));
            command.addAll(List.of(args));
            int code = Cli.run(command.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(2, code, message);
            assertTrue(message.contains("--probe-") && message.lines().count() == 1 && !message.contains("Exception"), message);
        }
        assertFalse(DecisionProbes.OFF.on());
    }
}
