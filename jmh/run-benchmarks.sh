#!/usr/bin/env bash
# Full measurement run behind results/decompose.csv and results/kernels.csv (docs/KERNELS.md §6-7).
#   jmh/run-benchmarks.sh [java17] [java25]
# Builds nothing: run `./mvnw -B -pl jmh -am package -DskipTests` first (jmh/target/benchmarks.jar).
# Every published row: 3 forks x 5 measured 1 s iterations after 3 x 1 s warm-up; each fork runs one
# parameter combination (one kernel per JVM). -foe true: a kernel that fails its setup (unknown name,
# a batch it cannot run, a wrong result) stops the run with a non-zero exit instead of dropping its row.
# Raw JMH JSON goes to a fresh folder results/raw/<UTC start>-full/, one file per (JDK, parameter plan),
# each with <name>.build.properties beside it (org.swis.jmh.BuildStamp: the jar's commit, dirty flag and
# the SHA-256 of user jars); the CSVs are rebuilt from that folder only by org.swis.jmh.ResultsToCsv
# (each separate mode below: from its own folder into its own CSV).
# Wall time on the 2-core reference machine: about 130 minutes (164 parameter combinations x 3 forks, with the
# batch 2, 4, 8 rows on both JDKs: 08:40-10:49 UTC on 2026-12-02).
# Environment: SWIS_BENCH_JARS=a.jar:b.jar adds user kernel jars to the class path (every fork inherits
# it); SWIS_BENCH_JAR_SHA256="a.jar=<sha256> b.jar=<sha256>" is recorded in the stamps (`swis bench --jar`
# sets both).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=jmh/target/benchmarks.jar
CP="$JAR${SWIS_BENCH_JARS:+:$SWIS_BENCH_JARS}"
J17=${1:-java}
J25=${2:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
START=$(date -u +%Y%m%dT%H%M%SZ)
RAW=results/raw/$START-full
ITER=(-f 3 -wi 3 -w 1 -i 5 -r 1 -foe true)
# SWIS_BENCH_QUICK=1: one fork, one short iteration, to check the plan end to end (rows labelled "quick").
if [ "${SWIS_BENCH_QUICK:-0}" = 1 ]; then ITER=(-f 1 -wi 0 -i 1 -r 100ms -foe true); RAW=results/tmp/raw/$START-quick; fi
# The command recorded in every row (`swis bench` passes its own command line).
COMMAND=${SWIS_BENCH_COMMAND:-"jmh/run-benchmarks.sh $*"}
# SWIS_BENCH_LAYOUTS=1: only the layout comparison (issue 11): swis-vector (compact units, 8 bits/weight) against
# swis-packed-vector (packed units, 4.5 bits/weight at N = 2) and int8-vector at batch 1, one JMH thread and two
# (-t 2: each thread its own call and its own copy of the weights), 3 forks each, JDK 17 and 25
# -> results/raw/<start>-layouts/ and results/kernels_layouts.csv (ratios within that run only).
# SWIS_BENCH_WORKLOAD=1: only the accuracy workload's shapes (ResNet-20 3x3 convs at 1024/256/64 columns,
# MobileNet-v2 1x1 convs at 49 columns), swis-vector through gemmInts against int8-vector, JDK 17 and 25
# -> results/raw/<start>-workload/ and results/kernels_workload.csv.
if [ "${SWIS_BENCH_WORKLOAD:-0}" = 1 ]; then
  RAW=results/raw/$START-workload
  COMMAND="SWIS_BENCH_WORKLOAD=1 $COMMAND"
fi
if [ -n "${SWIS_BENCH_GEMV_BEFORE:-}" ]; then # (run below)
  RAW=results/raw/$START-gemv
  COMMAND="SWIS_BENCH_GEMV_BEFORE=$SWIS_BENCH_GEMV_BEFORE $COMMAND"
fi
if [ "${SWIS_BENCH_PROCESSES:-0}" = 1 ]; then # (run below)
  RAW=results/raw/$START-processes
  COMMAND="SWIS_BENCH_PROCESSES=1 $COMMAND"
fi
if [ "${SWIS_BENCH_THREADS:-0}" = 1 ]; then # (run below)
  RAW=results/raw/$START-threads
  COMMAND="SWIS_BENCH_THREADS=1 $COMMAND"
fi
if [ "${SWIS_BENCH_LAYOUTS:-0}" = 1 ]; then
  RAW=results/raw/$START-layouts
  COMMAND="SWIS_BENCH_LAYOUTS=1 $COMMAND"
  if [ "${SWIS_BENCH_QUICK:-0}" = 1 ]; then RAW=results/tmp/raw/$START-layouts; fi
fi
mkdir -p "$RAW"
read -r -a STAMP_ARGS <<< "${SWIS_BENCH_JAR_SHA256:-}"
CSV=(java --add-modules jdk.incubator.vector -cp "$CP" org.swis.jmh.ResultsToCsv)

each_jdk() { # function args...: calls `function <jdk-label> <java> args...` for JDK 17 and 25 (a missing JVM is skipped)
  local f=$1 pair
  shift
  for pair in "jdk17 $J17" "jdk25 $J25"; do
    set -- $pair "$@"
    [ -x "$2" ] || command -v "$2" >/dev/null || { shift 2; continue; }
    "$f" "$@"
    shift 2
  done
}

run() { # jdk-label java json-name benchmark-regex params...  (RUN_CP=<jar>: another benchmark jar, A/B runs)
  local label=$1 java=$2 name=$3 regex=$4
  local cp=${RUN_CP:-$CP}
  shift 4
  echo "== $label $name $(date -u +%H:%M:%S)"
  "$java" ${RUN_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main "$regex" "${ITER[@]}" "$@" -rf json -rff "$RAW/$name-$label.json" \
      > "$RAW/$name-$label.log" 2>&1 \
    || { echo "FAILED: see $RAW/$name-$label.log"; tail -20 "$RAW/$name-$label.log"; exit 1; }
  "$java" -cp "$cp" org.swis.jmh.BuildStamp "$RAW/$name-$label.json" --command "$COMMAND" ${STAMP_ARGS[@]+"${STAMP_ARGS[@]}"}
}

kernels_full() { # label java
  local l=$1 j=$2
  run "$l" "$j" kernels-swis-llm KernelBenchmark -p kernel=swis-vector \
      -p shape=llm-4096x4096,llm-11008x4096,llm-4096x11008,resnet18-layer4 -p n=2,3,4 -p batch=1,16
  run "$l" "$j" kernels-swis-n1 KernelBenchmark -p kernel=swis-vector -p shape=llm-4096x4096 -p n=1 -p batch=1,16
  run "$l" "$j" kernels-swis-conv KernelBenchmark -p kernel=swis-vector \
      -p shape=resnet18-conv1,resnet18-layer1,mobilenetv2-expand960,mobilenetv2-conv1280 -p n=4 -p batch=1,16
  run "$l" "$j" kernels-int8 KernelBenchmark -p kernel=int8-vector \
      -p shape=llm-4096x4096,llm-11008x4096,llm-4096x11008,resnet18-layer4,resnet18-conv1,resnet18-layer1,mobilenetv2-expand960,mobilenetv2-conv1280 \
      -p n=4 -p batch=1,16
  run "$l" "$j" kernels-f32 KernelBenchmark -p kernel=f32-vector \
      -p shape=llm-4096x4096,llm-11008x4096,llm-4096x11008,resnet18-layer4,resnet18-conv1,resnet18-layer1,mobilenetv2-expand960,mobilenetv2-conv1280 \
      -p n=4 -p batch=1
  run "$l" "$j" kernels-scalar KernelBenchmark -p kernel=swis-scalar,int8-scalar -p shape=llm-4096x4096 -p n=4 -p batch=1,16
  run "$l" "$j" kernels-f32-scalar KernelBenchmark -p kernel=f32-scalar -p shape=llm-4096x4096 -p n=4 -p batch=1
}

kernels_batches() { # label java: batches between GEMV and the batch-16 GEMM (issue 11), SWIS and int8
  local l=$1 j=$2
  run "$l" "$j" kernels-batches-swis KernelBenchmark -p kernel=swis-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=2,3,4 -p batch=2,4,8
  run "$l" "$j" kernels-batches-int8 KernelBenchmark -p kernel=int8-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=4 -p batch=2,4,8
}

kernels_layouts() { # label java threads forks
  local l=$1 j=$2 t=$3 f=$4
  local iter=("${ITER[@]}")
  if [ "${SWIS_BENCH_QUICK:-0}" != 1 ]; then ITER=(-f "$f" -wi 3 -w 1 -i 5 -r 1 -foe true); fi
  run "$l" "$j" "kernels-layouts-t$t" KernelBenchmark -t "$t" -p kernel=swis-vector,swis-packed-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=2,3,4 -p batch=1
  run "$l" "$j" "kernels-layouts-int8-t$t" KernelBenchmark -t "$t" -p kernel=int8-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=4 -p batch=1
  ITER=("${iter[@]}")
}

kernels_workload() { # label java: the accuracy workload's conv-as-GEMM shapes at one image's pixel columns
  local l=$1 j=$2
  local pair shape batch
  for pair in resnet20-conv16:1024 resnet20-conv32:256 resnet20-conv64:64 mobilenetv2-expand960:49 mobilenetv2-conv1280:49; do
    shape=${pair%%:*}
    batch=${pair##*:}
    run "$l" "$j" "kernels-workload-$shape" KernelBenchmark -p kernel=swis-vector,int8-vector -p api=ints \
        -p shape="$shape" -p n=4 -p batch="$batch"
  done
}

kernels_short() { # label java: the headline shapes only
  local l=$1 j=$2
  run "$l" "$j" kernels-swis-llm KernelBenchmark -p kernel=swis-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=2,3,4 -p batch=1,16
  run "$l" "$j" kernels-int8 KernelBenchmark -p kernel=int8-vector \
      -p shape=llm-4096x4096,llm-11008x4096 -p n=4 -p batch=1,16
  run "$l" "$j" kernels-f32 KernelBenchmark -p kernel=f32-vector -p shape=llm-4096x4096,llm-11008x4096 -p n=4 -p batch=1
}

decompose_full() {
  local l=$1 j=$2
  run "$l" "$j" decompose-vector DecomposeBenchmark -p kernel=table-vector -p scheme=swis,swis-c -p n=2,3,4 \
      -p m=4,8 -p threads=1,2 -p shape=256x4096
  run "$l" "$j" decompose-scalar DecomposeBenchmark -p kernel=table-scalar -p scheme=swis -p n=4 -p m=4 \
      -p threads=1,2 -p shape=256x4096
  run "$l" "$j" decompose-reference DecomposeBenchmark -p kernel=reference -p scheme=swis,swis-c -p n=4 -p m=4 \
      -p threads=1 -p shape=16x4096
}

decompose_short() {
  local l=$1 j=$2
  run "$l" "$j" decompose-vector DecomposeBenchmark -p kernel=table-vector -p scheme=swis -p n=2,3,4 -p m=4 \
      -p threads=1,2 -p shape=256x4096
  run "$l" "$j" decompose-reference DecomposeBenchmark -p kernel=reference -p scheme=swis -p n=4 -p m=4 \
      -p threads=1 -p shape=16x4096
}

# SWIS_BENCH_GC=1: only the garbage-collector comparison of the decomposer (G1 vs Parallel, 1 and 2
# threads, JDK 17 and 25) -> results/raw/<start>-full/gc-decompose-gc-*.json and results/decompose_gc.csv (KERNELS.md §7).
if [ "${SWIS_BENCH_GC:-0}" = 1 ]; then
  for gc in G1 Parallel; do
    for pair in "jdk17 $J17" "jdk25 $J25"; do
      set -- $pair
      [ -x "$2" ] || command -v "$2" >/dev/null || continue
      run "$1" "$2" "gc-decompose-gc-$gc" DecomposeBenchmark -p kernel=table-vector \
          -p scheme=swis -p n=4 -p m=4 -p threads=1,2 -p shape=256x4096 \
          -jvmArgsAppend "--add-modules jdk.incubator.vector -Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:+Use${gc}GC"
    done
  done
  "${CSV[@]}" results/decompose_gc.csv "$RAW"/gc-decompose-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

# SWIS_BENCH_THREADS=1: only the decomposer's two-thread speed-up (issue 11 target >= 1.8x), table-vector, SWIS,
# N = 4, M = 4, one and two threads, 6 forks x 5 iterations on JDK 17 and 25 -> results/raw/<start>-threads/ and
# results/decompose_threads.csv (speed-up within that run only).
if [ "${SWIS_BENCH_WORKLOAD:-0}" = 1 ]; then
  kernels_workload jdk17 "$J17"
  if [ -x "$J25" ]; then kernels_workload jdk25 "$J25"; fi
  "${CSV[@]}" results/kernels_workload.csv "$RAW"/kernels-workload-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

# SWIS_BENCH_GEMV_BEFORE=<benchmarks.jar of an earlier commit>: the batch-1 GEMV A/B of a kernel change (issue 11):
# swis-vector from that jar and from jmh/target/benchmarks.jar, and int8-vector (current jar), on the two LLM shapes,
# N = 2, 3, 4, JDK 17 and 25, 4 forks x 5 iterations, interleaved per shape (int8, after, before) so host drift
# hits both sides alike -> results/raw/<start>-gemv/ and results/kernels_gemv.csv (each row names its jar's commit).
gemv_ab() { # label java
  local shape
  for shape in llm-4096x4096 llm-11008x4096; do
    run "$1" "$2" "kernels-gemv-int8-$shape" KernelBenchmark -p kernel=int8-vector -p shape="$shape" -p n=4 -p batch=1
    run "$1" "$2" "kernels-gemv-after-$shape" KernelBenchmark -p kernel=swis-vector -p shape="$shape" -p n=2,3,4 -p batch=1
    RUN_CP=$SWIS_BENCH_GEMV_BEFORE run "$1" "$2" "kernels-gemv-before-$shape" KernelBenchmark -p kernel=swis-vector \
        -p shape="$shape" -p n=2,3,4 -p batch=1
  done
}

if [ -n "${SWIS_BENCH_GEMV_BEFORE:-}" ]; then
  ITER=(-f 4 -wi 3 -w 1 -i 5 -r 1 -foe true)
  each_jdk gemv_ab
  "${CSV[@]}" results/kernels_gemv.csv "$RAW"/kernels-gemv-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

# SWIS_BENCH_PROCESSES=1: the decomposer in one process with one and two threads, and in two one-thread processes
# started together (issue 11: "two processes scaled better than two threads"), table-vector, SWIS, N = 4, M = 4,
# 6 forks x 5 iterations, JDK 17 -> results/raw/<start>-processes/ and results/decompose_processes.csv. The two
# processes run the same plan, so their forks and iterations overlap in time (not to the millisecond).
if [ "${SWIS_BENCH_PROCESSES:-0}" = 1 ]; then
  ITER=(-f 6 -wi 3 -w 1 -i 5 -r 1 -foe true)
  plan=(DecomposeBenchmark -p kernel=table-vector -p scheme=swis -p n=4 -p m=4 -p shape=256x4096)
  run jdk17 "$J17" decompose-processes-one "${plan[@]}" -p threads=1,2
  # two JMH runners at once: each would refuse to start while the other holds /tmp/jmh.lock
  export RUN_JAVA_OPTS=-Djmh.ignoreLock=true
  run jdk17 "$J17" decompose-processes-a "${plan[@]}" -p threads=1 -p processes=2 & pa=$!
  run jdk17 "$J17" decompose-processes-b "${plan[@]}" -p threads=1 -p processes=2 & pb=$!
  wait "$pa" && wait "$pb"
  "${CSV[@]}" results/decompose_processes.csv "$RAW"/decompose-processes-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

if [ "${SWIS_BENCH_THREADS:-0}" = 1 ]; then
  ITER=(-f 6 -wi 3 -w 1 -i 5 -r 1 -foe true)
  each_jdk run decompose-threads DecomposeBenchmark -p kernel=table-vector -p scheme=swis -p n=4 -p m=4 \
      -p threads=1,2 -p shape=256x4096
  "${CSV[@]}" results/decompose_threads.csv "$RAW"/decompose-threads-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

if [ "${SWIS_BENCH_LAYOUTS:-0}" = 1 ]; then
  kernels_layouts jdk17 "$J17" 1 3
  kernels_layouts jdk17 "$J17" 2 3
  if [ -x "$J25" ]; then kernels_layouts jdk25 "$J25" 1 3; kernels_layouts jdk25 "$J25" 2 3; fi
  OUT=results
  if [ "${SWIS_BENCH_QUICK:-0}" = 1 ]; then OUT=results/tmp; fi
  "${CSV[@]}" "$OUT/kernels_layouts.csv" "$RAW"/kernels-layouts-*.json
  echo "== done $(date -u +%H:%M:%S)"
  exit 0
fi

decompose_full jdk17 "$J17"
kernels_full jdk17 "$J17"
kernels_batches jdk17 "$J17"
if [ -x "$J25" ]; then
  decompose_short jdk25 "$J25"
  kernels_short jdk25 "$J25"
  kernels_batches jdk25 "$J25"
fi
OUT=results
if [ "${SWIS_BENCH_QUICK:-0}" = 1 ]; then OUT=results/tmp; fi
"${CSV[@]}" "$OUT/decompose.csv" "$RAW"/decompose-*.json
"${CSV[@]}" "$OUT/kernels.csv" "$RAW"/kernels-*.json
echo "== done $(date -u +%H:%M:%S)"
