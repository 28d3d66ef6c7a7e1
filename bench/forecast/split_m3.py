#!/usr/bin/env python3
"""Write the training part of every M3 series (all but the last `horizon` values) as series_id,t,value.

usage: split_m3.py --data bench/data/m3 --freq monthly|quarterly --output FILE
Standard library only.
"""

import argparse
import csv
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--freq", required=True, choices=["monthly", "quarterly"])
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    with open(os.path.join(args.data, f"m3_{args.freq}_series.csv"), newline="") as fh:
        keep = {r["series_id"]: int(r["n_total"]) - int(r["horizon"]) for r in csv.DictReader(fh)}
    with open(os.path.join(args.data, f"m3_{args.freq}_values.csv"), newline="") as fh, \
            open(args.output, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["series_id", "t", "value"])
        for row in csv.DictReader(fh):
            if int(row["t"]) <= keep[row["series_id"]]:
                writer.writerow([row["series_id"], row["t"], row["value"]])


if __name__ == "__main__":
    main()
