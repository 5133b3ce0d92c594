package org.molap.core.tasks.nm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.molap.core.tasks.Period;
import org.molap.core.tasks.Task;
import org.molap.core.tasks.TrialTiming;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trials of some of the {@link ProAnti} tasks with one-hot context channels (seed 003 C.2; the authors'
 * {@code random_trials}): inputs [fixation, sin theta, cos theta, one context channel per task of the context
 * list], outputs [fixation, sin theta_out, cos theta_out]. Each trial's task is drawn uniformly from the sampled
 * tasks; its context channel is 1 throughout. Fixation input is 1 before the go cue; the fixation target is 0.8
 * before it; the (sin, cos) target is 0 before the go cue and points at theta (Pro) or theta + pi (Anti) after.
 *
 * <p>The context list fixes the channels, the sampled list which tasks appear: the retraining set of seed 003 has
 * the contexts [DelayPro, DelayAnti, MemoryPro, MemoryAnti] (a new fourth channel) and samples MemoryAnti only.
 * A boundary b in steps (real-valued) starts at the first step t with t >= b.
 */
public final class ProAntiTasks implements Task {

  public static final List<String> TASK_INPUTS = List.of("fixation", "sin", "cos");
  public static final List<String> OUTPUTS = List.of("fixation", "sin", "cos");

  /**
   * Timing laws in normalised units and levels (seed 003 C.2, the authors' data_generation.py): 100 steps; stimulus
   * onset U(0.3, 0.7); Delay: go cue U(0.2, 1.5) after the onset; Memory: stimulus U(0.2, 1.6), memory U(0.2, 1.6);
   * response U(0.3, 0.7); fixation target 0.8; input noise std (0: the NM-RNN script's setting, applied to every
   * input channel, context included, when positive).
   */
  public record Config(int steps, double onsetMin, double onsetMax, double delayMin, double delayMax,
                       double memoryStimulusMin, double memoryStimulusMax, double memoryMin, double memoryMax,
                       double responseMin, double responseMax, double fixationTarget, double inputNoise) {
    public Config {
      if (steps < 2 || onsetMin < 0 || onsetMax < onsetMin || delayMin <= 0 || delayMax < delayMin
          || memoryStimulusMin <= 0 || memoryStimulusMax < memoryStimulusMin || memoryMin <= 0 || memoryMax < memoryMin
          || responseMin <= 0 || responseMax < responseMin || inputNoise < 0) {
        throw new IllegalArgumentException("Not a Pro/Anti timing: " + steps + " steps, onset [" + onsetMin + ", "
            + onsetMax + "], delay [" + delayMin + ", " + delayMax + "], memory stimulus [" + memoryStimulusMin + ", "
            + memoryStimulusMax + "], memory [" + memoryMin + ", " + memoryMax + "], response [" + responseMin + ", "
            + responseMax + "], input noise " + inputNoise + ".");
      }
    }

    public static Config paper() {
      return new Config(100, 0.3, 0.7, 0.2, 1.5, 0.2, 1.6, 0.2, 1.6, 0.3, 0.7, 0.8, 0);
    }

    public Config withInputNoise(double std) {
      return new Config(steps, onsetMin, onsetMax, delayMin, delayMax, memoryStimulusMin, memoryStimulusMax,
          memoryMin, memoryMax, responseMin, responseMax, fixationTarget, std);
    }
  }

  /**
   * One trial's draws in normalised units: stimulus onset, stimulus offset (the trial's end for a Delay task), go
   * cue, end; and the stimulus angle.
   */
  public record Draw(ProAnti task, double onset, double offset, double go, double end, double theta) {
    /** A boundary in steps: the normalised time rescaled so that the trial fills {@code steps}. */
    public double step(double time, int steps) {
      return time / end * steps;
    }

    /** First step at or after a boundary. */
    int firstStep(double time, int steps) {
      return (int) Math.min(steps, Math.ceil(step(time, steps)));
    }

    public double targetAngle() {
      return task.anti() ? theta + Math.PI : theta;
    }
  }

  private final Config config;
  private final List<ProAnti> contexts;
  private final List<ProAnti> sampled;
  private final List<String> inputChannels;

  public ProAntiTasks(Config config, List<ProAnti> contexts, List<ProAnti> sampled) {
    this.config = Objects.requireNonNull(config, "config");
    this.contexts = List.copyOf(contexts);
    this.sampled = List.copyOf(sampled);
    if (this.sampled.isEmpty() || !this.contexts.containsAll(this.sampled)
        || this.contexts.stream().distinct().count() != this.contexts.size()) {
      throw new IllegalArgumentException("Pro/Anti trials need distinct context tasks that include every sampled "
          + "task: contexts " + this.contexts + ", sampled " + this.sampled + ".");
    }
    List<String> in = new ArrayList<>(TASK_INPUTS);
    this.contexts.forEach(t -> in.add("context " + t.label()));
    this.inputChannels = List.copyOf(in);
  }

