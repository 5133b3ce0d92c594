package org.molap.core.tasks.motifs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's step motifs (appendix A.2.2) against the procedure and against the statistics of the 100 motifs the
 * authors' repository holds (lengths 611-1048, 2-7 levels, values in [-2.84, 3.58], per-motif std 0.05-1.48, median
 * 0.55).
 */
class StepMotifsTest {

    @Test
    void theOuPathHasTheEulerSchemesStationaryVariance() {
        double dt = 0.1;
        double gamma = 3 * Math.sqrt(2);
        double[] z = StepMotifs.ouPath(400_000, dt, gamma, new Random(3));
        double[] kept = Arrays.copyOfRange(z, 1000, z.length);
        double mean = Arrays.stream(kept).average().orElseThrow();
        double variance = Arrays.stream(kept).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        // z' = (1 - dt) z + gamma sqrt(dt) chi: variance gamma^2 dt / (1 - (1 - dt)^2) = gamma^2 / (2 - dt) = 9.47
        assertEquals(gamma * gamma / (2 - dt), variance, 0.05 * variance);
        assertEquals(0, mean, 0.1);
    }

    @Test
    void motifsArePiecewiseConstantOnIntervalsOfTheStatedLengths() {
        StepMotifs.Config c = StepMotifs.Config.paper();
        for (Motif m : new StepMotifs(c).sample(200, new Random(7))) {
            double[] v = m.values();
            assertEquals(0, v[0], 0.0, m.name());
            int sum = v.length - c.padding();
            assertTrue(sum >= c.window() - c.maxInterval() && sum < c.window(), m.name() + ": " + v.length + " steps");
            for (int k = sum; k < v.length; k++) {
                assertEquals(0, v[k], 0.0, "the padding is zeros");
            }
            List<Integer> runs = runs(Arrays.copyOfRange(v, 1, sum));
            runs.set(0, runs.get(0) + 1);                 // the first value, set to 0, belongs to the first interval
            for (int run : runs) {
                assertTrue(run >= c.minInterval() && run <= c.maxInterval(), m.name() + ": an interval of " + run + " steps");
            }
            assertEquals(sum, runs.stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void aHundredMotifsHaveTheStatisticsOfTheAuthorsHundred() {
        List<Motif> motifs = new StepMotifs(StepMotifs.Config.paper()).sample(100, new Random(11));
        int[] levels = motifs.stream().mapToInt(m -> runs(Arrays.copyOfRange(m.values(), 1, m.length() - 50)).size()).toArray();
        double[] stds = motifs.stream().mapToDouble(Motif::std).sorted().toArray();
        int shortest = motifs.stream().mapToInt(Motif::length).min().orElseThrow();
        int longest = motifs.stream().mapToInt(Motif::length).max().orElseThrow();
        double largest = motifs.stream().flatMapToDouble(m -> Arrays.stream(m.values())).map(Math::abs).max().orElseThrow();
        assertTrue(shortest >= 550 && longest <= 1049, shortest + ".." + longest);
        assertTrue(Arrays.stream(levels).min().orElseThrow() >= 1 && Arrays.stream(levels).max().orElseThrow() <= 9,
                "levels " + Arrays.toString(levels));
        double median = (stds[49] + stds[50]) / 2;
        assertTrue(median > 0.35 && median < 0.8, "median per-motif std " + median + " (the authors' 0.55)");
        assertTrue(largest < 5, "largest |value| " + largest + " (the authors' 3.58)");
    }

    @Test
    void theQuickProfilesMotifsAreShorter() {
        for (Motif m : new StepMotifs(StepMotifs.Config.quick()).sample(50, new Random(5))) {
            assertTrue(m.length() >= 250 + 20 && m.length() < 400 + 20, m.length() + " steps");
        }
    }

    @Test
    void theSameSeedGivesTheSameMotifs() {
        StepMotifs g = new StepMotifs(StepMotifs.Config.paper());
        assertEquals(g.sample(3, new Random(1)), g.sample(3, new Random(1)));
    }

    /** Lengths of the runs of equal consecutive values. */
    static List<Integer> runs(double[] v) {
        List<Integer> runs = new ArrayList<>();
        int length = 1;
        for (int k = 1; k <= v.length; k++) {
            if (k == v.length || v[k] != v[k - 1]) {
                runs.add(length);
                length = 1;
            } else {
                length++;
            }
        }
        return runs;
    }
}
