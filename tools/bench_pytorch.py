#!/usr/bin/env python3
"""PyTorch contenders of `./molap bench`: the training iteration a lab would otherwise write, timed on one thread.

Two networks on the bench's job (N tanh units, batch B, T steps, 3 input and 3 output channels, MSE on every
step, Adam):
  rnn    torch.nn.RNN (fused tanh RNN, no leak) and a Linear readout: the fastest thing PyTorch offers.
  leaky  h <- (1 - a) h + a tanh(W_rec h + W_in x_t + b) written as a loop with autograd, as labs write
         leaky networks (Yang et al. 2019 style); the input projection is one product over all steps.

The bench keeps this process alive and interleaves it with its own contenders. Protocol (one line per request
on stdin, one JSON line per answer on stdout):
  setup <units> <batch> <steps> <leak>    -> {"ready": true, "torch": "<version>", "threads": 1}
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
        step = self.rnn_step if contender == "rnn" else self.leaky_step
        times = []
        for _ in range(iterations):
            t0 = time.perf_counter()
            step()
            times.append((time.perf_counter() - t0) * 1e3)
        return times


def serve():
    job = None
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "setup":
            job = Job(int(words[1]), int(words[2]), int(words[3]), float(words[4]))
            answer = {"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}
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
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    job = Job(args.units, args.batch, args.steps, args.leak)
    for contender in ("rnn", "leaky"):
        job.run(contender, 2)
        ms = sorted(job.run(contender, args.repeats))
        print(f"{contender:6s} min {ms[0]:.1f} ms, median {ms[len(ms) // 2]:.1f} ms per iteration")


if __name__ == "__main__":
    main()
