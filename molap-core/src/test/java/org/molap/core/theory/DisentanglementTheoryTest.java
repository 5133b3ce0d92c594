package org.molap.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.disentangle.Hyperplanes;

/** Seed 002's theory, as far as it can be checked without the omitted proof (spec A.5, work item 002-8). */
class DisentanglementTheoryTest {

  /** Random normals have rank min(N_task, D); with fewer tasks than dimensions two stimuli share every label. */
  @Test
  void labelsIdentifyTheStimulusOnlyWithAtLeastDTasks() {
    Random rng = new Random(3);
    for (int dims = 2; dims <= 5; dims++) {
      for (int tasks = 1; tasks <= 8; tasks++) {
        Hyperplanes h = Hyperplanes.random(tasks, dims, rng);
        assertEquals(Math.min(tasks, dims), Identifiability.rank(h.normals()), tasks + " tasks in " + dims + " dimensions");
        double[] blind = Identifiability.blindDirection(h.normals());
        if (tasks >= dims) {
          assertNull(blind, "the normals span the space");
          continue;
        }
        double[] s = {0.1, -0.2, 0.05, 0.3, -0.1};
        double[] a = java.util.Arrays.copyOf(s, dims);
        double[] b = a.clone();
        for (int d = 0; d < dims; d++) {
          b[d] += 0.1 * blind[d];
        }
        assertTrue(java.util.stream.IntStream.range(0, dims).anyMatch(d -> Math.abs(a[d] - b[d]) > 1e-3), "a different stimulus");
        for (int i = 0; i < tasks; i++) {
          assertEquals(h.label(i, a), h.label(i, b), "task " + i + " cannot tell them apart");
          double along = 0;
          for (int d = 0; d < dims; d++) {
            along += blind[d] * h.normals()[i][d];
          }
          assertEquals(0, along, 1e-12);
        }
      }
    }
  }

  /** The sample-mean ceiling 1 - 0.48 / n (0.976 for n = 20) lies within 0.005 of the Bayes posterior mean's r^2. */
  @Test
  void theIdealObserverCeilingIsNearTheBayesOptimum() {
    assertEquals(0.976, IdealObserver.ceiling(0.2, 20), 1e-12);
    double bayes = IdealObserver.bayesR2(0.2, 20, 400_000, new Random(1));
    assertTrue(bayes >= IdealObserver.ceiling(0.2, 20) - 0.001, "the posterior mean does at least as well: " + bayes);
    assertEquals(IdealObserver.ceiling(0.2, 20), bayes, 0.005);
  }

  /** Known answers of the truncated-normal posterior mean: symmetric, inside the range, pulled in at the edges. */
  @Test
  void thePosteriorMeanStaysInTheRange() {
    assertEquals(0, IdealObserver.posteriorMean(0, 0.2, 20), 1e-15);
    assertEquals(0.1, IdealObserver.posteriorMean(0.1, 0.2, 20), 1e-6, "far from the edges: the sample mean");
    double edge = IdealObserver.posteriorMean(0.5, 0.2, 20);
    assertTrue(edge < 0.5 && edge > 0.4, "pulled in at the edge: " + edge);
    assertEquals(-edge, IdealObserver.posteriorMean(-0.5, 0.2, 20), 1e-12);
    assertEquals(0.5, IdealObserver.posteriorMean(40, 0.2, 20), 1e-12);
  }
}
