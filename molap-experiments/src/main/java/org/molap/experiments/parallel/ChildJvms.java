package org.molap.experiments.parallel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs independent units of work (a share of a perturbation sweep, one seed of a study) in child JVMs, at most one
 * per core at a time: processes rather than threads, because ND4J 1.0.0-M2.1 crashed the whole JVM when two threads
 * ran ops on a new array shape at once (SIGSEGV in sd::TadDescriptor), and one crash would lose every unit. Each
 * child runs {@code main} with its arguments on this JVM's class path, heap and system properties, with
 * {@code OMP_NUM_THREADS=1}; its output goes to its log file, each line also echoed to the console with the job's
 * name. A child that fails stops the others and ends the pool with its exit code and the last lines of its log; the
 * children die with this JVM (SIGINT, SIGTERM or an exception).
 */
public final class ChildJvms {
    /** One unit: a name for the console, the arguments of {@code main}, and the file its output goes to. */
    public record Job(String name, List<String> args, Path log) {
    }

    private static final int TAIL_LINES = 15;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "child-jvms"));
    }

    private ChildJvms() {
    }

    /** The number of cores this JVM may use: the default number of units run at once. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs every job, {@code parallel} at a time, and returns when all have exited with 0.
     *
     * @throws IllegalStateException when a job fails (the others are stopped)
     */
    public static void run(Class<?> main, List<Job> jobs, int parallel, PrintStream console) {
        Deque<Job> waiting = new ArrayDeque<>(jobs);
        List<Running> running = new ArrayList<>();
        try {
            while (!waiting.isEmpty() || !running.isEmpty()) {
                while (running.size() < parallel && !waiting.isEmpty()) {
                    running.add(start(main, waiting.poll(), console));
                }
                Running done = awaitAny(running);
                running.remove(done);
                int code = done.process.exitValue();
                done.echo.join();
                if (code != 0) {
                    throw new IllegalStateException("The child JVM '" + done.job.name() + "' failed with exit code " + code
                            + "; the end of its log " + done.job.log() + ":\n" + tail(done.job.log()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while child JVMs ran.", e);
        } finally {
            running.forEach(r -> r.process.destroyForcibly());
        }
    }

    private record Running(Job job, Process process, Thread echo) {
    }

    private static Running start(Class<?> main, Job job, PrintStream console) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedJvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(job.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        try {
            Files.createDirectories(job.log().toAbsolutePath().getParent());
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            Thread echo = new Thread(() -> echo(process, job, console), "echo-" + job.name());
            echo.setDaemon(true);
            echo.start();
            return new Running(job, process, echo);
        } catch (IOException e) {
            throw new UncheckedIOException("The child JVM '" + job.name() + "' cannot be started: " + e.getMessage(), e);
        }
    }

    /** Copies the child's output to its log and, prefixed with its name, to the console. */
    private static void echo(Process process, Job job, PrintStream console) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(job.log(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.write(line);
                log.write('\n');
                log.flush();
                console.println("[" + job.name() + "] " + line);
            }
        } catch (IOException e) {
            console.println("[" + job.name() + "] output lost: " + e.getMessage());
        }
    }

    private static Running awaitAny(List<Running> running) throws InterruptedException {
        while (true) {
            for (Running r : running) {
                if (!r.process.isAlive()) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
    }

    /** The heap, native-memory and system-property options of this JVM (not debugger or profiler agents). */
    static List<String> inheritedJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-XX:MaxDirectMemorySize") || a.startsWith("-D"))
                .filter(a -> !a.startsWith("-Djdk.internal") && !a.contains("jdwp"))
                .toList();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
