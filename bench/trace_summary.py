#!/usr/bin/python3
"""Where the time of a profiled training epoch goes: reads Chrome traces written by libtorch's profiler
(bench/peer_study_cell.py --trace, StudyCellTiming --trace) and prints, per trace:

- the top-level operator calls (an operator event not inside another one on the same thread) and the sum of
  their durations, i.e. the time spent inside libtorch's operators (kernels and their dispatch);
- the span from the first event's start to the last event's end, and the share of it outside any operator
  (the host language, its bindings, tensor creation and freeing, autograd bookkeeping between operators);
- the operators that took the most top-level time, with their call counts and mean durations.

    /usr/bin/python3 bench/trace_summary.py NAME=TRACE.json [NAME=TRACE.json ...] [--top N]

Only the standard library is needed. Not part of the build.
"""
import argparse
import json
from collections import defaultdict


def load_events(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    return [e for e in events if e.get("ph") == "X" and "dur" in e and "ts" in e]


def top_level(events):
    """Events that no other event on the same process and thread contains."""
    by_thread = defaultdict(list)
    for e in events:
        by_thread[(e.get("pid"), e.get("tid"))].append(e)
    result = []
    for items in by_thread.values():
        items.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        end = float("-inf")
        for e in items:
            start = float(e["ts"])
            if start >= end:
                result.append(e)
                end = start + float(e["dur"])
            else:  # inside the current top-level call (or, which a profiler should not write, overlapping it)
                end = max(end, start + float(e["dur"]))
    return result


def summarize(name, path, top):
    events = load_events(path)
    if not events:
        raise SystemExit(f"trace_summary: {path}: no complete ('X') events")
    outer = top_level(events)
    inside = sum(float(e["dur"]) for e in outer)
    first = min(float(e["ts"]) for e in events)
    last = max(float(e["ts"]) + float(e["dur"]) for e in events)
    span = last - first
    print(f"{name}: {len(events)} operator events, {len(outer)} top-level calls; inside operators "
          f"{inside / 1e6:.2f} s of a {span / 1e6:.2f} s span ({100 * inside / span:.0f}%), outside "
          f"{(span - inside) / 1e6:.2f} s; {(span - inside) / len(outer):.1f} us outside per top-level call")
    totals = defaultdict(lambda: [0, 0.0])
    for e in outer:
        totals[e["name"]][0] += 1
        totals[e["name"]][1] += float(e["dur"])
    print(f"  {'operator':40s} {'calls':>8s} {'total s':>9s} {'mean us':>9s}")
    for op, (count, dur) in sorted(totals.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {op[:40]:40s} {count:8d} {dur / 1e6:9.3f} {dur / count:9.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("traces", nargs="+", help="NAME=TRACE.json")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    for item in args.traces:
        name, _, path = item.partition("=")
        if not path:
            raise SystemExit(f"trace_summary: {item}: expected NAME=TRACE.json")
        summarize(name, path, args.top)


if __name__ == "__main__":
    main()
