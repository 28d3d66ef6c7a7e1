#!/usr/bin/env python3
"""Generate many monthly sales series shaped like the demo data, for the forecasting speed test.

usage: generate_series.py --superstore resources/demo/superstore.csv --count 10000 --seed 42 --output FILE

The demo's 48 months of sales by region and sub-category (68 series) give the shapes: each
generated series takes one shape's seasonal profile and level, a random scale (log-normal),
growth (-10%..+25% a year), noise (5-40% multiplicative) and length (24-48 months); one in ten
is made intermittent (most months zero), as slow products are. Output: series_id,t,value.
Deterministic for a seed. Standard library only.
"""

import argparse
import csv
import math
import random
from collections import defaultdict


def demo_shapes(path):
    sales = defaultdict(lambda: [0.0] * 48)
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year, month = int(row["Order Date"][:4]), int(row["Order Date"][5:7])
            index = (year - 2014) * 12 + month - 1
            if 0 <= index < 48:
                sales[(row["Region"], row["Sub-Category"])][index] += float(row["Sales"])
    shapes = []
    for values in sales.values():
        mean = sum(values) / len(values)
        if mean <= 0:
            continue
        profile = [sum(values[m::12]) / len(values[m::12]) / mean for m in range(12)]
        shapes.append((mean, profile))
    return shapes


def series(rng, shape):
    mean, profile = shape
    length = rng.randint(24, 48)
    scale = mean * math.exp(rng.gauss(0.0, 1.0))
    growth = (1.0 + rng.uniform(-0.10, 0.25)) ** (1.0 / 12.0)
    noise = rng.uniform(0.05, 0.40)
    intermittent = rng.random() < 0.1
    values = []
    for t in range(length):
        value = scale * profile[t % 12] * growth ** t * math.exp(rng.gauss(0.0, noise))
        if intermittent:
            value = value * 3.0 if rng.random() < 0.3 else 0.0
        values.append(round(max(value, 0.0), 2))
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--superstore", required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shapes = demo_shapes(args.superstore)
    with open(args.output, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["series_id", "t", "value"])
        for i in range(args.count):
            for t, value in enumerate(series(rng, rng.choice(shapes)), start=1):
                out.writerow([f"S{i + 1:05d}", t, value])


if __name__ == "__main__":
    main()
