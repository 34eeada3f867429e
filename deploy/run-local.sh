#!/usr/bin/env bash
# Runs the whole system on this machine: a private MariaDB, auth on :4000 and catalog on :1337.
#
#   deploy/run-local.sh            start (JVM), print the URLs and a curl walk-through, stop everything on Ctrl-C
#   deploy/run-local.sh --detach   start in the background and return once both services are ready
#   deploy/run-local.sh --native   the same with the native binaries (with --detach too), built when missing
#   deploy/run-local.sh stop       stop what a detached run started (the data is kept)
#   deploy/run-local.sh status
#
# Needs only a JDK 17+ and curl. Builds the jars when missing or older than the sources, fetches MariaDB from Maven
# Central when none is installed, and keeps everything (data, dev keys, logs) under $VIDEOCLUB_LOCAL_DIR
# (default deploy/.local, git-ignored). A second start reuses the data and the keys. --native builds the binaries
# with ./mvnw package -Dnative when one is missing, which needs GraalVM or Mandrel (GRAALVM_HOME, or native-image on
# the PATH) or a container engine (QUARKUS_NATIVE_CONTAINER_BUILD=true); binaries older than the sources are used
# with a warning (a native build takes minutes: rebuild with the command it prints).
#
# Settings (environment): AUTH_ADMIN_USERNAME (admin), AUTH_ADMIN_PASSWORD (videoclub-admin), VIDEOCLUB_DB_PORT
# (3307), VIDEOCLUB_LOCAL_DIR, JAVA (the java command that runs the services, default java on the PATH), JAVA_OPTS
# (JVM options for both services; default the small-VM options of deploy/lib/jvm.sh), AUTH_JAVA_OPTS /
# CATALOG_JAVA_OPTS (added for one service), VIDEOCLUB_CLASS_CACHE (on; off runs without the class-data cache: the
# first start of a build records a JDK 25 AOT cache, or a JDK 17-24 AppCDS archive, written when the service stops
# and used by every later start of that build), NATIVE_OPTS (run-time options of both native binaries; default
# STACK_NATIVE_OPTS of deploy/lib/stack.sh).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL=${VIDEOCLUB_LOCAL_DIR:-$ROOT/deploy/.local}
mkdir -p "$LOCAL" && LOCAL=$(cd "$LOCAL" && pwd)
DB_PORT=${VIDEOCLUB_DB_PORT:-3307}
AUTH_PORT=4000
CATALOG_PORT=1337
ADMIN_USERNAME=${AUTH_ADMIN_USERNAME:-admin}
ADMIN_PASSWORD=${AUTH_ADMIN_PASSWORD:-videoclub-admin}
SERVICES=(auth catalog)
STACK_DIR=$LOCAL

# shellcheck source=lib/stack.sh
source "$ROOT/deploy/lib/stack.sh"
# shellcheck source=lib/walkthrough.sh
source "$ROOT/deploy/lib/walkthrough.sh"
# shellcheck source=lib/jvm.sh
source "$ROOT/deploy/lib/jvm.sh"

say() { printf '%s\n' "$*"; }
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

service_port() { stack_service_port "$1"; }
service_jar() { stack_jar "$ROOT" "$1"; }
service_binary() { stack_native_binary "$ROOT" "$1"; }

