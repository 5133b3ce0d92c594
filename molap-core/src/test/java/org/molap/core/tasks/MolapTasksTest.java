package org.molap.core.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class MolapTasksTest {

  private static final List<String> REACH = List.of("fixation", "cos", "sin");
  private static final List<String> DM_IN = List.of("fixation", "stimulus");
  private static final List<String> VALUE = List.of("fixation", "value");
  private static final List<String> STREAMS = List.of("fixation", "stream1", "stream2");

  @Test
  void corpusHasTheNineTasksInPaperOrder() {
    List<String> expected = List.of("DelayPro", "DelayAnti", "MemPro", "MemAnti", "MemDm1", "MemDm2",
        "ContextMemDm1", "ContextMemDm2", "MultiMem");
    assertEquals(expected, MolapTasks.names());
    assertEquals(expected, MolapTasks.corpus(TaskConfig.defaults()).stream().map(Task::name).toList());
  }

  @Test
  void shapesAndChannelNamesPerTask() {
    Map<String, List<List<String>>> channels = Map.of(
        "DelayPro", List.of(REACH, REACH), "DelayAnti", List.of(REACH, REACH),
        "MemPro", List.of(REACH, REACH), "MemAnti", List.of(REACH, REACH),
        "MemDm1", List.of(DM_IN, VALUE), "MemDm2", List.of(DM_IN, VALUE),
        "ContextMemDm1", List.of(STREAMS, VALUE), "ContextMemDm2", List.of(STREAMS, VALUE),
        "MultiMem", List.of(STREAMS, VALUE));
    for (Task task : MolapTasks.corpus(TaskConfig.defaults())) {
      List<List<String>> io = channels.get(task.name());
      assertEquals(io.get(0), task.inputChannels(), task.name());
      assertEquals(io.get(1), task.outputChannels(), task.name());
      Trials t = task.sample(4, new Random(1));
      assertEquals(task.name(), t.task());
      assertEquals(io.get(0), t.inputChannels());
      assertEquals(io.get(1), t.outputChannels());
      assertArrayEquals(new long[] {4, io.get(0).size(), 110}, t.inputs().shape(), task.name());
      assertArrayEquals(new long[] {4, io.get(1).size(), 110}, t.targets().shape(), task.name());
      assertEquals(DataType.FLOAT, t.inputs().dataType());
      assertEquals(DataType.FLOAT, t.targets().dataType());
      assertEquals(4, t.batchSize());
      assertEquals(110, t.steps());
    }
  }

  @Test
  void channelsSideBySideGive25InputsAnd22Outputs() {
    List<Task> corpus = MolapTasks.corpus(TaskConfig.defaults());
    assertEquals(25, corpus.stream().mapToInt(t -> t.inputChannels().size()).sum());
    assertEquals(22, corpus.stream().mapToInt(t -> t.outputChannels().size()).sum());
  }

  @Test
  void doubleTypeOnRequest() {
    Trials t = MolapTasks.byName("MultiMem", TaskConfig.defaults()).sample(2, new Random(3), DataType.DOUBLE);
    assertEquals(DataType.DOUBLE, t.inputs().dataType());
    assertEquals(DataType.DOUBLE, t.targets().dataType());
    assertThrows(IllegalArgumentException.class,
        () -> MolapTasks.byName("T1").sample(2, new Random(3), DataType.INT));
  }

  @Test
  void sameSeedSameTrialsDifferentSeedDifferentTrials() {
    for (Task task : MolapTasks.corpus(TaskConfig.defaults())) {
      Trials a = task.sample(8, new Random(42));
      Trials b = task.sample(8, new Random(42));
      Trials c = task.sample(8, new Random(43));
      assertEquals(a.inputs(), b.inputs(), task.name());
      assertEquals(a.targets(), b.targets(), task.name());
      assertEquals(a.inputs(), task.sample(8, 42L).inputs(), task.name());
      assertNotEquals(a.inputs(), c.inputs(), task.name());
      assertNotEquals(a.targets(), c.targets(), task.name());
    }
  }

  @Test
  void byNameIgnoresCaseAndAcceptsTaskNumbers() {
    TaskConfig cfg = TaskConfig.defaults();
    assertEquals("DelayPro", MolapTasks.byName("delaypro", cfg).name());
    assertEquals("MemDm1", MolapTasks.byName("t5", cfg).name());
    assertEquals("MultiMem", MolapTasks.byName("T9", cfg).name());
    assertEquals("ContextMemDm2", MolapTasks.byName("Context Mem Dm 2", cfg).name());
    for (int i = 0; i < 9; i++) {
      assertEquals(MolapTasks.names().get(i), MolapTasks.byName("T" + (i + 1), cfg).name());
    }
  }

  @Test
  void unknownNameGivesOneSentenceListingTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MolapTasks.byName("DelayGo", TaskConfig.defaults()));
    assertEquals("Unknown task 'DelayGo': use one of DelayPro, DelayAnti, MemPro, MemAnti, MemDm1, MemDm2, "
        + "ContextMemDm1, ContextMemDm2, MultiMem or T1 to T9.", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MolapTasks.byName("T10"));
    assertThrows(IllegalArgumentException.class, () -> MolapTasks.byName("T0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MolapTasks.byName(null))
        .getMessage().startsWith("Unknown task"));
  }

  /** The periods the figures shade as stimulus: every stimulus input is 0 outside them, and each is used by some trial. */
  @Test
  void stimulusPeriodsCoverEveryStimulusStep() {
    TaskConfig cfg = TaskConfig.defaults().withInputNoiseStd(0);
    for (Task task : MolapTasks.corpus(cfg)) {
      Map<String, Period> periods = ((PeriodTask) task).stimulusPeriods();
      assertFalse(periods.isEmpty(), task.name());
      Trials trials = task.sample(200, new Random(5), DataType.DOUBLE);
      boolean[] used = new boolean[trials.steps()];
      for (int c = 1; c < task.inputChannels().size(); c++) {
        for (int b = 0; b < trials.batchSize(); b++) {
          for (int t = 0; t < trials.steps(); t++) {
            if (trials.inputs().getDouble(b, c, t) != 0) {
              final int step = t;
              assertTrue(periods.values().stream().anyMatch(p -> p.contains(step)),
                  task.name() + ": stimulus input at step " + t + " outside " + periods);
              used[t] = true;
            }
          }
        }
      }
      for (Map.Entry<String, Period> p : periods.entrySet()) {
        assertTrue(used[p.getValue().start()], task.name() + ": nothing at the start of " + p.getKey());
        assertTrue(used[p.getValue().end() - 1], task.name() + ": nothing at the end of " + p.getKey());
      }
    }
  }
}
