#!/usr/bin/env python3
"""newsgraph as the map and the reduce of a Dask job, checked against one run.

    python3 tests/dask/run.py NEWSGRAPH ARTICLES_DIR WORK_DIR

1. Writes every *.txt below ARTICLES_DIR as JSON lines, WORK_DIR/articles.jsonl:
   {"id": PATH_BELOW_THE_DIR_WITHOUT_TXT, "text": THE_TEXT}, the text decoded
   as newsgraph decodes a file (so the graph is the one of the directory).
2. Splits the lines into 8 partitions of a dask.bag, maps
   `newsgraph extract --jsonl - --emit graphs` over each partition (one graph
   per article per line), and reduces with `newsgraph merge - --emit line`, in
   a tree of merges (two trees: two graphs a merge, and all at once); a last
   `newsgraph merge -` writes the graph pretty-printed. Nothing is sorted.
3. Runs `newsgraph extract --jsonl WORK_DIR/articles.jsonl` once and checks
   that each Dask result is the same bytes.

Writes WORK_DIR/one.json (the single run) and WORK_DIR/dask-N.json (each
tree); exits 1 with the first differing line when they differ.
"""

import codecs
import json
import os
import re
import subprocess
import sys

import dask
import dask.bag as db

PARTITIONS = 8

# One valid multi-byte UTF-8 sequence: with one, a file that is not valid
# UTF-8 is UTF-8 with damage, not Windows-1252.
MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _windows_1252_undefined(err):
    # As the WHATWG encoding newsgraph uses: the five undefined bytes are the C1 controls.
    return ("".join(chr(b) for b in err.object[err.start:err.end]), err.end)


codecs.register_error("newsgraph-1252", _windows_1252_undefined)


def decode(data):
    """A file's bytes as newsgraph reads them (README, "Decoding")."""
    if data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le", errors="replace")
    elif data.startswith(b"\xfe\xff"):
        text = data[2:].decode("utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if MULTIBYTE.search(data):
                text = data.decode("utf-8", errors="replace")
            else:
                text = data.decode("cp1252", errors="newsgraph-1252")
    return text[1:] if text.startswith("\ufeff") else text


def write_jsonl(src, path):
    rows = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in files:
            if name.endswith(".txt"):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, src)[: -len(".txt")].replace(os.sep, "/")
                with open(full, "rb") as f:
                    rows.append((rel, decode(f.read())))
    rows.sort()
    with open(path, "w", encoding="utf-8") as out:
        for rel, text in rows:
            out.write(json.dumps({"id": rel, "text": text}, ensure_ascii=False) + "\n")
    return len(rows)


def newsgraph(binary, args, data):
    run = subprocess.run([binary] + args, input=data, capture_output=True)
    if run.returncode != 0:
        raise RuntimeError(
            f"newsgraph {' '.join(args)} exited with {run.returncode}:\n{run.stderr.decode(errors='replace')}"
        )
    return run.stdout


def main():
    binary, src, work = sys.argv[1:4]
    jsonl = os.path.join(work, "articles.jsonl")
    n = write_jsonl(src, jsonl)
    with open(jsonl, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert len(lines) == n

    def extract(partition):
        data = "".join(line + "\n" for line in partition).encode("utf-8")
        out = newsgraph(binary, ["extract", "--jsonl", "-", "--emit", "graphs", "-q"], data)
        return out.decode("utf-8").splitlines()

    def merge(graph_lines):
        data = "".join(line + "\n" for line in graph_lines).encode("utf-8")
        return newsgraph(binary, ["merge", "-", "--emit", "line"], data).decode("utf-8").rstrip("\n")

    def pretty(line):
        return newsgraph(binary, ["merge", "-"], (line + "\n").encode("utf-8"))

    # Eight contiguous partitions of (nearly) equal size.
    size = -(-n // PARTITIONS)
    chunks = [lines[i * size : (i + 1) * size] for i in range(PARTITIONS)]
    bag = db.from_sequence(chunks, npartitions=PARTITIONS).flatten()
    assert bag.npartitions == PARTITIONS, bag.npartitions
    graphs = bag.map_partitions(extract)

    results = {}
    with dask.config.set(scheduler="threads", num_workers=2):
        count = graphs.count().compute()
        assert count == n, f"{count} graph lines for {n} articles"
        for every in (2, PARTITIONS):
            item = graphs.reduction(merge, merge, split_every=every)
            results[every] = item.apply(pretty).compute()

    one = os.path.join(work, "one.json")
    subprocess.run([binary, "extract", "-q", "--jsonl", jsonl, "-o", one], check=True)
    with open(one, "rb") as f:
        expected = f.read()
    same = True
    for every, got in results.items():
        with open(os.path.join(work, f"dask-{every}.json"), "wb") as f:
            f.write(got)
        if got != expected:
            same = False
            a, b = expected.decode().splitlines(), got.decode().splitlines()
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print(
                f"dask (merges of {every}) differs from one run at line {at + 1}:\n"
                f"  one run: {a[at] if at < len(a) else '<end>'}\n"
                f"  dask:    {b[at] if at < len(b) else '<end>'}",
                file=sys.stderr,
            )
    if not same:
        sys.exit(1)
    print(f"dask: {n} articles in {PARTITIONS} partitions; merges of 2 and of {PARTITIONS}: "
          f"{len(expected)} bytes, identical to one run")


if __name__ == "__main__":
    main()
