package org.molap.experiments.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Cli;
import org.molap.experiments.CliRun;

/**
 * {@code --networks-from}: a run of two networks takes the first from an earlier run of one (byte for byte, recorded in
 * its manifest) and trains only the second; runs of other settings or experiments, and folders that are no run, are
 * refused with exit code 2 before any run directory is made.
 */
class ReusedNetworksTest {
    @TempDir
    static Path tmp;
    /** A run of one network (seed 1), 20 iterations: what is copied matters here, not how well it learned. */
    static Path earlier;

    @BeforeAll
    static void anEarlierRun() {
        earlier = CliRun.run("run", "mwg-rank-one", "--iterations", "20", "--networks", "1", "--workers", "1",
                "--out", tmp.resolve("a").toString());
    }

    @Test
    void aLargerRunCopiesTheFinishedNetworksOfAnEarlierOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "mwg-rank-one", "--iterations", "20", "--networks", "2", "--workers", "1",
                "--out", tmp.resolve("b").toString(), "--networks-from", earlier.toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), System.err);
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, console);
        assertTrue(console.contains("1 networks copied from --networks-from: rank1-seed1"), console);
        Path larger = Path.of(console.lines().reduce((a, b) -> b).orElseThrow());
        Path result = Path.of(NetworkUnits.NETWORKS, "rank1-seed1", NetworkUnits.RESULT);
        assertArrayEquals(Files.readAllBytes(earlier.resolve(result)), Files.readAllBytes(larger.resolve(result)));
        assertTrue(NetworkUnits.finished(larger.resolve(NetworkUnits.NETWORKS).resolve("rank1-seed2")), "the new network was trained");
        JsonNode manifest = RunDirectory.JSON.readTree(larger.resolve(RunDirectory.MANIFEST).toFile());
        assertEquals(earlier.toAbsolutePath().normalize().toString(), manifest.path("networks_from").path("rank1-seed1").path("run").asText());
        assertEquals("complete", manifest.path("status").asText());
    }

    @Test
    void runsOfOtherSettingsOrExperimentsAreRefused() {
        Path out = tmp.resolve("c");
        refused(List.of("run", "mwg-rank-one", "--iterations", "30", "--networks-from", earlier.toString(), "--out", out.toString()),
                "was trained with other settings (iterations 30 here, 20 there)");
        refused(List.of("run", "mwg", "--networks-from", earlier.toString(), "--out", out.toString()),
                "is a run of mwg-rank-one, not of mwg");
        refused(List.of("run", "mwg-rank-one", "--networks-from", tmp.resolve("a").toString(), "--out", out.toString()),
                "is not a run directory");
        assertTrue(!Files.exists(out), "no run directory was made");
    }

    private static void refused(List<String> args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args.toArray(String[]::new), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, said);
        assertTrue(said.contains(message), said);
        assertEquals(1, said.strip().lines().count(), "one sentence: " + said);
    }
}
