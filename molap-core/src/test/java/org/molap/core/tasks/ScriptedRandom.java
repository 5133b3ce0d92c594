package org.molap.core.tasks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/** A Random whose nextInt(bound) returns scripted values, to hand-check trials with chosen angles. */
final class ScriptedRandom extends Random {
  private final Deque<Integer> ints = new ArrayDeque<>();

  ScriptedRandom(int... values) {
    for (int v : values) {
      ints.add(v);
    }
  }

  @Override
  public int nextInt(int bound) {
    int v = ints.remove();
    if (v < 0 || v >= bound) {
      throw new IllegalStateException("scripted " + v + " outside [0, " + bound + ")");
    }
    return v;
  }

  boolean exhausted() {
    return ints.isEmpty();
  }
}
