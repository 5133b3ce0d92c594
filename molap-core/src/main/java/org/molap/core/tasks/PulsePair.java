package org.molap.core.tasks;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** The two pulse values of one stream of a Dm-style task (REFERENCE.md section 1, "Timeline"). */
public record PulsePair(double first, double second) {

  /** Two independent grid angles (two draws from rng), each encoded by {@code code} (cos or sin). */
  public static PulsePair draw(AngleGrid angles, Random rng, DoubleUnaryOperator code) {
    double a = code.applyAsDouble(angles.sample(rng));
    double b = code.applyAsDouble(angles.sample(rng));
    return new PulsePair(a, b);
  }

  /**
   * The two streams of Context Mem Dm and Multi Mem: cos of four independent grid angles (stream 1's two
   * drawn first), or, when {@code shareAngles}, the cos (stream 1) and sin (stream 2) of the same two angles,
   * as the authors' code builds them (REFERENCE.md section 1).
   */
  public static PulsePair[] drawStreams(AngleGrid angles, Random rng, boolean shareAngles) {
    if (!shareAngles) {
      return new PulsePair[] {draw(angles, rng, Math::cos), draw(angles, rng, Math::cos)};
    }
    double a = angles.sample(rng);
    double b = angles.sample(rng);
    return new PulsePair[] {new PulsePair(Math.cos(a), Math.cos(b)), new PulsePair(Math.sin(a), Math.sin(b))};
  }

  /** Writes the first value over pulse1 and the second over pulse2 on an input channel. */
  public void writeTo(TrialBuilder.Trial trial, String channel, Timeline timeline) {
    trial.input(channel, timeline.pulse1(), first).input(channel, timeline.pulse2(), second);
  }

  /** The two pulses' periods, for figures (every pulse task's {@code stimulusPeriods}). */
  public static java.util.Map<String, Period> periods(Timeline timeline) {
    java.util.Map<String, Period> p = new java.util.LinkedHashMap<>();
    p.put("pulse 1", timeline.pulse1());
    p.put("pulse 2", timeline.pulse2());
    return p;
  }

  /** The larger of the two values. */
  public double larger() {
    return Math.max(first, second);
  }

  /** Pulse-wise sum with another stream. */
  public PulsePair plus(PulsePair other) {
    return new PulsePair(first + other.first, second + other.second);
  }
}
