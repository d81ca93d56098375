#!/usr/bin/env bash
# The load benchmark (docs/benchmarks.md): builds what is needed, starts the embedded default
# (./aduan) on a fresh data directory, optionally stores SEED complaints first, measures the
# baselines, runs the Gatling simulation through the gateway at rising constant rates while the
# observer follows every complaint's events, stops the suite with SIGTERM (as Ctrl-C does) and
# prints the results table, also written to <run>/results.md with Gatling's HTML report beside it.
#
# Usage: bench/load.sh [--quick]            (the suite must not be running)
#   RATES="50 100 200 400 800"  complaints/s, one step each       (--quick: "50 100 200")
#   STEP_SECONDS=120            length of each step               (--quick: 20)
#   SEED=0                      complaints stored before the load (through the legacy import)
#   DRAIN_SECONDS=120           how long to wait after the load for the consumers to catch up
#   CLIENT=load-test:load-test-secret   the client whose tokens the citizens use: the load-test
#                               client, registered and given its own allowance by the load-test
#                               profile (docs/security.md, "Rate limits"); every other limit is the
#                               documented production setting
#   ADUAN_GATEWAY_OPTS          extra gateway settings for the run (none by default)
#   READY_TIMEOUT_SECONDS=600   how long the launcher waits for the services to be ready
#   RUN_DIR=bench/runs/<UTC time>   where everything goes
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--quick" ]; then
  RATES=${RATES:-"50 100 200"}
  STEP_SECONDS=${STEP_SECONDS:-20}
  mode="quick"
  mode_option="--quick"
else
  RATES=${RATES:-"50 100 200 400 800"}
  STEP_SECONDS=${STEP_SECONDS:-120}
  mode="full"
  mode_option=""
fi
SEED=${SEED:-0}
DRAIN_SECONDS=${DRAIN_SECONDS:-120}
run=$(realpath -m "${RUN_DIR:-bench/runs/$(date -u +%Y%m%dT%H%M%SZ)}")
data="$run/data"
mkdir -p "$run"
. bench/lib.sh
export ADUAN_GATEWAY_OPTS=${ADUAN_GATEWAY_OPTS:-}
bench_settings=(-Dbench.rates="${RATES// /,}" -Dbench.stepSeconds="$STEP_SECONDS")

bench_build

suite_start "$data"
{
  printf '### Ready: all six services answered their readiness probe %.1f s after ./aduan started\n\n' "$ready"
  echo '| service | ready after (launcher log) |'
  echo '|---|---|'
  sed -n 's/.* \([a-z-]*\) ready on port [0-9]* after \([0-9.]*\) s.*/| \1 | \2 s |/p' "$run/launcher.log"
} >"$run/ready.md"

jvm_options=${ADUAN_JAVA_OPTS:-"the launcher defaults (launcher/ServiceProcesses.java)"}
cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)
{
  printf '## %s UTC, %s mode\n\n' "$(date -u '+%Y-%m-%d %H:%M')" "$mode"
  printf -- '- command: `RATES="%s" STEP_SECONDS=%s SEED=%s bench/load.sh %s`\n' "$RATES" "$STEP_SECONDS" "$SEED" "$mode_option"
  printf -- '- machine: %s cores (%s), %s GiB, %s; load average when ready: %s\n' "$(nproc)" "$cpu" \
    "$(free -g | awk '/Mem:/ {print $2}')" "$("$java" -version 2>&1 | grep version | head -n 1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf -- '- tokens: client credentials of `%s` (profile load-test); extra gateway settings: `%s`\n' "${CLIENT%%:*}" "${ADUAN_GATEWAY_OPTS:-none}"
  printf -- '- services JVM options: %s\n' "$jvm_options"
} >"$run/run.md"

if [ "$SEED" -gt 0 ]; then
  echo "bench: storing $SEED complaints through the legacy import"
  bench_java -Dbench.seed="$SEED" id.aduan.benchmark.Seed
fi

echo "bench: baselines (raw Kafka, MongoDB stand-in, PostgreSQL)"
bench_java id.aduan.benchmark.Baselines

echo "bench: load at $RATES complaints/s, $STEP_SECONDS s each"
bench_java -Dbench.launcherPid="$launcher" -Dbench.drainSeconds="$DRAIN_SECONDS" id.aduan.benchmark.Observer >"$run/observer.log" 2>&1 &
helper=$!
until [ -f "$run/observer-ready" ]; do kill -0 "$helper" || { cat "$run/observer.log"; exit 1; }; sleep 0.2; done
gatling "$RATES" "$STEP_SECONDS" gatling || echo "bench: Gatling ended with an error, see $run/gatling.log"
touch "$run/load-ended"
echo "bench: load ended; waiting (at most $DRAIN_SECONDS s) until every complaint is processed and every lag is zero"
wait "$helper" || echo "bench: the observer failed, see $run/observer.log"
helper=""

stopping=$(now)
suite_stop
printf '\nStopped (SIGTERM) in %.1f s.\n' "$(echo "$(now) - $stopping" | bc)" >>"$run/ready.md"
rm -rf "$data/kafka" "$data/mongo" "$data/postgres" # the logs stay in $data/logs

bench_java id.aduan.benchmark.Report
