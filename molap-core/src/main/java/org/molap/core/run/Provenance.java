package org.molap.core.run;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where a run came from (the Tribuo habit): versions, git commit, backend, machine, start time. */
public final class Provenance {
    private Provenance() {
    }

    public static Map<String, Object> collect(Path workingDirectory) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("started", Instant.now().toString());
        p.put("git_commit", gitCommit(workingDirectory));
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("molap", Provenance.class.getPackage().getImplementationVersion() == null ? "0.1.0-SNAPSHOT"
                : Provenance.class.getPackage().getImplementationVersion());
        versions.put("deeplearning4j", "1.0.0-M2.1");
        versions.put("java", System.getProperty("java.version"));
        p.put("versions", versions);
        p.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        p.put("machine", machine);
        return p;
    }

    private static String gitCommit(Path workingDirectory) {
        Path dir = workingDirectory.toAbsolutePath(); // Path.of("") as a process directory fails to start git
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0) {
                String dirty = new String(new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                        .directory(dir.toFile()).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return dirty.isEmpty() ? out : out + "-dirty";
            }
        } catch (IOException | InterruptedException e) {
            // not a git checkout, or no git: recorded as unknown
        }
        return "unknown";
    }
}
