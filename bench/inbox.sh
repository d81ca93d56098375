#!/usr/bin/env bash
# The inbox of an agency holding 100,000 complaints (docs/benchmarks.md, "Inbox"): seeds intake's
# complaint_inbox table on the test kit's PostgreSQL with the agency's complaints and as many of
# another agency's, then times filtered pages through intake's HTTP endpoint with the agency admin's
# token (InboxBenchmark, intake test sources; not run by ./mvnw verify).
#
# Usage: bench/inbox.sh      (runs its own infrastructure; the suite may be stopped or running)
#   COMPLAINTS=100000 RUNS=100 WARMUP=20 RUN_DIR=bench/runs/inbox-<UTC time>
set -euo pipefail
cd "$(dirname "$0")/.."
run=$(realpath -m "${RUN_DIR:-bench/runs/inbox-$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$run"
./mvnw -B -q -o verify -pl intake-service -am -Dit.test=InboxBenchmark -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.complaints="${COMPLAINTS:-100000}" -Dbench.runs="${RUNS:-100}" -Dbench.warmup="${WARMUP:-20}" \
  >"$run/build.log" 2>&1 || { tail -n 40 "$run/build.log"; exit 1; }
cp intake-service/target/inbox-benchmark.md "$run/inbox.md"
cat "$run/inbox.md"
echo "Report: $run/inbox.md"
