#!/usr/bin/env python3
"""PyTorch contenders of `./molap bench`: the training iteration a lab would otherwise write, timed on one thread.

Two networks on the bench's job (N tanh units, batch B, T steps, 3 input and 3 output channels, MSE on every
step, Adam):
  rnn    torch.nn.RNN (fused tanh RNN, no leak) and a Linear readout: the fastest thing PyTorch offers.
  leaky  h <- (1 - a) h + a tanh(W_rec h + W_in x_t + b) written as a loop with autograd, as labs write
         leaky networks (Yang et al. 2019 style); the input projection is one product over all steps.

And one network per cell family of the families bench, each written as a lab would write it in PyTorch (a loop
over steps with autograd, the fused nn.LSTM where one exists), every parameter trained but seed 002's encoder:
  motor_additive  seed 001: x <- x + a (-x + g J tanh x + B u_t) + sigma xi, random x0, readout of tanh x;
                  motor_multiplicative adds a rank-one loop per motif, the _prep variants the preparatory module
  nm_rnn          seed 003: z, then the gate s = sigmoid(A z + b), then x with c Q diag(s) R' tanh x, Q from QR of L
  lr_rnn          seed 003's low-rank baseline: x <- (1 - 1/tau) x + (1/tau) ((1/N) Q R' tanh x + B u_t)
  lstm            seed 003's LSTM baseline: torch.nn.LSTM and a Linear readout
  relu_encoder    seed 002: a frozen MLP encoder on all steps, then r <- relu(W_in [fix; e] + W_rec r + b)

The bench keeps this process alive and interleaves it with its own contenders. Protocol (one line per request
on stdin, one JSON line per answer on stdout):
  setup <units> <batch> <steps> <leak>    -> {"ready": true, "torch": "<version>", "threads": 1}
  family <key> <batch> <steps>            -> {"ready": true, "torch": "<version>", "threads": 1}
  run <contender> <iterations>            -> {"contender": "...", "ms": [per-iteration wall-clock times]}
  quit
Standalone: `python3 tools/bench_pytorch.py --units 100 --batch 200 --steps 110 --leak 0.2 --repeats 10`
prints min and median of both contenders.
"""
import argparse
import json
import sys
import time

import torch

CHANNELS = 3


class Job:
    def __init__(self, units, batch, steps, leak):
        torch.manual_seed(1)
        torch.set_num_threads(1)
        self.leak = leak
        self.x = torch.rand(steps, batch, CHANNELS)
        self.y = torch.rand(steps, batch, CHANNELS)
        self.rnn = torch.nn.RNN(CHANNELS, units, nonlinearity="tanh")
        self.rnn_out = torch.nn.Linear(units, CHANNELS)
        self.rnn_opt = torch.optim.Adam(list(self.rnn.parameters()) + list(self.rnn_out.parameters()), lr=1e-3)
        g = 1.5
        self.w_in = torch.nn.Parameter(torch.randn(units, CHANNELS) / CHANNELS ** 0.5)
        self.w_rec = torch.nn.Parameter(torch.randn(units, units) * g / units ** 0.5)
        self.b = torch.nn.Parameter(torch.zeros(units))
        self.leaky_out = torch.nn.Linear(units, CHANNELS)
        self.leaky_opt = torch.optim.Adam([self.w_in, self.w_rec, self.b] + list(self.leaky_out.parameters()), lr=1e-3)

    def rnn_step(self):
        self.rnn_opt.zero_grad()
        h, _ = self.rnn(self.x)
        loss = torch.mean((self.rnn_out(h) - self.y) ** 2)
        loss.backward()
        self.rnn_opt.step()

    def leaky_step(self):
        self.leaky_opt.zero_grad()
        drive = self.x @ self.w_in.T + self.b            # input projection of every step in one product
        h = torch.zeros(self.x.shape[1], self.w_rec.shape[0])
        states = []
        for drive_t in drive.unbind(0):                   # unbind: indexing drive[t] would make backward write a
            h = (1 - self.leak) * h + self.leak * torch.tanh(drive_t + h @ self.w_rec.T)   # zero [T, B, N] per step
            states.append(h)
        loss = torch.mean((self.leaky_out(torch.stack(states)) - self.y) ** 2)
        loss.backward()
        self.leaky_opt.step()

    def run(self, contender, iterations):
        return timed(self.rnn_step if contender == "rnn" else self.leaky_step, iterations)


