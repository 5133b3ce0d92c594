package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RuleCuedTaskTest {
  private final List<Task> corpus = MolapTasks.corpus(TaskConfig.defaults());
  private final List<RuleCuedTask> shared = RuleCuedTask.layout(corpus, TaskConfig.defaults().silentSteps());

  @Test
  void everyTaskGetsTheSameWidthAndItsOwnRule() {
    for (RuleCuedTask t : shared) {
      assertEquals(3 + 9, t.inputChannels().size(), t.name());
      assertEquals(3, t.outputChannels().size(), t.name());
    }
    RuleCuedTask memDm1 = shared.get(MolapTasks.names().indexOf("MemDm1"));
    assertArrayEquals(new int[] {0, 1}, memDm1.scoredOutputs());
    assertEquals("rule_MemDm1", memDm1.inputChannels().get(3 + MolapTasks.names().indexOf("MemDm1")));
  }

  @Test
  void theTaskChannelsAreCopiedThePaddingIsZeroAndTheRuleIsOnAfterTheSilentSteps() {
    int k = MolapTasks.names().indexOf("MemDm2");
    Trials own = corpus.get(k).sample(5, new Random(7), DataType.DOUBLE);
    Trials cued = shared.get(k).sample(5, new Random(7), DataType.DOUBLE);
    INDArray in = cued.inputs();
    assertEquals(own.inputs(), in.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2), NDArrayIndex.all()));
    assertEquals(0.0, in.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all()).amaxNumber().doubleValue());
    int silent = TaskConfig.defaults().silentSteps();
    for (int r = 0; r < 9; r++) {
      INDArray rule = in.get(NDArrayIndex.all(), NDArrayIndex.point(3 + r), NDArrayIndex.all());
      double expectedSum = r == k ? 5.0 * (cued.steps() - silent) : 0.0;
      assertEquals(expectedSum, rule.sumNumber().doubleValue(), 0.0, "rule " + r);
      assertEquals(0.0, rule.get(NDArrayIndex.all(), NDArrayIndex.interval(0, silent)).amaxNumber().doubleValue());
    }
    assertEquals(own.targets(), cued.targets().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2), NDArrayIndex.all()));
    assertEquals(0.0, cued.targets().get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all()).amaxNumber().doubleValue());
  }

  @Test
  void aTaskOutsideTheRulesIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new RuleCuedTask(corpus.get(0), List.of("MemPro"), 3, 3, 10));
  }
}
