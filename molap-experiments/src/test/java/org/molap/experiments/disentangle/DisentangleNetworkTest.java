package org.molap.experiments.disentangle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One seed-002 network end to end on a small budget: it learns its tasks and the decoding analysis reads it. */
class DisentangleNetworkTest {
  @TempDir
  Path dir;

  @Test
  void aTwelveTaskNetworkLearnsAndItsStateDecodesTheStimulus() {
    DisentangleNetwork.Result r = DisentangleNetwork.run(12, 2, 1, settings(false, false, 1), dir,
        new PrintStream(PrintStream.nullOutputStream()));
    assertEquals(6848 + 65 * 12 + encoderParameters(2), r.parameters(), "seed 002's count: 6848 + 65 N_task, plus the encoder");
    assertTrue(r.encoderUnchanged(), "the encoder is frozen");
    assertTrue(r.phase().lastLoss() < 0.5 * r.phase().firstLoss(), "loss " + r.phase().firstLoss() + " -> " + r.phase().lastLoss());
    assertTrue(r.accuracy() > 0.8, "decision accuracy " + r.accuracy());
    double id = Arrays.stream(r.idLeastSquares()).average().orElseThrow();
    double ood = Arrays.stream(r.oodLeastSquares()).average().orElseThrow();
    assertTrue(id > 0.7, "in-distribution r^2 " + id);
    assertTrue(ood < id + 0.02, "out of distribution no better than in it: " + ood + " against " + id);
    assertEquals(4, r.idAdam().length);
    assertTrue(r.idAdam()[0][0] > 0.5, "the Adam protocol decodes too: " + r.idAdam()[0][0]);
    assertTrue(r.top3Variance() > 0.5 && r.top3Variance() <= 1, "top-3 PCs " + r.top3Variance());
    assertTrue(r.speedAfter() < 0.01 * r.speedBefore(), "the slow-point search slows the states: " + r.speedBefore() + " -> " + r.speedAfter());
    assertTrue(java.nio.file.Files.exists(dir.resolve("slow_points_pcs.npy")));
    assertEquals(r.accuracy(), DisentangleNetwork.read(dir).accuracy(), "the result is written");
  }

  /**
   * The authors' later version: sigmoid readout, targets 0 / 1, cross-entropy, here at the decision step only. It
   * learns on the fast engine and its accuracy reads the logits' sign.
   */
  @Test
  void theCrossEntropySwitchesLearnToo() {
    DisentangleNetwork.Result r = DisentangleNetwork.run(12, 2, 2, settings(true, true, 0), dir,
        new PrintStream(PrintStream.nullOutputStream()));
    assertTrue(r.phase().lastLoss() < 0.5 * r.phase().firstLoss(), "cross-entropy " + r.phase().firstLoss() + " -> " + r.phase().lastLoss());
    assertTrue(r.accuracy() > 0.8, "decision accuracy " + r.accuracy());
    assertTrue(r.encoderUnchanged(), "the encoder is frozen");
  }

  /** Same seed, same settings: the same network and the same numbers, to the last bit (seed 002 A.7: reruns identical). */
  @Test
  void aRerunIsIdentical(@TempDir Path other) {
    DisentangleSettings s = settings(false, false, 0, 200);
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
    DisentangleNetwork.Result a = DisentangleNetwork.run(3, 2, 5, s, dir, quiet);
    DisentangleNetwork.Result b = DisentangleNetwork.run(3, 2, 5, s, other, quiet);
    assertEquals(a.phase().lastLoss(), b.phase().lastLoss());
    assertEquals(a.accuracy(), b.accuracy());
    assertTrue(Arrays.equals(a.idLeastSquares(), b.idLeastSquares()) && Arrays.equals(a.oodLeastSquares(), b.oodLeastSquares()),
        Arrays.toString(a.oodLeastSquares()) + " against " + Arrays.toString(b.oodLeastSquares()));
    assertEquals(a.speedAfter(), b.speedAfter());
  }

  private static DisentangleSettings settings(boolean crossEntropy, boolean decisionOnly, int decoderFits) {
    return settings(crossEntropy, decisionOnly, decoderFits, 2000);
  }

  private static DisentangleSettings settings(boolean crossEntropy, boolean decisionOnly, int decoderFits, int iterations) {
    return new DisentangleSettings("test", List.of(12), List.of(2), 1, 1, iterations, 16, 64, 1e-3, decoderFits, 3000, 640, 1000,
        20, crossEntropy, decisionOnly, 0.2);
  }

  /** D -> 100 -> 100 -> 40: weights and biases. */
  private static int encoderParameters(int dims) {
    return dims * 100 + 100 + 100 * 100 + 100 + 100 * 40 + 40;
  }
}
