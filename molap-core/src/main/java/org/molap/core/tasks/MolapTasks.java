package org.molap.core.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The MoLaP corpus: the nine tasks T1..T9 of seed paper 000, appendix A.1, in the paper's order. */
public final class MolapTasks {

  private static final Map<String, Function<TaskConfig, Task>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("DelayPro", ReachTask::delayPro);
    FACTORIES.put("DelayAnti", ReachTask::delayAnti);
    FACTORIES.put("MemPro", ReachTask::memPro);
    FACTORIES.put("MemAnti", ReachTask::memAnti);
    FACTORIES.put("MemDm1", MemDmTask::dm1);
    FACTORIES.put("MemDm2", MemDmTask::dm2);
    FACTORIES.put("ContextMemDm1", ContextMemDmTask::attendStream1);
    FACTORIES.put("ContextMemDm2", ContextMemDmTask::attendStream2);
    FACTORIES.put("MultiMem", MultiMemTask::new);
  }

  private static final List<String> NAMES = List.copyOf(FACTORIES.keySet());

  private MolapTasks() {
  }

  /** The nine task names, T1..T9 in order. */
  public static List<String> names() {
    return NAMES;
  }

  /** The nine tasks, T1..T9 in order. */
  public static List<Task> corpus(TaskConfig cfg) {
    return NAMES.stream().map(n -> FACTORIES.get(n).apply(cfg)).toList();
  }

  /** The nine tasks with the paper's configuration. */
  public static List<Task> corpus() {
    return corpus(TaskConfig.defaults());
  }

  /**
   * A task by name, ignoring case, spaces, '_' and '-' ("MemDm1", "mem dm 1"), or by its number "T1".."T9".
   *
   * @throws IllegalArgumentException for an unknown name, with a message listing the valid names
   */
  public static Task byName(String name, TaskConfig cfg) {
    String key = name == null ? "" : name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    for (int i = 0; i < NAMES.size(); i++) {
      if (key.equals(NAMES.get(i).toLowerCase(Locale.ROOT)) || key.equals("t" + (i + 1))) {
        return FACTORIES.get(NAMES.get(i)).apply(cfg);
      }
    }
    throw new IllegalArgumentException("Unknown task '" + name + "': use one of "
        + String.join(", ", NAMES) + " or T1 to T9.");
  }

  /** A task by name with the paper's configuration. */
  public static Task byName(String name) {
    return byName(name, TaskConfig.defaults());
  }
}
