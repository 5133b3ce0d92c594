package org.molap.experiments.disentangle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.molap.core.analysis.SlowPoints;
import org.molap.core.analysis.StimulusDecoder;
import org.molap.core.primitives.PrincipalComponents;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.Trials;
import org.molap.core.tasks.disentangle.Hyperplanes;
import org.molap.core.tasks.disentangle.LabelCoding;
import org.molap.core.tasks.disentangle.MultitaskClassification;
import org.molap.core.tasks.disentangle.NoisyStimulus;
import org.molap.core.tasks.disentangle.Orthants;
import org.molap.core.tasks.disentangle.StimulusDecoding;
import org.molap.dl4j.data.TaskIterator;
import org.molap.dl4j.engine.Engines;
import org.molap.dl4j.model.CellModel;
import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.ParameterTable;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.experiments.molap.LossCurve;
import org.molap.experiments.molap.ProgressLog;
import org.molap.experiments.parallel.NetworkUnits;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One network of seed 002 (spec A.1-A.4): a frozen random encoder and a 64-unit ReLU RNN trained on N_task
 * classifications of a noisy D-dimensional stimulus, then asked how well a linear decoder reads the stimulus out of
 * its state at the decision step, in distribution (decoder trained on every orthant) and out of it (trained without
 * the orthant it is tested on), over the 4 folds.
 */
public final class DisentangleNetwork {
  /** Seeds of the test and decoder streams, the same for every network (recorded in the manifest). */
  static final long TEST_SEED = 9_000_002;
  private static final int LOSS_POINTS = 100;
  /** Trials per forward pass when states are collected. */
  private static final int CHUNK = 4096;

  /**
   * What one network did. Per fold (index q: the held-out orthants q mod 4): r^2 of the least-squares decoder in and
   * out of distribution, and of each Adam-protocol fit (empty without them); the decision accuracy on held-out trials
   * (each task's sign at the decision step); the share of the activity's variance in its top 3 principal components;
   * the slow-point search (Fig. 1d): median speed q before and after it, and the share of the slow points' variance in
   * their top 2 principal components (near 1: they lie on a plane).
   */
  public record Result(int tasks, int dims, long seed, long parameters, double seconds, PhaseRecord phase, double accuracy,
                       boolean encoderUnchanged, double[] idLeastSquares, double[] oodLeastSquares, double[][] idAdam,
                       double[][] oodAdam, double[] angleOod, double top3Variance, double speedBefore, double speedAfter,
                       double slowPlane, double[][] normals, double[][] lossCurve) {
  }

  private DisentangleNetwork() {
  }

  static String name(int tasks, int dims, long seed) {
    return "tasks" + tasks + (dims == 2 ? "" : "-dims" + dims) + "-seed" + seed;
  }

  /** One network of a run, for {@link NetworkUnits}. */
  record Unit(int tasks, int dims, long seed, Path dir, DisentangleSettings settings) implements NetworkUnits.Job {
    @Override
    public String name() {
      return DisentangleNetwork.name(tasks, dims, seed);
    }

    @Override
    public List<String> arguments() {
      return List.of(Integer.toString(tasks), Integer.toString(dims), Long.toString(seed), dir.toString());
    }

    @Override
    public void run(PrintStream console) {
      DisentangleNetwork.run(tasks, dims, seed, settings, dir, console);
    }
  }

  static void runUnit(Path settings, List<String> args, PrintStream console) throws IOException {
    DisentangleSettings s = RunDirectory.JSON.readValue(settings.toFile(), DisentangleSettings.class);
    run(Integer.parseInt(args.get(0)), Integer.parseInt(args.get(1)), Long.parseLong(args.get(2)), s, Path.of(args.get(3)), console);
  }

