#!/usr/bin/env python3
"""Score M3 forecasts with sMAPE and MASE as defined in bench/data/m3/SOURCES.md.

usage: score.py --data bench/data/m3 --freq monthly|quarterly [--original METHOD]... [FORECAST_CSV]...

FORECAST_CSV: series_id,h,forecast[,...] (extra columns are ignored); it must hold h = 1..horizon
for every series of the frequency. --original METHOD scores the competition's own forecasts of
that method (NAIVE2, SINGLE, DAMPEN, B-J auto, ForecastPro, THETA) from
m3_original_forecasts_6methods.csv.

sMAPE = mean over the horizon of 200*|y-f|/(|y|+|f|), averaged over series.
MASE  = mean |y-f| over the horizon / in-sample mean |y_t - y_{t-m}| on the training part
        (m = 12 monthly, 4 quarterly), averaged over series.
Standard library only.
"""

import argparse
import csv
import os
import sys

PERIOD = {"monthly": 12, "quarterly": 4}


def load_series(data_dir, freq):
    """Return {series_id: (training values, test values)} in the file's order."""
    meta = []
    with open(os.path.join(data_dir, f"m3_{freq}_series.csv"), newline="") as fh:
        for row in csv.DictReader(fh):
            meta.append((row["series_id"], int(row["n_total"]), int(row["horizon"])))
    values = {}
    with open(os.path.join(data_dir, f"m3_{freq}_values.csv"), newline="") as fh:
        for row in csv.DictReader(fh):
            values.setdefault(row["series_id"], {})[int(row["t"])] = float(row["value"])
    series = {}
    for sid, n_total, horizon in meta:
        v = values[sid]
        ys = [v[t] for t in range(1, n_total + 1)]
        n = n_total - horizon
        series[sid] = (ys[:n], ys[n:])
    return series


def load_forecast_csv(path):
    out = {}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["series_id"], {})[int(row["h"])] = float(row["forecast"])
    return out


def load_original(data_dir, method):
    out = {}
    with open(os.path.join(data_dir, "m3_original_forecasts_6methods.csv"), newline="") as fh:
        for row in csv.DictReader(fh):
            if row["method"] != method:
                continue
            fc = {}
            for h in range(1, 19):
                cell = row.get(f"f{h}", "")
                if cell not in ("", "NA"):
                    fc[h] = float(cell)
            out[row["series_id"]] = fc
    if not out:
        sys.exit(f"score.py: no forecasts for method {method!r} in m3_original_forecasts_6methods.csv")
    return out


def score(series, forecasts, m, label):
    smapes, mases = [], []
    for sid, (train, test) in series.items():
        fc = forecasts.get(sid)
        if fc is None:
            sys.exit(f"score.py: {label}: no forecasts for {sid}")
        missing = [h for h in range(1, len(test) + 1) if h not in fc]
        if missing:
            sys.exit(f"score.py: {label}: {sid} lacks h={missing[0]}")
        f = [fc[h] for h in range(1, len(test) + 1)]
        s = 0.0
        for y, p in zip(test, f):
            denom = abs(y) + abs(p)
            s += 0.0 if denom == 0 else 200.0 * abs(y - p) / denom
        smapes.append(s / len(test))
        scale = sum(abs(train[t] - train[t - m]) for t in range(m, len(train))) / (len(train) - m)
        mae = sum(abs(y - p) for y, p in zip(test, f)) / len(test)
        mases.append(mae / scale)
    return sum(smapes) / len(smapes), sum(mases) / len(mases), len(smapes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="folder with the m3_*.csv files")
    ap.add_argument("--freq", required=True, choices=sorted(PERIOD))
    ap.add_argument("--original", action="append", default=[], metavar="METHOD",
                    help="score the competition's own METHOD (repeatable)")
    ap.add_argument("files", nargs="*", metavar="FORECAST_CSV")
    args = ap.parse_args()
    if not args.files and not args.original:
        ap.error("give at least one FORECAST_CSV or --original METHOD")

    series = load_series(args.data, args.freq)
    m = PERIOD[args.freq]
    rows = []
    for method in args.original:
        rows.append((f"original:{method}",) + score(series, load_original(args.data, method), m, method))
    for path in args.files:
        rows.append((path,) + score(series, load_forecast_csv(path), m, path))

    width = max(len(r[0]) for r in rows)
    print(f"{'forecasts':<{width}}  {'series':>6}  {'sMAPE':>7}  {'MASE':>6}   ({args.freq})")
    for name, smape, mase, k in rows:
        print(f"{name:<{width}}  {k:>6}  {smape:7.3f}  {mase:6.3f}")


if __name__ == "__main__":
    main()
