package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TimelineAndNoiseTest {

  private static final TaskConfig CLEAN = TaskConfig.defaults().withInputNoiseStd(0);

  @Test
  void fixationInputAndTargetAroundSilentEndAndGoCue() {
    for (Task task : MolapTasks.corpus(CLEAN)) {
      Trials t = task.sample(3, new Random(5));
      for (int b = 0; b < 3; b++) {
        for (INDArray a : new INDArray[] {t.inputs(), t.targets()}) {
          assertEquals(0.0, a.getDouble(b, 0, 0), task.name());
          assertEquals(0.0, a.getDouble(b, 0, 9), task.name());
          assertEquals(1.0, a.getDouble(b, 0, 10), task.name());
          assertEquals(1.0, a.getDouble(b, 0, 84), task.name());
          assertEquals(0.0, a.getDouble(b, 0, 85), task.name());
          assertEquals(0.0, a.getDouble(b, 0, 109), task.name());
        }
      }
      // Silent steps: every input and every target is 0 without noise.
      INDArray silentIn = t.inputs().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
      INDArray silentOut = t.targets().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
      assertEquals(0.0, silentIn.norm1Number().doubleValue(), task.name());
      assertEquals(0.0, silentOut.norm1Number().doubleValue(), task.name());
    }
  }

  @Test
  void noiseStdOnSilentStepsIsAbout002() {
    Trials t = MolapTasks.byName("DelayPro", TaskConfig.defaults()).sample(200, new Random(11), DataType.DOUBLE);
    INDArray silent = t.inputs().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
    // 6000 samples: the std estimate has a standard error of about 0.0002.
    assertEquals(0.02, silent.stdNumber().doubleValue(), 0.001);
    assertEquals(0.0, silent.meanNumber().doubleValue(), 0.001);
  }

  @Test
  void noiseIsOnEveryInputStepAndNeverOnTargets() {
    for (Task task : MolapTasks.corpus(TaskConfig.defaults())) {
      Trials noisy = task.sample(50, new Random(21), DataType.DOUBLE);
      Trials clean = MolapTasks.byName(task.name(), CLEAN).sample(50, new Random(21), DataType.DOUBLE);
      assertEquals(clean.targets(), noisy.targets(), task.name());
      INDArray residual = noisy.inputs().sub(clean.inputs());
      assertEquals(0.02, residual.stdNumber().doubleValue(), 0.001, task.name());
      // Every single entry is perturbed (a zero residual would mean a skipped step or channel).
      assertEquals(0, residual.eq(0.0).castTo(DataType.INT).sumNumber().intValue(), task.name());
    }
  }
}
