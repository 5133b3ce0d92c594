package org.molap.core.theory;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The semilinear LSTM of seed 003, appendix A, Eqs. 4-6 (sigmoid forget and input gates, linear candidate and
 * linear output gate), with a linear readout, run on the inputs u'_t = [u_t; u_{t-1}]:
 * <pre>
 *   f = sigmoid(W_f v + b_f),  i = sigmoid(W_i v + b_i),  c~ = W_c v + b_c,  o = W_o v + b_o,   v = [h_{t-1}; u_t; u_{t-1}]
 *   c_t = f . c_{t-1} + i . c~,   h_t = o . c_t,   y'_t = C' h_t + d'
 * </pre>
 * and Proposition 1's construction of one that reproduces a {@link LinearizedNmRnn}.
 */
public record SemilinearLstm(INDArray wF, INDArray bF, INDArray wI, INDArray bI, INDArray wC, INDArray bC,
                             INDArray wO, INDArray bO, INDArray readout, INDArray readoutBias, INDArray h0, INDArray c0,
                             long nonTrivialParameters) {

  /** Which reading of Proposition 1's construction to build. */
  public enum Construction {
    /** The construction with both errata corrected: W_zh carries 2/tau_z, and b_o = [1/2; 0; 0]. */
    CORRECTED,
    /** As printed, W_zh = [B_zx R / tau_z | I | 0]: wrong because h_t carries w_{t-1} / 2, not w_{t-1}. */
    PRINTED_W_ZH,
    /** As printed, b_o = 0: then o_t's first K entries are 0 instead of the 1/2 the proof uses, and h_t loses w. */
    PRINTED_B_O
  }

  /** Large forget-gate bias that makes sigmoid 1 in double precision (sigmoid(40) = 1 - 4e-18). */
  public static final double SATURATING_BIAS = 40;

  /** Hidden (and cell) size. */
  public int size() {
    return (int) h0.length();
  }

  /**
   * Proposition 1: a semilinear LSTM of hidden size K + M + P whose states satisfy, for every t >= 0,
   * z_t = W_zh h_t, w_{t-1} = 2 h_t[0:K], y_{t-1} = C' h_t + d (t >= 1), c_t[K:] = 1.
   */
  public static SemilinearLstm of(LinearizedNmRnn nm, Construction construction) {
    int k = nm.rank();
    int m = nm.nmUnits();
    int p = nm.inputs();
    int n = nm.units();
    int h = k + m + p;
    int v = h + 2 * p;
    INDArray rt = nm.r().transpose();
    INDArray perp = Nd4j.eye(n).castTo(DataType.DOUBLE).sub(nm.r().mmul(rt).div(n));      // I - R R' / N
    INDArray wZh = hiddenToZ(nm, construction);

    INDArray wF = Nd4j.zeros(DataType.DOUBLE, h, v);
    put(wF, 0, 0, nm.aZ().mmul(wZh));                                                         // f[0:K] = s_{t-1}
    INDArray bF = Nd4j.zeros(DataType.DOUBLE, h, 1).addi(SATURATING_BIAS);                    // f[K:] = 1
    put(bF, 0, 0, nm.bias().reshape(k, 1));

    INDArray wC = Nd4j.zeros(DataType.DOUBLE, h, v);
    put(wC, 0, h + p, rt.mmul(nm.bX()).mul(2.0 / n));                                         // c~[0:K] = (2/N) R' B_x u_{t-1}

    INDArray wO = Nd4j.zeros(DataType.DOUBLE, h, v);
    put(wO, k, 0, nm.zTransition().mmul(wZh));
    put(wO, k, h, nm.bZ().div(nm.tauZ()));
    put(wO, k, h + p, nm.bZx().mmul(perp).mmul(nm.bX()).div(nm.tauZ()));
    put(wO, k + m, h + p, Nd4j.eye(p).castTo(DataType.DOUBLE));                              // o[K+M:] = u_{t-1}
    INDArray bO = Nd4j.zeros(DataType.DOUBLE, h, 1);
    if (construction != Construction.PRINTED_B_O) {
      bO.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).assign(0.5);
    }

    INDArray readout = Nd4j.zeros(DataType.DOUBLE, nm.outputs(), h);
    put(readout, 0, 0, nm.c().mmul(nm.r()).mul(2));
    put(readout, 0, k + m, nm.c().mmul(perp).mmul(nm.bX()));

    INDArray h0 = Nd4j.zeros(DataType.DOUBLE, h, 1);
    put(h0, k, 0, nm.z0().reshape(m, 1));
    INDArray c0 = Nd4j.ones(DataType.DOUBLE, h, 1);
    c0.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).assign(0);

    // The proof's count (f: (K+1)(K+M+P); i: 0; c~: PK; o: M(K+M+3P) + P; readout O(K+1+P)), plus the K entries
    // of the corrected b_o.
    long count = (long) (k + 1) * h + (long) p * k + (long) m * v + p + (long) nm.outputs() * (k + 1 + p)
        + (construction == Construction.PRINTED_B_O ? 0 : k);
    return new SemilinearLstm(wF, bF, Nd4j.zeros(DataType.DOUBLE, h, v), Nd4j.zeros(DataType.DOUBLE, h, 1), wC,
        Nd4j.zeros(DataType.DOUBLE, h, 1), wO, bO, readout, nm.d().reshape(nm.outputs(), 1).dup(), h0, c0, count);
  }

  /** W_zh, the map from h_t to z_t: [(2/tau_z) B_zx R | I_M | 0] (the proof prints 1/tau_z). */
  public static INDArray hiddenToZ(LinearizedNmRnn nm, Construction construction) {
    int k = nm.rank();
    int m = nm.nmUnits();
    INDArray wZh = Nd4j.zeros(DataType.DOUBLE, m, k + m + nm.inputs());
    double factor = construction == Construction.PRINTED_W_ZH ? 1 : 2;
    put(wZh, 0, 0, nm.bZx().mmul(nm.r()).mul(factor / nm.tauZ()));
    put(wZh, 0, k, Nd4j.eye(m).castTo(DataType.DOUBLE));
    return wZh;
  }

  /** What a run went through, one row per step: hidden states, cell states, readouts. */
  public record Trajectory(INDArray h, INDArray c, INDArray y) {
  }

  /** Runs u [T, P] with u_{-1} = 0. */
  public Trajectory run(INDArray u) {
    int steps = (int) u.size(0);
    int p = (int) u.size(1);
    INDArray hs = Nd4j.zeros(DataType.DOUBLE, steps, size());
    INDArray cs = Nd4j.zeros(DataType.DOUBLE, steps, size());
    INDArray ys = Nd4j.zeros(DataType.DOUBLE, steps, readout.size(0));
    INDArray hPrev = h0.dup();
    INDArray cPrev = c0.dup();
    INDArray uPrev = Nd4j.zeros(DataType.DOUBLE, p, 1);
    for (int t = 0; t < steps; t++) {
      INDArray ut = u.getRow(t).reshape(p, 1);
      INDArray in = Nd4j.vstack(hPrev, ut, uPrev);
      INDArray f = Transforms.sigmoid(wF.mmul(in).add(bF), true);
      INDArray i = Transforms.sigmoid(wI.mmul(in).add(bI), true);
      INDArray candidate = wC.mmul(in).add(bC);
      INDArray o = wO.mmul(in).add(bO);
      INDArray c = f.mul(cPrev).add(i.mul(candidate));
      INDArray h = o.mul(c);
      hs.putRow(t, h.reshape(size()));
      cs.putRow(t, c.reshape(size()));
      ys.putRow(t, readout.mmul(h).add(readoutBias).reshape(readout.size(0)));
      hPrev = h;
      cPrev = c;
      uPrev = ut;
    }
    return new Trajectory(hs, cs, ys);
  }

  private static void put(INDArray target, int row, int col, INDArray block) {
    target.get(NDArrayIndex.interval(row, row + block.size(0)), NDArrayIndex.interval(col, col + block.size(1)))
        .assign(block);
  }
}
