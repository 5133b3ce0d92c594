package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The same configuration and seed give the same results.json (but its timings) and metrics, for every method. */
class DeterminismTest {

    private static Path run(Path out, String seed) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "baselines", "--units", "12", "--modules", "2", "--iterations", "15",
                "--tasks", "DelayPro,MemDm1", "--seed", seed, "--out", out.toString()}, new PrintStream(o, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = o.toString(StandardCharsets.UTF_8).lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    @Test
    void sameConfigAndSeedSameResults(@TempDir Path tmp) throws IOException {
        Path a = run(tmp.resolve("a"), "3");
        Path b = run(tmp.resolve("b"), "3");
        Path other = run(tmp.resolve("c"), "4");
        assertEquals(withoutTimings(a), withoutTimings(b), "results.json of two runs of one configuration and seed");
        assertEquals(Files.readString(a.resolve(RunDirectory.METRICS)), Files.readString(b.resolve(RunDirectory.METRICS)));
        assertNotEquals(withoutTimings(a), withoutTimings(other), "another seed gives other results (the test can fail)");
    }

    /** results.json without wall-clock times (run, per method, per network) and the phases' milliseconds per iteration. */
    static JsonNode withoutTimings(Path run) throws IOException {
        JsonNode results = RunDirectory.JSON.readTree(run.resolve(RunDirectory.RESULTS).toFile());
        strip(results);
        return results;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("wall_clock_seconds", "ms_per_iteration", "seconds", "millisPerIteration"));
        }
        node.forEach(DeterminismTest::strip);
    }
}