# The pid of a service this script started, if it still runs (the pid file may outlive a reboot).
service_pid() {
  local file="$LOCAL/run/$1.pid" pid
  [[ -f $file ]] || return 1
  pid=$(cat "$file")
  stack_is_service "$pid" && echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_java() {
  command -v "${JAVA:-java}" > /dev/null || fail "no '${JAVA:-java}' found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless) and try again"
  local version
  version=$("${JAVA:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [[ ${version%%.*} =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 17 )) \
    || fail "${JAVA:-java} is version ${version:-unknown}; the services need a JDK 17 or newer"
  command -v curl > /dev/null || fail "curl is needed (apt-get install curl)"
}

check_ports() {
  local port
  for port in "$DB_PORT" "$AUTH_PORT" "$CATALOG_PORT"; do
    if port_in_use "$port"; then
      fail "port $port is already in use. Is a previous run still up? Try 'deploy/run-local.sh stop'; otherwise find the owner with: ss -ltnp 'sport = :$port'$([[ $port == "$DB_PORT" ]] && echo " (or set VIDEOCLUB_DB_PORT to another port)")"
    fi
  done
}

# Builds both jars when one is missing or older than the sources it comes from.
build_if_needed() {
  local service reason=""
  for service in "${SERVICES[@]}"; do
    if [[ ! -f $(service_jar "$service") ]]; then
      reason="$service/target/quarkus-app/quarkus-run.jar is missing"
    elif [[ -n $(find "$ROOT/$service/src/main" "$ROOT/$service/pom.xml" "$ROOT/pom.xml" -newer "$(service_jar "$service")" -print -quit 2>/dev/null) ]]; then
      reason="the $service sources changed since the last build"
    fi
  done
  [[ -z $reason ]] && return 0
  say "Building ($reason): ./mvnw -q package -DskipTests ..."
  local started
  started=$(now_ms)
  (cd "$ROOT" && ./mvnw -q package -DskipTests) || fail "the build failed (output above)"
  say "Built in $(( ($(now_ms) - started) / 1000 )) s."
  for service in "${SERVICES[@]}"; do
    [[ -f $(service_jar "$service") ]] || fail "the build did not produce $(service_jar "$service")"
  done
}

# Builds both native binaries when one is missing; says so when one is older than the sources.
build_native_if_needed() {
  local service missing="" stale=""
  for service in "${SERVICES[@]}"; do
    if [[ ! -x $(service_binary "$service") ]]; then
      missing+=" $service"
    elif [[ -n $(find "$ROOT/$service/src/main" "$ROOT/$service/pom.xml" "$ROOT/pom.xml" -newer "$(service_binary "$service")" -print -quit 2>/dev/null) ]]; then
      stale+=" $service"
    fi
  done
  if [[ -n $stale && -z $missing ]]; then
    say "warning: the native binary of$stale is older than its sources; running it anyway (rebuild: ./mvnw package -Dnative -DskipTests)"
  fi
  [[ -z $missing ]] && return 0
  if [[ -z ${GRAALVM_HOME:-} ]] && ! command -v native-image > /dev/null && [[ ${QUARKUS_NATIVE_CONTAINER_BUILD:-} != true ]]; then
    fail "no native binary of$missing, and nothing to build one with: set GRAALVM_HOME to a GraalVM or Mandrel (or put its native-image on the PATH), or set QUARKUS_NATIVE_CONTAINER_BUILD=true to build in a container (docker or podman)"
  fi
  say "Building the native binaries (none of$missing yet): ./mvnw -q package -Dnative -DskipTests, several minutes ..."
  local started
  started=$(now_ms)
  (cd "$ROOT" && ./mvnw -q package -Dnative -DskipTests) || fail "the native build failed (output above)"
  say "Built in $(( ($(now_ms) - started) / 1000 )) s."
  for service in "${SERVICES[@]}"; do
    [[ -x $(service_binary "$service") ]] || fail "the build did not produce $(service_binary "$service")"
  done
}

start_database() {
  stack_start_database "$LOCAL" || fail "MariaDB did not start, or its schemas and account could not be made (see above)"
}

# Options for one service only (an AOT or CDS cache belongs to one jar): AUTH_JAVA_OPTS, CATALOG_JAVA_OPTS.
service_java_opts() {
  case $1 in
    auth) printf '%s' "${AUTH_JAVA_OPTS:-}" ;;
    catalog) printf '%s' "${CATALOG_JAVA_OPTS:-}" ;;
  esac
}

# The class-data cache of this build of the service (deploy/lib/jvm.sh): used when it exists, otherwise recorded by
# this run and written when the service stops.
class_cache_opts() {
  local service=$1 feature file
  [[ ${VIDEOCLUB_CLASS_CACHE:-on} == off ]] && return 0
  feature=$(jvm_feature "${JAVA:-java}")
  file=$(jvm_cache_file "$LOCAL/cache" "$service" "$ROOT/$service/target/quarkus-app" "$feature")
  if [[ -s $file ]]; then
    jvm_cache_use_opts "$file" "$feature"
    return 0
  fi
  mkdir -p "$LOCAL/cache"
  rm -f "$LOCAL/cache/$service"-*   # caches of earlier builds
  touch "$LOCAL/run/$service.recording"
  jvm_cache_make_opts "$file" "$feature"
}

start_service() {
  local service=$1
  rm -f "$LOCAL/run/$service.recording"
  # shellcheck disable=SC2086 # NATIVE_OPTS, JAVA_OPTS and AUTH_JAVA_OPTS / CATALOG_JAVA_OPTS are lists of options
  if [[ $MODE == native ]]; then
    stack_launch "$service" "$(service_binary "$service")" ${NATIVE_OPTS-$STACK_NATIVE_OPTS}
  else
    local jvm_opts service_opts cache_opts
    jvm_opts=${JAVA_OPTS-$(jvm_tuned_opts "${JAVA:-java}")}
    service_opts=$(service_java_opts "$service")
    cache_opts=$(class_cache_opts "$service")
    stack_launch "$service" "${JAVA:-java}" $jvm_opts $cache_opts $service_opts -jar "$(service_jar "$service")"
  fi
  STARTED_AT[$service]=$(now_ms)
}

# Waits for /q/health/ready; prints the wall-clock start-up time and Quarkus' own figure.
wait_ready() {
  local service=$1 port pid deadline
  port=$(service_port "$service")
  deadline=$(( $(now_ms) + 120000 ))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
    if ! pid=$(service_pid "$service"); then
      printf 'run-local: %s stopped during start-up; last lines of %s:\n' "$service" "$LOCAL/logs/$service.log" >&2
      tail -n 25 "$LOCAL/logs/$service.log" >&2
      return 1
    fi
    if (( $(now_ms) > deadline )); then
      printf 'run-local: %s not ready after 120 s; see %s and http://127.0.0.1:%s/q/health/ready\n' \
        "$service" "$LOCAL/logs/$service.log" "$port" >&2
      return 1
    fi
    sleep 0.2
  done
  local quarkus
  quarkus=$(sed -n 's/.* started in \([0-9.]*s\)\..*/\1/p' "$LOCAL/logs/$service.log" | tail -n 1)
  READY_LINES+=("$(printf '  %-8s http://localhost:%-5s ready %5.1f s after launch (Quarkus: started in %s)' \
    "$service" "$port" "$(( $(now_ms) - STARTED_AT[$service] ))e-3" "${quarkus:-?}")")
}

