package org.molap.core.theory;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The linearized NM-RNN of seed 003, appendix A, Eqs. 1-3, with L = R (Proposition 1's setting), tau_x = 1, identity
 * transfer functions, the 1/N factor, and the feedback B_zx from x to z:
 * <pre>
 *   z_t = ((1 - 1/tau_z) I + W_z / tau_z) z_{t-1} + (B_zx x_{t-1} + B_z u_t) / tau_z
 *   s_t = sigmoid(A_z z_t + b_z)
 *   x_t = (1/N) R diag(s_t) R' x_{t-1} + B_x u_t
 *   y_t = C x_t + d
 * </pre>
 * from x_{-1} = 0 and z_{-1} = z0. Column vectors; all arrays DOUBLE.
 */
public record LinearizedNmRnn(INDArray r, INDArray bX, INDArray wZ, INDArray bZx, INDArray bZ, INDArray aZ,
                              INDArray bias, INDArray c, INDArray d, double tauZ, INDArray z0) {

  /** What a run of T steps went through, one row per step. */
  public record Trajectory(INDArray x, INDArray z, INDArray s, INDArray w, INDArray y) {
  }

  public int units() {
    return (int) r.size(0);
  }

  public int rank() {
    return (int) r.size(1);
  }

  public int nmUnits() {
    return (int) wZ.size(0);
  }

  public int inputs() {
    return (int) bX.size(1);
  }

  public int outputs() {
    return (int) c.size(0);
  }

  /** (1 - 1/tau_z) I + W_z / tau_z, the z-to-z map of one step. */
  public INDArray zTransition() {
    return Nd4j.eye(nmUnits()).castTo(DataType.DOUBLE).mul(1 - 1 / tauZ).add(wZ.div(tauZ));
  }

  /** Runs the inputs u [T, P]; w_t = (1/N) R' x_t is the K-dimensional low-rank state. */
  public Trajectory run(INDArray u) {
    int steps = (int) u.size(0);
    int n = units();
    INDArray xs = Nd4j.zeros(DataType.DOUBLE, steps, n);
    INDArray zs = Nd4j.zeros(DataType.DOUBLE, steps, nmUnits());
    INDArray ss = Nd4j.zeros(DataType.DOUBLE, steps, rank());
    INDArray ws = Nd4j.zeros(DataType.DOUBLE, steps, rank());
    INDArray ys = Nd4j.zeros(DataType.DOUBLE, steps, outputs());
    INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 1);
    INDArray z = z0.reshape(nmUnits(), 1).dup();
    INDArray zMap = zTransition();
    for (int t = 0; t < steps; t++) {
      INDArray ut = u.getRow(t).reshape(inputs(), 1);
      z = zMap.mmul(z).add(bZx.mmul(x).add(bZ.mmul(ut)).div(tauZ));
      INDArray s = Transforms.sigmoid(aZ.mmul(z).add(bias.reshape(rank(), 1)), true);
      x = r.mmul(r.transpose().mmul(x).mul(s)).div(n).add(bX.mmul(ut));
      xs.putRow(t, x.reshape(n));
      zs.putRow(t, z.reshape(nmUnits()));
      ss.putRow(t, s.reshape(rank()));
      ws.putRow(t, r.transpose().mmul(x).div(n).reshape(rank()));
      ys.putRow(t, c.mmul(x).add(d.reshape(outputs(), 1)).reshape(outputs()));
    }
    return new Trajectory(xs, zs, ss, ws, ys);
  }
}
