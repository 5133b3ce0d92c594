package org.molap.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.RunDirectory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch on the same job, in a child process running tools/bench_pytorch.py with one thread: torch.nn.RNN
 * (fused, no leak) and a leaky loop with autograd; and for the families bench, each family's network as a lab
 * would write it (a loop with autograd, or nn.LSTM). Present only where python3 imports torch (Debian's
 * python3-torch); {@link #start} says why not otherwise.
 */
final class PyTorchContenders implements AutoCloseable {
    private final Process process;
    private final PrintWriter requests;
    private final BufferedReader answers;
    private String version;

    private PyTorchContenders(Process process) {
        this.process = process;
        this.requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    String version() {
        return version;
    }

    /** The script next to the project (the launcher passes -Dmolap.home), or null. */
    static Path script() {
        Path home = Path.of(System.getProperty("molap.home", "."));
        Path script = home.resolve("tools").resolve("bench_pytorch.py");
        return Files.isRegularFile(script) ? script : null;
    }

    /** Starts the child for one problem; a reason in {@code why[0]} and null when PyTorch is not there. */
    static PyTorchContenders start(BenchProblem p, double leak, String[] why) {
        return launch("setup " + p.units() + " " + p.batch() + " " + p.steps() + " " + leak, why);
    }

    /**
     * Starts the child for the cell families: the leaky loop at the first family's size (seed 000's) and one network
     * per other family key of tools/bench_pytorch.py; a reason in {@code why[0]} and null when PyTorch is not there.
     */
    static PyTorchContenders startFamilies(List<FamilyBench.Family> families, String[] why) {
        FamilyBench.Family leaky = families.get(0);
        org.molap.dl4j.model.cells.LeakyRnnCell cell = (org.molap.dl4j.model.cells.LeakyRnnCell) leaky.cell();
        PyTorchContenders t = launch("setup " + cell.units() + " " + leaky.batch() + " " + leaky.steps() + " " + cell.leak(), why);
        for (FamilyBench.Family f : families.subList(1, families.size())) {
            if (t == null) {
                return null;
            }
            t = t.prepare("family " + f.key() + " " + f.batch() + " " + f.steps(), why);
        }
        return t;
    }

    private static PyTorchContenders launch(String setup, String[] why) {
        Path script = script();
        if (script == null) {
            why[0] = "tools/bench_pytorch.py not found (run from the repository with ./molap)";
            return null;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(python(), script.toString(), "--serve").redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            return new PyTorchContenders(pb.start()).prepare(setup, why);
        } catch (IOException e) {
            why[0] = "python3 could not be started (" + e.getMessage() + ")";
            return null;
        }
    }

    /** Sends a setup request; this, or null (the child closed) with the reason in {@code why[0]}. */
    private PyTorchContenders prepare(String setup, String[] why) {
        try {
            JsonNode ready = ask(setup);
            if (ready == null || !ready.path("ready").asBoolean()) {
                close();
                why[0] = "python3 has no torch (install Debian's python3-torch and libopenblas0-pthread)";
                return null;
            }
            version = ready.path("torch").asText();
            return this;
        } catch (IOException e) {
            close();
            why[0] = "the PyTorch bench process failed (" + e.getMessage() + ")";
            return null;
        }
    }

    /** Debian's interpreter first: its torch is the one the README names. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private JsonNode ask(String request) throws IOException {
        requests.println(request);
        String line = answers.readLine();
        return line == null ? null : RunDirectory.JSON.readTree(line);
    }

    List<Contender> contenders() {
        return List.of(contender("pytorch_rnn", "rnn", "PyTorch " + version + " nn.RNN (fused, no leak)"),
                contender("pytorch_leaky", "leaky", "PyTorch " + version + " leaky loop, autograd"));
    }

    /** A family's network of tools/bench_pytorch.py ("leaky": the leaky loop of the setup). */
    Contender family(String familyKey, String label) {
        return contender(familyKey + "_pytorch", familyKey, label + ", PyTorch " + version);
    }

    private Contender contender(String key, String name, String label) {
        return new Contender.Named(key, label) {
            @Override
            public double[] iterations(int n) {
                try {
                    JsonNode answer = ask("run " + name + " " + n);
                    if (answer == null || !answer.has("ms")) {
                        throw new IllegalStateException("the PyTorch bench process stopped answering");
                    }
                    double[] ms = new double[n];
                    for (int i = 0; i < n; i++) {
                        ms[i] = answer.get("ms").get(i).asDouble();
                    }
                    return ms;
                } catch (IOException e) {
                    throw new IllegalStateException("the PyTorch bench process failed: " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void close() {
        requests.println("quit");
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
