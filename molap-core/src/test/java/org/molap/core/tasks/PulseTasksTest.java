package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Mem Dm 1/2, Context Mem Dm 1/2 and Multi Mem. */
class PulseTasksTest {

  private static final TaskConfig CLEAN = TaskConfig.defaults().withInputNoiseStd(0);

  @Test
  void memDm1HandChecked() {
    // Angles 0 and 60 degrees: pulses cos 0 = 1 and cos 60 = 0.5; target 1.
    Trials t = MemDmTask.dm1(CLEAN).sample(1, new ScriptedRandom(0, 6), DataType.DOUBLE);
    assertPulses(t, 1, 1.0, 0.5);
    assertValueTarget(t, 1.0);
  }

  @Test
  void memDm2HandChecked() {
    // Same angles, sin code: pulses 0 and sin 60 = 0.866...; target the second pulse.
    Trials t = MemDmTask.dm2(CLEAN).sample(1, new ScriptedRandom(0, 6), DataType.DOUBLE);
    assertPulses(t, 1, 0.0, Math.sin(Math.toRadians(60)));
    assertValueTarget(t, Math.sin(Math.toRadians(60)));
  }

  @Test
  void memDmTargetIsTheLargerPulseOnEveryTrial() {
    for (Task task : new Task[] {MemDmTask.dm1(CLEAN), MemDmTask.dm2(CLEAN)}) {
      Trials t = task.sample(64, new Random(17), DataType.DOUBLE);
      int secondLarger = 0;
      for (int b = 0; b < 64; b++) {
        double p1 = t.inputs().getDouble(b, 1, 35);
        double p2 = t.inputs().getDouble(b, 1, 65);
        assertEquals(p1, t.inputs().getDouble(b, 1, 44));
        assertEquals(0.0, t.inputs().getDouble(b, 1, 45));
        assertEquals(0.0, t.inputs().getDouble(b, 1, 75));
        assertEquals(0.0, t.targets().getDouble(b, 1, 84));
        assertEquals(Math.max(p1, p2), t.targets().getDouble(b, 1, 85), 1e-12, task.name());
        assertEquals(Math.max(p1, p2), t.targets().getDouble(b, 1, 109), 1e-12, task.name());
        secondLarger += p2 > p1 ? 1 : 0;
      }
      assertTrue(secondLarger > 10 && secondLarger < 54, "both pulse orders must occur");
    }
  }

  @Test
  void contextTasksHandChecked() {
    // stream1: cos 0 = 1, cos 60 = 0.5; stream2: cos 180 = -1, cos 270 = 0.
    Trials c1 = ContextMemDmTask.attendStream1(CLEAN).sample(1, new ScriptedRandom(0, 6, 18, 27), DataType.DOUBLE);
    Trials c2 = ContextMemDmTask.attendStream2(CLEAN).sample(1, new ScriptedRandom(0, 6, 18, 27), DataType.DOUBLE);
    assertPulses(c1, 1, 1.0, 0.5);
    assertPulses(c1, 2, -1.0, 0.0);
    assertEquals(c1.inputs(), c2.inputs());
    assertValueTarget(c1, 1.0);
    assertValueTarget(c2, 0.0);
  }

  @Test
  void authorsStreamsAreCosAndSinOfTheSameTwoAngles() {
    // Angles 0 and 60 degrees: stream1 cos = 1, 0.5; stream2 sin = 0, 0.866; Multi Mem sums 1 and 1.366.
    TaskConfig authors = CLEAN.withStreamsSharingAngles(true);
    Trials c2 = ContextMemDmTask.attendStream2(authors).sample(1, new ScriptedRandom(0, 6), DataType.DOUBLE);
    assertPulses(c2, 1, 1.0, 0.5);
    assertPulses(c2, 2, 0.0, Math.sin(Math.toRadians(60)));
    assertValueTarget(c2, Math.sin(Math.toRadians(60)));
    Trials multi = new MultiMemTask(authors).sample(1, new ScriptedRandom(0, 6), DataType.DOUBLE);
    assertValueTarget(multi, 0.5 + Math.sin(Math.toRadians(60)));
  }

