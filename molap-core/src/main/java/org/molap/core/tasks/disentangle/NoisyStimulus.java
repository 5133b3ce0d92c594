package org.molap.core.tasks.disentangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The trial layout both tasks of seed 002 share (the authors' train.py, dt = 100 ms): one fixation step, 20
 * stimulus steps, one decision step. Input channels: "fixation" (1 until the decision step) and s1..sD, which carry
 * s + noise xi_t on the stimulus steps (xi_t ~ N(0, I) per step and channel) and 0 on the other steps.
 */
public record NoisyStimulus(int dims, int stimulusSteps, double noise) {
  /** Stimulus steps of the paper: 2000 ms at dt = 100 ms. */
  public static final int STIMULUS_STEPS = 20;
  /** Noise per step of the paper: n_sd_in / sqrt(dt) = 2 / sqrt(100). */
  public static final double NOISE = 0.2;

  public NoisyStimulus {
    if (dims < 1 || stimulusSteps < 1 || !(noise >= 0)) {
      throw new IllegalArgumentException("A noisy stimulus needs dims >= 1, stimulus steps >= 1 and noise >= 0, got "
          + dims + ", " + stimulusSteps + " and " + noise + ".");
    }
  }

  /** The paper's layout for a D-dimensional stimulus. */
  public static NoisyStimulus paper(int dims) {
    return new NoisyStimulus(dims, STIMULUS_STEPS, NOISE);
  }

  /** Steps per trial: fixation, stimulus, decision. */
  public int steps() {
    return stimulusSteps + 2;
  }

  /** The decision step, the last. */
  public int decisionStep() {
    return stimulusSteps + 1;
  }

  /** True on the steps that carry the stimulus (1..stimulusSteps). */
  public boolean stimulusAt(int t) {
    return t >= 1 && t <= stimulusSteps;
  }

  /** "fixation", "s1", ..., "sD". */
  public List<String> inputChannels() {
    List<String> names = new ArrayList<>(List.of("fixation"));
    names.addAll(stimulusChannels());
    return names;
  }

  /** "s1", ..., "sD". */
  public List<String> stimulusChannels() {
    List<String> names = new ArrayList<>();
    for (int d = 1; d <= dims; d++) {
      names.add("s" + d);
    }
    return names;
  }

  /**
   * The inputs of these stimuli, row-major [batch, 1 + D, steps]; the noise is drawn from rng trial by trial, step
   * by step, channel by channel.
   */
  public double[] inputs(double[][] stimuli, Random rng) {
    int channels = dims + 1;
    int steps = steps();
    double[] in = new double[stimuli.length * channels * steps];
    for (int b = 0; b < stimuli.length; b++) {
      if (stimuli[b].length != dims) {
        throw new IllegalArgumentException("Stimulus " + b + " has " + stimuli[b].length + " coordinates, the task " + dims + ".");
      }
      int base = b * channels * steps;
      for (int t = 0; t < steps; t++) {
        in[base + t] = t < decisionStep() ? 1 : 0;
        if (stimulusAt(t)) {
          for (int d = 0; d < dims; d++) {
            in[base + (1 + d) * steps + t] = stimuli[b][d] + noise * rng.nextGaussian();
          }
        }
      }
    }
    return in;
  }

  /** A stimulus uniform on [-1/2, 1/2]^D. */
  public double[] uniform(Random rng) {
    double[] s = new double[dims];
    for (int d = 0; d < dims; d++) {
      s[d] = rng.nextDouble() - 0.5;
    }
    return s;
  }
}
