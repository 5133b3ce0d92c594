package org.molap.core.tasks;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The authors' Mem Pro variant: the stimulus stays on from its onset until the go cue, for every trial. */
class MemDelayVariantTest {

    @Test
    void withoutMemDelayTheStimulusLastsUntilTheGoCue() {
        TaskConfig cfg = TaskConfig.defaults().withInputNoiseStd(0).withoutMemDelay();
        Trials t = MolapTasks.byName("MemPro", cfg).sample(50, new Random(3), DataType.DOUBLE);
        int cos = t.inputIndex("cos");
        int sin = t.inputIndex("sin");
        for (int b = 0; b < 50; b++) {
            for (int step = 0; step < cfg.steps(); step++) {
                boolean on = Math.abs(t.inputs().getDouble(b, cos, step)) + Math.abs(t.inputs().getDouble(b, sin, step)) > 0;
                assertEquals(step >= cfg.stimulusOnset() && step < cfg.goCue(), on, "trial " + b + " step " + step);
            }
        }
    }
}
