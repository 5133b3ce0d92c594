package org.molap.core.run;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a run came from (the Tribuo habit): versions, the project's git commit and whether its tree was dirty,
 * backend, machine, process, start time. The commit is the MoLaP checkout's the code runs from, wherever the command
 * was started: {@code -Dmolap.home} (the launcher sets it), else the checkout above the classes or jar.
 */
public final class Provenance {
    private Provenance() {
    }

    public static Map<String, Object> collect() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("started", Instant.now().toString());
        Path root = projectRoot();
        String commit = root == null ? null : git(root, "rev-parse", "HEAD");
        p.put("git_commit", commit == null ? "unknown (not run from a MoLaP checkout)" : commit);
        if (commit != null) {
            String changes = git(root, "status", "--porcelain", "--untracked-files=no");
            p.put("git_dirty", changes == null ? "unknown" : !changes.isEmpty());
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("molap", Provenance.class.getPackage().getImplementationVersion() == null ? "0.1.0-SNAPSHOT"
                : Provenance.class.getPackage().getImplementationVersion());
        versions.put("deeplearning4j", "1.0.0-M2.1");
        versions.put("java", System.getProperty("java.version"));
        p.put("versions", versions);
        p.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("host", host());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        p.put("machine", machine);
        p.put("pid", ProcessHandle.current().pid());
        ProcessHandle.current().info().startInstant().ifPresent(t -> p.put("process_started", t.toString()));
        return p;
    }

    /** This machine's name, as a stale-run check compares it (the pid of a run means nothing on another host). */
    public static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    /** The MoLaP checkout: a folder with pom.xml, molap-core/ and .git. Null when the code does not run from one. */
    static Path projectRoot() {
        String home = System.getProperty("molap.home");
        if (home != null) {
            return isCheckout(Path.of(home).toAbsolutePath()) ? Path.of(home).toAbsolutePath() : null;
        }
        try {
            for (Path p = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                 p != null; p = p.getParent()) {
                if (isCheckout(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // no code source (a custom class loader): recorded as unknown
        }
        return null;
    }

    private static boolean isCheckout(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("molap-core")) && Files.exists(p.resolve(".git"));
    }

    /** git's output in {@code dir}, trimmed, or null when git fails or is missing. */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