  public static Result run(int tasks, int dims, long seed, DisentangleSettings s, Path dir, PrintStream console) {
    Hyperplanes boundaries = Hyperplanes.forTasks(tasks, dims, new Random(seed * 1_000 + tasks));
    MultitaskClassification task = s.task(boundaries);
    int steps = task.stimulus().steps();
    EncodedReluCell cell = new EncodedReluCell(s.units(), dims, DisentangleSettings.ENCODER);
    Loss loss = s.loss();
    CellModel graph = Unroller.unroll(cell, tasks, steps, DataType.FLOAT, loss, seed);
    TrainableModel net = Engines.build(cell, tasks, steps, DataType.FLOAT, loss, seed, Engines.Engine.AUTO);
    String name = name(tasks, dims, seed);
    long parameters = ParameterTable.of(graph).total();
    console.printf("%s: %d parameters%n%s", name, parameters, ParameterTable.of(graph).format());
    List<String> encoder = graph.parametersIn(EncodedReluCell.ENCODER);
    double[][] encoderBefore = encoder.stream().map(p -> graph.array(p).dup().data().asDouble()).toArray(double[][]::new);

    // Seed 002 (the authors' train.py): Adam 1e-3, no clipping, no decay; the encoder frozen
    LossCurve curve = new LossCurve(s.iterations(), LOSS_POINTS);
    long start = System.nanoTime();
    PhaseRecord phase = new Trainer(new TrainerConfig(s.learningRate(), s.iterations()).with(Optimiser.adam()))
        .addListener(new ProgressLog(s.iterations())).addListener(curve)
        .fit(name, net, TrainableSet.of(graph.parametersIn("core", Unroller.HEAD)),
            new TaskIterator(task, s.batch(), s.iterations(), seed + 1_000_000, DataType.FLOAT));
    double seconds = NetworkUnits.seconds(start);
    net.parameters().forEach((p, values) -> graph.array(p).assign(values));
    boolean unchanged = true;
    for (int i = 0; i < encoder.size(); i++) {
      unchanged &= Arrays.equals(encoderBefore[i], graph.array(encoder.get(i)).dup().data().asDouble());
    }

    double accuracy = accuracy(graph, task, s.accuracyTrials());
    Decoding d = decode(graph, task.stimulus(), tasks, s);
    Attractor a = attractor(graph, cell, boundaries, s.pcaTrials(), dir);
    Result result = new Result(tasks, dims, seed, parameters, seconds, phase, accuracy, unchanged, d.idLs, d.oodLs, d.idAdam,
        d.oodAdam, d.angle, a.top3, a.speedBefore, a.speedAfter, a.plane, boundaries.normals(), curve.points());
    NetworkUnits.writeResult(dir, result);
    return result;
  }

  static Result read(Path dir) {
    return NetworkUnits.readResult(dir, Result.class);
  }

