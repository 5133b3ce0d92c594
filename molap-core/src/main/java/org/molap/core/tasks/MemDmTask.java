package org.molap.core.tasks;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Mem Dm 1 and Mem Dm 2 (T5, T6; REFERENCE.md section 1, "Timeline"). Inputs [fixation, stimulus]: two
 * pulses (steps 35..44 and 65..74) carrying cos (Dm 1) or sin (Dm 2) of two independent grid angles.
 * Outputs [fixation, value]: the larger pulse during the response, 0 before.
 */
public final class MemDmTask extends PeriodTask {

  private final DoubleUnaryOperator code;

  private MemDmTask(String name, TaskConfig config, DoubleUnaryOperator code) {
    super(name, config, List.of(FIXATION, "stimulus"), List.of(FIXATION, "value"));
    this.code = code;
  }

  public static MemDmTask dm1(TaskConfig config) {
    return new MemDmTask("MemDm1", config, Math::cos);
  }

  public static MemDmTask dm2(TaskConfig config) {
    return new MemDmTask("MemDm2", config, Math::sin);
  }

  @Override
  public java.util.Map<String, Period> stimulusPeriods() {
    return PulsePair.periods(timeline);
  }

  @Override
  protected void writeTrial(TrialBuilder.Trial trial, Random rng) {
    PulsePair pulses = PulsePair.draw(angles, rng, code);
    pulses.writeTo(trial, "stimulus", timeline);
    trial.target("value", timeline.response(), pulses.larger());
  }
}
