package org.molap.core.tasks.nm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.molap.core.metrics.ProducedInterval;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;

class MeasureWaitGoTest {

  private final MeasureWaitGo task = new MeasureWaitGo(MeasureWaitGo.Config.paper());

  @Test
  void trainingSetHasFortyDistinctTrials() {
    List<MeasureWaitGo.Trial> trials = task.trainingTrials();
    assertEquals(40, trials.size());
    assertEquals(40, new HashSet<>(trials).size());
    assertEquals(List.of(12, 14, 16, 18), trials.stream().map(MeasureWaitGo.Trial::interval).distinct().toList());
    assertEquals(10, trials.stream().map(MeasureWaitGo.Trial::measure).distinct().count());
  }

  @Test
  void pulsesOfTenAtMeasureWaitAndGo() {
    Trials t = task.trials(task.trainingTrials(), DataType.DOUBLE);
    assertEquals(List.of(40L, 3L, 110L), List.of(t.inputs().size(0), t.inputs().size(1), t.inputs().size(2)));
    for (int i = 0; i < 40; i++) {
      MeasureWaitGo.Trial trial = task.trainingTrials().get(i);
      int[] at = {trial.measure(), trial.measure() + trial.interval(), trial.measure() + trial.interval() + 15};
      for (int c = 0; c < 3; c++) {
        for (int s = 0; s < 110; s++) {
          assertEquals(s == at[c] ? 10.0 : 0.0, t.inputs().getDouble(i, c, s), "trial " + i + " channel " + c + " step " + s);
        }
      }
    }
  }

  @Test
  void rampRisesFromMinusHalfAtGoToHalfAfterTheInterval() {
    MeasureWaitGo.Trial trial = new MeasureWaitGo.Trial(13, 16);   // go at 13 + 16 + 15 = 44
    Trials t = task.trials(List.of(trial), DataType.DOUBLE);
    for (int s = 0; s < 110; s++) {
      double expected = s <= 44 ? -0.5 : s >= 60 ? 0.5 : -0.5 + (s - 44) / 16.0;
      assertEquals(expected, t.targets().getDouble(0, 0, s), 0.0, "step " + s);
    }
    assertEquals(44, t.timing().get(0).period("ramp").start());
    assertEquals(60, t.timing().get(0).period("hold").start());
  }

  @Test
  void extrapolationIntervalsFitInTheTrial() {
    MeasureWaitGo.Config c = MeasureWaitGo.Config.paper();
    Trials t = task.trials(task.grid(c.longerIntervals(), c.measureTimes()), DataType.FLOAT);
    assertEquals(40, t.batchSize());
    assertEquals(0.5, t.targets().getDouble(39, 0, 109), 0.0);   // measure 19, interval 26: the ramp ends at 86
    assertThrows(IllegalArgumentException.class, () -> new MeasureWaitGo.Config(80, 10, 15, 10, 19,
        List.of(12), List.of(), List.of(26), -0.5, 0.5));
  }

  @Test
  void theTargetsProducedIntervalIsFloorOfNineteenTwentiethsPlusOne() {
    for (int interval : List.of(4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26)) {
      MeasureWaitGo.Trial trial = new MeasureWaitGo.Trial(15, interval);
      double[] y = task.trials(List.of(trial), DataType.DOUBLE).targets().reshape(110).toDoubleVector();
      assertEquals(Math.floor(0.95 * interval) + 1, ProducedInterval.of(y, task.goPulse(trial)), 0.0, "I = " + interval);
    }
  }
}