  /** The same context channels, sampling only {@code task}. */
  public ProAntiTasks only(ProAnti task) {
    return new ProAntiTasks(config, contexts, List.of(task));
  }

  public Config config() {
    return config;
  }

  public List<ProAnti> contexts() {
    return contexts;
  }

  public List<ProAnti> sampled() {
    return sampled;
  }

  @Override
  public String name() {
    return sampled.stream().map(ProAnti::label).collect(Collectors.joining("+"));
  }

  @Override
  public List<String> inputChannels() {
    return inputChannels;
  }

  @Override
  public List<String> outputChannels() {
    return OUTPUTS;
  }

  /** One trial's task (uniform over the sampled tasks), timing and angle, in that order from rng. */
  public Draw draw(Random rng) {
    ProAnti task = sampled.get(rng.nextInt(sampled.size()));
    double onset = uniform(rng, config.onsetMin(), config.onsetMax());
    double offset;
    double go;
    if (task.memory()) {
      offset = onset + uniform(rng, config.memoryStimulusMin(), config.memoryStimulusMax());
      go = offset + uniform(rng, config.memoryMin(), config.memoryMax());
    } else {
      go = onset + uniform(rng, config.delayMin(), config.delayMax());
      offset = Double.NaN;
    }
    double end = go + uniform(rng, config.responseMin(), config.responseMax());
    double theta = uniform(rng, 0, 2 * Math.PI);
    return new Draw(task, onset, task.memory() ? offset : end, go, end, theta);
  }

  @Override
  public Trials sample(int batchSize, Random rng, DataType dtype) {
    Objects.requireNonNull(rng, "rng");
    if (batchSize < 1 || dtype == null || !dtype.isFPType()) {
      throw new IllegalArgumentException("Pro/Anti trials need a batch of at least 1 and a floating type, got "
          + batchSize + " and " + dtype + ".");
    }
    List<Draw> draws = new ArrayList<>();
    for (int b = 0; b < batchSize; b++) {
      draws.add(draw(rng));
    }
    return trials(draws, rng, dtype);
  }

  /** The trials of these draws; input noise, if any, drawn from rng in [batch, channel, time] order. */
  public Trials trials(List<Draw> draws, Random rng, DataType dtype) {
    int steps = config.steps();
    int inputs = inputChannels.size();
    int b = draws.size();
    double[] in = new double[b * inputs * steps];
    double[] out = new double[b * OUTPUTS.size() * steps];
    List<TrialTiming> timing = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      Draw d = draws.get(i);
      int onset = d.firstStep(d.onset(), steps);
      int offset = d.firstStep(d.offset(), steps);
      int go = d.firstStep(d.go(), steps);
      int context = 3 + contexts.indexOf(d.task());
      for (int t = 0; t < steps; t++) {
        int row = i * inputs;
        in[(row) * steps + t] = t < go ? 1 : 0;
        if (t >= onset && t < offset) {
          in[(row + 1) * steps + t] = Math.sin(d.theta());
          in[(row + 2) * steps + t] = Math.cos(d.theta());
        }
        in[(row + context) * steps + t] = 1;
        int outRow = i * OUTPUTS.size();
        out[outRow * steps + t] = t < go ? config.fixationTarget() : 0;
        if (t >= go) {
          out[(outRow + 1) * steps + t] = Math.sin(d.targetAngle());
          out[(outRow + 2) * steps + t] = Math.cos(d.targetAngle());
        }
      }
      Map<String, Period> periods = new LinkedHashMap<>();
      periods.put("fixation", Period.steps(0, onset));
      periods.put("stimulus", Period.steps(onset, Math.min(offset, go)));
      periods.put("memory", Period.steps(Math.min(offset, go), go));
      periods.put("response", Period.steps(go, steps));
      timing.add(new TrialTiming(periods, steps));
    }
    if (config.inputNoise() > 0) {
      for (int k = 0; k < in.length; k++) {
        in[k] += config.inputNoise() * rng.nextGaussian();
      }
    }
    return new Trials(name(), Nd4j.create(in, new long[] {b, inputs, steps}, dtype),
        Nd4j.create(out, new long[] {b, OUTPUTS.size(), steps}, dtype), inputChannels, OUTPUTS, null, timing);
  }

  private static double uniform(Random rng, double min, double max) {
    return min + (max - min) * rng.nextDouble();
  }
}
