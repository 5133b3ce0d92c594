package org.molap.core.tasks;

import java.util.Arrays;
import java.util.Random;

/**
 * How long a period lasts, in steps: fixed, or drawn per trial (the neurogym habit), uniformly from a range or from
 * a list of values.
 */
public sealed interface Duration permits Duration.Fixed, Duration.Uniform, Duration.Choice {

  int sample(Random rng);

  /** The longest value it can take (for padding a batch to one length). */
  int max();

  static Duration fixed(int steps) {
    return new Fixed(steps);
  }

  /** Uniform on {@code [min, max]}, both included. */
  static Duration uniform(int min, int max) {
    return new Uniform(min, max);
  }

  static Duration choice(int... steps) {
    return new Choice(steps);
  }

  record Fixed(int steps) implements Duration {
    public Fixed {
      if (steps < 0) {
        throw new IllegalArgumentException("A duration cannot be negative, got " + steps + ".");
      }
    }

    @Override
    public int sample(Random rng) {
      return steps;
    }

    @Override
    public int max() {
      return steps;
    }
  }

  record Uniform(int min, int max) implements Duration {
    public Uniform {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("A uniform duration needs 0 <= min <= max, got [" + min + ", " + max + "].");
      }
    }

    @Override
    public int sample(Random rng) {
      return min + rng.nextInt(max - min + 1);
    }
  }

  record Choice(int[] steps) implements Duration {
    public Choice {
      if (steps.length == 0 || Arrays.stream(steps).anyMatch(s -> s < 0)) {
        throw new IllegalArgumentException("A choice of durations needs non-negative values, got " + Arrays.toString(steps) + ".");
      }
      steps = steps.clone();
    }

    @Override
    public int sample(Random rng) {
      return steps[rng.nextInt(steps.length)];
    }

    @Override
    public int max() {
      return Arrays.stream(steps).max().orElseThrow();
    }
  }
}
