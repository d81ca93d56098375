#!/usr/bin/env bash
# The fault-injection run (docs/benchmarks.md, "Faults under load"): starts the embedded default on a
# fresh data directory, runs a steady load through the gateway (citizen complaints, their verification,
# legacy imports past their deadline: benchmark/FaultLoad), and meanwhile, one after the other, with
# PHASE_SECONDS between them: kill -9 of each service (the launcher restarts it), a restart of the
# Kafka broker, PostgreSQL and the MongoDB stand-in, a second instance of each consumer (a rebalance
# in, and out again), and every event since the load began delivered again to each consumer. Then it
# waits until every consumer caught up and checks, complaint by complaint, that each is everywhere
# exactly once (benchmark/FaultCheck), writing <run>/faults.md.
#
# Usage: bench/faults.sh            (the suite must not be running)
#   RATE=4               citizen complaints per second
#   PHASE_SECONDS=60     time after each fault before the next
#   FAULTS="kill stores instances redelivery"   which groups of faults to inject
#   RUN_DIR=bench/runs/faults-<UTC time>
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-4}
PHASE_SECONDS=${PHASE_SECONDS:-60}
FAULTS=${FAULTS:-"kill stores instances redelivery"}
run=$(realpath -m "${RUN_DIR:-bench/runs/faults-$(date -u +%Y%m%dT%H%M%SZ)}")
data="$run/data"
mkdir -p "$run"
. bench/lib.sh
aduan_ctl() { ./aduan --data-dir="$data" "$@"; }
utc() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

bench_build
suite_start "$data"

echo "bench: steady load of $RATE complaints/s (and their verification, and imports past their deadline)"
bench_java -Dbench.rate="$RATE" id.aduan.benchmark.FaultLoad >"$run/load.log" 2>&1 &
helper=$!
load_began=$(utc)
sleep "$PHASE_SECONDS"

echo "fault,from,to" >"$run/phases.csv"
# phase NAME COMMAND...: runs the fault, then lets the load run PHASE_SECONDS more.
phase() {
  local name=$1 from
  shift
  from=$(utc)
  echo "bench: $(date -u +%T) $name"
  "$@" >>"$run/control.log" 2>&1 || echo "bench: '$*' failed, see $run/control.log"
  sleep "$PHASE_SECONDS"
  echo "$name,$from,$(utc)" >>"$run/phases.csv"
}
consumers="intake-service routing-service sla-service reporting-service"
for group in $FAULTS; do
  case $group in
    kill)
      for service in auth-server intake-service routing-service sla-service reporting-service gateway; do
        phase "kill -9 $service" aduan_ctl kill "$service"
      done ;;
    stores)
      for store in kafka postgres mongo; do phase "restart $store" aduan_ctl restart "$store"; done ;;
    instances)
      for service in $consumers; do
        phase "second $service instance (rebalance in and out)" sh -c "./aduan --data-dir='$data' scale $service 2; sleep $PHASE_SECONDS; ./aduan --data-dir='$data' scale $service 1"
      done ;;
    redelivery)
      for service in $consumers; do
        phase "every event again to $service" aduan_ctl redeliver "$service" --since="$load_began"
      done ;;
    *) echo "bench: unknown fault group $group"; exit 2 ;;
  esac
done

touch "$run/load-ended"
echo "bench: load ended; waiting for the retries in flight"
wait "$helper" || echo "bench: the load failed, see $run/load.log"
helper=""
tail -n 1 "$run/load.log"
echo "bench: waiting until every consumer caught up, then checking every complaint"
bench_java id.aduan.benchmark.FaultCheck | tee "$run/check.log"
grep -E "stopped unexpectedly|restarted|Restarting|moved back|killed on request" "$run/launcher.log" >"$run/launcher-events.log" || true
suite_stop
rm -rf "$data/kafka" "$data/mongo" "$data/postgres" # the logs stay in $data/logs
echo "bench: results in $run/faults.md"
