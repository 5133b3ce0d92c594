package org.molap.experiments.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Known answers for the bench's statistics and FLOP count. */
class BenchArithmeticTest {

    @Test
    void statsAreMinMedianAndInterquartileRangeWithNumpysInterpolation() {
        Stats s = Stats.of(new double[] {9, 1, 7, 3, 5});
        assertEquals(1, s.min());
        assertEquals(5, s.median());
        assertEquals(3, s.q1());      // numpy.percentile([1, 3, 5, 7, 9], 25) = 3
        assertEquals(7, s.q3());
        assertEquals(4, s.iqr());
        Stats even = Stats.of(new double[] {4, 1, 3, 2});
        assertEquals(2.5, even.median(), 1e-12);
        assertEquals(1.75, even.q1(), 1e-12); // numpy.percentile([1, 2, 3, 4], 25) = 1.75
    }

    @Test
    void iterationFlopsCountEveryProduct() {
        // N = 100, B = 200, T = 110, 3 channels: 3 x 109 x 2 x 200 x 100^2 + 4 x 2 x 110 x 200 x 100 x 3.
        double expected = 3.0 * 109 * 2 * 200 * 100 * 100 + 4.0 * 2 * 110 * 200 * 100 * 3;
        assertEquals(expected, PeakSgemm.iterationFlops(new BenchProblem("molap", 100, 2, 200, 110)), 1e-3);
        assertEquals(1.36, expected / 1e9, 0.005);
    }
}
