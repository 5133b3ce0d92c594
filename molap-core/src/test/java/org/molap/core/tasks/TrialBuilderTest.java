package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TrialBuilderTest {

  private final Timeline timeline = new Timeline(TaskConfig.defaults());

  @Test
  void writesValuesIntoNamedChannelsAndPeriods() {
    TrialBuilder builder = new TrialBuilder(List.of("fixation", "x"), List.of("fixation", "y"), 2, timeline);
    builder.trial(1).input("x", "pulse1", 0.5).target("y", Period.steps(100, 110), -2.0);
    Trials trials = builder.build("demo", DataType.DOUBLE);
    assertArrayEquals(new long[] {2, 2, 110}, trials.inputs().shape());
    assertEquals(DataType.DOUBLE, trials.inputs().dataType());
    assertEquals(0.0, trials.inputs().getDouble(1, 1, 34));
    assertEquals(0.5, trials.inputs().getDouble(1, 1, 35));
    assertEquals(0.5, trials.inputs().getDouble(1, 1, 44));
    assertEquals(0.0, trials.inputs().getDouble(1, 1, 45));
    assertEquals(0.0, trials.inputs().getDouble(0, 1, 40));
    assertEquals(-2.0, trials.targets().getDouble(1, 1, 109));
    assertEquals(0.0, trials.targets().getDouble(1, 1, 99));
    assertEquals(0.0, trials.inputs().sumNumber().doubleValue() - 5.0, 1e-12);
  }

  @Test
  void rejectsUnknownChannelsAndPeriodsPastTheTrial() {
    TrialBuilder builder = new TrialBuilder(List.of("fixation"), List.of("fixation"), 1, timeline);
    assertThrows(IllegalArgumentException.class, () -> builder.trial(0).input("cos", "stimulus", 1));
    assertThrows(IllegalArgumentException.class, () -> builder.trial(0).target("fixation", Period.steps(0, 111), 1));
    assertThrows(IndexOutOfBoundsException.class, () -> builder.trial(1));
    assertThrows(IllegalArgumentException.class,
        () -> new TrialBuilder(List.of("fixation"), List.of("fixation"), 0, timeline));
  }
}
