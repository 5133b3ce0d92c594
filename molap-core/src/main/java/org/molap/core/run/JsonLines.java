package org.molap.core.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Appends one JSON object per line (metrics.jsonl), flushed line by line: a run can be followed while it trains
 * ({@code tail -f}), and a killed run keeps every line written before it died.
 */
public final class JsonLines implements AutoCloseable {
    private final BufferedWriter out;

    JsonLines(Path file) {
        try {
            // appended to: a resumed run continues the lines its checkpoint kept
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + file, e);
        }
    }

    public synchronized void write(Map<String, ?> record) {
        try {
            out.write(RunDirectory.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append a metrics line", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close a metrics file", e);
        }
    }
}
