#!/usr/bin/env bash
# CPU per complaint, process by process (docs/benchmarks.md, "Where the time goes"). Starts the
# embedded default on a fresh data directory, warms it up (WARM_RATE complaints/s for WARM_SECONDS),
# waits until the machine is idle, submits RATE complaints/s for DURATION seconds through the gateway, waits
# until it is idle again, and prints the CPU time each process spent (utime + stime from /proc, the
# PostgreSQL processes summed) divided by the complaints submitted; the suite's capacity on this
# machine is about (cores × 1000) ÷ the total, in complaints/s.
#
# Usage: bench/cpu.sh                  (the suite must not be running)
#   RATE=30 DURATION=60 WARM_RATE=20 WARM_SECONDS=90
#   JFR=1        also records every JVM with Java Flight Recorder (settings=profile) during the
#                measured load, into <run>/jfr/<process>.jfr (read them with JDK Mission Control, or
#                `jfr view hot-methods|thread-cpu-load FILE` from a JDK 21 or later)
#   CLIENT, READY_TIMEOUT_SECONDS, RUN_DIR=bench/runs/cpu-<UTC time>   as for bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-30}
DURATION=${DURATION:-60}
WARM_RATE=${WARM_RATE:-20}
WARM_SECONDS=${WARM_SECONDS:-90}
run=$(realpath -m "${RUN_DIR:-bench/runs/cpu-$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$run"
. bench/lib.sh

# suite_jvms: "pid name" for the launcher's JVM and each service's (named after its jar).
suite_jvms() {
  local pid name
  for pid in $launcher $(pgrep -P "$launcher" || true); do
    name=$(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null | grep -o '[a-z-]*\.jar' | head -n 1 || true)
    [ -n "$name" ] && echo "$pid ${name%.jar}"
  done
}

# cpu_seconds: "name seconds" for the launcher, each service and PostgreSQL (all its processes).
cpu_seconds() {
  local pid name
  suite_jvms | while read -r pid name; do echo "$name $(awk '{print ($14 + $15) / 100}' /proc/"$pid"/stat)"; done | sort -k1,1
  echo "postgresql $(for pid in $(pgrep -x postgres || true); do awk '{print ($14 + $15) / 100}' /proc/"$pid"/stat; done | awk '{s += $1} END {print s + 0}')"
}

# wait_idle LIMIT: until the machine was less than 20% busy over 5 s, at most LIMIT seconds.
wait_idle() {
  local waited=0 a b busy total
  while [ "$waited" -lt "$1" ]; do
    read -ra a < <(head -n 1 /proc/stat); sleep 5; read -ra b < <(head -n 1 /proc/stat)
    waited=$((waited + 5))
    busy=$(( (b[1] + b[2] + b[3] + b[6] + b[7]) - (a[1] + a[2] + a[3] + a[6] + a[7]) ))
    total=$(( busy + b[4] - a[4] + b[5] - a[5] ))
    if [ $((100 * busy / total)) -lt 20 ]; then echo "$waited"; return; fi
  done
  echo "more than $1"
}

bench_build
suite_start "$run/data"
echo "bench: warming up at $WARM_RATE/s for $WARM_SECONDS s"
gatling "$WARM_RATE" "$WARM_SECONDS" warm-up
echo "bench: idle again after $(wait_idle 300) s"
if [ "${JFR:-}" = 1 ]; then
  mkdir -p "$run/jfr"
  suite_jvms | while read -r pid name; do
    jcmd "$pid" JFR.start name=bench settings=profile filename="$run/jfr/$name.jfr" >/dev/null
  done
fi
cpu_seconds >"$run/cpu-before.txt"
echo "bench: $RATE complaints/s for $DURATION s"
gatling "$RATE" "$DURATION" load
drained=$(wait_idle 600)
cpu_seconds >"$run/cpu-after.txt"
if [ "${JFR:-}" = 1 ]; then
  suite_jvms | while read -r pid name; do jcmd "$pid" JFR.stop name=bench >/dev/null 2>&1 || true; done
fi
sent=$(sed -n 's/.*request count *| *\([0-9,]*\) *|.*/\1/p' "$run/load.log" | head -n 1 | tr -d ,)
ok=$(sed -n 's/.*request count *| *[0-9,]* *| *\([0-9,]*\) *|.*/\1/p' "$run/load.log" | head -n 1 | tr -d ,)
{
  printf '%s UTC: %s/s for %s s after %s/s for %s s; ready after %.0f s; %s sent, %s accepted; idle %s s after the load\n\n' \
    "$(date -u '+%Y-%m-%d %H:%M')" "$RATE" "$DURATION" "$WARM_RATE" "$WARM_SECONDS" "$ready" "$sent" "$ok" "$drained"
  echo '| process | CPU seconds | ms of CPU per complaint |'
  echo '|---|---|---|'
  join "$run/cpu-before.txt" "$run/cpu-after.txt" | awk -v n="$ok" '
    { d = $3 - $2; total += d; printf "| %s | %.1f | %.1f |\n", $1, d, 1000 * d / n }
    END { printf "| all | %.1f | %.1f |\n", total, 1000 * total / n }'
  echo
  grep -E "percentile|mean throughput" "$run/load.log" | head -n 6 | sed 's/^> */    /'
} | tee "$run/cpu.md"
suite_stop
rm -rf "$run/data/kafka" "$run/data/mongo" "$run/data/postgres" # the logs stay in $run/data/logs
