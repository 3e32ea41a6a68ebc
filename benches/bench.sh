#!/usr/bin/env bash
# The speed benchmark of newsgraph (issue 13), over the BBC corpus
# (../shared/corpus/bbc: 2,225 articles). README.md, section "Speed",
# shows its table and how to read it.
#
#   benches/bench.sh [--quick] [--reps N] [--corpus DIR] [--out FILE] [--bin PATH] [--no-build]
#
# It builds target/release/newsgraph and the floor example
# (examples/floor.rs), then measures, each with the command that produced
# it: extract at -j1, -j2 and all cores, to a file and to /dev/null (wall,
# CPU = user + sys, peak RSS, MB/s over the bytes of the *.txt files read,
# articles/s); speed-up and serial fraction; the stage breakdown
# (NEWSGRAPH_TIMINGS=1); the floor (read + lay out + tokenise + gazetteer
# match) the same way; peak RSS and time for 1, 2, 4, 8 identical copies of
# the corpus and 1, 4, 8 distinct copies; node, edge and evidence counts,
# output bytes and digests; one-article start-up; merge of the five section
# graphs; query latency (said, path, stats) on the corpus graph.
#
# The report (Markdown) goes to standard output and to --out (default
# target/bench/report.md). Timings are the fastest of --reps runs (default
# 3; --quick: 1 run, fewer copies), with the median beside it: on a shared
# machine the fastest run is the best estimate of the cost, and user + sys
# shows the CPU the run took whatever the load.
#
# Needs bash, GNU time (/usr/bin/time), python3 and cargo.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
quick=0
reps=3
corpus=$root/../shared/corpus/bbc
out=$root/target/bench/report.md
bin=
build=1
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=1; reps=1 ;;
        --reps) reps=$2; shift ;;
        --corpus) corpus=$2; shift ;;
        --out) out=$2; shift ;;
        --bin) bin=$2; shift ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench.sh: needs python3" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench.sh: $corpus: no such directory" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

if [ "$build" = 1 ]; then
    (cd "$root" && cargo build --release --quiet --bin newsgraph --example floor)
fi
ng=${bin:-$root/target/release/newsgraph}
floor=$(dirname "$ng")/examples/floor
[ -x "$ng" ] || { echo "bench.sh: $ng: not built" >&2; exit 2; }
[ -x "$floor" ] || { echo "bench.sh: $floor: not built (cargo build --release --example floor)" >&2; exit 2; }
cores=$(nproc)

raw=$tmp/raw.tsv      # case, run, wall s, user s, sys s, max RSS KiB, command
facts=$tmp/facts.tsv  # key, value
: >"$raw"
: >"$facts"
fact() { printf '%s\t%s\n' "$1" "$2" >>"$facts"; }

