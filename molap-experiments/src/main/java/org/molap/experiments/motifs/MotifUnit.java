package org.molap.experiments.motifs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.motifs.Motif;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.experiments.molap.ProgressLog;
import org.molap.experiments.parallel.NetworkUnits;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network of a motifs run, as a {@link NetworkUnits.Job}: arguments {@code <architecture> <seed> <dir>}. Writes
 * its result, its chaining arrays (random [motif, trial], predecessors [predecessor, motif]), one output per motif from
 * a random start and after its first predecessor, the end states x_end [motif, trials * N], and, with the module, its
 * U_prep and V_prep and the eigenvalues of its analysis into its folder.
 */
record MotifUnit(Architecture architecture, long seed, Path dir, MotifSettings settings) implements NetworkUnits.Job {

    @Override
    public String name() {
        return architecture.id() + "-seed" + seed;
    }

    @Override
    public List<String> arguments() {
        return List.of(architecture.id(), Long.toString(seed), dir.toString());
    }

    @Override
    public void run(PrintStream console) {
        List<Motif> motifs = settings.motifSet(seed);
        MotifNetwork.Settings s = settings.network(architecture, motifs);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        MotifNetwork.Result r = MotifNetwork.run(architecture, motifs, seed, s, arrays, new ProgressLog(settings.iterations()));
        NetworkUnits.writeArray(dir, "random_rmse.npy", Nd4j.createFromArray(r.chaining().random()));
        NetworkUnits.writeArray(dir, "predecessor_rmse.npy", Nd4j.createFromArray(r.chaining().predecessors()));
        NetworkUnits.writeArray(dir, "random_outputs.npy", arrays.get("random_outputs"));
        NetworkUnits.writeArray(dir, "chained_outputs.npy", arrays.get("chained_outputs"));
        arrays.forEach((name, values) -> {
            if (name.equals("x_end") || name.startsWith("eigenvalues_") || name.equals(MotorRateCell.U_PREP)
                    || name.equals(MotorRateCell.V_PREP)) {
                NetworkUnits.writeArray(dir, name + ".npy", values);
            }
        });
        NetworkUnits.writeResult(dir, r);
        console.println(MotifNetwork.describe(r));
    }

    /** A child JVM's unit: the run's settings file and {@link #arguments()}. */
    static void run(Path settingsFile, List<String> arguments, PrintStream console) throws IOException {
        MotifSettings s = RunDirectory.JSON.readValue(settingsFile.toFile(), MotifSettings.class);
        new MotifUnit(Architecture.list(arguments.get(0)).get(0), Long.parseLong(arguments.get(1)), Path.of(arguments.get(2)), s)
                .run(console);
    }

    static MotifNetwork.Result read(Path dir) {
        return NetworkUnits.readResult(dir, MotifNetwork.Result.class);
    }
}
