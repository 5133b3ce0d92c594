package org.molap.core.tasks;

import java.util.Random;

/** The grid of stimulus angles (REFERENCE.md section 1: 36 values, 0..350 degrees in steps of 10). */
public final class AngleGrid {

  private final double[] radians;

  public AngleGrid(TaskConfig config) {
    int n = config.angleCount();
    double step = n == 1 ? 0 : (config.angleMaxDeg() - config.angleMinDeg()) / (n - 1);
    radians = new double[n];
    for (int i = 0; i < n; i++) {
      radians[i] = Math.toRadians(config.angleMinDeg() + i * step);
    }
  }

  /** One grid angle in radians, uniformly, from one {@code rng.nextInt(size())}. */
  public double sample(Random rng) {
    return radians[rng.nextInt(radians.length)];
  }

  /** The i-th grid angle in radians. */
  public double radians(int i) {
    return radians[i];
  }

  public int size() {
    return radians.length;
  }
}
