package org.molap.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.molap.core.theory.SemilinearLstm.Construction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Seed 003, Proposition 1: a semilinear LSTM of hidden size K + M + P reproduces a linearized NM-RNN's z_t, its
 * low-rank state w_t and its outputs (one step behind), to machine precision in double, with the two errata of the
 * printed construction corrected; each erratum alone breaks it. The feedback B_zx is non-zero, or the W_zh erratum
 * would be invisible.
 */
class PropositionOneTest {

  private static final int N = 40;
  private static final int K = 3;
  private static final int M = 4;
  private static final int P = 2;
  private static final int O = 2;
  private static final int T = 60;

  private static INDArray normal(Random rng, double scale, int rows, int cols) {
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = scale * rng.nextGaussian();
    }
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }

  /** R = sqrt(N) times an orthonormal N x K basis (modified Gram-Schmidt), so (1/N) R'R = I. */
  private static INDArray scaledOrthonormal(Random rng) {
    INDArray q = normal(rng, 1, N, K);
    for (int j = 0; j < K; j++) {
      INDArray col = q.getColumn(j);
      for (int i = 0; i < j; i++) {
        INDArray prev = q.getColumn(i);
        col.subi(prev.mul(prev.mul(col).sumNumber().doubleValue()));
      }
      col.divi(col.norm2Number().doubleValue());
    }
    return q.mul(Math.sqrt(N));
  }

  private static LinearizedNmRnn network(long seed) {
    Random rng = new Random(seed);
    return new LinearizedNmRnn(scaledOrthonormal(rng), normal(rng, 0.5, N, P), normal(rng, 0.4 / Math.sqrt(M), M, M),
        normal(rng, 0.3 / Math.sqrt(N), M, N), normal(rng, 1, M, P), normal(rng, 1, K, M), normal(rng, 0.5, K, 1),
        normal(rng, 1 / Math.sqrt(N), O, N), normal(rng, 0.5, O, 1), 5, normal(rng, 0.5, M, 1));
  }

  /** Max errors of the three identities and of c_t[K:] = 1: {z, w, y, cell}. */
  private static double[] errors(LinearizedNmRnn nm, Construction construction) {
    INDArray u = normal(new Random(11), 1, T, P);
    LinearizedNmRnn.Trajectory net = nm.run(u);
    SemilinearLstm lstm = SemilinearLstm.of(nm, construction);
    SemilinearLstm.Trajectory run = lstm.run(u);
    INDArray wZh = SemilinearLstm.hiddenToZ(nm, construction);
    double z = 0;
    double w = 0;
    double y = 0;
    double cell = 0;
    for (int t = 0; t < T; t++) {
      INDArray h = run.h().getRow(t).reshape(lstm.size(), 1);
      z = Math.max(z, wZh.mmul(h).reshape(M).sub(net.z().getRow(t)).amaxNumber().doubleValue());
      INDArray wBefore = t == 0 ? Nd4j.zeros(DataType.DOUBLE, K) : net.w().getRow(t - 1);
      w = Math.max(w, h.get(NDArrayIndex.interval(0, K), NDArrayIndex.all()).reshape(K).mul(2).sub(wBefore)
          .amaxNumber().doubleValue());
      if (t >= 1) {
        y = Math.max(y, run.y().getRow(t).sub(net.y().getRow(t - 1)).amaxNumber().doubleValue());
      }
      cell = Math.max(cell, run.c().getRow(t).get(NDArrayIndex.interval(K, lstm.size())).sub(1).amaxNumber().doubleValue());
    }
    return new double[] {z, w, y, cell};
  }

  @Test
  void correctedConstructionReproducesTheNetworkToMachinePrecision() {
    for (long seed = 1; seed <= 3; seed++) {
      double[] e = errors(network(seed), Construction.CORRECTED);
      System.out.printf("Proposition 1, seed %d: max errors z %.1e, w %.1e, y %.1e, c[K:] %.1e%n", seed, e[0], e[1], e[2], e[3]);
      for (int i = 0; i < e.length; i++) {
        assertTrue(e[i] < 1e-10, "seed " + seed + ", identity " + i + ": max error " + e[i]);
      }
    }
  }

  @Test
  void eachPrintedErratumAloneBreaksIt() {
    double[] wZh = errors(network(1), Construction.PRINTED_W_ZH);
    assertTrue(wZh[0] > 1e-3 && wZh[2] > 1e-3, "printed W_zh: z error " + wZh[0] + ", y error " + wZh[2]);
    double[] bO = errors(network(1), Construction.PRINTED_B_O);
    System.out.printf("Printed W_zh: z error %.2e, y error %.2e; printed b_o = 0: w error %.2f, y error %.2f%n",
        wZh[0], wZh[2], bO[1], bO[2]);
    assertTrue(bO[1] > 1e-3 && bO[2] > 1e-3, "printed b_o = 0: w error " + bO[1] + ", y error " + bO[2]);
  }

  @Test
  void sizesAndParameterCount() {
    SemilinearLstm lstm = SemilinearLstm.of(network(1), Construction.CORRECTED);
    assertEquals(K + M + P, lstm.size());
    assertEquals(K + M + 3 * P, lstm.wF().size(1), "gates read [h; u_t; u_{t-1}]: inputs of size 2P");
    long expected = (long) (K + 1) * (K + M + P) + P * K + M * (K + M + 3 * P) + P + O * (K + 1 + P) + K;
    assertEquals(expected, lstm.nonTrivialParameters());
    // Every entry outside the construction's blocks is zero (the count is an upper bound of the non-zeros).
    long nonZero = 0;
    for (INDArray a : new INDArray[] {lstm.wF(), lstm.bF(), lstm.wI(), lstm.bI(), lstm.wC(), lstm.bC(), lstm.wO(),
        lstm.bO(), lstm.readout(), lstm.readoutBias()}) {
      nonZero += a.neq(0).castTo(DataType.INT).sumNumber().longValue();
    }
    assertTrue(nonZero <= expected, nonZero + " non-zero entries, " + expected + " counted");
  }
}