def timed(step, iterations):
    times = []
    for _ in range(iterations):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    return times


def weight(*shape, std):
    return torch.nn.Parameter(torch.randn(*shape) * std)


def motor(n, loops, prep_rank):
    """Seed 001's rate network, 10 motifs (one-hot labels) and the preparation-window channel p: the additive one
    (input b_mu), the multiplicative one (and a rank-one loop u_mu v_mu' per motif), either with the preparatory
    module p U_prep V_prep' tanh x (then the multiplicative network's input acts during preparation only and its
    loops after it)."""
    motifs, a, g, noise = 10, 0.1, 1.4, 0.001
    j, b = weight(n, n, std=n ** -0.5), weight(n, motifs, std=1.0)
    u, v = weight(n, motifs, std=1.5 * n ** -0.5), weight(n, motifs, std=1.5 * n ** -0.5)
    std = (0.05 / (prep_rank * n) ** 0.5) ** 0.5 if prep_rank else 0
    u_prep, v_prep = weight(n, max(prep_rank, 1), std=std), weight(n, max(prep_rank, 1), std=std)
    out = torch.nn.Linear(n, 1, bias=False)

    def forward(inputs):
        labels, window = inputs[..., :motifs], inputs[..., motifs:]
        gate = 1 - window if prep_rank else torch.ones_like(window)
        drive = ((labels * window) if prep_rank and loops else labels) @ b.T
        x = torch.randn(inputs.shape[1], n)
        rates = []
        for t, drive_t in enumerate(drive.unbind(0)):
            r = torch.tanh(x)
            recurrent = g * r @ j.T + drive_t
            if loops:
                recurrent = recurrent + gate[t] * (r * (labels[t] @ v.T)).sum(1, keepdim=True) * (labels[t] @ u.T)
            if prep_rank:
                recurrent = recurrent + window[t] * (r @ v_prep) @ u_prep.T
            x = x + a * (-x + recurrent) + noise * torch.randn_like(x)
            rates.append(torch.tanh(x))
        return out(torch.stack(rates))
    trained = [j, b] + ([u, v] if loops else []) + ([u_prep, v_prep] if prep_rank else [])
    return trained + list(out.parameters()), forward, motifs + 1, 1


def motor_additive():
    return motor(300, False, 0)


def motor_additive_prep():
    return motor(300, False, 50)


def motor_multiplicative():
    return motor(100, True, 0)


def motor_multiplicative_prep():
    return motor(100, True, 50)


def nm_rnn():
    """Seed 003's NM-RNN for rank-3 Measure-Wait-Go: N 100, M 5, K 3, tau_x 10, tau_z 100, 3 inputs."""
    n, m, k, inputs, tau_x, tau_z = 100, 5, 3, 3, 10.0, 100.0
    left, right = weight(n, k, std=1.0), weight(n, k, std=1.0)
    b_xu, b_zu = weight(n, inputs, std=inputs ** -0.5), weight(m, inputs, std=inputs ** -0.5)
    w_zz, a_s, b_s = weight(m, m, std=0.1), weight(k, m, std=0.1), weight(k, std=0.1)
    out = torch.nn.Linear(n, 1)

    def forward(u):
        q, _ = torch.linalg.qr(left)
        drive_x, drive_z = u @ b_xu.T, u @ b_zu.T
        x = torch.full((u.shape[1], n), 0.1)
        z = torch.full((u.shape[1], m), 0.1)
        states = []
        for dx, dz in zip(drive_x.unbind(0), drive_z.unbind(0)):
            z = (1 - 1 / tau_z) * z + (torch.tanh(z) @ w_zz.T + dz) / tau_z
            s = torch.sigmoid(z @ a_s.T + b_s)
            x = (1 - 1 / tau_x) * x + (((torch.tanh(x) @ right) * s) @ q.T + dx) / tau_x
            states.append(x)
        return out(torch.stack(states))
    return [left, right, b_xu, b_zu, w_zz, a_s, b_s] + list(out.parameters()), forward, inputs, 1


