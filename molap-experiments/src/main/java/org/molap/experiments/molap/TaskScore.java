package org.molap.experiments.molap;

import org.molap.core.metrics.DecisionAccuracy;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.molap.Evaluation;
import org.molap.dl4j.rnn.RecurrentModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One task's score on its test set (seed 000 A.3): decision accuracy per output unit and its mean, over
 * trials drawn from a seed no training stream uses.
 *
 * @param accuracy        at the paper's tolerance 0.1
 * @param lenientAccuracy at {@link DecisionAccuracy#LENIENT_TOLERANCE} (0.2), reported beside it
 * @param outputs the network's outputs on the test trials, scored channels only
 */
public record TaskScore(double accuracy, double lenientAccuracy, double[] perUnit, List<String> outputChannels, int testTrials,
                        double finalTrainingLoss, INDArray outputs, INDArray targets) {
    /** The results.json key of {@link #lenientAccuracy}. */
    public static final String LENIENT_KEY = "accuracy_at_tolerance_0.2";

    private static final int CHUNK = 500;

    /**
     * Scores the model on {@code trials} test trials of the task; only the first {@code scored} output channels
     * count (the rest are padding of a shared layout).
     */
    public static TaskScore measure(RecurrentModel model, Task task, int scored, int trials, long seed, DataType dtype,
                                    double finalTrainingLoss) {
        Trials test = task.sample(trials, new Random(seed), dtype);
        INDArray outputs = Evaluation.outputs(model, test.inputs(), CHUNK);
        INDArray targets = test.targets();
        if (scored < outputs.size(1)) {
            outputs = outputs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup();
            targets = targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, scored), NDArrayIndex.all()).dup();
        }
        double[] perUnit = DecisionAccuracy.perUnit(outputs, targets, DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.PAPER_TOLERANCE);
        double lenient = DecisionAccuracy.accuracy(outputs, targets, DecisionAccuracy.PAPER_WINDOW, DecisionAccuracy.LENIENT_TOLERANCE);
        return new TaskScore(Arrays.stream(perUnit).average().orElse(Double.NaN), lenient, perUnit,
                test.outputChannels().subList(0, scored), trials, finalTrainingLoss, outputs, targets);
    }

    /** Mean over tasks of the accuracy at the paper's tolerance (index 0) and at the lenient one (index 1). */
    public static double[] means(java.util.Collection<TaskScore> scores) {
        return new double[] {scores.stream().mapToDouble(TaskScore::accuracy).average().orElse(Double.NaN),
                scores.stream().mapToDouble(TaskScore::lenientAccuracy).average().orElse(Double.NaN)};
    }

    /** The results.json entry of the task. */
    public Map<String, Object> json() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("accuracy", accuracy);
        r.put(LENIENT_KEY, lenientAccuracy);
        r.put("per_unit_accuracy", perUnit);
        r.put("output_channels", outputChannels);
        r.put("test_trials", testTrials);
        r.put("final_training_loss", finalTrainingLoss);
        return r;
    }

    /**
     * The trial's timeline for the trace figures (results.json "timeline", in steps): the silent start, the stimulus
     * onset, the go cue (the response period runs from it to the end), the window the decision is scored on, the
     * task's time per step ("dt": the task part of the trial is one time unit, REFERENCE section 1 "Time base"), and
     * per task its stimulus periods (the pulses; for a memory stimulus, the range it ends in).
     */
    public static java.util.Map<String, Object> timeline(org.molap.core.tasks.TaskConfig c, java.util.List<String> tasks) {
        java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("steps", c.steps());
        t.put("silent", java.util.List.of(0, c.silentSteps()));
        t.put("stimulus_onset", c.stimulusOnset());
        t.put("go_cue", c.goCue());
        t.put("scored_window", java.util.List.of(c.steps() - DecisionAccuracy.PAPER_WINDOW, c.steps()));
        t.put("dt", 1.0 / (c.steps() - c.silentSteps()));
        java.util.Map<String, Object> stimulus = new java.util.LinkedHashMap<>();
        for (String task : tasks) {
            java.util.Map<String, Object> periods = new java.util.LinkedHashMap<>();
            ((org.molap.core.tasks.PeriodTask) org.molap.core.tasks.MolapTasks.byName(task, c)).stimulusPeriods()
                    .forEach((name, p) -> periods.put(name, java.util.List.of(p.start(), p.end())));
            stimulus.put(task, periods);
        }
        t.put("stimulus_periods", stimulus);
        return t;
    }
}
