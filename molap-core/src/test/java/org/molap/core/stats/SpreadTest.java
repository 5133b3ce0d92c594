package org.molap.core.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpreadTest {

    @Test
    void knownAnswers() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample sd sqrt(32 / 7).
        Spread s = Spread.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(5.0, s.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), s.standardError(), 1e-15);
        assertEquals(8, s.n());
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        Spread one = Spread.of(0.7);
        assertEquals(0.7, one.mean());
        assertEquals(0.0, one.sd());
    }

    @Test
    void missingOrNonFiniteValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, Spread::of);
        assertThrows(IllegalArgumentException.class, () -> Spread.of(1, Double.NaN));
    }
}
