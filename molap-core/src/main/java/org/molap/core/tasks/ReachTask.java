package org.molap.core.tasks;

import java.util.List;
import java.util.Random;

/**
 * Delay Pro, Delay Anti, Mem Pro and Mem Anti (T1..T4; REFERENCE.md section 1, "Timeline"). Inputs
 * [fixation, cos, sin]: the stimulus (cos, sin) of a grid angle appears at the stimulus onset and stays on
 * to the end (Delay) or turns off after a duration uniform in 10..25 steps (Mem). Outputs [fixation, cos,
 * sin]: 0 before the go cue, then the stimulus direction (Pro) or its opposite (Anti).
 * Draws per trial: the angle, then (Mem only) the duration.
 */
public final class ReachTask extends PeriodTask {

  private static final List<String> CHANNELS = List.of(FIXATION, "cos", "sin");

  private final boolean memory;
  private final boolean anti;

  private ReachTask(String name, TaskConfig config, boolean memory, boolean anti) {
    super(name, config, CHANNELS, CHANNELS);
    this.memory = memory;
    this.anti = anti;
  }

  public static ReachTask delayPro(TaskConfig config) {
    return new ReachTask("DelayPro", config, false, false);
  }

  public static ReachTask delayAnti(TaskConfig config) {
    return new ReachTask("DelayAnti", config, false, true);
  }

  public static ReachTask memPro(TaskConfig config) {
    return new ReachTask("MemPro", config, true, false);
  }

  public static ReachTask memAnti(TaskConfig config) {
    return new ReachTask("MemAnti", config, true, true);
  }

  /** Delay: the stimulus to the end; Mem: on for at least the shortest duration, then ending within the range. */
  @Override
  public java.util.Map<String, Period> stimulusPeriods() {
    if (!memory) {
      return java.util.Map.of("stimulus", timeline.stimulus());
    }
    int onset = config.stimulusOnset();
    java.util.Map<String, Period> p = new java.util.LinkedHashMap<>();
    p.put("stimulus", Period.steps(onset, onset + config.memStimulusMinSteps()));
    p.put("stimulus ends", Period.steps(onset + config.memStimulusMinSteps(), onset + config.memStimulusMaxSteps()));
    return p;
  }

  @Override
  protected void writeTrial(TrialBuilder.Trial trial, Random rng) {
    double theta = angles.sample(rng);
    Period stimulus = memory ? timeline.memoryStimulus(rng) : timeline.stimulus();
    trial.input("cos", stimulus, Math.cos(theta)).input("sin", stimulus, Math.sin(theta));
    double sign = anti ? -1.0 : 1.0; // (cos, sin) of theta + 180 degrees = -(cos, sin) of theta
    trial.target("cos", timeline.response(), sign * Math.cos(theta))
        .target("sin", timeline.response(), sign * Math.sin(theta));
  }
}
