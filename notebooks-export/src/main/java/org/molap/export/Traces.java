package org.molap.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The output-vs-target traces of a run: for each task with both arrays/test_outputs_&lt;Task&gt;.npy and
 * arrays/test_targets_&lt;Task&gt;.npy ([trials, outputs, time], or [outputs, time] for one trial), the
 * first {@link #TRIALS} trials. Tasks come in results.json order, then any others by name.
 */
final class Traces {
    static final String OUTPUTS = "test_outputs_";
    static final String TARGETS = "test_targets_";
    /** Trials drawn per task: enough to see how they differ, few enough to tell the curves apart. */
    static final int TRIALS = 3;

    /** Trials of one task: per trial, [channel][time] outputs and targets; the channel names. */
    record Trial(String task, List<double[][]> outputs, List<double[][]> targets, List<String> channels) {
    }

    private Traces() {
    }

    /** Tasks that have both trace arrays, in display order. */
    static List<String> tasks(RunContents run, Results results) {
        Set<String> ordered = new LinkedHashSet<>();
        results.tasks.forEach(t -> ordered.add(t.name()));
        run.arrays.keySet().stream().filter(f -> f.startsWith(OUTPUTS))
                .map(f -> f.substring(OUTPUTS.length(), f.length() - ".npy".length())).sorted().forEach(ordered::add);
        return ordered.stream().filter(t -> run.arrays.containsKey(OUTPUTS + t + ".npy")
                && run.arrays.containsKey(TARGETS + t + ".npy")).toList();
    }

    /** Loads the first trials of every task in {@link #tasks}; a damaged or mismatched array is an error. */
    static List<Trial> load(RunContents run, Results results) {
        List<Trial> trials = new ArrayList<>();
        for (String task : tasks(run, results)) {
            Path outFile = run.arrays.get(OUTPUTS + task + ".npy");
            Path tgtFile = run.arrays.get(TARGETS + task + ".npy");
            Npy.Array out = Npy.read(outFile);
            Npy.Array tgt = Npy.read(tgtFile);
            if (out.rank() < 2 || out.rank() > 3 || !java.util.Arrays.equals(out.shape(), tgt.shape())
                    || java.util.Arrays.stream(out.shape()).anyMatch(d -> d == 0)) {
                throw new IllegalArgumentException("Run directory " + run.dir + " has trace arrays for " + task
                        + " that do not match: " + outFile.getFileName() + " is " + out.shapeText() + " and "
                        + tgtFile.getFileName() + " is " + tgt.shapeText()
                        + "; both should be the same non-empty [trials, outputs, time].");
            }
            Results.Task t = results.task(task);
            int count = out.rank() == 3 ? (int) Math.min(TRIALS, out.shape()[0]) : 1;
            List<double[][]> outputs = new ArrayList<>();
            List<double[][]> targets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                outputs.add(out.matrix(i));
                targets.add(tgt.matrix(i));
            }
            trials.add(new Trial(task, outputs, targets, t == null ? List.of() : t.channels()));
        }
        return trials;
    }
}