  /**
   * Fraction of (trial, task) pairs whose output at the decision step (tanh, or the cross-entropy's logit) has the
   * label's sign, the target measured from the coding's undecided value (0, or 0.5).
   */
  private static double accuracy(CellModel graph, MultitaskClassification task, int trials) {
    Trials t = task.sample(trials, new Random(TEST_SEED), DataType.FLOAT);
    int decision = task.stimulus().decisionStep();
    INDArray out = graph.forward(t.inputs()).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(decision));
    INDArray target = t.targets().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(decision));
    return out.mul(target.sub(task.coding().before())).gt(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
  }

  private record Decoding(double[] idLs, double[] oodLs, double[][] idAdam, double[][] oodAdam, double[] angle) {
  }

  /** The 4 folds: least squares and (when asked) the Adam protocol, in and out of distribution. */
  private static Decoding decode(CellModel graph, NoisyStimulus layout, int tasks, DisentangleSettings s) {
    int folds = Orthants.FOLDS;
    int dims = layout.dims();
    Decoding d = new Decoding(new double[folds], new double[folds], new double[folds][s.decoderFits()],
        new double[folds][s.decoderFits()], new double[folds]);
    Random rng = new Random(TEST_SEED + 1);
    List<Integer> all = Orthants.all(dims);
    for (int q = 0; q < folds; q++) {
      List<Integer> kept = Orthants.kept(q, dims);
      StimulusDecoder.Sample test = states(graph, new StimulusDecoding(layout, Orthants.heldOut(q, dims)), s.testTrials(), rng);
      d.idLs[q] = StimulusDecoder.leastSquares(states(graph, new StimulusDecoding(layout, all), s.leastSquaresTrials(), rng)).r2(test);
      StimulusDecoder ood = StimulusDecoder.leastSquares(states(graph, new StimulusDecoding(layout, kept), s.leastSquaresTrials(), rng));
      d.oodLs[q] = ood.r2(test);
      d.angle[q] = ood.angle();
      int batches = DisentangleSettings.decoderBatches(tasks);
      for (int f = 0; f < s.decoderFits(); f++) {
        d.idAdam[q][f] = StimulusDecoder.adam(pool(graph, layout, all, batches, rng), s.units(), dims, batches, rng).r2(test);
        d.oodAdam[q][f] = StimulusDecoder.adam(pool(graph, layout, kept, batches, rng), s.units(), dims, batches, rng).r2(test);
      }
    }
    return d;
  }

  /**
   * The paper's fresh batches of 16, drawn up front (one forward pass per 4096 trials instead of one per batch) and
   * served in order.
   */
  private static StimulusDecoder.Source pool(CellModel graph, NoisyStimulus layout, List<Integer> orthants, int batches, Random rng) {
    StimulusDecoder.Sample all = states(graph, new StimulusDecoding(layout, orthants), batches * StimulusDecoder.BATCH, rng);
    int[] next = {0};
    return (trials, unused) -> {
      int from = next[0];
      next[0] += trials;
      return new StimulusDecoder.Sample(Arrays.copyOfRange(all.states(), from, from + trials),
          Arrays.copyOfRange(all.stimuli(), from, from + trials));
    };
  }

  /** The network's states at the decision step on fresh decoding trials, with their stimuli. */
  static StimulusDecoder.Sample states(CellModel graph, StimulusDecoding task, int trials, Random rng) {
    double[][] r = new double[trials][];
    double[][] s = new double[trials][];
    for (int from = 0; from < trials; from += CHUNK) {
      int n = Math.min(CHUNK, trials - from);
      Trials t = task.sample(n, rng, DataType.FLOAT);
      int last = t.steps() - 1;
      rows(graph.observed(t.inputs()).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(last)), r, from);
      rows(t.targets().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(last)), s, from);
    }
    return new StimulusDecoder.Sample(r, s);
  }

  /** The rows of a [n, p] array into out[from..from + n), by one bulk copy (toDoubleMatrix is far slower). */
  private static void rows(INDArray a, double[][] out, int from) {
    int n = (int) a.size(0);
    int p = (int) a.size(1);
    double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    for (int i = 0; i < n; i++) {
      out[from + i] = Arrays.copyOfRange(flat, i * p, (i + 1) * p);
    }
  }

  private record Attractor(double top3, double speedBefore, double speedAfter, double plane) {
  }

  /** Slow-point starts (the authors' analyze.py: 128 states of the trajectories, each unit moved up by U(0, 6)). */
  private static final int SLOW_STARTS = 128;
  private static final double SLOW_OFFSET = 6;
  private static final int SLOW_STEPS = 10_000;
  private static final double SLOW_RATE = 0.01;

  /**
   * Fig. 1d: the activity of {@code trials} noise-free trials (the authors fit their PCA without noise), stimuli uniform
   * on the cube, on its top 3 principal components, and the slow points of the network under the fixation input with
   * no stimulus, found from states of those trajectories; writes both projected on the activity's components
   * (trajectories_pcs.npy [trials, steps, 3], slow_points_pcs.npy [128, 3], stimuli.npy).
   */
  private static Attractor attractor(CellModel graph, EncodedReluCell cell, Hyperplanes boundaries, int trials, Path dir) {
    NoisyStimulus clean = new NoisyStimulus(boundaries.dims(), NoisyStimulus.STIMULUS_STEPS, 0);
    MultitaskClassification task = new MultitaskClassification(clean, boundaries, LabelCoding.PLUS_MINUS_ONE, false);
    Random rng = new Random(TEST_SEED + 2);
    double[][] s = new double[trials][];
    for (int i = 0; i < trials; i++) {
      s[i] = clean.uniform(rng);
    }
    INDArray activity = graph.observed(task.trials(s, rng, DataType.FLOAT).inputs()).castTo(DataType.DOUBLE);   // [B, N, T]
    long steps = activity.size(2);
    INDArray rows = activity.permute(0, 2, 1).dup('c').reshape(trials * steps, activity.size(1));
    PrincipalComponents pca = PrincipalComponents.fit(rows, 3, PrincipalComponents.Scaling.CENTRED);
    double top3 = Arrays.stream(pca.explainedVarianceRatio()).sum();

    double[][] states = new double[(int) rows.size(0)][];
    rows(rows, states, 0);
    double[][] starts = new double[SLOW_STARTS][];
    for (int k = 0; k < SLOW_STARTS; k++) {
      starts[k] = states[rng.nextInt(states.length)].clone();
      for (int i = 0; i < starts[k].length; i++) {
        starts[k][i] += SLOW_OFFSET * rng.nextDouble();
      }
    }
    SlowPoints.Result slow = SlowPoints.find(matrix(graph, EncodedReluCell.W_REC), fixationDrive(graph, cell), starts, SLOW_STEPS,
        SLOW_RATE);
    INDArray points = Nd4j.createFromArray(slow.points());
    double plane = Arrays.stream(PrincipalComponents.fit(points, 2, PrincipalComponents.Scaling.CENTRED).explainedVarianceRatio()).sum();
    NetworkUnits.writeArray(dir, "trajectories_pcs.npy", pca.projection().apply(rows).reshape(trials, steps, 3));
    NetworkUnits.writeArray(dir, "slow_points_pcs.npy", pca.projection().apply(points));
    NetworkUnits.writeArray(dir, "stimuli.npy", Nd4j.createFromArray(s));
    return new Attractor(top3, org.molap.core.stats.Quartiles.of(slow.speedBefore()).median(),
        org.molap.core.stats.Quartiles.of(slow.speedAfter()).median(), plane);
  }

  /** W_in [1 ; e(0)] + b_in + b_rec: the drive of the fixation input with no stimulus, e(0) the encoder's output at 0. */
  private static double[] fixationDrive(CellModel graph, EncodedReluCell cell) {
    int layers = cell.encoderWidths().length;
    INDArray e = Nd4j.zeros(DataType.DOUBLE, 1, cell.stimuli());
    for (int layer = 1; layer <= layers; layer++) {
      e = e.mmul(graph.array("W" + layer).castTo(DataType.DOUBLE).transpose()).addRowVector(graph.array("b" + layer).castTo(DataType.DOUBLE));
      if (layer < layers) {
        e = org.nd4j.linalg.ops.transforms.Transforms.relu(e, false);
      }
    }
    INDArray u = Nd4j.hstack(Nd4j.ones(DataType.DOUBLE, 1, 1), e);
    return u.mmul(graph.array(EncodedReluCell.W_IN).castTo(DataType.DOUBLE).transpose())
        .addRowVector(graph.array(EncodedReluCell.B_IN).castTo(DataType.DOUBLE))
        .addRowVector(graph.array(EncodedReluCell.B_REC).castTo(DataType.DOUBLE)).toDoubleVector();
  }

  private static double[][] matrix(CellModel graph, String name) {
    INDArray a = graph.array(name).castTo(DataType.DOUBLE);
    double[][] out = new double[(int) a.size(0)][];
    rows(a, out, 0);
    return out;
  }
}
