#!/usr/bin/env python3
"""The Markdown report of benches/bench.sh, from the measurements it left in
its scratch directory (raw.tsv: one line a run; facts.tsv; the outputs)."""

import json
import os
import statistics
import sys

tmp = sys.argv[1]
facts = dict(
    line.rstrip("\n").split("\t", 1) for line in open(os.path.join(tmp, "facts.tsv")) if "\t" in line
)
runs = {}
commands = {}
for line in open(os.path.join(tmp, "raw.tsv")):
    name, _, wall, user, sys_, rss, cmd = line.rstrip("\n").split("\t", 6)
    runs.setdefault(name, []).append((float(wall), float(user), float(sys_), int(rss)))
    commands[name] = cmd

mb = int(facts["bytes"]) / 1e6
articles = int(facts["articles"])
cores = int(facts["cores"])


def best(name):
    """The fastest run (wall, cpu, rss MiB) and the median wall."""
    rs = runs[name]
    w, u, s, rss = min(rs)
    return w, u + s, max(r[3] for r in rs) / 1024, statistics.median(r[0] for r in rs)


def ms(x):
    return f"{x * 1000:.0f} ms"


def secs(x):
    return f"{x:.2f} s"


out = []
p = out.append
p("# newsgraph speed (benches/bench.sh)")
p("")
p(
    f"Corpus: {facts['corpus']}: {articles} articles, {int(facts['bytes']):,} bytes of `*.txt` "
    f"files as read from disk (MB/s counts these bytes, 1 MB = 10^6 bytes). "
    f"Binary: {facts['version']} at commit {facts['commit']}; {cores} cores; load average "
    f"at the start {facts['load']}. Each time is the fastest of {facts['reps']} run(s) "
    "(median in brackets); CPU is user + sys of that run; RSS is the largest peak of the runs. "
    "`$TMP` is the benchmark's scratch directory."
)
p("")
if facts["devnull"] != "ok":
    p(f"**`-o /dev/null` not measured:** {facts['devnull']}.")
    p("")

