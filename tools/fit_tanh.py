"""Fits the float tanh of org.molap.dl4j.rnn.TanhSteps: tanh(x) ~ x P(x^2) / Q(x^2), deg P = deg Q = 4,
Q(0) = 1, on 0 < x <= 9. The kernel clamps its argument to |x| <= 8, where the fit evaluated in float is
still below 1 (FastTanh's comment).

Linearised least squares on x P - tanh(x) Q, divided by the previous Q (Sanathanan-Koerner) and by tanh(x)
(relative error), with Lawson reweighting toward the minimax fit after ten rounds. Prints the Java constants
and the worst errors in double and in float evaluation. Needs numpy; not part of the build.
"""
import numpy as np

SATURATION, DEG_P, DEG_Q = 9.0, 4, 4
x = np.linspace(1e-4, SATURATION, 20000)
t, z = np.tanh(x), x * x
q_prev, w = np.ones_like(x), np.ones_like(x)
for round_ in range(60):
    a = np.hstack([np.stack([x * z**k for k in range(DEG_P + 1)], 1),
                   np.stack([-t * z**k for k in range(1, DEG_Q + 1)], 1)])
    scale = w / (np.abs(q_prev) * t)
    coef, *_ = np.linalg.lstsq(a * scale[:, None], t * scale, rcond=None)
    p, q = coef[:DEG_P + 1], np.concatenate([[1.0], coef[DEG_P + 1:]])
    q_prev = np.polyval(q[::-1], z)
    err = (x * np.polyval(p[::-1], z) / q_prev - t) / t
    if round_ > 10:
        w = w * np.abs(err) ** 0.3
        w /= w.max()

xs = np.clip(np.linspace(-20, 20, 4000001).astype(np.float32), -SATURATION, SATURATION).astype(np.float32)
zz = xs * xs
pf, qf = np.float32(p[-1]), np.float32(q[-1])
for k in range(DEG_P - 1, -1, -1):
    pf = pf * zz + np.float32(p[k])
for k in range(DEG_Q - 1, -1, -1):
    qf = qf * zz + np.float32(q[k])
yf = np.clip(xs * pf / qf, -1, 1)
print("max relative error in double: %.2e" % np.abs(err).max())
print("max |error| evaluated in float: %.2e" % np.abs(yf - np.tanh(xs.astype(np.float64))).max())
for name, values in (("P", p), ("Q", q)):
    for k, v in enumerate(values):
        if not (name == "Q" and k == 0):
            print("    private static final float %s%d = %.17gf;" % (name, k, v))
