package org.molap.core.tasks;

import java.util.Map;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What all MoLaP tasks share: fixation input and target are 1 during the fixation period and 0 elsewhere
 * (REFERENCE.md section 1, "Timeline"), and input noise on every input channel and step (section 1,
 * "Time base and noise"). A subclass only writes its stimuli and targets for one trial.
 */
public abstract class PeriodTask implements Task {

  /** Name of the first input and first output channel of every task. */
  public static final String FIXATION = "fixation";

  protected final TaskConfig config;
  protected final Timeline timeline;
  protected final AngleGrid angles;
  private final String name;
  private final List<String> inputChannels;
  private final List<String> outputChannels;

  protected PeriodTask(String name, TaskConfig config, List<String> inputChannels, List<String> outputChannels) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.timeline = new Timeline(config);
    this.angles = new AngleGrid(config);
    this.inputChannels = List.copyOf(inputChannels);
    this.outputChannels = List.copyOf(outputChannels);
    if (!FIXATION.equals(this.inputChannels.get(0)) || !FIXATION.equals(this.outputChannels.get(0))) {
      throw new IllegalArgumentException("Task " + name + " must have 'fixation' as first input and output channel.");
    }
  }

  /**
   * The periods in which this task's stimulus is on, by name in time order, for figures: fixed ones (a stimulus,
   * pulses) and, where the end varies from trial to trial, the range it ends in.
   */
  public abstract Map<String, Period> stimulusPeriods();

  /** Writes one trial's stimuli and targets (fixation is already written), drawing its parameters from rng. */
  protected abstract void writeTrial(TrialBuilder.Trial trial, Random rng);

  @Override
  public final Trials sample(int batchSize, Random rng, DataType dtype) {
    Objects.requireNonNull(rng, "rng");
    if (dtype == null || !dtype.isFPType()) {
      throw new IllegalArgumentException("Trials need a floating data type such as FLOAT or DOUBLE, got " + dtype + ".");
    }
    TrialBuilder builder = new TrialBuilder(inputChannels, outputChannels, batchSize, timeline);
    for (int b = 0; b < batchSize; b++) {
      TrialBuilder.Trial trial = builder.trial(b);
      trial.input(FIXATION, timeline.fixation(), 1.0).target(FIXATION, timeline.fixation(), 1.0);
      writeTrial(trial, rng);
    }
    builder.addInputNoise(config.inputNoiseStd(), rng);
    return builder.build(name, dtype);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> inputChannels() {
    return inputChannels;
  }

  @Override
  public final List<String> outputChannels() {
    return outputChannels;
  }

  @Override
  public String toString() {
    return name;
  }
}
