#!/usr/bin/env bash
# Measures the embedded default on this machine: time until every service is ready, time from a
# submission through the gateway until the national report counts it (N complaints, one at a time),
# and time to stop. Uses a fresh data directory, so it measures a first start.
# Usage: bench/first-flow.sh [N]    (the suite must not be running; builds first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
data=$(mktemp -d)
log="$data/launcher.log"

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
token() { curl -s -u "$1" -d grant_type=client_credentials http://localhost:9000/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
received() { curl -s -H "Authorization: Bearer $coordinator" http://localhost:8080/api/v1/reports/national | sed -E 's/.*"received":([0-9]+).*/\1/'; }

./aduan build
start=$(now)
setsid ./aduan --data-dir="$data" >"$log" 2>&1 &
until grep -q "Aduan is running" "$log"; do
  grep -q "did not start" "$log" && { cat "$log"; exit 1; }
  sleep 0.2
done
ready=$(elapsed "$start")

citizen=$(token citizen-app:citizen-secret)
coordinator=$(token coordinator:coordinator-secret)
latencies=()
for i in $(seq 1 "$n"); do
  sent=$(now)
  curl -s -o /dev/null -X POST http://localhost:8080/api/v1/complaints -H "Authorization: Bearer $citizen" \
    -H 'Content-Type: application/json' \
    -d '{"title":"Jalan berlubang","description":"Lubang besar di Jalan Merdeka.","categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"}}'
  until [ "$(received)" -ge "$i" ]; do sleep 0.02; done
  latencies+=("$(elapsed "$sent")")
done

launcher=$(pgrep -f "launcher.jar --data-dir=$data")
stop=$(now)
kill -TERM "$launcher"
while kill -0 "$launcher" 2>/dev/null; do sleep 0.1; done
stopped=$(elapsed "$stop")
rm -rf "$data"

sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
worst=$(echo "$sorted" | tail -n 1)
first=${latencies[0]}
printf "| %s | %d | %.1f s | %.2f s | %.2f s | %.2f s | %.1f s | |\n" "$(date -u +%Y-%m-%d)" "$n" "$ready" "$first" "$median" "$worst" "$stopped"
