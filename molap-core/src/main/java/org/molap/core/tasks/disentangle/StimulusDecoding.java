package org.molap.core.tasks.disentangle;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decoding task of seed 002 (Fig. 1e; the authors' DenoiseQuads): the classification task's inputs, with the
 * stimulus drawn uniformly inside chosen orthants, and the stimulus itself as the target at the decision step, the
 * only step the loss counts. A decoder trained on some orthants and tested on the others measures
 * out-of-distribution generalisation.
 */
public final class StimulusDecoding implements Task {
  public static final String NAME = "DecodeStimulus";

  private final NoisyStimulus stimulus;
  private final List<Integer> orthants;

  public StimulusDecoding(NoisyStimulus stimulus, List<Integer> orthants) {
    this.stimulus = Objects.requireNonNull(stimulus, "stimulus");
    this.orthants = List.copyOf(orthants);
    int count = Orthants.count(stimulus.dims());
    if (this.orthants.isEmpty() || this.orthants.stream().anyMatch(k -> k < 0 || k >= count)) {
      throw new IllegalArgumentException("The decoding task needs orthants in 0.." + (count - 1) + ", got " + orthants + ".");
    }
  }

  public List<Integer> orthants() {
    return orthants;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> inputChannels() {
    return stimulus.inputChannels();
  }

  @Override
  public List<String> outputChannels() {
    return stimulus.stimulusChannels();
  }

  /** Stimuli in the task's orthants, then the noise, both from rng (all stimuli first). */
  @Override
  public Trials sample(int batchSize, Random rng, DataType dtype) {
    int dims = stimulus.dims();
    double[][] s = new double[batchSize][];
    for (int b = 0; b < batchSize; b++) {
      s[b] = Orthants.sample(orthants, dims, rng);
    }
    int steps = stimulus.steps();
    double[] out = new double[batchSize * dims * steps];
    double[] mask = new double[batchSize * steps];
    for (int b = 0; b < batchSize; b++) {
      for (int d = 0; d < dims; d++) {
        out[(b * dims + d) * steps + stimulus.decisionStep()] = s[b][d];
      }
      mask[b * steps + stimulus.decisionStep()] = 1;
    }
    return new Trials(NAME, Nd4j.create(stimulus.inputs(s, rng), new long[] {batchSize, dims + 1, steps}, dtype),
        Nd4j.create(out, new long[] {batchSize, dims, steps}, dtype), inputChannels(), outputChannels(),
        Nd4j.create(mask, new long[] {batchSize, steps}, dtype), List.of());
  }
}
