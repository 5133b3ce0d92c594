package org.molap.experiments.robustness;

import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.experiments.parallel.ChildJvms;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Splits a sweep's units over child JVMs, one per core: the plan, the networks and their test sets go to a temporary
 * directory (deleted at the end), the units are shared out longest first to the least loaded child (DNI's network of
 * 2N units costs four times a network of N), and each child writes its units' accuracies where the units say.
 */
final class SweepWorkers {
    private SweepWorkers() {
    }

    /** Sweeps {@code units} (unit i tested on {@code tests.apply(i)}) in {@code parallel} child JVMs; logs go to {@code logDir}. */
    static void run(SweepPlan plan, List<SweepUnit> units, IntFunction<Trials> tests, int parallel, Path logDir, PrintStream console) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("molap-sweep");
            Path root = temp;
            Path planFile = root.resolve("plan.json");
            RunDirectory.JSON.writeValue(planFile.toFile(), plan);
            Map<Trials, Path> testDirs = new IdentityHashMap<>();
            List<Path> unitDirs = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Trials test = tests.apply(i);
                Path testDir = testDirs.computeIfAbsent(test, t -> root.resolve("tests").resolve(String.valueOf(testDirs.size())));
                SweepUnit.writeTest(testDir, test.inputs(), test.targets());
                Path dir = temp.resolve("units").resolve(String.valueOf(i));
                units.get(i).write(dir, testDir);
                unitDirs.add(dir);
            }
            List<List<Integer>> shares = shares(units, parallel);
            List<ChildJvms.Job> jobs = new ArrayList<>();
            for (int k = 0; k < shares.size(); k++) {
                List<String> args = new ArrayList<>(List.of(planFile.toString()));
                shares.get(k).forEach(i -> args.add(unitDirs.get(i).toString()));
                jobs.add(new ChildJvms.Job("sweep " + (k + 1), args, logDir.resolve("worker-" + (k + 1) + ".log")));
            }
            ChildJvms.run(SweepWorker.class, jobs, parallel, console);
        } catch (IOException e) {
            throw new UncheckedIOException("The sweep's files cannot be written: " + e.getMessage(), e);
        } finally {
            delete(temp);
        }
    }

    /** The units' indices shared out: longest first, each to the share with the least work so far. */
    static List<List<Integer>> shares(List<SweepUnit> units, int parallel) {
        List<List<Integer>> shares = new ArrayList<>();
        long[] load = new long[parallel];
        for (int k = 0; k < parallel; k++) {
            shares.add(new ArrayList<>());
        }
        IntStream.range(0, units.size()).boxed().sorted(Comparator.comparingLong((Integer i) -> -units.get(i).cost()).thenComparing(i -> i))
                .forEach(i -> {
                    int least = 0;
                    for (int k = 1; k < parallel; k++) {
                        least = load[k] < load[least] ? k : least;
                    }
                    shares.get(least).add(i);
                    load[least] += units.get(i).cost();
                });
        shares.removeIf(List::isEmpty);
        return shares;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless; the sweep's results are already written
        }
    }
}
