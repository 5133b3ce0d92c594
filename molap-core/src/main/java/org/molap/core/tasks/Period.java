package org.molap.core.tasks;

/** A half-open range of time steps {@code [start, end)} inside one trial. */
public record Period(int start, int end) {

  public Period {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("A period needs 0 <= start <= end, got [" + start + ", " + end + ").");
    }
  }

  /** Steps {@code [start, end)}. */
  public static Period steps(int start, int end) {
    return new Period(start, end);
  }

  /** Number of steps. */
  public int length() {
    return end - start;
  }

  /** True when step {@code t} lies in the period. */
  public boolean contains(int t) {
    return t >= start && t < end;
  }
}
