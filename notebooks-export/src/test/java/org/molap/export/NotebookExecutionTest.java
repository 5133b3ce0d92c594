package org.molap.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook of a run executes: its code cells run in order under Debian's python3 with numpy and matplotlib
 * (.ci/run installs python3-matplotlib; the test says why it skips where they are missing), each figure saved
 * instead of shown.
 */
class NotebookExecutionTest {

    @Test
    void everyCodeCellRunsAndDrawsItsFigures(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticRun.write(tmp.resolve("molap-20261124-000000"));
        assertTrue(execute(dir, tmp) >= 4, "accuracy, loss, traces and the W_rec heat map at least");
    }

    @Test
    void theNotebookOfAnInterruptedRunShowsWhatItTrained(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticRun.write(tmp.resolve("molap-20261124-000001.interrupted"));
        Files.delete(dir.resolve("results.json"));
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"interrupted\""));
        assertTrue(execute(dir, tmp) >= 2, "the loss curves and the W_rec heat map at least");
    }

    private static int execute(Path dir, Path tmp) throws Exception {
        return NotebookExecution.figures(dir, tmp);
    }
}
