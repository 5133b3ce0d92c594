package org.molap.core.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What a run directory's manifest says, checked against the machine: a manifest that still says "running" while the
 * process it names is gone (killed with SIGKILL, or the machine went down) is "stale". The process is the recorded
 * pid on the recorded host with the recorded start time, so a recycled pid does not count as the run.
 */
public final class RunStatus {
    private RunStatus() {
    }

    /**
     * The status of the run in {@code dir}: as {@link #of(JsonNode)}, except that a directory renamed {@code .failed}
     * or {@code .interrupted} whose manifest could not be rewritten (a full disk) says so by its name.
     */
    public static String of(java.nio.file.Path dir, JsonNode manifest) {
        String name = dir.getFileName().toString();
        String status = of(manifest);
        if (!status.equals("running") && !status.equals("stale")) {
            return status;
        }
        return name.endsWith(".failed") ? "failed" : name.endsWith(".interrupted") ? "interrupted" : status;
    }

    public static String of(JsonNode manifest) {
        String status = manifest.path("status").asText("unknown");
        if (!status.equals("running")) {
            return status;
        }
        String host = manifest.path("machine").path("host").asText(null);
        if (!manifest.has("pid") || host == null || !host.equals(Provenance.host())) {
            return "running";      // another machine's run (or an older manifest): nothing to check it against
        }
        Optional<ProcessHandle> process = ProcessHandle.of(manifest.get("pid").asLong());
        boolean alive = process.isPresent() && process.get().isAlive() && process.get().info().startInstant()
                .map(t -> t.toString().equals(manifest.path("process_started").asText(t.toString()))).orElse(true);
        return alive ? "running" : "stale";
    }
}
