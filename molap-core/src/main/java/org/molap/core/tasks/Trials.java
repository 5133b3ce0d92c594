package org.molap.core.tasks;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch of trials of one task: inputs {@code [batch, inputChannels, time]} and noise-free targets
 * {@code [batch, outputChannels, time]}, with their channel names; where the task asks for them, a loss mask
 * {@code [batch, time]} (1: the step counts in the loss; null: every step counts) and each trial's timing (its
 * periods by name, sampled per trial; empty when the task's timeline is fixed).
 */
public record Trials(String task, INDArray inputs, INDArray targets,
                     List<String> inputChannels, List<String> outputChannels,
                     INDArray mask, List<TrialTiming> timing) {

  /** Trials without a loss mask or per-trial timing. */
  public Trials(String task, INDArray inputs, INDArray targets, List<String> inputChannels, List<String> outputChannels) {
    this(task, inputs, targets, inputChannels, outputChannels, null, List.of());
  }

  public Trials {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(targets, "targets");
    inputChannels = List.copyOf(inputChannels);
    outputChannels = List.copyOf(outputChannels);
    if (inputs.rank() != 3 || targets.rank() != 3) {
      throw new IllegalArgumentException("Trials of " + task + " need rank-3 [batch, channels, time] arrays, got "
          + java.util.Arrays.toString(inputs.shape()) + " and " + java.util.Arrays.toString(targets.shape()) + ".");
    }
    if (inputs.size(0) != targets.size(0) || inputs.size(2) != targets.size(2)) {
      throw new IllegalArgumentException("Trials of " + task + ": inputs and targets differ in batch or time.");
    }
    if (inputs.size(1) != inputChannels.size() || targets.size(1) != outputChannels.size()) {
      throw new IllegalArgumentException("Trials of " + task + ": channel names do not match the channel axis.");
    }
    if (mask != null && (mask.rank() != 2 || mask.size(0) != inputs.size(0) || mask.size(1) != inputs.size(2))) {
      throw new IllegalArgumentException("Trials of " + task + ": the loss mask must be [batch, time], got "
          + java.util.Arrays.toString(mask.shape()) + ".");
    }
    timing = List.copyOf(timing);
    if (!timing.isEmpty() && timing.size() != inputs.size(0)) {
      throw new IllegalArgumentException("Trials of " + task + ": " + timing.size() + " timings for " + inputs.size(0) + " trials.");
    }
  }

  /** The same trials with this loss mask [batch, time]. */
  public Trials withMask(INDArray lossMask) {
    return new Trials(task, inputs, targets, inputChannels, outputChannels, lossMask, timing);
  }

  /** Number of trials (axis 0). */
  public int batchSize() {
    return (int) inputs.size(0);
  }

  /** Number of time steps (axis 2). */
  public int steps() {
    return (int) inputs.size(2);
  }

  /** Index of a named input channel on axis 1. */
  public int inputIndex(String channel) {
    return indexOf(inputChannels, channel, "input");
  }

  /** Index of a named output channel on axis 1. */
  public int outputIndex(String channel) {
    return indexOf(outputChannels, channel, "output");
  }

  private int indexOf(List<String> channels, String channel, String kind) {
    int i = channels.indexOf(channel);
    if (i < 0) {
      throw new IllegalArgumentException("Task " + task + " has no " + kind + " channel '" + channel
          + "'; its " + kind + " channels are " + channels + ".");
    }
    return i;
  }
}
