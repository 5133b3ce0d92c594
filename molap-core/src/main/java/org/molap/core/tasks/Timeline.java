package org.molap.core.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The named periods of a MoLaP trial (REFERENCE.md section 1, "Timeline"), with the defaults:
 * silent [0,10), fixation [10,85), stimulus [35,110), response [85,110), pulse1 [35,45), pulse2 [65,75).
 */
public final class Timeline {

  private final TaskConfig config;
  private final Map<String, Period> periods = new LinkedHashMap<>();

  public Timeline(TaskConfig config) {
    this.config = config;
    periods.put("silent", Period.steps(0, config.silentSteps()));
    periods.put("fixation", Period.steps(config.silentSteps(), config.goCue()));
    periods.put("stimulus", Period.steps(config.stimulusOnset(), config.steps()));
    periods.put("response", Period.steps(config.goCue(), config.steps()));
    periods.put("pulse1", Period.steps(config.pulse1Onset(), config.pulse1Onset() + config.pulseSteps()));
    periods.put("pulse2", Period.steps(config.pulse2Onset(), config.pulse2Onset() + config.pulseSteps()));
  }

  /** Steps per trial. */
  public int steps() {
    return config.steps();
  }

  /** A period by name: silent, fixation, stimulus, response, pulse1 or pulse2. */
  public Period period(String name) {
    Period p = periods.get(name);
    if (p == null) {
      throw new IllegalArgumentException("Unknown period '" + name + "': the timeline has " + periods.keySet() + ".");
    }
    return p;
  }

  public Period silent() {
    return periods.get("silent");
  }

  public Period fixation() {
    return periods.get("fixation");
  }

  public Period stimulus() {
    return periods.get("stimulus");
  }

  public Period response() {
    return periods.get("response");
  }

  public Period pulse1() {
    return periods.get("pulse1");
  }

  public Period pulse2() {
    return periods.get("pulse2");
  }

  /** Mem Pro/Anti stimulus: from the onset for a duration uniform in [min, max] steps, one draw from rng. */
  public Period memoryStimulus(Random rng) {
    int span = config.memStimulusMaxSteps() - config.memStimulusMinSteps() + 1;
    int duration = config.memStimulusMinSteps() + rng.nextInt(span);
    return Period.steps(config.stimulusOnset(), config.stimulusOnset() + duration);
  }
}
