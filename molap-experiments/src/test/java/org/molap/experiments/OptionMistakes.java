package org.molap.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Asserts that each of some mistaken option lists ends a command in one sentence on stderr and exit code 2. */
public final class OptionMistakes {
    private OptionMistakes() {
    }

    /** {@code command} (e.g. "run", "mwg") followed by each of {@code mistakes}; returns the messages. */
    public static List<String> assertOneSentence(List<String> command, List<String[]> mistakes) {
        List<String> messages = new ArrayList<>();
        for (String[] args : mistakes) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of(args));
            int code = Cli.run(full.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(2, code, String.join(" ", full) + ": " + message);
            assertTrue(message.lines().count() == 1 && !message.contains("Exception"), message);
            messages.add(message);
        }
        return messages;
    }
}
