package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ReachTaskTest {

  private static final TaskConfig CLEAN = TaskConfig.defaults().withInputNoiseStd(0);

  @Test
  void delayProHandChecked() {
    // Angle index 3 -> 30 degrees.
    Trials t = ReachTask.delayPro(CLEAN).sample(1, new ScriptedRandom(3), DataType.DOUBLE);
    double c = Math.cos(Math.toRadians(30));
    double s = Math.sin(Math.toRadians(30));
    assertEquals(0.0, t.inputs().getDouble(0, 1, 34));
    assertEquals(c, t.inputs().getDouble(0, 1, 35), 1e-12);
    assertEquals(s, t.inputs().getDouble(0, 2, 35), 1e-12);
    assertEquals(c, t.inputs().getDouble(0, 1, 109), 1e-12);
    assertEquals(0.0, t.targets().getDouble(0, 1, 84));
    assertEquals(0.0, t.targets().getDouble(0, 2, 84));
    assertEquals(c, t.targets().getDouble(0, 1, 85), 1e-12);
    assertEquals(s, t.targets().getDouble(0, 2, 109), 1e-12);
  }

  @Test
  void antiTargetIsMinusProTargetForTheSameAngle() {
    for (String[] pair : new String[][] {{"DelayPro", "DelayAnti"}, {"MemPro", "MemAnti"}}) {
      Trials pro = MolapTasks.byName(pair[0], CLEAN).sample(64, new Random(7));
      Trials anti = MolapTasks.byName(pair[1], CLEAN).sample(64, new Random(7));
      assertEquals(pro.inputs(), anti.inputs(), pair[1]);
      INDArray proLoc = pro.targets().get(all(), interval(1, 3), all());
      INDArray antiLoc = anti.targets().get(all(), interval(1, 3), all());
      assertEquals(proLoc.neg(), antiLoc, pair[1]);
      assertEquals(pro.targets().get(all(), point(0), all()), anti.targets().get(all(), point(0), all()));
      assertTrue(proLoc.norm1Number().doubleValue() > 64 * 25 * 0.9, "location targets must not be all 0");
      for (int b = 0; b < 64; b++) {
        // Pro target is the stimulus direction: (cos, sin) at stimulus onset.
        assertEquals(pro.inputs().getDouble(b, 1, 35), pro.targets().getDouble(b, 1, 100), 1e-6);
        assertEquals(pro.inputs().getDouble(b, 2, 35), pro.targets().getDouble(b, 2, 100), 1e-6);
      }
    }
  }

  @Test
  void delayStimulusStaysOnToTheEnd() {
    Trials t = ReachTask.delayAnti(CLEAN).sample(32, new Random(9), DataType.DOUBLE);
    for (int b = 0; b < 32; b++) {
      for (int step = 0; step < 110; step++) {
        assertEquals(step >= 35 ? 1.0 : 0.0, magnitude(t, b, step), 1e-12);
      }
    }
  }

  @Test
  void memStimulusLasts10To25StepsAndIsOffBeforeTheGoCue() {
    Trials t = ReachTask.memPro(CLEAN).sample(400, new Random(13), DataType.DOUBLE);
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (int b = 0; b < 400; b++) {
      int on = 0;
      for (int step = 0; step < 110; step++) {
        double m = magnitude(t, b, step);
        if (m > 0.5) {
          assertEquals(35 + on, step, "stimulus must be one block starting at step 35");
          on++;
        } else {
          assertEquals(0.0, m);
        }
      }
      assertTrue(35 + on < 85, "stimulus must be off before the go cue");
      shortest = Math.min(shortest, on);
      longest = Math.max(longest, on);
      // Target still points to the remembered direction during the response.
      assertEquals(1.0, Math.hypot(t.targets().getDouble(b, 1, 90), t.targets().getDouble(b, 2, 90)), 1e-6);
    }
    assertEquals(10, shortest);
    assertEquals(25, longest);
  }

  @Test
  void memAntiHandChecked() {
    // Angle index 9 -> 90 degrees; duration draw 0 -> 10 steps.
    ScriptedRandom rng = new ScriptedRandom(9, 0);
    Trials t = ReachTask.memAnti(CLEAN).sample(1, rng, DataType.DOUBLE);
    assertTrue(rng.exhausted());
    assertEquals(1.0, t.inputs().getDouble(0, 2, 44), 1e-12);
    assertEquals(0.0, t.inputs().getDouble(0, 2, 45));
    assertEquals(-1.0, t.targets().getDouble(0, 2, 85), 1e-12);
    assertEquals(0.0, t.targets().getDouble(0, 1, 85), 1e-12);
  }

  private static double magnitude(Trials t, int b, int step) {
    return Math.hypot(t.inputs().getDouble(b, 1, step), t.inputs().getDouble(b, 2, step));
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex all() {
    return org.nd4j.linalg.indexing.NDArrayIndex.all();
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex interval(int a, int b) {
    return org.nd4j.linalg.indexing.NDArrayIndex.interval(a, b);
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex point(int i) {
    return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
  }
}