# How a command is shown in the report: the programs and the scratch
# directory by name.
shown() {
    local s
    s=$(printf '%q ' "$@")
    s=${s//"$floor"/floor}
    s=${s//"$ng"/newsgraph}
    s=${s//"$tmp"/\$TMP}
    s=${s//"$corpus"/bbc}
    s=${s//"$root"/.}
    printf '%s' "${s% }"
}

# measure CASE RUNS [VAR=VALUE] -- COMMAND...: run COMMAND RUNS times,
# standard output to $tmp/CASE.out, errors to $tmp/CASE.err; exit status 1
# ("nothing found") is not a failure.
measure() {
    local name=$1 runs=$2 env=()
    shift 2
    while [ "$1" != -- ]; do env+=("$1"); shift; done
    shift
    local i rc
    for ((i = 1; i <= runs; i++)); do
        rc=0
        env "${env[@]}" /usr/bin/time -f '%e\t%U\t%S\t%M' -o "$tmp/time" "$@" \
            >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
        if [ "$rc" -gt 1 ]; then
            echo "bench.sh: $name failed (exit $rc): $(shown "$@")" >&2
            cat "$tmp/$name.err" >&2
            exit 1
        fi
        printf '%s\t%d\t%s\t%s\n' "$name" "$i" "$(tail -1 "$tmp/time")" \
            "${env[*]}${env[*]:+ }$(shown "$@")" >>"$raw"
    done
}

bytes=$(find "$corpus" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
articles=$(find "$corpus" -name '*.txt' -type f | wc -l)
fact corpus "$corpus"
fact bytes "$bytes"
fact articles "$articles"
fact cores "$cores"
fact reps "$reps"
fact quick "$quick"
fact load "$(cut -d' ' -f1-3 /proc/loadavg)"
fact version "$("$ng" --version)"
fact commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"

# Is -o /dev/null safe? Write to a device node of our own: it must still
# be a character device afterwards (the write path must not rename over it).
devnull=ok
if mknod "$tmp/null" c 1 3 2>/dev/null; then
    "$ng" extract "$root/tests/fixtures/harbour-talks.txt" -o "$tmp/null" -q || devnull="extract -o a device failed"
    [ -c "$tmp/null" ] || devnull="extract -o DEVICE replaced the device with a file"
elif [ "$(id -u)" = 0 ]; then
    devnull="could not check (mknod failed)"
fi
fact devnull "$devnull"

jobs_list=$(printf '%s\n' 1 2 "$cores" | awk '!seen[$1]++')
echo "bench.sh: extract at -j" $jobs_list "($reps runs each)" >&2
for j in $jobs_list; do
    measure "extract-j$j-file" "$reps" -- "$ng" extract "$corpus" -j "$j" -q -o "$tmp/bbc-j$j.json"
    if [ "$devnull" = ok ]; then
        measure "extract-j$j-null" "$reps" -- "$ng" extract "$corpus" -j "$j" -q -o /dev/null
    fi
done
graph=$tmp/bbc-j$cores.json
for j in $jobs_list; do
    fact "sha-j$j" "$(sha256sum "$tmp/bbc-j$j.json" | cut -c1-16)"
done
fact out_bytes "$(wc -c <"$graph")"
"$ng" stats "$graph" --json >"$tmp/stats.json"

echo "bench.sh: stage timers" >&2
for j in 1 "$cores"; do
    NEWSGRAPH_TIMINGS=1 "$ng" extract "$corpus" -j "$j" -q -o "$tmp/timed.json" 2>"$tmp/timings-j$j.txt"
done

echo "bench.sh: the floor" >&2
for j in 1 "$cores"; do
    measure "floor-j$j" "$reps" -- "$floor" -j "$j" "$corpus"
done
cp "$tmp/floor-j1.out" "$tmp/floor.txt"

echo "bench.sh: one-article start-up" >&2
measure startup 5 -- "$ng" extract "$root/tests/fixtures/harbour-talks.txt" -q -o "$tmp/one.json"

echo "bench.sh: copies of the corpus" >&2
if [ "$quick" = 1 ]; then same_list="1 2"; distinct_list="1 4"; else same_list="1 2 4 8"; distinct_list="1 4 8"; fi
python3 - "$corpus" "$tmp/copies" <<'EOF'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
files = []
for d, _, names in os.walk(src):
    files += [os.path.join(d, n) for n in names if n.endswith(".txt")]
for k in range(1, 9):
    for f in files:
        data = open(f, "rb").read()
        rel = os.path.relpath(f, src)
        for kind, extra in (("same", b""), ("distinct", b"This is copy %d of the corpus.\n" % k)):
            out = os.path.join(dst, kind, "copy%d" % k, rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            body = data if data.endswith(b"\n") or not extra else data + b"\n"
            open(out, "wb").write(body + extra)
EOF
for n in $same_list; do
    dirs=()
    for ((k = 1; k <= n; k++)); do dirs+=("$tmp/copies/same/copy$k"); done
    measure "same-$n" 1 -- "$ng" extract "${dirs[@]}" -q -o "$tmp/same.json"
done
for n in $distinct_list; do
    dirs=()
    for ((k = 1; k <= n; k++)); do dirs+=("$tmp/copies/distinct/copy$k"); done
    # 1 and 4 copies are timed (the 4.1 goal) as often as the corpus; 8 for memory, once
    measure "distinct-$n" "$([ "$n" -le 4 ] && echo "$reps" || echo 1)" -- "$ng" extract "${dirs[@]}" -q -o "$tmp/distinct.json"
done
rm -rf "$tmp/copies"

echo "bench.sh: merge of the five section graphs" >&2
sections=()
for d in "$corpus"/*/; do
    s=$(basename "$d")
    "$ng" extract "$d" -q -o "$tmp/section-$s.json"
    sections+=("$tmp/section-$s.json")
done
measure merge "$reps" -- "$ng" merge "${sections[@]}" -o "$tmp/merged.json"
"$ng" stats "$tmp/merged.json" --json >"$tmp/merged-stats.json"

echo "bench.sh: queries" >&2
measure said-by 5 -- "$ng" said "$graph" --by Blair
measure said-about 5 -- "$ng" said "$graph" --about China
measure said-none 5 -- "$ng" said "$graph" --about "words no article has"
measure path 5 -- "$ng" path "$graph" Blair Brown
measure stats 5 -- "$ng" stats "$graph"

mkdir -p "$(dirname "$out")"
python3 "$root/benches/report.py" "$tmp" | tee "$out"
echo "bench.sh: report written to $out" >&2
