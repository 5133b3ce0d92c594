package org.molap.core.tasks.disentangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The 2^D orthants of the stimulus cube [-1/2, 1/2]^D, numbered as itertools.product([-1/2, 1/2], repeat = D)
 * lists their corners (the first coordinate varies slowest, the negative side first), and the out-of-distribution
 * folds of seed 002: fold q holds out the orthants whose index is q mod 4 (the authors' generalize.py with
 * split = 4; for D = 2 one quadrant per fold).
 */
public final class Orthants {
  /** Number of out-of-distribution folds. */
  public static final int FOLDS = 4;

  private Orthants() {
  }

  /** Number of orthants of a D-dimensional stimulus. */
  public static int count(int dims) {
    if (dims < 1 || dims > 20) {
      throw new IllegalArgumentException("Orthants are counted for 1 to 20 dimensions, got " + dims + ".");
    }
    return 1 << dims;
  }

  /** Sign (-1 or +1) of coordinate d in orthant k. */
  public static int sign(int orthant, int d, int dims) {
    return ((orthant >> (dims - 1 - d)) & 1) == 1 ? 1 : -1;
  }

  /** The orthant of s (a coordinate at exactly 0 counts as positive). */
  public static int of(double[] s) {
    int k = 0;
    for (double x : s) {
      k = 2 * k + (x >= 0 ? 1 : 0);
    }
    return k;
  }

  /** The orthants fold q holds out: index = q mod 4. */
  public static List<Integer> heldOut(int fold, int dims) {
    return select(fold, dims, true);
  }

  /** The orthants fold q trains on: every other one. */
  public static List<Integer> kept(int fold, int dims) {
    return select(fold, dims, false);
  }

  /** Every orthant. */
  public static List<Integer> all(int dims) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < count(dims); k++) {
      out.add(k);
    }
    return out;
  }

  /** A stimulus uniform in one of these orthants, the orthant itself uniform among them (the authors' DenoiseQuads). */
  public static double[] sample(List<Integer> orthants, int dims, Random rng) {
    if (orthants.isEmpty()) {
      throw new IllegalArgumentException("A stimulus needs at least one orthant to lie in.");
    }
    int k = orthants.get(rng.nextInt(orthants.size()));
    double[] s = new double[dims];
    for (int d = 0; d < dims; d++) {
      s[d] = 0.5 * rng.nextDouble() * sign(k, d, dims);
    }
    return s;
  }

  /** Quadrant names for D = 2 ("(-, +)"), orthant indices otherwise. */
  public static String name(int orthant, int dims) {
    StringBuilder b = new StringBuilder("(");
    for (int d = 0; d < dims; d++) {
      b.append(d == 0 ? "" : ", ").append(sign(orthant, d, dims) > 0 ? '+' : '-');
    }
    return b.append(')').toString();
  }

  private static List<Integer> select(int fold, int dims, boolean held) {
    if (fold < 0 || fold >= FOLDS) {
      throw new IllegalArgumentException("Folds are numbered 0 to " + (FOLDS - 1) + ", got " + fold + ".");
    }
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < count(dims); k++) {
      if ((k % FOLDS == fold) == held) {
        out.add(k);
      }
    }
    return out;
  }
}
