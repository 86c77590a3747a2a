#!/usr/bin/env python3
"""Fit the geocoding ranker's weights by coordinate ascent on some gritta
corpora and report them on the others (cross-corpus validation).

Usage: fit_geocoding_weights.py SITREP_BINARY GRITTA_DIR --train lgl,GeoVirus --test TR-News
                                [--rounds 2] [--start name=value,...]

The objective is the mean over training corpora of the exact-match share
(corpora with GeoNames ids) or the within-161-km share (GeoVirus, which
has coordinates only). Each step tries a few changes of one weight and
keeps the best; the result is printed as a --weights string together with
the train and test figures. The defaults in sitrep_annotate/src/geocode.rs
are set from such a run.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_geocoding as ev  # noqa: E402

# The defaults of sitrep_annotate/src/geocode.rs (Weights::default): the
# starting point of a fit and the baseline its test figures are compared to.
DEFAULTS = {
    "population": 1.0, "continent": 6.0, "country": 4.5, "admin1": 0.5, "admin2": 0.0,
    "capital": 1.5, "alternate": -1.5, "same_country": 6.0, "same_admin1": 6.0, "nearby": 5.5,
    "nearby_km": 150.0, "qualifier": 4.0, "hint": 2.0, "shadowed": -1.5,
    "near_country": 2.0, "near_country_km": 500.0,
}
STEPS = {"nearby_km": [0.5, 2.0], "near_country_km": [0.5, 2.0]}  # multiplicative; others additive
ADD = [-2.0, -1.0, -0.5, 0.5, 1.0, 2.0]


def spec(w):
    return ",".join(f"{k}={v:g}" for k, v in sorted(w.items()))


def score(binary, corpora, w):
    out = {}
    for name, docs in corpora.items():
        r = ev.resolve_scores(binary, docs, spec(w))
        out[name] = r["exact"] if r["exact"] is not None else r["within_161km"]
    return sum(out.values()) / len(out), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("gritta_dir")
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--start", default="")
    args = ap.parse_args()
    load = lambda names: {n: ev.load(f"{args.gritta_dir}/{ev.CORPORA[n]}") for n in names.split(",")}
    train, test = load(args.train), load(args.test)
    w = dict(DEFAULTS)
    for item in filter(None, args.start.split(",")):
        k, v = item.split("=")
        w[k] = float(v)
    best, _ = score(args.binary, train, w)
    for _ in range(args.rounds):
        for k in sorted(w):
            trials = [w[k] * m for m in STEPS[k]] if k in STEPS else [w[k] + d for d in ADD]
            for v in trials:
                cand = dict(w, **{k: v})
                s, _ = score(args.binary, train, cand)
                if s > best + 1e-4:
                    best, w = s, cand
        print(json.dumps({"train_objective": round(best, 4), "weights": spec(w)}), file=sys.stderr)
    print(json.dumps({"train": args.train, "test": args.test, "weights": spec(w),
                      "train_scores": score(args.binary, train, w)[1],
                      "test_scores": score(args.binary, test, w)[1],
                      "test_scores_default_weights": score(args.binary, test, DEFAULTS)[1]}))


if __name__ == "__main__":
    main()