def lr_rnn():
    """Seed 003's low-rank RNN baseline for Measure-Wait-Go: N 106, K 3, tau 10, 3 inputs, Q from QR of L."""
    n, k, inputs, tau = 106, 3, 3, 10.0
    left, right, b = weight(n, k, std=1.0), weight(n, k, std=1.0), weight(n, inputs, std=inputs ** -0.5)
    out = torch.nn.Linear(n, 1)

    def forward(u):
        q, _ = torch.linalg.qr(left)
        drive = u @ b.T
        x = torch.full((u.shape[1], n), 0.1)
        states = []
        for drive_t in drive.unbind(0):
            x = (1 - 1 / tau) * x + ((torch.tanh(x) @ right) @ q.T / n + drive_t) / tau
            states.append(x)
        return out(torch.stack(states))
    return [left, right, b] + list(out.parameters()), forward, inputs, 1


def lstm():
    """Seed 003's LSTM baseline of the NM-RNN's parameter count: 15 units, 3 inputs."""
    cell, out = torch.nn.LSTM(3, 15), torch.nn.Linear(15, 1)
    return list(cell.parameters()) + list(out.parameters()), lambda u: out(cell(u)[0]), 3, 1


def relu_encoder():
    """Seed 002: a frozen 2 -> 100 -> 100 -> 40 encoder, then a ReLU RNN of 64 units reading [fix; e], 24 outputs."""
    encoder = torch.nn.Sequential(torch.nn.Linear(2, 100), torch.nn.ReLU(), torch.nn.Linear(100, 100),
                                  torch.nn.ReLU(), torch.nn.Linear(100, 40)).requires_grad_(False)
    w_in, w_rec, out = torch.nn.Linear(41, 64), torch.nn.Linear(64, 64), torch.nn.Linear(64, 24)

    def forward(u):
        drive = w_in(torch.cat([u[..., :1], encoder(u[..., 1:])], dim=-1))
        r = torch.zeros(u.shape[1], 64)
        states = []
        for drive_t in drive.unbind(0):
            r = torch.relu(drive_t + w_rec(r))
            states.append(r)
        return out(torch.stack(states))
    return list(w_in.parameters()) + list(w_rec.parameters()) + list(out.parameters()), forward, 3, 24


FAMILIES = {"motor_additive": motor_additive, "motor_additive_prep": motor_additive_prep,
            "motor_multiplicative": motor_multiplicative, "motor_multiplicative_prep": motor_multiplicative_prep, "nm_rnn": nm_rnn, "lr_rnn": lr_rnn, "lstm": lstm, "relu_encoder": relu_encoder}


class FamilyJob:
    """One family's training iteration on random data: MSE on every step, Adam on the trained parameters."""

    def __init__(self, key, batch, steps):
        torch.manual_seed(1)
        torch.set_num_threads(1)
        params, self.forward, inputs, outputs = FAMILIES[key]()
        self.u = torch.rand(steps, batch, inputs)
        self.y = torch.rand(steps, batch, outputs)
        self.opt = torch.optim.Adam(params, lr=1e-3)

    def step(self):
        self.opt.zero_grad()
        loss = torch.mean((self.forward(self.u) - self.y) ** 2)
        loss.backward()
        self.opt.step()


def serve():
    job = None
    families = {}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "setup":
            job = Job(int(words[1]), int(words[2]), int(words[3]), float(words[4]))
            answer = {"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}
        elif words[0] == "family":
            families[words[1]] = FamilyJob(words[1], int(words[2]), int(words[3]))
            answer = {"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}
        elif words[0] == "run" and words[1] in families:
            answer = {"contender": words[1], "ms": timed(families[words[1]].step, int(words[2]))}
        elif words[0] == "run":
            answer = {"contender": words[1], "ms": job.run(words[1], int(words[2]))}
        elif words[0] == "quit":
            return
        else:
            answer = {"error": "unknown request " + words[0]}
        print(json.dumps(answer), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--serve", action="store_true", help="answer the bench's requests on stdin")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--steps", type=int, default=110)
    parser.add_argument("--leak", type=float, default=0.2)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--family", choices=sorted(FAMILIES), help="time this family (with --batch and --steps)")
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.family:
        job = FamilyJob(args.family, args.batch, args.steps)
        timed(job.step, 2)
        ms = sorted(timed(job.step, args.repeats))
        print(f"{args.family} min {ms[0]:.1f} ms, median {ms[len(ms) // 2]:.1f} ms per iteration")
        return
    job = Job(args.units, args.batch, args.steps, args.leak)
    for contender in ("rnn", "leaky"):
        job.run(contender, 2)
        ms = sorted(job.run(contender, args.repeats))
        print(f"{contender:6s} min {ms[0]:.1f} ms, median {ms[len(ms) // 2]:.1f} ms per iteration")


if __name__ == "__main__":
    main()
