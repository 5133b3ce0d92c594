package org.molap.core.tasks.nm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element Finder of seed 003 (supplement C.2; the authors' nmlrrnn_vs_lstm/utils.py): one input channel carrying
 * raw integers, first a query index q uniform on {0..L-1}, then L elements uniform on {-10..10}; the output must
 * give the queried element u[1 + q] at the last step, which alone counts in the loss (the batch's mask). A fresh
 * batch per iteration. Predicting the mean scores the elements' variance, ((21^2 - 1) / 12 = 36.67): the level
 * below which a network has learned anything.
 */
public final class ElementFinder implements Task {

  public static final String NAME = "ElementFinder";
  public static final List<String> INPUTS = List.of("sequence");
  public static final List<String> OUTPUTS = List.of("element");

  /** Sequence length L and element range [-range, range]; seed 003: 25 elements in {-10..10}. */
  public record Config(int elements, int range) {
    public Config {
      if (elements < 1 || range < 0) {
        throw new IllegalArgumentException("Element Finder needs at least one element and a range >= 0, got "
            + elements + " and " + range + ".");
      }
    }

    public static Config paper() {
      return new Config(25, 10);
    }

    /** Steps per trial: the query, then the elements. */
    public int steps() {
      return elements + 1;
    }

    /** Variance of one element, uniform on {-range..range}: the loss of predicting 0. */
    public double chanceMse() {
      double n = 2.0 * range + 1;
      return (n * n - 1) / 12;
    }
  }

  private final Config config;

  public ElementFinder(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public Config config() {
    return config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> inputChannels() {
    return INPUTS;
  }

  @Override
  public List<String> outputChannels() {
    return OUTPUTS;
  }

  /** Random sequences: per trial the query, then the elements, in that order from rng. */
  @Override
  public Trials sample(int batchSize, Random rng, DataType dtype) {
    Objects.requireNonNull(rng, "rng");
    int[][] sequences = new int[batchSize][];
    for (int b = 0; b < batchSize; b++) {
      int[] s = new int[config.steps()];
      s[0] = rng.nextInt(config.elements());
      for (int t = 1; t < s.length; t++) {
        s[t] = rng.nextInt(2 * config.range() + 1) - config.range();
      }
      sequences[b] = s;
    }
    return trials(sequences, dtype);
  }

  /**
   * Sequences with a fixed query and a fixed value at the queried place, the rest random (the analysis sets of the
   * supplement's Figs. 5-6).
   */
  public Trials fixedQuery(int batchSize, int query, int value, Random rng, DataType dtype) {
    if (query < 0 || query >= config.elements() || Math.abs(value) > config.range()) {
      throw new IllegalArgumentException("Query " + query + " and value " + value + " are outside the task's "
          + config.elements() + " elements in [-" + config.range() + ", " + config.range() + "].");
    }
    int[][] sequences = new int[batchSize][];
    for (int b = 0; b < batchSize; b++) {
      int[] s = new int[config.steps()];
      s[0] = query;
      for (int t = 1; t < s.length; t++) {
        s[t] = rng.nextInt(2 * config.range() + 1) - config.range();
      }
      s[1 + query] = value;
      sequences[b] = s;
    }
    return trials(sequences, dtype);
  }

  /** The trials of these sequences (query first): target u[1 + q] at every step, counted at the last only. */
  public Trials trials(int[][] sequences, DataType dtype) {
    int b = sequences.length;
    int steps = config.steps();
    double[] in = new double[b * steps];
    double[] out = new double[b * steps];
    double[] mask = new double[b * steps];
    for (int i = 0; i < b; i++) {
      int[] s = sequences[i];
      if (s.length != steps || s[0] < 0 || s[0] >= config.elements()) {
        throw new IllegalArgumentException("Sequence " + i + " is not a query in [0, " + config.elements()
            + ") followed by " + config.elements() + " elements: " + Arrays.toString(s) + ".");
      }
      for (int t = 0; t < steps; t++) {
        in[i * steps + t] = s[t];
      }
      Arrays.fill(out, i * steps, (i + 1) * steps, s[1 + s[0]]);
      mask[i * steps + steps - 1] = 1;
    }
    return new Trials(NAME, Nd4j.create(in, new long[] {b, 1, steps}, dtype),
        Nd4j.create(out, new long[] {b, 1, steps}, dtype), INPUTS, OUTPUTS,
        Nd4j.create(mask, new long[] {b, steps}, dtype), List.of());
  }
}
