package org.molap.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a command of the CLI as a user would, asserts that it succeeded and returns the run directory it printed last. */
public final class CliRun {
    private CliRun() {
    }

    public static Path run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, String.join(" ", args));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }
}
