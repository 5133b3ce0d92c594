package org.molap.experiments.disentangle;

import java.util.List;
import org.molap.core.tasks.disentangle.Hyperplanes;
import org.molap.core.tasks.disentangle.LabelCoding;
import org.molap.core.tasks.disentangle.MultitaskClassification;
import org.molap.core.tasks.disentangle.NoisyStimulus;
import org.molap.core.theory.IdealObserver;
import org.molap.dl4j.model.Loss;
import org.molap.experiments.parallel.NetworkUnits;

/**
 * Settings of {@code ./molap run disentangle} (seed 002, spec A.3, A.2.2, A.8). Paper: N_task in {2, 3, 6, 12, 24}
 * for D = 2, 5 networks each, 1e5 Adam steps (1e-3) of 16 fresh trials; decoders fitted 5 times per fold by the
 * paper's Adam protocol and once by least squares, tested on 640 trials of the held-out orthant. Quick (spec A.8):
 * N_task in {2, 24}, one network each, 8000 steps, least squares only.
 *
 * @param taskCounts     the N_task of the networks
 * @param dims           the stimulus dimensions D (Fig. 1f: 2; Fig. 1g: 2..5)
 * @param iterations     training steps per network
 * @param batch          trials per step (the authors' 16)
 * @param units          recurrent units N (64)
 * @param learningRate   Adam's rate (1e-3)
 * @param decoderFits    Adam-protocol fits per fold and condition (5; 0: least squares only)
 * @param leastSquaresTrials training trials of the least-squares decoder
 * @param testTrials     trials of the held-out orthant per fold (640)
 * @param accuracyTrials held-out trials for the decision accuracy
 * @param pcaTrials      noise-free trials for the activity's principal components (40)
 * @param crossEntropy   the authors' later sigmoid readout, 0 / 1 targets and cross-entropy instead of the paper's tanh,
 *                       -1 / +1 targets and squared error (spec A.7.1)
 * @param decisionOnly   the loss at the decision step only instead of all 22 steps
 * @param noise          standard deviation of the stimulus noise per step (0.2)
 */
public record DisentangleSettings(String profile, List<Integer> taskCounts, List<Integer> dims, long firstSeed, int networks,
                                  int iterations, int batch, int units, double learningRate, int decoderFits,
                                  int leastSquaresTrials, int testTrials, int accuracyTrials, int pcaTrials,
                                  boolean crossEntropy, boolean decisionOnly, double noise) {
  /** Seed 002's encoder widths: D -> 100 -> 100 -> 40. */
  public static final int[] ENCODER = {100, 100, 40};

  public static DisentangleSettings paper() {
    return new DisentangleSettings("paper", List.of(2, 3, 6, 12, 24), List.of(2), 1, 5, 100_000, 16, 64, 1e-3, 5, 32_000, 640,
        2000, 40, false, false, NoisyStimulus.NOISE);
  }

  public static DisentangleSettings quick() {
    return new DisentangleSettings("quick", List.of(2, 24), List.of(2), 1, 1, 8000, 16, 64, 1e-3, 0, 8000, 640, 2000, 40, false, false, NoisyStimulus.NOISE);
  }

  /**
   * Batches of the paper's decoder training for N_task tasks (the authors' generalize.py: 3000 for 2 and 3 tasks,
   * 2000 for 6, 1000 for 12 and 24; other counts take the value of the nearest listed one below).
   */
  public static int decoderBatches(int tasks) {
    return tasks >= 12 ? 1000 : tasks >= 6 ? 2000 : 3000;
  }

  /** The profile's settings with the command line's choices. */
  public static DisentangleSettings of(org.molap.experiments.Options options) {
    DisentangleSettings s = options.profile() == org.molap.experiments.Profile.PAPER ? paper() : quick();
    List<Integer> tasks = options.get("tasks") == null ? s.taskCounts : positiveList(options.get("tasks"), "tasks");
    List<Integer> dims = options.get("dims") == null ? s.dims : positiveList(options.get("dims"), "dims");
    if (dims.stream().anyMatch(d -> d < 2 || d > 10)) {
      throw new org.molap.experiments.UsageException("Option --dims takes stimulus dimensions from 2 to 10, got " + dims + ".");
    }
    Integer fits = options.integer("decoder-fits");
    if (fits != null && fits < 0) {
      throw new org.molap.experiments.UsageException("Option --decoder-fits cannot be negative, got " + fits + ".");
    }
    String loss = options.get("loss") == null ? "tanh-mse" : options.get("loss");
    if (!loss.equals("tanh-mse") && !loss.equals("bce")) {
      throw new org.molap.experiments.UsageException("Option --loss takes tanh-mse or bce, got '" + loss + "'.");
    }
    Double noise = options.number("noise");
    if (noise != null && !(noise > 0)) {
      throw new org.molap.experiments.UsageException("Option --noise must be a positive standard deviation, got " + noise + ".");
    }
    return new DisentangleSettings(s.profile, tasks, dims, options.seed() == null ? 1 : options.seed(),
        options.positive("networks", s.networks), options.positive("iterations", s.iterations), s.batch, s.units,
        s.learningRate, fits == null ? s.decoderFits : fits, s.leastSquaresTrials, s.testTrials, s.accuracyTrials, s.pcaTrials,
        loss.equals("bce"), Boolean.parseBoolean(options.get("decision-only")), noise == null ? s.noise : noise);
  }

  private static List<Integer> positiveList(String text, String option) {
    try {
      List<Integer> values = java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).distinct().sorted().toList();
      if (values.isEmpty() || values.get(0) < 1) {
        throw new NumberFormatException();
      }
      return values;
    } catch (NumberFormatException e) {
      throw new org.molap.experiments.UsageException("Option --" + option + " takes positive whole numbers separated by commas, got '"
          + text + "'.");
    }
  }

  /** The classification the networks learn with these settings, for these boundaries. */
  public MultitaskClassification task(Hyperplanes boundaries) {
    return new MultitaskClassification(new NoisyStimulus(boundaries.dims(), NoisyStimulus.STIMULUS_STEPS, noise), boundaries,
        crossEntropy ? LabelCoding.ZERO_ONE : LabelCoding.PLUS_MINUS_ONE, decisionOnly);
  }

  /** The readout's loss: masked, since the decision-only switch keeps one step of 22. */
  public Loss loss() {
    return (crossEntropy ? Loss.bce() : Loss.tanhMse()).masked();
  }

  /** The ideal observer's r^2 at this noise, 1 - 12 sigma^2 / 20 (0.976 at the paper's 0.2; spec A.5). */
  public double ceiling() {
    return IdealObserver.ceiling(noise, NoisyStimulus.STIMULUS_STEPS);
  }

  /** What the training loss is, for axis labels. */
  public String lossLabel() {
    return (crossEntropy ? "cross-entropy" : "MSE of tanh") + (decisionOnly ? " at the decision step" : " over all steps") + " and outputs";
  }

  public List<Long> seeds() {
    return NetworkUnits.seeds(firstSeed, networks);
  }
}