p("## extract")
p("")
p("| jobs | output | wall | CPU | peak RSS | MB/s | articles/s | command |")
p("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
jobs = sorted({int(n.split("-")[1][1:]) for n in runs if n.startswith("extract-j")})
for j in jobs:
    for kind, label in (("file", "file"), ("null", "/dev/null")):
        name = f"extract-j{j}-{kind}"
        if name not in runs:
            continue
        w, c, rss, med = best(name)
        p(
            f"| {j} | {label} | {secs(w)} ({secs(med)}) | {secs(c)} | {rss:.0f} MiB | "
            f"{mb / w:.2f} | {articles / w:.0f} | `{commands[name]}` |"
        )
p("")
t1 = best("extract-j1-file")[0]
if "extract-j2-file" in runs:
    t2 = best("extract-j2-file")[0]
    serial = 2 * t2 / t1 - 1
    p(
        f"- speed-up: -j2 {t1 / t2:.2f}x of -j1"
        + (f", -j{cores} {t1 / best(f'extract-j{cores}-file')[0]:.2f}x" if cores > 2 else "")
        + f"; serial fraction (Amdahl, from -j1 and -j2: f = 2 T2/T1 - 1) {serial:.2f}, "
        f"which caps any number of cores at {1 / serial if serial > 0 else float('inf'):.1f}x"
    )
shas = {facts[k] for k in facts if k.startswith("sha-j")}
p(
    f"- the output is {'the same bytes' if len(shas) == 1 else 'NOT the same bytes'} at every -j "
    f"(sha256 {', '.join(sorted(shas))}); {int(facts['out_bytes']):,} bytes"
)
stats = json.load(open(os.path.join(tmp, "stats.json")))
p(
    f"- graph: {stats['articles']} articles, {stats['nodes']} nodes, {stats['edges']} edges, "
    f"{stats['evidence']} evidence (`newsgraph stats GRAPH --json`)"
)
p("")

p("## stages (`NEWSGRAPH_TIMINGS=1`, one run)")
p("")
timings = {}
for j in (1, cores):
    path = os.path.join(tmp, f"timings-j{j}.txt")
    rows = []
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if len(f) == 4 and f[0] == "timing":
            rows.append((f[1], float(f[2])))
    timings[j] = rows
stage_names = []
for j in timings:
    for n, _ in timings[j]:
        if n != "total" and n not in stage_names:
            stage_names.append(n)
heads = " | ".join(f"-j{j}" for j in timings)
p(f"| stage | {heads} |")
p("| --- |" + " ---: |" * len(timings))
for n in stage_names:
    p(f"| {n} | " + " | ".join(f"{dict(timings[j]).get(n, 0):.0f} ms" for j in timings) + " |")
rest = []
for j in timings:
    d = dict(timings[j])
    # "of which ..." rows are parts of the row above them, not stages
    rest.append(d["total"] - sum(v for k, v in d.items() if k != "total" and not k.startswith("of which")))
p("| other (lexicon, threads, freeing) | " + " | ".join(f"{r:.0f} ms" for r in rest) + " |")
p("| total | " + " | ".join(f"{dict(timings[j])['total']:.0f} ms" for j in timings) + " |")
p("")
p(f"Command: `NEWSGRAPH_TIMINGS=1 newsgraph extract bbc -j N -q -o $TMP/timed.json`. "
  "The parallel stage is reading, decoding, extracting and merging every article on the "
  "workers (wall time); the next rows are serial; `write` "
  "writing and renaming the file.")
p("")

p("## the floor: read, lay out, tokenise, match the gazetteer")
p("")
p("| jobs | wall | CPU | peak RSS | MB/s | extract / floor (wall) | extract / floor (CPU) | command |")
p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for j in (1, cores):
    name = f"floor-j{j}"
    w, c, rss, med = best(name)
    ew, ec, _, _ = best(f"extract-j{j}-file")
    p(
        f"| {j} | {ms(w)} ({ms(med)}) | {ms(c)} | {rss:.0f} MiB | {mb / w:.1f} | "
        f"{ew / w:.1f}x | {ec / c:.1f}x | `{commands[name]}` |"
    )
p("")
p(f"Floor output: `{open(os.path.join(tmp, 'floor.txt')).read().strip()}`")
p("")

p("## copies of the corpus (all cores, to a file)")
p("")
p("| input | articles read | wall | CPU | peak RSS | RSS / one copy | time / one copy | command |")
p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for kind in ("same", "distinct"):
    base = best(f"{kind}-1")
    for n in (1, 2, 4, 8):
        name = f"{kind}-{n}"
        if name not in runs:
            continue
        w, c, rss, med = best(name)
        label = f"{n} identical" if kind == "same" else f"{n} distinct"
        p(
            f"| {label} | {n * articles} | {secs(w)} | {secs(c)} | {rss:.0f} MiB | "
            f"{rss / base[2]:.2f} | {w / base[0]:.2f} (CPU {c / base[1]:.2f}) | `{commands[name]}` |"
        )
p("")
if "distinct-4" in runs:
    w4, c4 = best("distinct-4")[:2]
    w1, c1 = best("distinct-1")[:2]
    p(
        f"- 4 times the corpus of distinct articles in {w4 / w1:.2f} times the time of one "
        f"(CPU {c4 / c1:.2f} times); the goal is 4.1 or less"
    )
if "same-8" in runs:
    p(f"- peak RSS of 8 identical copies: {best('same-8')[2] / best('same-1')[2]:.2f} times one (goal 1.2)")
if "distinct-8" in runs:
    p(f"- peak RSS of 8 distinct copies: {best('distinct-8')[2]:.0f} MiB (goal under 400)")
p("")
p("Identical copies: the corpus copied 1-8 times into directories `copy1` ... (same texts, so "
  "the same graph); distinct copies: each file of copy k with the line `This is copy k of the "
  "corpus.` appended.")
p("")

p("## start-up, merge and queries")
p("")
p("| what | wall | CPU | peak RSS | command |")
p("| --- | ---: | ---: | ---: | --- |")
for name, what in (
    ("startup", "one article (start-up)"),
    ("merge", "merge of the five section graphs"),
    ("said-by", "said --by"),
    ("said-about", "said --about"),
    ("said-none", "said, nothing matches"),
    ("path", "path"),
    ("stats", "stats"),
):
    w, c, rss, med = best(name)
    p(f"| {what} | {ms(w)} ({ms(med)}) | {ms(c)} | {rss:.0f} MiB | `{commands[name]}` |")
p("")
merged = json.load(open(os.path.join(tmp, "merged-stats.json")))
same = all(merged[k] == stats[k] for k in ("articles", "nodes", "edges", "evidence"))
p(
    f"- the merged section graphs: {merged['articles']} articles, {merged['nodes']} nodes, "
    f"{merged['edges']} edges, {merged['evidence']} evidence "
    f"({'the same counts as' if same else 'NOT the same counts as'} one extract of the corpus; "
    "article labels differ, so the bytes do)"
)
p("- queries read the graph written by `extract -j" + str(cores) + "` above")
print("\n".join(out))
