package org.molap.core.tasks;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods with durations drawn per trial, and the loss mask of a batch of unequal trials. */
class TrialTimingTest {

    /** Seed 003's Measure-Wait-Go shape: a fixed cue, a measured interval of 10-19 steps, a wait, a response. */
    private static final TrialTiming.Plan PLAN = TrialTiming.plan("cue", Duration.fixed(5))
            .then("measure", Duration.uniform(10, 19))
            .then("wait", Duration.choice(8, 12))
            .then("response", Duration.fixed(6));

    @Test
    void periodsFollowEachOtherWithDurationsFromTheirDistributions() {
        Random rng = new Random(3);
        int[] counts = new int[20];
        for (int i = 0; i < 5000; i++) {
            TrialTiming t = PLAN.sample(rng);
            assertEquals(0, t.period("cue").start());
            assertEquals(t.period("cue").end(), t.period("measure").start());
            assertEquals(t.period("wait").end(), t.period("response").start());
            assertEquals(t.period("response").end(), t.length());
            int w = t.period("wait").length();
            assertTrue(w == 8 || w == 12, "wait " + w);
            counts[t.period("measure").length()]++;
        }
        for (int len = 10; len <= 19; len++) {       // uniform: each of the 10 lengths about 500 times
            assertEquals(500, counts[len], 80, "measure length " + len);
        }
        assertEquals(0, java.util.stream.IntStream.of(counts).limit(10).sum(), "no measure shorter than 10");
        assertEquals(5 + 19 + 12 + 6, PLAN.maxLength());
        assertThrows(IllegalArgumentException.class, () -> PLAN.then("cue", Duration.fixed(1)));
        assertThrows(IllegalArgumentException.class, () -> Duration.uniform(5, 4));
    }

    @Test
    void theLossMaskKeepsTheNamedPeriodsAndDropsThePadding() {
        List<TrialTiming> trials = new ArrayList<>();
        Random rng = new Random(1);
        for (int i = 0; i < 8; i++) {
            trials.add(PLAN.sample(rng));
        }
        int steps = PLAN.maxLength();
        INDArray mask = TrialTiming.lossMask(trials, steps, DataType.FLOAT, "response");
        INDArray whole = TrialTiming.lossMask(trials, steps, DataType.FLOAT);
        for (int b = 0; b < 8; b++) {
            TrialTiming t = trials.get(b);
            for (int s = 0; s < steps; s++) {
                assertEquals(t.period("response").contains(s) ? 1 : 0, mask.getDouble(b, s), 0, "trial " + b + " step " + s);
                assertEquals(s < t.length() ? 1 : 0, whole.getDouble(b, s), 0);
            }
        }
    }
}
