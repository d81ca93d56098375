# Shared by the bench scripts (sourced, not run): building, starting and stopping the embedded
# default on a data directory of the run's own, and one Gatling run of SubmitComplaints.
# The caller sets `run` (the run's directory) and may set CLIENT and READY_TIMEOUT_SECONDS.

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLIENT=${CLIENT:-load-test:load-test-secret}
# Inherited by every service: the authorization server registers the load-test client and the
# gateway gives it its allowance (unlimited unless ADUAN_GATEWAY_OPTS sets apps.load-test).
export SPRING_PROFILES_ACTIVE=load-test
launcher=""
# The pid of a helper the script runs beside the suite (the observer, the load), stopped with it on exit.
helper=""
trap 'bench_exit' EXIT

now() { date +%s.%N; }

# bench_java ARGS...: a class of the benchmark module, told the run's directory, the checkout and
# the client; the script may add settings of its own in the array bench_settings.
bench_settings=()
bench_java() {
  "$java" -Xmx512m -cp "benchmark/target/classes:benchmark/target/lib/*" -Dbench.runDir="$run" -Dbench.home="$PWD" \
    -Dbench.client="$CLIENT" "${bench_settings[@]}" "$@"
}

bench_exit() {
  [ -n "$helper" ] && kill "$helper" 2>/dev/null || true
  suite_stop
}

bench_build() {
  echo "bench: building (the suite's jars if stale, and the benchmark module)"
  ./aduan build
  ./mvnw -B -q -Pbench -pl benchmark -DskipTests package
}

# suite_start DATA_DIR: starts ./aduan on it and waits until every service is ready; sets
# `launcher` (its pid) and `ready` (seconds from start).
suite_start() {
  local data=$1 started
  if [ -e "$data" ]; then echo "bench: $data exists: give the run a directory of its own (RUN_DIR)"; exit 1; fi
  echo "bench: starting the embedded default on $data"
  started=$(now)
  # JAVA_TOOL_OPTIONS reaches the launcher's JVM (./aduan passes no JVM options): a longer wait for
  # readiness, so that a busy machine gives a slow start rather than no run.
  JAVA_TOOL_OPTIONS="-Daduan.ready-timeout-seconds=${READY_TIMEOUT_SECONDS:-600}" setsid ./aduan --data-dir="$data" >"$run/launcher.log" 2>&1 &
  until grep -qs "Aduan is running" "$run/launcher.log"; do
    if grep -qs "did not start" "$run/launcher.log"; then cat "$run/launcher.log"; exit 1; fi
    sleep 0.2
  done
  ready=$(echo "$(now) - $started" | bc)
  launcher=$(pgrep -f "launcher.jar --data-dir=$data")
  printf 'bench: ready after %.1f s (launcher pid %s)\n' "$ready" "$launcher"
}

# suite_stop: SIGTERM to the launcher (what Ctrl-C does), then waits for it.
suite_stop() {
  if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
    kill -TERM "$launcher"
    while kill -0 "$launcher" 2>/dev/null; do sleep 0.2; done
  fi
  launcher=""
}

# gatling RATES STEP_SECONDS NAME: SubmitComplaints through the gateway, one step per rate (rates
# joined by commas: the Gatling plugin passes its JVM arguments on without shell quoting); the report
# goes to $run/gatling, the output to $run/NAME.log.
gatling() {
  JAVA_TOOL_OPTIONS= ./mvnw -B -Pbench -pl benchmark gatling:test -Dgatling.resultsFolder="$run/gatling" -Dbench.runDir="$run" \
    -Dbench.rates="${1// /,}" -Dbench.stepSeconds="$2" -Dbench.client="$CLIENT" >"$run/$3.log" 2>&1
}
