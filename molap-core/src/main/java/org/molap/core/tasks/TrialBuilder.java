package org.molap.core.tasks;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes values into named channels over periods of a batch of trials, then adds input noise and
 * builds {@link Trials} of shape {@code [batch, channels, time]}. Everything starts at 0.
 */
public final class TrialBuilder {

  private final List<String> inputChannels;
  private final List<String> outputChannels;
  private final Timeline timeline;
  private final int batchSize;
  private final int steps;
  private final double[] inputs;
  private final double[] targets;

  public TrialBuilder(List<String> inputChannels, List<String> outputChannels, int batchSize, Timeline timeline) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize + ".");
    }
    this.inputChannels = List.copyOf(inputChannels);
    this.outputChannels = List.copyOf(outputChannels);
    this.timeline = timeline;
    this.batchSize = batchSize;
    this.steps = timeline.steps();
    this.inputs = new double[batchSize * this.inputChannels.size() * steps];
    this.targets = new double[batchSize * this.outputChannels.size() * steps];
  }

  /** The writer for trial {@code b} of the batch. */
  public Trial trial(int b) {
    if (b < 0 || b >= batchSize) {
      throw new IndexOutOfBoundsException("Trial " + b + " is outside the batch of " + batchSize + ".");
    }
    return new Trial(b);
  }

  /** Adds N(0, std^2) to every input value (every channel, every step), drawn in [batch, channel, time] order. */
  public void addInputNoise(double std, Random rng) {
    if (std == 0) {
      return;
    }
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] += std * rng.nextGaussian();
    }
  }

  /** The batch as arrays of the given floating type. */
  public Trials build(String task, DataType dtype) {
    long[] inShape = {batchSize, inputChannels.size(), steps};
    long[] outShape = {batchSize, outputChannels.size(), steps};
    return new Trials(task, Nd4j.create(inputs, inShape, dtype), Nd4j.create(targets, outShape, dtype),
        inputChannels, outputChannels);
  }

  /** Writes into one trial; each call sets (not adds) the value on every step of the period. */
  public final class Trial {
    private final int b;

    private Trial(int b) {
      this.b = b;
    }

    public Trial input(String channel, Period period, double value) {
      fill(inputs, inputChannels, channel, period, value);
      return this;
    }

    public Trial input(String channel, String period, double value) {
      return input(channel, timeline.period(period), value);
    }

    public Trial target(String channel, Period period, double value) {
      fill(targets, outputChannels, channel, period, value);
      return this;
    }

    public Trial target(String channel, String period, double value) {
      return target(channel, timeline.period(period), value);
    }

    private void fill(double[] data, List<String> channels, String channel, Period period, double value) {
      int c = channels.indexOf(channel);
      if (c < 0) {
        throw new IllegalArgumentException("Unknown channel '" + channel + "': the channels are " + channels + ".");
      }
      if (period.end() > steps) {
        throw new IllegalArgumentException("Period [" + period.start() + ", " + period.end()
            + ") runs past the trial of " + steps + " steps.");
      }
      int offset = (b * channels.size() + c) * steps;
      java.util.Arrays.fill(data, offset + period.start(), offset + period.end(), value);
    }
  }
}
