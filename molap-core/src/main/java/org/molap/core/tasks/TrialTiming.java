package org.molap.core.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One trial's periods by name, in order, back to back from step 0; {@link #length()} steps in all. */
public record TrialTiming(Map<String, Period> periods, int length) {

  public TrialTiming {
    periods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periods));
  }

  /** The period called {@code name}. */
  public Period period(String name) {
    Period p = periods.get(name);
    if (p == null) {
      throw new IllegalArgumentException("No period '" + name + "'; this trial has " + periods.keySet() + ".");
    }
    return p;
  }

  /** A task's periods in order, each with its duration: a fixed timeline, or one drawn anew for every trial. */
  public record Plan(List<String> names, List<Duration> durations) {
    public Plan {
      names = List.copyOf(names);
      durations = List.copyOf(durations);
      if (names.size() != durations.size() || names.isEmpty() || new java.util.HashSet<>(names).size() != names.size()) {
        throw new IllegalArgumentException("A plan needs distinct period names, one duration each: " + names + ".");
      }
    }

    /** Starts a plan: {@code TrialTiming.plan().then("fixation", fixed(10)).then("delay", uniform(20, 40))}. */
    public Plan then(String name, Duration duration) {
      List<String> n = new ArrayList<>(names);
      List<Duration> d = new ArrayList<>(durations);
      n.add(name);
      d.add(duration);
      return new Plan(n, d);
    }

    /** The longest trial the plan can produce: the length to pad a batch to. */
    public int maxLength() {
      return durations.stream().mapToInt(Duration::max).sum();
    }

    public TrialTiming sample(Random rng) {
      Map<String, Period> periods = new LinkedHashMap<>();
      int t = 0;
      for (int i = 0; i < names.size(); i++) {
        int length = durations.get(i).sample(rng);
        periods.put(names.get(i), Period.steps(t, t + length));
        t += length;
      }
      return new TrialTiming(periods, t);
    }
  }

  /**
   * The loss mask [batch, steps] of these trials: 1 at the steps of the named periods (none named: every step of the
   * trial), 0 elsewhere and after a trial's end (the padding of a batch of unequal trials).
   */
  public static org.nd4j.linalg.api.ndarray.INDArray lossMask(List<TrialTiming> trials, int steps,
                                                              org.nd4j.linalg.api.buffer.DataType dtype, String... counted) {
    double[] m = new double[trials.size() * steps];
    for (int b = 0; b < trials.size(); b++) {
      TrialTiming trial = trials.get(b);
      for (int t = 0; t < Math.min(steps, trial.length()); t++) {
        boolean counts = counted.length == 0;
        for (String name : counted) {
          counts |= trial.period(name).contains(t);
        }
        m[b * steps + t] = counts ? 1 : 0;
      }
    }
    return org.nd4j.linalg.factory.Nd4j.createFromArray(m).reshape(trials.size(), steps).castTo(dtype);
  }

  /** The first period of a plan. */
  public static Plan plan(String name, Duration duration) {
    return new Plan(List.of(name), List.of(duration));
  }
}
