package org.molap.core.tasks;

import java.util.List;
import java.util.Random;

/**
 * Context Mem Dm 1 and 2 (T7, T8; REFERENCE.md section 1, "Timeline"). Inputs [fixation, stream1,
 * stream2]: each stream has two pulses at the Dm times carrying cos of independent grid angles (or, with
 * {@link TaskConfig#streamsShareAngles()}, the cos and sin of the same two angles, as in the authors' code).
 * Outputs [fixation, value]: the larger pulse of the attended stream (1 or 2) during the response; the
 * other stream is ignored. Draws per trial: stream 1's two angles, then stream 2's.
 */
public final class ContextMemDmTask extends PeriodTask {

  /** Input channels of the two-stream tasks (Context Mem Dm and Multi Mem). */
  static final List<String> STREAM_INPUTS = List.of(FIXATION, "stream1", "stream2");

  private final int attended;

  private ContextMemDmTask(String name, TaskConfig config, int attended) {
    super(name, config, STREAM_INPUTS, List.of(FIXATION, "value"));
    this.attended = attended;
  }

  public static ContextMemDmTask attendStream1(TaskConfig config) {
    return new ContextMemDmTask("ContextMemDm1", config, 1);
  }

  public static ContextMemDmTask attendStream2(TaskConfig config) {
    return new ContextMemDmTask("ContextMemDm2", config, 2);
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
    PulsePair relevant = attended == 1 ? stream1 : stream2;
    trial.target("value", timeline.response(), relevant.larger());
  }
}
