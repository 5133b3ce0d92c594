package org.molap.experiments.parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Child JVMs run their jobs with their output in their logs and on the console; one that fails ends the pool with its log. */
class ChildJvmsTest {

    /** A child's main: prints its arguments and its OMP_NUM_THREADS, then exits with the code of its first argument. */
    public static final class Echo {
        public static void main(String[] args) {
            System.out.println("args " + String.join(" ", args) + " omp " + System.getenv("OMP_NUM_THREADS"));
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void childrenRunTheirJobsAndAFailureCarriesItsLog(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<ChildJvms.Job> jobs = List.of(new ChildJvms.Job("a", List.of("0", "x"), tmp.resolve("a.log")),
                new ChildJvms.Job("b", List.of("0", "y"), tmp.resolve("b.log")), new ChildJvms.Job("c", List.of("0", "z"), tmp.resolve("c.log")));
        ChildJvms.run(Echo.class, jobs, 2, out);
        assertEquals("args 0 y omp 1", Files.readString(tmp.resolve("b.log")).strip());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[c] args 0 z omp 1"), console.toString(StandardCharsets.UTF_8));

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> ChildJvms.run(Echo.class,
                List.of(new ChildJvms.Job("bad", List.of("3", "w"), tmp.resolve("bad.log"))), 2, out));
        assertTrue(failed.getMessage().contains("'bad' failed with exit code 3") && failed.getMessage().contains("args 3 w"), failed.getMessage());
    }
}
