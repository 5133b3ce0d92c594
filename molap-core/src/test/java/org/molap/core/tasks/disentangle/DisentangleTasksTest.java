package org.molap.core.tasks.disentangle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seed 002's tasks (spec 002-1): labels, timeline, noise, orthant sampling, folds, determinism. */
class DisentangleTasksTest {

  /** Task i's label is the authors' 1[s_2 > tan(phi_i) s_1], phi_i = (i + 1/2) pi / N_task, on 10^4 stimuli. */
  @Test
  void labelsAreTheSideOfEachEvenlySpacedLine() {
    for (int tasks : new int[] {2, 3, 6, 12, 24}) {
      MultitaskClassification task = MultitaskClassification.paper(Hyperplanes.evenlySpaced(tasks));
      Random rng = new Random(tasks);
      double[][] s = new double[10_000][];
      for (int b = 0; b < s.length; b++) {
        s[b] = task.stimulus().uniform(rng);
      }
      Trials trials = task.trials(s, new Random(7), DataType.DOUBLE);
      int decision = task.stimulus().decisionStep();
      for (int b = 0; b < s.length; b++) {
        for (int i = 0; i < tasks; i++) {
          boolean label = s[b][1] > Math.tan((i + 0.5) * Math.PI / tasks) * s[b][0];
          assertEquals(label ? 1.0 : -1.0, trials.targets().getDouble(b, i, decision), "task " + i + " of " + tasks);
          assertEquals(0.0, trials.targets().getDouble(b, i, decision - 1));
        }
      }
    }
  }