  @Test
  void contextTasksIgnoreTheOtherStream() {
    int[][] others = {{0, 0}, {18, 18}, {35, 3}, {9, 27}};
    for (int[] o : others) {
      Trials c1 = ContextMemDmTask.attendStream1(CLEAN)
          .sample(1, new ScriptedRandom(12, 30, o[0], o[1]), DataType.DOUBLE);
      assertValueTarget(c1, Math.max(Math.cos(Math.toRadians(120)), Math.cos(Math.toRadians(300))));
      Trials c2 = ContextMemDmTask.attendStream2(CLEAN)
          .sample(1, new ScriptedRandom(o[0], o[1], 12, 30), DataType.DOUBLE);
      assertValueTarget(c2, 0.5);
    }
  }

  @Test
  void contextTargetFollowsTheAttendedStreamOnEveryTrial() {
    for (int attended = 1; attended <= 2; attended++) {
      Task task = attended == 1 ? ContextMemDmTask.attendStream1(CLEAN) : ContextMemDmTask.attendStream2(CLEAN);
      Trials t = task.sample(64, new Random(19), DataType.DOUBLE);
      int otherWouldDiffer = 0;
      for (int b = 0; b < 64; b++) {
        double own = Math.max(t.inputs().getDouble(b, attended, 35), t.inputs().getDouble(b, attended, 65));
        int o = 3 - attended;
        double other = Math.max(t.inputs().getDouble(b, o, 35), t.inputs().getDouble(b, o, 65));
        assertEquals(own, t.targets().getDouble(b, 1, 90), 1e-12, task.name());
        otherWouldDiffer += Math.abs(own - other) > 1e-6 ? 1 : 0;
      }
      assertTrue(otherWouldDiffer > 32, "streams must be independent");
    }
  }

  @Test
  void multiMemPicksTheLargerSum() {
    // stream1: 1, 0.5; stream2: -1, cos 90 = 0 -> totals 0 and 0.5 -> target 0.5 (not the largest pulse 1).
    Trials t = new MultiMemTask(CLEAN).sample(1, new ScriptedRandom(0, 6, 18, 9), DataType.DOUBLE);
    assertPulses(t, 1, 1.0, 0.5);
    assertPulses(t, 2, -1.0, 0.0);
    assertValueTarget(t, 0.5);
  }

  @Test
  void multiMemTargetIsTheLargerTotalOnEveryTrial() {
    Trials t = new MultiMemTask(CLEAN).sample(64, new Random(23), DataType.DOUBLE);
    for (int b = 0; b < 64; b++) {
      double total1 = t.inputs().getDouble(b, 1, 35) + t.inputs().getDouble(b, 2, 35);
      double total2 = t.inputs().getDouble(b, 1, 65) + t.inputs().getDouble(b, 2, 65);
      assertEquals(Math.max(total1, total2), t.targets().getDouble(b, 1, 100), 1e-12);
    }
  }

  /** Channel {@code c} holds v1 on 35..44, v2 on 65..74, 0 elsewhere. */
  private static void assertPulses(Trials t, int c, double v1, double v2) {
    for (int step = 0; step < 110; step++) {
      double expected = step >= 35 && step < 45 ? v1 : step >= 65 && step < 75 ? v2 : 0.0;
      assertEquals(expected, t.inputs().getDouble(0, c, step), 1e-12, "channel " + c + " step " + step);
    }
  }

  /** Value output is 0 before the go cue and {@code v} from 85 to 109. */
  private static void assertValueTarget(Trials t, double v) {
    for (int step = 0; step < 110; step++) {
      assertEquals(step >= 85 ? v : 0.0, t.targets().getDouble(0, 1, step), 1e-12, "step " + step);
    }
  }
}
