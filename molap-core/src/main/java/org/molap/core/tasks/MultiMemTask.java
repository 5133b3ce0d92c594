package org.molap.core.tasks;

import java.util.List;
import java.util.Random;

/**
 * Multi Mem (T9; REFERENCE.md section 1, "Timeline"). Inputs as in Context Mem Dm. For each pulse time
 * the total is stream1 + stream2; the target during the response is the larger total, 0 before.
 * Outputs [fixation, value]. Draws per trial: stream 1's two angles, then stream 2's.
 */
public final class MultiMemTask extends PeriodTask {

  public MultiMemTask(TaskConfig config) {
    super("MultiMem", config, ContextMemDmTask.STREAM_INPUTS, List.of(FIXATION, "value"));
  }

  @Override
  public java.util.Map<String, Period> stimulusPeriods() {
    return PulsePair.periods(timeline);
  }

  @Override
  protected void writeTrial(TrialBuilder.Trial trial, Random rng) {
    PulsePair[] streams = PulsePair.drawStreams(angles, rng, config.streamsShareAngles());
    PulsePair stream1 = streams[0];
    PulsePair stream2 = streams[1];
    stream1.writeTo(trial, "stream1", timeline);
    stream2.writeTo(trial, "stream2", timeline);
    trial.target("value", timeline.response(), stream1.plus(stream2).larger());
  }
}
