package org.molap.core.tasks.nm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;

class ProAntiTasksTest {

  private static final List<ProAnti> ALL = List.of(ProAnti.values());
  private final ProAntiTasks tasks = new ProAntiTasks(ProAntiTasks.Config.paper(), ALL, ALL);

  /** Each period's length follows its uniform law (Kolmogorov-Smirnov, 10^4 trials per task, p > 0.001). */
  @Test
  void periodLengthsFollowTheirUniformLaws() {
    Random rng = new Random(3);
    for (ProAnti task : ALL) {
      int n = 10_000;
      double[] onset = new double[n];
      double[] first = new double[n];
      double[] second = new double[n];
      double[] response = new double[n];
      for (int i = 0; i < n; i++) {
        ProAntiTasks.Draw d = tasks.only(task).draw(rng);
        assertEquals(task, d.task());
        onset[i] = d.onset();
        first[i] = task.memory() ? d.offset() - d.onset() : d.go() - d.onset();
        second[i] = d.go() - d.offset();
        response[i] = d.end() - d.go();
      }
      assertUniform(onset, 0.3, 0.7, task + " onset");
      assertUniform(first, 0.2, task.memory() ? 1.6 : 1.5, task + (task.memory() ? " stimulus" : " delay"));
      if (task.memory()) {
        assertUniform(second, 0.2, 1.6, task + " memory");
      }
      assertUniform(response, 0.3, 0.7, task + " response");
    }
  }

  private static void assertUniform(double[] x, double lo, double hi, String what) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(lo, hi), x);
    assertTrue(p > 1e-3, what + ": KS p = " + p);
  }

  @Test
  void trialsWriteSinThenCosAndAntiPointsAtThetaPlusPi() {
    ProAntiTasks.Draw pro = new ProAntiTasks.Draw(ProAnti.MEMORY_PRO, 0.5, 1.0, 1.5, 2.0, 1.0);
    ProAntiTasks.Draw anti = new ProAntiTasks.Draw(ProAnti.DELAY_ANTI, 0.5, 2.0, 1.5, 2.0, 1.0);
    Trials t = tasks.trials(List.of(pro, anti), new Random(0), DataType.DOUBLE);
    assertEquals(List.of("fixation", "sin", "cos", "context DelayPro", "context DelayAnti", "context MemoryPro",
        "context MemoryAnti"), t.inputChannels());
    // 100 steps over 2.0 units: onset at step 25, memory offset at 50, go at 75
    for (int s = 0; s < 100; s++) {
      assertEquals(s < 75 ? 1 : 0, t.inputs().getDouble(0, 0, s), 0.0);
      assertEquals(s >= 25 && s < 50 ? Math.sin(1.0) : 0, t.inputs().getDouble(0, 1, s), 0.0, "step " + s);
      assertEquals(s >= 25 && s < 50 ? Math.cos(1.0) : 0, t.inputs().getDouble(0, 2, s), 0.0);
      assertEquals(s >= 25 ? Math.cos(1.0) : 0, t.inputs().getDouble(1, 2, s), 0.0, "a Delay stimulus stays on");
      assertEquals(1, t.inputs().getDouble(0, 5, s), 0.0);
      assertEquals(1, t.inputs().getDouble(1, 4, s), 0.0);
      assertEquals(0, t.inputs().getDouble(0, 3, s) + t.inputs().getDouble(0, 4, s) + t.inputs().getDouble(0, 6, s), 0.0);
      assertEquals(s < 75 ? 0.8 : 0, t.targets().getDouble(0, 0, s), 0.0);
      assertEquals(s >= 75 ? Math.sin(1.0) : 0, t.targets().getDouble(0, 1, s), 1e-15);
      assertEquals(s >= 75 ? Math.sin(1.0 + Math.PI) : 0, t.targets().getDouble(1, 1, s), 1e-15);
      assertEquals(s >= 75 ? Math.cos(1.0 + Math.PI) : 0, t.targets().getDouble(1, 2, s), 1e-15);
    }
    assertEquals(75, t.timing().get(0).period("response").start());
    assertEquals(0, t.timing().get(1).period("memory").length());
  }

  @Test
  void retrainingSetHasANewContextChannelAndOnlyMemoryAnti() {
    ProAntiTasks retrain = new ProAntiTasks(ProAntiTasks.Config.paper(), ALL, List.of(ProAnti.MEMORY_ANTI));
    Trials t = retrain.sample(200, 5L);
    assertEquals(7, t.inputs().size(1));
    assertEquals(200 * 100, t.inputs().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.point(6), org.nd4j.linalg.indexing.NDArrayIndex.all()).sumNumber().doubleValue(), 0.0);
    ProAntiTasks training = new ProAntiTasks(ProAntiTasks.Config.paper(), ALL.subList(0, 3), ALL.subList(0, 3));
    assertEquals(6, training.sample(10, 1L).inputs().size(1));
    assertThrows(IllegalArgumentException.class,
        () -> new ProAntiTasks(ProAntiTasks.Config.paper(), ALL.subList(0, 3), List.of(ProAnti.MEMORY_ANTI)));
    assertThrows(IllegalArgumentException.class, () -> ProAnti.of("MemAnti"));
  }

  @Test
  void sameSeedSameTrials() {
    assertEquals(tasks.sample(20, 9L).inputs(), tasks.sample(20, 9L).inputs());
    ProAntiTasks noisy = new ProAntiTasks(ProAntiTasks.Config.paper().withInputNoise(0.1), ALL, ALL);
    double residual = noisy.sample(20, 9L).inputs().sub(tasks.sample(20, 9L).inputs()).std(true).getDouble();
    assertEquals(0.1, residual, 0.005);
  }
}
