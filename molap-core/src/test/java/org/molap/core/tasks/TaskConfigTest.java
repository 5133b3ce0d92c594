package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskConfigTest {

  @Test
  void defaultsAreThePaperValues() {
    TaskConfig c = TaskConfig.defaults();
    assertEquals(110, c.steps());
    assertEquals(10, c.silentSteps());
    assertEquals(35, c.stimulusOnset());
    assertEquals(85, c.goCue());
    assertEquals(0.02, c.inputNoiseStd());
    assertEquals(36, c.angleCount());
    assertEquals(10, c.memStimulusMinSteps());
    assertEquals(25, c.memStimulusMaxSteps());
  }

  @Test
  void defaultAngleGridIsZeroTo350InStepsOf10() {
    AngleGrid g = new AngleGrid(TaskConfig.defaults());
    assertEquals(36, g.size());
    for (int i = 0; i < 36; i++) {
      assertEquals(10.0 * i, Math.toDegrees(g.radians(i)), 1e-9);
    }
  }

  @Test
  void angleRangeIsAParameter() {
    AngleGrid g = new AngleGrid(TaskConfig.defaults().withAngleRange(0, 180, 19));
    assertEquals(19, g.size());
    assertEquals(180.0, Math.toDegrees(g.radians(18)), 1e-9);
    assertEquals(90.0, Math.toDegrees(g.radians(9)), 1e-9);
  }

  @Test
  void defaultPeriods() {
    Timeline t = new Timeline(TaskConfig.defaults());
    assertEquals(Period.steps(0, 10), t.silent());
    assertEquals(Period.steps(10, 85), t.fixation());
    assertEquals(Period.steps(35, 110), t.stimulus());
    assertEquals(Period.steps(85, 110), t.response());
    assertEquals(Period.steps(35, 45), t.pulse1());
    assertEquals(Period.steps(65, 75), t.pulse2());
    assertEquals(t.pulse2(), t.period("pulse2"));
    assertThrows(IllegalArgumentException.class, () -> t.period("delay"));
  }

  @Test
  void invalidConfigsFailWithOneSentence() {
    TaskConfig d = TaskConfig.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withInputNoiseStd(-1));
    assertTrue(e.getMessage().contains("inputNoiseStd"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.withAngleRange(10, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> d.withAngleRange(0, 10, 0));
    // Mem stimulus would run past the go cue.
    assertThrows(IllegalArgumentException.class,
        () -> new TaskConfig(110, 10, 35, 85, 0.02, 0, 350, 36, 10, 60, 35, 65, 10));
    // Overlapping pulses.
    assertThrows(IllegalArgumentException.class,
        () -> new TaskConfig(110, 10, 35, 85, 0.02, 0, 350, 36, 10, 25, 35, 40, 10));
  }
}
