package org.molap.dl4j.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainerConfigTest {

    @Test
    void stagedRateFallsByTheDecayAfterEveryStage() {
        TrainerConfig c = TrainerConfig.staged(1e-2, 3, 200, 1.0 / 3);
        assertEquals(600, c.iterations());
        assertEquals(3, c.stages());
        assertEquals(1e-2, c.learningRateAt(0), 1e-15);
        assertEquals(1e-2, c.learningRateAt(199), 1e-15);
        assertEquals(1e-2 / 3, c.learningRateAt(200), 1e-15);
        assertEquals(1e-2 / 9, c.learningRateAt(599), 1e-15);
    }

    @Test
    void theStagedRateHalvesAfterEveryStage() {
        TrainerConfig c = TrainerConfig.staged(3e-3, 5, 7, 0.5);
        for (int i = 0; i < c.iterations(); i++) {
            assertEquals(3e-3 * Math.pow(0.5, i / 7), c.learningRateAt(i), 1e-15, "iteration " + i);
        }
    }

    @Test
    void aPlainConfigKeepsTheRateConstant() {
        TrainerConfig c = new TrainerConfig(1e-2, 250);
        assertEquals(1, c.stages());
        assertEquals(1e-2, c.learningRateAt(249), 0);
    }

    @Test
    void nonsenseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.staged(1e-2, 2, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.staged(1e-2, 2, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new TrainerConfig(0, 10));
    }
}
