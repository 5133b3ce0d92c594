package org.molap.experiments.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.perturb.UnitPartition;
import org.molap.core.run.AtomicFiles;
import org.molap.core.run.RunDirectory;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.rnn.RnnGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trained network's share of a sweep, as files a child JVM reads ({@link SweepWorker}): a directory with
 * {@code unit.json} (method, task, shape, where the test set is and where the accuracies go) and the network's
 * arrays as .npy; the task's test set is written once and shared by the methods' units. The accuracies [level][draw]
 * per family go to {@code output}, a JSON file in the run directory.
 */
record SweepUnit(String method, String task, int scored, PerturbationSweep.Network network, Path output) {
    /** A unit read back in a child JVM, with the directory of its task's test set. */
    record Loaded(SweepUnit unit, Path testDir) {
    }

    private static final String SPEC = "unit.json";
    private static final String INPUTS = "inputs.npy";
    private static final String TARGETS = "targets.npy";

    /** Rough cost of sweeping the unit: its forward's recurrent products, N^2 per trial and step. */
    long cost() {
        return (long) network.shape().units() * network.shape().units();
    }

    /** Writes a test set into {@code dir} once (the units of every method on the task share it). */
    static void writeTest(Path dir, INDArray inputs, INDArray targets) {
        if (Files.exists(dir.resolve(TARGETS))) {
            return;
        }
        write(dir.resolve(INPUTS), inputs);
        write(dir.resolve(TARGETS), targets);
    }

    static INDArray[] readTest(Path dir) {
        return new INDArray[] {readArray(dir.resolve(INPUTS)), readArray(dir.resolve(TARGETS))};
    }

    /** Writes the unit into {@code dir}; its test set is in {@code testDir} ({@link #writeTest}). */
    void write(Path dir, Path testDir) {
        RnnGraph.Shape s = network.shape();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("method", method);
        spec.put("task", task);
        spec.put("scored", scored);
        spec.put("units", s.units());
        spec.put("inputs", s.inputs());
        spec.put("outputs", s.outputs());
        spec.put("steps", s.steps());
        spec.put("dtype", s.dtype().name());
        spec.put("leak", s.leak());
        spec.put("modules", network.units().modules());
        spec.put("test", testDir.toAbsolutePath().toString());
        spec.put("output", output.toAbsolutePath().toString());
        network.arrays().forEach((name, array) -> write(dir.resolve(name + ".npy"), array));
        try {
            AtomicFiles.write(dir.resolve(SPEC), RunDirectory.JSON.writeValueAsString(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Loaded read(Path dir) {
        try {
            JsonNode spec = RunDirectory.JSON.readTree(dir.resolve(SPEC).toFile());
            RnnGraph.Shape shape = new RnnGraph.Shape(spec.get("units").asInt(), spec.get("inputs").asInt(), spec.get("outputs").asInt(),
                    spec.get("steps").asInt(), DataType.valueOf(spec.get("dtype").asText()), Regularisation.none(), spec.get("leak").asDouble());
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            try (var files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".npy")).sorted().forEach(f -> {
                    String name = f.getFileName().toString();
                    arrays.put(name.substring(0, name.length() - ".npy".length()), readArray(f));
                });
            }
            PerturbationSweep.Network network = new PerturbationSweep.Network(shape, arrays,
                    new UnitPartition(shape.units(), spec.get("modules").asInt()));
            return new Loaded(new SweepUnit(spec.get("method").asText(), spec.get("task").asText(), spec.get("scored").asInt(), network,
                    Path.of(spec.get("output").asText())), Path.of(spec.get("test").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("The sweep unit " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Accuracy [level][draw] per family, as {@link SweepPlan#perturb} gives it, written atomically. */
    void writeAccuracy(Map<String, double[][]> byFamily) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", method);
        out.put("task", task);
        out.put("accuracy", byFamily);
        try {
            AtomicFiles.write(output, RunDirectory.JSON.writeValueAsString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, double[][]> readAccuracy(Path file) {
        try {
            JsonNode families = RunDirectory.JSON.readTree(file.toFile()).get("accuracy");
            Map<String, double[][]> byFamily = new LinkedHashMap<>();
            families.fields().forEachRemaining(e -> byFamily.put(e.getKey(), RunDirectory.JSON.convertValue(e.getValue(), double[][].class)));
            return byFamily;
        } catch (IOException e) {
            throw new UncheckedIOException("The sweep's accuracies " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, INDArray array) {
        try {
            Files.createDirectories(file.getParent());
            Nd4j.writeAsNumpy(array, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The sweep's array " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static INDArray readArray(Path file) {
        return Nd4j.createFromNpyFile(file.toFile()).dup();
    }
}