  /** Fixation 1 until the decision step; the stimulus channels 0 off the stimulus steps, s + N(0, 0.2^2) on them. */
  @Test
  void theTimelineAndTheNoiseAreThePapers() {
    NoisyStimulus layout = NoisyStimulus.paper(2);
    assertEquals(22, layout.steps());
    assertEquals(List.of("fixation", "s1", "s2"), layout.inputChannels());
    int trials = 5000;
    double[][] s = new double[trials][];
    Random rng = new Random(1);
    for (int b = 0; b < trials; b++) {
      s[b] = layout.uniform(rng);
    }
    MultitaskClassification task = MultitaskClassification.paper(Hyperplanes.evenlySpaced(3));
    INDArray in = task.trials(s, new Random(2), DataType.DOUBLE).inputs();
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int b = 0; b < trials; b++) {
      for (int t = 0; t < 22; t++) {
        assertEquals(t < 21 ? 1.0 : 0.0, in.getDouble(b, 0, t), "fixation at step " + t);
        for (int d = 0; d < 2; d++) {
          double x = in.getDouble(b, 1 + d, t);
          if (t == 0 || t == 21) {
            assertEquals(0.0, x, "no stimulus at step " + t);
          } else {
            double noise = x - s[b][d];
            sum += noise;
            squares += noise * noise;
            n++;
          }
        }
      }
    }
    assertTrue(n >= 100_000);
    double mean = sum / n;
    double std = Math.sqrt(squares / n - mean * mean);
    assertEquals(0.2, std, 0.004, "noise std per step");
    assertEquals(0, mean, 0.003);
  }

  /** Every trial counts at every step, or at its decision step only; the 0/1 coding puts 0.5 before the decision. */
  @Test
  void masksAndCodingsFollowTheSwitches() {
    Hyperplanes lines = Hyperplanes.evenlySpaced(2);
    Trials all = MultitaskClassification.paper(lines).sample(4, new Random(3), DataType.DOUBLE);
    assertEquals(4 * 22, all.mask().sumNumber().intValue());
    MultitaskClassification late = new MultitaskClassification(NoisyStimulus.paper(2), lines, LabelCoding.ZERO_ONE, true);
    Trials t = late.sample(4, new Random(3), DataType.DOUBLE);
    assertEquals(4, t.mask().sumNumber().intValue());
    assertEquals(1.0, t.mask().getDouble(0, 21));
    assertEquals(0.5, t.targets().getDouble(0, 0, 20));
    double answer = t.targets().getDouble(0, 0, 21);
    assertTrue(answer == 0 || answer == 1);
  }

  /** Same seed, same batch; another seed, another batch. */
  @Test
  void theSameSeedGivesTheSameTrials() {
    MultitaskClassification task = MultitaskClassification.paper(Hyperplanes.random(6, 3, new Random(5)));
    Trials a = task.sample(16, new Random(11), DataType.FLOAT);
    Trials b = task.sample(16, new Random(11), DataType.FLOAT);
    assertEquals(a.inputs(), b.inputs());
    assertEquals(a.targets(), b.targets());
    assertTrue(!a.inputs().equals(task.sample(16, new Random(12), DataType.FLOAT).inputs()));
  }

  /** Random boundaries for D > 2: unit normals, recorded and read back identically. */
  @Test
  void randomNormalsAreUnitVectors() {
    Hyperplanes h = Hyperplanes.forTasks(4, 5, new Random(9));
    for (double[] n : h.normals()) {
      assertEquals(1.0, java.util.Arrays.stream(n).map(x -> x * x).sum(), 1e-12);
    }
    assertArrayEquals(h.normals()[2], Hyperplanes.of(h.normals()).normals()[2]);
    assertEquals(24, Hyperplanes.forTasks(24, 2, null).tasks(), "D = 2 draws nothing");
  }

  /** Orthant draws lie in their orthant, each orthant about equally often, each |coordinate| uniform on (0, 1/2). */
  @Test
  void orthantSamplesAreUniformInsideTheirOrthants() {
    int dims = 3;
    List<Integer> allowed = List.of(1, 4, 6);
    Random rng = new Random(21);
    int n = 6000;
    int[] counts = new int[Orthants.count(dims)];
    double[][] magnitudes = new double[dims][n];
    for (int i = 0; i < n; i++) {
      double[] s = Orthants.sample(allowed, dims, rng);
      int k = Orthants.of(s);
      assertTrue(allowed.contains(k), "orthant " + k);
      counts[k]++;
      for (int d = 0; d < dims; d++) {
        assertEquals(Orthants.sign(k, d, dims), Math.signum(s[d]));
        magnitudes[d][i] = 2 * Math.abs(s[d]);
      }
    }
    for (int k : allowed) {
      assertEquals(n / 3.0, counts[k], 150, "orthant " + k);
    }
    for (int d = 0; d < dims; d++) {
      double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), magnitudes[d]);
      assertTrue(p > 0.01, "coordinate " + d + ": KS p = " + p);
    }
  }

  /** Orthants in itertools.product order; each fold holds out index mod 4: one quadrant for D = 2, a quarter for D = 4. */
  @Test
  void foldsHoldOutAQuarterOfTheOrthants() {
    assertEquals("(-, -)", Orthants.name(0, 2));
    assertEquals("(-, +)", Orthants.name(1, 2));
    assertEquals("(+, -)", Orthants.name(2, 2));
    assertEquals(3, Orthants.of(new double[] {0.2, 0.1}));
    Set<Integer> held = new HashSet<>();
    for (int fold = 0; fold < Orthants.FOLDS; fold++) {
      assertEquals(List.of(fold), Orthants.heldOut(fold, 2));
      assertEquals(3, Orthants.kept(fold, 2).size());
      List<Integer> four = Orthants.heldOut(fold, 4);
      assertEquals(4, four.size());
      held.addAll(four);
    }
    assertEquals(16, held.size(), "the folds cover every orthant once");
    assertThrows(IllegalArgumentException.class, () -> Orthants.heldOut(4, 2));
  }

  /** The decoding task's target is the stimulus at the decision step, the only step in its loss. */
  @Test
  void decodingTargetsTheStimulusAtTheDecisionStep() {
    StimulusDecoding task = new StimulusDecoding(NoisyStimulus.paper(2), Orthants.kept(0, 2));
    Trials t = task.sample(200, new Random(4), DataType.DOUBLE);
    assertEquals(List.of("s1", "s2"), t.outputChannels());
    assertEquals(200, t.mask().sumNumber().intValue());
    for (int b = 0; b < 200; b++) {
      double[] s = {t.targets().getDouble(b, 0, 21), t.targets().getDouble(b, 1, 21)};
      assertTrue(Orthants.of(s) != 0, "quadrant (-, -) is held out of fold 0");
      assertEquals(0.0, t.targets().getDouble(b, 0, 10));
      assertEquals(s[0], t.inputs().getDouble(b, 1, 10), 1.5, "the input carries the stimulus (plus noise)");
    }
    assertThrows(IllegalArgumentException.class, () -> new StimulusDecoding(NoisyStimulus.paper(2), List.of(4)));
  }
}
