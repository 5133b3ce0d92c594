package org.molap.experiments.robustness;

import org.molap.core.run.RunDirectory;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;

/**
 * The main of a child JVM that sweeps a share of a robustness run's networks ({@link org.molap.experiments.parallel.ChildJvms}):
 * {@code SweepWorker <plan.json> <unit-dir>...}; each unit's accuracies go to the file its unit names.
 */
public final class SweepWorker {
    private SweepWorker() {
    }

    public static void main(String[] args) throws Exception {
        SweepPlan plan = RunDirectory.JSON.readValue(Path.of(args[0]).toFile(), SweepPlan.class);
        for (int i = 1; i < args.length; i++) {
            long start = System.nanoTime();
            SweepUnit.Loaded loaded = SweepUnit.read(Path.of(args[i]));
            SweepUnit unit = loaded.unit();
            INDArray[] test = SweepUnit.readTest(loaded.testDir());
            unit.writeAccuracy(plan.perturb(unit.network(), test[0], test[1], unit.scored()));
            System.out.printf("perturbed %s / %s in %.0f s (%d of %d)%n", unit.method(), unit.task(), (System.nanoTime() - start) / 1e9,
                    i, args.length - 1);
        }
    }
}
