package org.molap.core.tasks.nm;

/**
 * The four Delay/Memory Pro/Anti tasks of seed 003's multitask experiment (supplement C.2, after Duncker et al.
 * 2020), with their timing laws in normalised units (the authors' {@code sample_delay_pro} and siblings): the
 * stimulus comes on after U(0.3, 0.7); a Memory task's stimulus lasts U(0.2, 1.6) and a memory delay U(0.2, 1.6)
 * follows; a Delay task's fixation lasts U(0.2, 1.5) past the stimulus onset, the stimulus staying on to the end;
 * the response lasts U(0.3, 0.7). The whole trial is then rescaled to fill the trial's steps.
 */
public enum ProAnti {
  DELAY_PRO("DelayPro", false, false),
  DELAY_ANTI("DelayAnti", false, true),
  MEMORY_PRO("MemoryPro", true, false),
  MEMORY_ANTI("MemoryAnti", true, true);

  private final String label;
  private final boolean memory;
  private final boolean anti;

  ProAnti(String label, boolean memory, boolean anti) {
    this.label = label;
    this.memory = memory;
    this.anti = anti;
  }

  /** The paper's name, e.g. "MemoryAnti". */
  public String label() {
    return label;
  }

  /** True when the stimulus goes off before the go cue and must be held in memory. */
  public boolean memory() {
    return memory;
  }

  /** True when the response points away from the stimulus (theta + pi). */
  public boolean anti() {
    return anti;
  }

  /** The task called {@code label} (case-insensitive), or one sentence naming the four. */
  public static ProAnti of(String label) {
    for (ProAnti p : values()) {
      if (p.label.equalsIgnoreCase(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown Pro/Anti task '" + label
        + "': the tasks are DelayPro, DelayAnti, MemoryPro and MemoryAnti.");
  }

  @Override
  public String toString() {
    return label;
  }
}
