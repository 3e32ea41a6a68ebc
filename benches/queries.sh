#!/usr/bin/env bash
# Run a fixed set of query commands on one graph and write each one's
# standard output, standard error and exit status to DIR, one file a query,
# so that two builds can be compared with `diff -r`.
#
#   benches/queries.sh BINARY GRAPH DIR
#
# The queries are chosen for the BBC corpus graph (names that match, names
# that match nothing, every query command and output format).
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 BINARY GRAPH DIR" >&2
    exit 2
fi
bin=$1 graph=$2 out=$3
mkdir -p "$out"
n=0
run() {
    n=$((n + 1))
    local f
    f=$(printf '%s/%02d' "$out" "$n")
    printf '%s\n' "$*" >"$f.cmd"
    local rc=0
    "$bin" "$@" >"$f.out" 2>"$f.err" || rc=$?
    echo "$rc" >"$f.rc"
}
run stats "$graph"
run stats "$graph" --json --top 25
run said "$graph" --by Blair
run said "$graph" --by "Gordon Brown" --about Blair --evidence
run said "$graph" --about China --json
run said "$graph" --by "Nobody Xyzzy"
run said "$graph" --about "words nobody wrote zzq"
run said "$graph" --by Blair --since "2005-01-01"
run path "$graph" Blair Brown
run path "$graph" Blair Bush --all --max-hops 3 --limit 20
run path "$graph" "Tony Blair" China --via said,about --json
run path "$graph" Blair Brown --avoid "Labour"
run path "$graph" Blair "Nobody Xyzzy"
run neighbors "$graph" Blair
run neighbors "$graph" Blair --depth 2 --format json
run neighbors "$graph" China --format dot
run neighbors "$graph" "EU" --format graphml
run neighbors "$graph" "Nobody Xyzzy"
run edges "$graph" --kind accused --to Blair
run edges "$graph" --kind cites --json
run top "$graph" accused
run top "$graph" quoted
run export "$graph" --format json
