package org.molap.core.tasks.nm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.tasks.Period;
import org.molap.core.tasks.TrialTiming;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measure-Wait-Go of seed 003 (supplement C.2; the authors' {@code sample_all}): three single-step pulses of height
 * 10 on the channels measure, wait and go, at t_m, t_w = t_m + I and t_g = t_w + delay; the output ramps from -0.5
 * at the go pulse to +0.5 over I steps and holds: {@code y*(t) = -0.5 + clip((t - t_g) / I, 0, 1)}. The network
 * must measure the interval I between the first two pulses and reproduce it after the third.
 *
 * <p>The training set is every pair of a trained interval and a measure time (4 x 10 = 40 trials, trained as one
 * full batch); the extrapolation sets use intervals outside the trained range.
 */
public final class MeasureWaitGo {

  public static final String NAME = "MeasureWaitGo";
  public static final List<String> INPUTS = List.of("measure", "wait", "go");
  public static final List<String> OUTPUTS = List.of("ramp");

  /**
   * The task's numbers, defaults from seed 003 C.2 and the authors' scripts: 110 steps, pulses of 10, delay 15,
   * measure times 10..19, trained intervals 12-18, shorter 4-10, longer 20-26, ramp from -0.5 to 0.5.
   */
  public record Config(int steps, double pulseHeight, int delay, int firstMeasure, int lastMeasure,
                       List<Integer> trainedIntervals, List<Integer> shorterIntervals, List<Integer> longerIntervals,
                       double low, double high) {

    public Config {
      trainedIntervals = List.copyOf(trainedIntervals);
      shorterIntervals = List.copyOf(shorterIntervals);
      longerIntervals = List.copyOf(longerIntervals);
      if (steps < 1 || delay < 1 || firstMeasure < 0 || lastMeasure < firstMeasure || trainedIntervals.isEmpty()) {
        throw new IllegalArgumentException("Not a Measure-Wait-Go timeline: " + steps + " steps, delay " + delay
            + ", measure times " + firstMeasure + ".." + lastMeasure + ", trained intervals " + trainedIntervals + ".");
      }
      int longest = java.util.stream.Stream.of(trainedIntervals, shorterIntervals, longerIntervals)
          .flatMap(List::stream).mapToInt(Integer::intValue).max().orElseThrow();
      int shortest = java.util.stream.Stream.of(trainedIntervals, shorterIntervals, longerIntervals)
          .flatMap(List::stream).mapToInt(Integer::intValue).min().orElseThrow();
      if (shortest < 1) {
        throw new IllegalArgumentException("Measure-Wait-Go intervals must be at least 1 step, got " + shortest + ".");
      }
      if (lastMeasure + 2 * longest + delay >= steps) {
        throw new IllegalArgumentException("The longest Measure-Wait-Go trial (measure " + lastMeasure + ", interval "
            + longest + ", delay " + delay + ") does not finish its ramp within " + steps + " steps.");
      }
    }

    public static Config paper() {
      return new Config(110, 10, 15, 10, 19, List.of(12, 14, 16, 18), List.of(4, 6, 8, 10), List.of(20, 22, 24, 26),
          -0.5, 0.5);
    }

    /** Every measure time, in order. */
    public List<Integer> measureTimes() {
      List<Integer> m = new ArrayList<>();
      for (int t = firstMeasure; t <= lastMeasure; t++) {
        m.add(t);
      }
      return m;
    }
  }

  /** One trial: the measure pulse's step and the interval. */
  public record Trial(int measure, int interval) {
    /** Step of the wait pulse, t_m + I. */
    public int waitPulse() {
      return measure + interval;
    }
  }

  private final Config config;

  public MeasureWaitGo(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  /** The training set: every trained interval with every measure time, intervals outermost (40 trials by default). */
  public List<Trial> trainingTrials() {
    return grid(config.trainedIntervals(), config.measureTimes());
  }

  /** Every interval of the list with every measure time of the list, intervals outermost. */
  public List<Trial> grid(List<Integer> intervals, List<Integer> measureTimes) {
    List<Trial> trials = new ArrayList<>();
    for (int interval : intervals) {
      for (int measure : measureTimes) {
        trials.add(new Trial(measure, interval));
      }
    }
    return trials;
  }

  /** Step of a trial's go pulse, t_m + I + delay. */
  public int goPulse(Trial trial) {
    return trial.waitPulse() + config.delay();
  }

  /** The target at step t of a trial whose go pulse is at {@code go}. */
  public double target(int t, int go, int interval) {
    double progress = Math.min(1, Math.max(0, (double) (t - go) / interval));
    return config.low() + (config.high() - config.low()) * progress;
  }

  /**
   * The trials as arrays; timing periods per trial: before [0, t_m), measure [t_m, t_w), wait [t_w, t_g),
   * ramp [t_g, t_g + I), hold [t_g + I, T).
   */
  public Trials trials(List<Trial> trials, DataType dtype) {
    int b = trials.size();
    int steps = config.steps();
    double[] in = new double[b * INPUTS.size() * steps];
    double[] out = new double[b * steps];
    List<TrialTiming> timing = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      Trial trial = trials.get(i);
      int go = goPulse(trial);
      int[] pulses = {trial.measure(), trial.waitPulse(), go};
      for (int c = 0; c < pulses.length; c++) {
        in[(i * INPUTS.size() + c) * steps + pulses[c]] = config.pulseHeight();
      }
      for (int t = 0; t < steps; t++) {
        out[i * steps + t] = target(t, go, trial.interval());
      }
      Map<String, Period> periods = new LinkedHashMap<>();
      periods.put("before", Period.steps(0, pulses[0]));
      periods.put("measure", Period.steps(pulses[0], pulses[1]));
      periods.put("wait", Period.steps(pulses[1], go));
      periods.put("ramp", Period.steps(go, go + trial.interval()));
      periods.put("hold", Period.steps(go + trial.interval(), steps));
      timing.add(new TrialTiming(periods, steps));
    }
    return new Trials(NAME, Nd4j.create(in, new long[] {b, INPUTS.size(), steps}, dtype),
        Nd4j.create(out, new long[] {b, 1, steps}, dtype), INPUTS, OUTPUTS, null, timing);
  }
}
