#!/usr/bin/python3
"""summarize-runs.py - combine several bench_codec outputs into one table.

    for i in 1 2 3 4 5; do taskset -c 1 bench/bench_codec > run$i.txt; done
    bench/summarize-runs.py run*.txt

For every row: the median over the runs of the row's median, and the
smallest and largest of those medians - the run-to-run spread, i.e. how
much the machine's noise moves the figure between two invocations.  Scalar
rows are in ns per call, throughput rows in GB/s (with the median ns per body beside).  Output is a Markdown
table (doc/PERFORMANCE.md is made of these).
"""

import re
import statistics
import sys

SCALAR = re.compile(r"^  (mitch_\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(.*)$")
THROUGHPUT = re.compile(
    r"^  (\S.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(.*)$")
BASELINE = re.compile(r"^baseline: .*?: ([\d.]+) ns")


def parse(path):
    rows = {}  # name -> (section, kind, value, memcpy, target)
    section = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = BASELINE.match(line)
            if m:
                rows["32-byte memcpy (baseline)"] = ("Baseline", "ns", float(m.group(1)), None, "")
                continue
            if line and not line.startswith(" ") and not line.startswith("("):
                section = line
                continue
            # throughput rows first: they have six numbers, scalar rows four
            m = THROUGHPUT.match(line)
            if m:
                target = m.group(8).strip()
                target = target.split(":")[0] if target else ""
                rows[m.group(1).strip()] = (section, "GB/s", float(m.group(3)),
                                            (float(m.group(6)), float(m.group(2))), target)
                continue
            m = SCALAR.match(line)
            if m:
                target = m.group(6).strip()
                target = target.split(":")[0] if target else ""
                rows[m.group(1)] = (section, "ns", float(m.group(2)), None, target)
    return rows


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: summarize-runs.py RUN.txt...")
    runs = [parse(p) for p in sys.argv[1:]]
    order = list(runs[0].keys())
    section = None
    for name in order:
        values = [r[name][2] for r in runs if name in r]
        sec, kind, _, _, target = runs[0][name]
        if sec != section:
            section = sec
            print()
            print("**%s**" % sec)
            print()
            if kind == "ns":
                print("| operation | median ns/call | run-to-run range | target |")
                print("|---|---:|---:|---|")
            else:
                print("| operation | median GB/s | run-to-run range | ns/body | memcpy GB/s | target |")
                print("|---|---:|---:|---:|---:|---|")
        med = statistics.median(values)
        spread = "%.2f – %.2f" % (min(values), max(values))
        if kind == "ns":
            verdict = ""
            if target:
                limit = float(re.sub(r"[^\d.]", "", target))
                verdict = "%s %s" % (target, "✓" if med <= limit else "✗ missed")
            print("| `%s` | %.2f | %s | %s |" % (name, med, spread, verdict))
        else:
            copies = [r[name][3][0] for r in runs if name in r]
            per_body = [r[name][3][1] for r in runs if name in r]
            verdict = ""
            if target:
                limit = float(re.sub(r"[^\d.]", "", target.replace("GB/s", "")))
                verdict = "%s %s" % (target, "✓" if med >= limit else "✗ missed")
            print("| %s | %.2f | %s | %.2f | %.2f | %s |" % (
                name, med, spread, statistics.median(per_body), statistics.median(copies),
                verdict))


if __name__ == "__main__":
    main()
