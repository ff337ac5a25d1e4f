#!/usr/bin/env bash
# Long coverage-guided fuzzing run of every reader fuzz target (importers, graph.json, images),
# recorded in results/fuzz.csv.
#
#   io/fuzz-long.sh [RUNS] [TARGET...]
#
# Defaults: 1000000 executions; NpyFuzzTest NpzFuzzTest SafetensorsFuzzTest GraphFuzzTest
# RgbImageFuzzTest (JsonFuzzTest, which has no short run, runs when named).
#
# Each target runs in the io module's fuzz-long profile (io/pom.xml): Jazzer's agent on, coverage
# over org.swis.io.** and org.swis.reference.**, libFuzzer bounded by -runs=RUNS (and by
# swis.fuzz.seconds, 6 h here, as a safety net). The corpus grows in io/.cifuzz-corpus (kept between
# runs, not committed); a crashing input lands in the target's Inputs directory under
# src/test/resources, where the default build replays it as a regression test.
#
# The row written for a target is parsed from the run's own output, never typed in:
#   executions, seconds  <- libFuzzer's closing "Done N runs in S second(s)" (else the last "#N" line)
#   corpus, cov, ft      <- the last status line ("#N DONE cov: C ft: F corp: K/..")
#   findings             <- the number of "== Java Exception" reports (0 when the run ended clean)
# plus Jazzer's version (from the parent POM), the JDK (java.runtime.version) and the commit.
# Full logs go to io/target/fuzz-long/<target>.log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-1000000}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(NpyFuzzTest NpzFuzzTest SafetensorsFuzzTest GraphFuzzTest RgbImageFuzzTest)
fi

csv="$root/results/fuzz.csv"
logs="$here/target/fuzz-long"
mkdir -p "$logs"
header="target,executions,seconds,corpus,cov,ft,findings,jazzer,jdk,commit"
if [ ! -s "$csv" ]; then
    echo "$header" > "$csv"
fi

jazzer=$(sed -n 's:.*<jazzer.version>\(.*\)</jazzer.version>.*:\1:p' "$root/pom.xml" | head -1)
# The JDK that ./mvnw runs (JAVA_HOME, else java on the PATH), as vendor-version.
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
jdk=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | head -1)
commit=$(git -C "$root" rev-parse --short HEAD)
if ! git -C "$root" diff --quiet HEAD -- . ':!results/fuzz.csv'; then
    commit="$commit-dirty"
fi

for t in "${targets[@]}"; do
    log="$logs/$t.log"
    echo "fuzzing $t for $runs executions (log: $log)" >&2
    status=0
    (cd "$root" && ./mvnw -B -pl io -am test \
        -Djazzer.fuzz=1 -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
        -Dswis.fuzz.runs="$runs" -Dswis.fuzz.seconds=21600) > "$log" 2>&1 || status=$?

    last=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
    done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
    if [ -n "$done_line" ]; then
        execs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/' <<< "$done_line")
        secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/' <<< "$done_line")
    else
        execs=$(sed -E 's/^#([0-9]+).*/\1/' <<< "$last")
        secs=""
    fi
    cov=$(grep -oE 'cov: [0-9]+' <<< "$last" | grep -oE '[0-9]+' || true)
    ft=$(grep -oE 'ft: [0-9]+' <<< "$last" | grep -oE '[0-9]+' || true)
    corp=$(grep -oE 'corp: [0-9]+' <<< "$last" | grep -oE '[0-9]+' || true)
    findings=$(grep -c '== Java Exception' "$log" || true)
    if [ -z "$execs" ] || { [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; }; then
        echo "$t: the run did not fuzz (exit $status); see $log" >&2
        exit 1
    fi
    # One row per target: a new run replaces the target's previous row.
    grep -v "^$t," "$csv" > "$csv.tmp" || true
    echo "$t,$execs,$secs,$corp,$cov,$ft,$findings,$jazzer,$jdk,$commit" >> "$csv.tmp"
    { head -1 "$csv.tmp"; tail -n +2 "$csv.tmp" | sort; } > "$csv"
    rm -f "$csv.tmp"
    echo "$t: $execs executions in ${secs}s, corpus $corp, cov $cov ft $ft, findings $findings" >&2
done
