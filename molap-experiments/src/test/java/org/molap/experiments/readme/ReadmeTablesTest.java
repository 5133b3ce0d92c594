package org.molap.experiments.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every results table of the README says what its files in results/ say (./molap readme regenerates them). */
class ReadmeTablesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmesTablesAgreeWithTheirResultFiles() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("<!-- table: "), "the README marks its generated tables");
        assertEquals(ReadmeTables.render(ROOT, readme), readme,
                "a README table disagrees with its result file: run ./molap readme and look at the difference");
    }

    @Test
    void numbersAndNamesAreWrittenForPeople() {
        assertEquals("Context Mem Dm 1", ReadmeTables.spaced("ContextMemDm1"));
        assertEquals("Delay Pro", ReadmeTables.spaced("DelayPro"));
        assertEquals("1.8x", ReadmeTables.times(1.83));
        assertEquals("34x", ReadmeTables.times(33.9));
        assertEquals("2400x", ReadmeTables.times(2384.3));
    }
}