stop_all() {
  local service pid waited
  for service in catalog auth; do
    pid=$(service_pid "$service") || continue
    local limit=30
    if [[ -f $LOCAL/run/$service.recording ]]; then
      limit=180
      say "Stopping $service ($pid); it writes its class-data cache for the next start first, which takes a while ..."
    else
      say "Stopping $service ($pid) ..."
    fi
    kill -TERM "$pid" 2>/dev/null || true
    waited=0
    while kill -0 "$pid" 2>/dev/null; do
      (( waited++ < limit * 10 )) || { say "$service did not stop within $limit s, killing it"; kill -KILL "$pid"; break; }
      sleep 0.1
    done
    rm -f "$LOCAL/run/$service.pid" "$LOCAL/run/$service.recording"
  done
  if mdb_pid "$LOCAL" > /dev/null; then
    say "Stopping MariaDB ..."
    mdb_stop "$LOCAL"
  fi
  say "Stopped. Data and keys are kept in $LOCAL."
}

status() {
  local service pid any=1
  for service in "${SERVICES[@]}"; do
    if pid=$(service_pid "$service"); then
      say "$service: running (pid $pid) on http://localhost:$(service_port "$service")"; any=0
    else
      say "$service: not running"
    fi
  done
  if pid=$(mdb_pid "$LOCAL"); then say "mariadb: running (pid $pid) on 127.0.0.1:$DB_PORT"; any=0; else say "mariadb: not running"; fi
  return $any
}

print_summary() {
  cat <<EOF

Videoclub is running ($([[ $MODE == native ]] && echo "native binaries" || echo "JVM"); logs in $LOCAL/logs):
  Web UI   http://localhost:$CATALOG_PORT/   (the shop: storefront and back office)
$(printf '%s\n' "${READY_LINES[@]}")
  MariaDB  127.0.0.1:$DB_PORT, schemas auth and catalog, user videoclub (password in $LOCAL/db-password)

  Swagger UI      http://localhost:$AUTH_PORT/docs    http://localhost:$CATALOG_PORT/docs
  Health, metrics http://localhost:$AUTH_PORT/q/health/ready   http://localhost:$CATALOG_PORT/q/metrics
  Admin account   $ADMIN_USERNAME / $ADMIN_PASSWORD   (AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD)

Walk-through (README.md; copy and paste into another terminal):

$(walkthrough_lines "$ROOT/README.md" | sed 's/^/    /')

EOF
}

start() {
  local detach=$1 service
  if [[ $MODE == native ]]; then
    command -v curl > /dev/null || fail "curl is needed (apt-get install curl)"
  else
    check_java
  fi
  if status > /dev/null; then
    fail "already running (deploy/run-local.sh status); stop it first with 'deploy/run-local.sh stop'"
  fi
  check_ports
  if [[ $MODE == native ]]; then build_native_if_needed; else build_if_needed; fi
  mkdir -p "$LOCAL/logs" "$LOCAL/run"
  stack_ensure_keys
  stack_ensure_db_password
  # From here on, a failure or Ctrl-C stops whatever was started.
  trap 'trap - EXIT; stop_all; exit 130' INT TERM
  trap 'code=$?; if (( code != 0 )); then stop_all; fi' EXIT
  start_database
  declare -gA STARTED_AT=()
  READY_LINES=()
  for service in "${SERVICES[@]}"; do
    say "Starting $service on port $(service_port "$service") ..."
    start_service "$service"
  done
  for service in "${SERVICES[@]}"; do
    wait_ready "$service" || exit 1
  done
  print_summary
  if [[ $detach == yes ]]; then
    trap - INT TERM EXIT
    say "Running in the background: 'deploy/run-local.sh stop' stops it."
    return 0
  fi
  say "Press Ctrl-C to stop everything."
  # Watch the services; if one dies, stop the rest rather than leave a half-working system.
  while true; do
    for service in "${SERVICES[@]}"; do
      if ! service_pid "$service" > /dev/null; then
        printf 'run-local: %s exited; last lines of %s:\n' "$service" "$LOCAL/logs/$service.log" >&2
        tail -n 15 "$LOCAL/logs/$service.log" >&2
        exit 1
      fi
    done
    sleep 1
  done
}

COMMAND=start DETACH=no MODE=jvm
for arg in "$@"; do
  case $arg in
    start | stop | status) COMMAND=$arg ;;
    --detach | -d) DETACH=yes ;;
    --native) MODE=native ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) fail "unknown argument '$arg' (start, --detach, --native, stop, status)" ;;
  esac
done
case $COMMAND in
  start) start "$DETACH" ;;
  stop) stop_all ;;
  status) status ;;
esac
