package org.molap.core.tasks;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/** A task that generates batches of trials on the fly; same {@link Random} state, same trials. */
public interface Task {

  /** Short name, e.g. "DelayPro" (see {@link MolapTasks#names()}). */
  String name();

  /** Input channel names, in axis-1 order; a decision task's first is "fixation". */
  List<String> inputChannels();

  /** Output channel names, in axis-1 order; a decision task's first is "fixation". */
  List<String> outputChannels();

  /** Draws {@code batchSize} trials from {@code rng}, as arrays of the given floating type. */
  Trials sample(int batchSize, Random rng, DataType dtype);

  /** Draws {@code batchSize} trials as FLOAT arrays. */
  default Trials sample(int batchSize, Random rng) {
    return sample(batchSize, rng, DataType.FLOAT);
  }

  /** Draws {@code batchSize} FLOAT trials from {@code new Random(seed)}. */
  default Trials sample(int batchSize, long seed) {
    return sample(batchSize, new Random(seed), DataType.FLOAT);
  }
}
