#!/usr/bin/env python3
"""Python peer of `quiver benchmark analyst-tactician`: the same multi-timeframe run with pandas,
scikit-learn and joblib, timed end to end (load, resample, features, CV + final fits, scoring).

Analysts: RandomForestClassifier(100 trees, depth 10) per timeframe 1h, 15m, 5m, 1m on the
seed12 features; tactician: GradientBoostingClassifier(100 trees, depth 3, lr 0.1) on 1m with the
analysts' out-of-fold probabilities joined as of bar close. One cut time T (80% of the 1m rows):
a model trains on rows whose label bar closes by T and is scored on rows opening at or after T;
TimeSeriesSplit(5, gap=1) inside the training rows gives the out-of-fold inputs. Fits run on
joblib workers (default 2, one thread each).

usage: analyst_tactician.py [FILE] [--symbol S] [--workers N]
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score
from sklearn.model_selection import TimeSeriesSplit

TIMEFRAMES = [("1h", "60min"), ("15m", "15min"), ("5m", "5min"), ("1m", None)]
MINUTES = {"1h": 60, "15m": 15, "5m": 5, "1m": 1}
SPLITS = 5


def seed12(b):
    c, v = b["close"], b["volume"]
    f = pd.DataFrame(index=b.index)
    f["price_change"] = c.pct_change()
    f["high_low_ratio"] = b["high"] / b["low"]
    f["open_close_ratio"] = b["open"] / c
    for n in (5, 10, 20):
        f[f"ma_{n}"] = c.rolling(n).mean()
    for n in (5, 10):
        f[f"volatility_{n}"] = c.rolling(n).std()
    f["volume_ma_5"] = v.rolling(5).mean()
    f["volume_ratio"] = v / f["volume_ma_5"]
    d = c.diff()
    gain = d.where(d > 0, 0).rolling(14).mean()
    loss = (-d.where(d < 0, 0)).rolling(14).mean()
    f["rsi"] = 100 - 100 / (1 + gain / loss)
    f["macd"] = c.ewm(span=12, adjust=False).mean() - c.ewm(span=26, adjust=False).mean()
    return f.replace([np.inf, -np.inf], np.nan).fillna(0)


def frame(bars, tf):
    f = seed12(bars).iloc[20:]
    y = (bars["close"].shift(-1) > bars["close"]).astype(int).iloc[20:]
    f, y = f.iloc[:-1], y.iloc[:-1]
    close_time = f.index + pd.Timedelta(minutes=MINUTES[tf])
    return f, y, close_time


def fit(kind, x, y):
    if kind == "rf":
        m = RandomForestClassifier(n_estimators=100, max_depth=10, n_jobs=1, random_state=42)
    else:
        m = GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=42)
    return m.fit(x, y)


def plan(x, y, n_train):
    tasks = [(tr, te) for tr, te in TimeSeriesSplit(n_splits=SPLITS, gap=1).split(x[:n_train])]
    return tasks


def scores(m, x, y):
    p = m.predict(x)
    return {"accuracy": accuracy_score(y, p), "precision": precision_score(y, p, zero_division=0),
            "recall": recall_score(y, p, zero_division=0), "f1": f1_score(y, p, zero_division=0)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="data/cn_index_futures_1m.csv.gz")
    ap.add_argument("--symbol")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    t0 = time.perf_counter()
    raw = pd.read_csv(a.file, parse_dates=["timestamp"])
    symbol = a.symbol or raw["symbol"].iloc[0]
    m1 = raw[raw["symbol"] == symbol].set_index("timestamp").sort_index()[["open", "high", "low", "close", "volume"]]
    frames = {}
    for tf, rule in TIMEFRAMES:
        bars = m1 if rule is None else m1.resample(rule, label="left", closed="left").agg(
            {"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"}).dropna()
        frames[tf] = frame(bars, tf)
    fx, fy, fclose = frames["1m"]
    cut = fx.index[int(len(fx) * 0.8)]
    n_train, test_from = {}, {}
    for tf, (x, y, close) in frames.items():
        label_close = close + pd.Timedelta(minutes=MINUTES[tf])
        n_train[tf] = int((label_close <= cut).sum())
        test_from[tf] = int(np.searchsorted(x.index.values, cut.to_datetime64()))

    with Parallel(n_jobs=a.workers) as pool:
        jobs, keys = [], []
        for tf, (x, y, _) in frames.items():
            xv, yv = x.values, y.values
            for k, (tr, te) in enumerate(plan(xv, yv, n_train[tf])):
                jobs.append(delayed(fit)("rf", xv[tr], yv[tr]))
                keys.append((tf, k, te))
            jobs.append(delayed(fit)("rf", xv[:n_train[tf]], yv[:n_train[tf]]))
            keys.append((tf, "final", None))
        fitted = pool(jobs)
        out, series = {}, {}
        for tf, (x, y, close) in frames.items():
            xv, yv = x.values, y.values
            s = np.full(len(xv), np.nan)
            cv = []
            for (t, k, te), m in zip(keys, fitted):
                if t != tf:
                    continue
                if k == "final":
                    final = m
                else:
                    s[te] = m.predict_proba(xv[te])[:, 1]
                    cv.append(accuracy_score(yv[te], m.predict(xv[te])))
            s[n_train[tf]:] = final.predict_proba(xv[n_train[tf]:])[:, 1]
            out["analyst_" + tf] = dict(scores(final, xv[test_from[tf]:], yv[test_from[tf]:]), cv_scores=cv)
            series[tf] = pd.DataFrame({"close_time": close, "analyst_" + tf: s}).sort_values("close_time")
        tact = fx.copy()
        tact["close_time"] = fclose
        for tf in MINUTES:
            tact = pd.merge_asof(tact.sort_values("close_time"), series[tf], on="close_time", direction="backward")
        tact.index = fx.index
        tact = tact.drop(columns=["close_time"])
        tv, ty = tact.values, fy.values
        ok = ~np.isnan(tv[:n_train["1m"]]).any(axis=1)
        first = int(np.argmax(ok))
        tr_x, tr_y = tv[first:n_train["1m"]], ty[first:n_train["1m"]]
        tjobs = [delayed(fit)("gb", tr_x[tr], tr_y[tr]) for tr, _ in plan(tr_x, tr_y, len(tr_x))]
        tjobs.append(delayed(fit)("gb", tr_x, tr_y))
        tfitted = pool(tjobs)
    cv = [accuracy_score(tr_y[te], m.predict(tr_x[te])) for (_, te), m in zip(plan(tr_x, tr_y, len(tr_x)), tfitted[:-1])]
    out["tactician_1m"] = dict(scores(tfitted[-1], tv[test_from["1m"]:], ty[test_from["1m"]:]), cv_scores=cv)
    wall = time.perf_counter() - t0
    print(json.dumps({"name": "analyst-tactician-peer", "symbol": symbol, "workers": a.workers, "wall_s": wall,
                      "models": out}, indent=2))


if __name__ == "__main__":
    main()
