package org.molap.core.tasks.disentangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The multitask classification of seed 002 (Fig. 1b-c): a stimulus s uniform on [-1/2, 1/2]^D, seen through noise
 * for 20 steps; at the decision step each of the N_task outputs gives the side of its hyperplane. Targets before the
 * decision step are the coding's "before" value, and the loss counts every step (both versions of the authors'
 * code) or, as a switch, the decision step only.
 */
public final class MultitaskClassification implements Task {
  public static final String NAME = "Disentangle";

  private final NoisyStimulus stimulus;
  private final Hyperplanes boundaries;
  private final LabelCoding coding;
  private final boolean decisionOnly;

  public MultitaskClassification(NoisyStimulus stimulus, Hyperplanes boundaries, LabelCoding coding, boolean decisionOnly) {
    this.stimulus = Objects.requireNonNull(stimulus, "stimulus");
    this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    this.coding = Objects.requireNonNull(coding, "coding");
    this.decisionOnly = decisionOnly;
    if (boundaries.dims() != stimulus.dims()) {
      throw new IllegalArgumentException("The boundaries live in " + boundaries.dims() + " dimensions, the stimulus in "
          + stimulus.dims() + ".");
    }
  }

  /** The paper's task: its timeline and noise, +-1 targets, every step in the loss. */
  public static MultitaskClassification paper(Hyperplanes boundaries) {
    return new MultitaskClassification(NoisyStimulus.paper(boundaries.dims()), boundaries, LabelCoding.PLUS_MINUS_ONE, false);
  }

  /** How the targets are written (the decision's sign is at(true) against before()). */
  public LabelCoding coding() {
    return coding;
  }

  public NoisyStimulus stimulus() {
    return stimulus;
  }

  public Hyperplanes boundaries() {
    return boundaries;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> inputChannels() {
    return stimulus.inputChannels();
  }

  /** "task1", ..., "taskN". */
  @Override
  public List<String> outputChannels() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= boundaries.tasks(); i++) {
      names.add("task" + i);
    }
    return names;
  }

  /** Fresh stimuli uniform on the cube, then the noise, both from rng (all stimuli first). */
  @Override
  public Trials sample(int batchSize, Random rng, DataType dtype) {
    double[][] s = new double[batchSize][];
    for (int b = 0; b < batchSize; b++) {
      s[b] = stimulus.uniform(rng);
    }
    return trials(s, rng, dtype);
  }

  /** The trials of these stimuli, the noise from rng. */
  public Trials trials(double[][] stimuli, Random rng, DataType dtype) {
    int b = stimuli.length;
    int steps = stimulus.steps();
    int tasks = boundaries.tasks();
    double[] in = stimulus.inputs(stimuli, rng);
    double[] out = new double[b * tasks * steps];
    double[] mask = new double[b * steps];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < tasks; k++) {
        int base = (i * tasks + k) * steps;
        java.util.Arrays.fill(out, base, base + steps - 1, coding.before());
        out[base + stimulus.decisionStep()] = coding.at(boundaries.label(k, stimuli[i]));
      }
      for (int t = 0; t < steps; t++) {
        mask[i * steps + t] = !decisionOnly || t == stimulus.decisionStep() ? 1 : 0;
      }
    }
    return new Trials(NAME, Nd4j.create(in, new long[] {b, stimulus.dims() + 1, steps}, dtype),
        Nd4j.create(out, new long[] {b, tasks, steps}, dtype), inputChannels(), outputChannels(),
        Nd4j.create(mask, new long[] {b, steps}, dtype), List.of());
  }
}
