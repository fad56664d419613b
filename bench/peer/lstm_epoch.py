#!/usr/bin/python3
"""The Python peer of `quiver benchmark lstm`: PyTorch itself doing the same training epoch.

Same shapes as Quiver's benchmark: 100,000 windows of 60 bars x 12 features gathered per batch
by index from one float32 (rows, 12) matrix (windowing included in the epoch), a 2-layer LSTM
of 64 units (batch_first), the last step into Linear(64, 1), BCE-with-logits loss, Adam at
1e-3, batch 256, shuffled; torch.set_num_threads(--threads), one inter-op thread. The feature
values are seeded normal noise (kernel time does not depend on values). Prints JSON with
name, runs, median_ms, min_ms, epoch_ms and the process RSS after each epoch.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/peer/lstm_epoch.py --threads 2 --epochs 4   # Debian python3-torch
"""
import argparse
import json
import statistics
import time

import torch


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=4, help="epochs run; the first is a warm-up")
    ap.add_argument("--windows", type=int, default=100_000)
    ap.add_argument("--lookback", type=int, default=60)
    ap.add_argument("--features", type=int, default=12)
    ap.add_argument("--batch", type=int, default=256)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)

    rows = a.windows + a.lookback - 1
    x = torch.randn(rows, a.features, dtype=torch.float32)
    y = (torch.rand(rows) > 0.5).float()
    ends = torch.arange(a.lookback - 1, rows)
    offsets = torch.arange(-a.lookback + 1, 1)

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = torch.nn.LSTM(a.features, 64, num_layers=2, batch_first=True)
            self.out = torch.nn.Linear(64, 1)

        def forward(self, w):
            h, _ = self.lstm(w)
            return self.out(h[:, -1, :])

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    epoch_ms, rss = [], []
    for _ in range(a.epochs):
        t0 = time.perf_counter()
        order = ends[torch.randperm(len(ends))]
        for b in range(0, len(order), a.batch):
            idx = order[b:b + a.batch]
            w = x[idx[:, None] + offsets]
            opt.zero_grad()
            loss = loss_fn(net(w), y[idx][:, None])
            loss.backward()
            opt.step()
        epoch_ms.append((time.perf_counter() - t0) * 1e3)
        rss.append(rss_mb())
    timed = epoch_ms[1:] if len(epoch_ms) > 1 else epoch_ms
    print(json.dumps({"name": "lstm-peer", "runs": len(timed), "median_ms": statistics.median(timed), "min_ms": min(timed),
                      "epoch_ms": epoch_ms, "rss_mb": rss, "threads": a.threads, "torch": torch.__version__,
                      "windows": a.windows, "lookback": a.lookback, "features": a.features, "batch": a.batch}))


if __name__ == "__main__":
    main()
