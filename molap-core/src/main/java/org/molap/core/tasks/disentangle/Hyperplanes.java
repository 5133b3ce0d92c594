package org.molap.core.tasks.disentangle;

import java.util.Arrays;
import java.util.Random;

/**
 * The N_task decision boundaries of seed 002: hyperplanes through the origin of the D-dimensional stimulus space,
 * given by their normals; task i's label is 1 when s . n_i > 0.
 */
public final class Hyperplanes {
  private final double[][] normals;

  private Hyperplanes(double[][] normals) {
    this.normals = normals;
  }

  /**
   * D = 2 (seed 002 Fig. 1b; the authors' tasks.py): lines at angles phi_i = (i + 1/2) pi / N_task, task i's label
   * 1[s_2 > tan(phi_i) s_1], written as the normal (-sin phi_i, cos phi_i) / cos phi_i made unit, which keeps the
   * sign of the comparison for every angle.
   */
  public static Hyperplanes evenlySpaced(int tasks) {
    requirePositive(tasks);
    double[][] n = new double[tasks][];
    for (int i = 0; i < tasks; i++) {
      double phi = (i + 0.5) * Math.PI / tasks;
      n[i] = unit(new double[] {-Math.tan(phi), 1});
    }
    return new Hyperplanes(n);
  }

  /** D > 2 (Fig. 1g): N_task unit normals with N(0, I_D) directions, drawn from rng. */
  public static Hyperplanes random(int tasks, int dims, Random rng) {
    requirePositive(tasks);
    if (dims < 1) {
      throw new IllegalArgumentException("The stimulus needs at least one dimension, got " + dims + ".");
    }
    double[][] n = new double[tasks][dims];
    for (double[] row : n) {
      for (int d = 0; d < dims; d++) {
        row[d] = rng.nextGaussian();
      }
      unit(row);
    }
    return new Hyperplanes(n);
  }

  /** The boundaries of these normals (rows; for instance read back from a run directory). */
  public static Hyperplanes of(double[][] normals) {
    requirePositive(normals.length);
    double[][] copy = new double[normals.length][];
    for (int i = 0; i < normals.length; i++) {
      if (normals[i].length != normals[0].length) {
        throw new IllegalArgumentException("Every normal needs " + normals[0].length + " entries, normal " + i + " has "
            + normals[i].length + ".");
      }
      copy[i] = normals[i].clone();
    }
    return new Hyperplanes(copy);
  }

  /** The convention of seed 002: evenly spaced lines for D = 2, random normals for D > 2. */
  public static Hyperplanes forTasks(int tasks, int dims, Random rng) {
    return dims == 2 ? evenlySpaced(tasks) : random(tasks, dims, rng);
  }

  public int tasks() {
    return normals.length;
  }

  public int dims() {
    return normals[0].length;
  }

  /** The unit normals, one row per task (a copy). */
  public double[][] normals() {
    return Arrays.stream(normals).map(double[]::clone).toArray(double[][]::new);
  }

  /** Task i's label of the stimulus s: s . n_i > 0. */
  public boolean label(int task, double[] s) {
    double dot = 0;
    for (int d = 0; d < s.length; d++) {
      dot += s[d] * normals[task][d];
    }
    return dot > 0;
  }

  private static double[] unit(double[] v) {
    double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return v;
  }

  private static void requirePositive(int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("There must be at least one task, got " + tasks + ".");
    }
  }
}
