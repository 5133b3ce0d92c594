package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float tanh of the BPTT kernels against the exact one. */
class FastTanhTest {

    @Test
    void floatTanhIsWithinAFewUlpsOfTheExactTanhOddAndBounded() {
        double worst = 0;
        // Bounded by 1 at every float in [4, 9] (below 4, tanh < 0.9994 and the error bound below keeps it there).
        float largest = 0;
        for (int bits = Float.floatToIntBits(4f); bits <= Float.floatToIntBits(9f); bits++) {
            largest = Math.max(largest, FastTanh.tanh(Float.intBitsToFloat(bits)));
        }
        assertTrue(largest <= 1f, "largest value on [4, 9] " + largest);
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float a = i * 1e-5f;                       // [-20, 20] in steps of 1e-5
            float y = FastTanh.tanh(a);
            worst = Math.max(worst, Math.abs(y - Math.tanh(a)));
            assertEquals(-y, FastTanh.tanh(-a), 0.0f, "odd at " + a);
            assertTrue(Math.abs(y) <= 1f, "bounded at " + a);
        }
        assertTrue(worst < 3.5e-7, "max |fastTanh - tanh| = " + worst);
        assertEquals(0f, FastTanh.tanh(0f), 0.0f);
        assertEquals(1f, FastTanh.tanh(1e30f), 2.5e-7f);   // saturated: within four ulps of 1
        assertEquals(1e-4f, FastTanh.tanh(1e-4f), 1e-11f);  // tanh(x) = x - x^3/3 near 0: relative accuracy
    }
}
