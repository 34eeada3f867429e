#!/usr/bin/env bash
# Benchmark of the two services (issue 5): start-up, footprint and throughput against measured ceilings.
#
#   deploy/bench/bench.sh                    1,000 books, own stack, about 10 minutes
#   deploy/bench/bench.sh --books 1000000    a million books (seeding takes a few minutes the first time)
#   deploy/bench/bench.sh --reuse            measure a stack that deploy/run-local.sh already runs (4000, 1337, 3307)
#   deploy/bench/bench.sh --native           the JVM and the native binaries side by side in one run (the binaries
#                                            of ./mvnw package -Dnative; not with --reuse)
#
# Options: --books N (1000), --duration S per scenario (10), --warmup S before each (10), --jit-warmup S before all
#   (120, spread over the endpoints: C2 needs more than a minute on two cores), --connections C (50),
#   --label TEXT (added to the results file name), --keep (leave the stack running), --no-variants (skip the
#   start-up comparison of JVM settings), --wipe (with --reuse: allowed to replace the catalog data with the seed).
# Environment: BENCH_JAVA_HOME (default Temurin 25 when installed, else the `java` on the PATH), BENCH_JAVA_OPTS
#   (replaces the tuned JVM options below), BENCH_APP_DIR (directory holding auth/ and catalog/ with
#   target/quarkus-app; default the repository), BENCH_AUTH_PORT (14000), BENCH_CATALOG_PORT (11337),
#   BENCH_DB_PORT (13307), AUTH_PASSWORD_BCRYPT_COST (10), BENCH_SERVICE_ENV (extra VAR=value settings for both
#   services, e.g. to measure a configuration change before it is made: "QUARKUS_HTTP_ACCESS_LOG_ENABLED=false").
#
# Own stack: the one of deploy/run-local.sh (deploy/lib/stack.sh: MariaDB, keys, the services' settings) but with
# its own data directory (deploy/bench/.local, git-ignored) and ports, a copy of the jars and binaries (so a build
# running at the same time cannot change them under the benchmark; the binaries installed as
# deploy/systemd/install-binaries.sh installs them) and per-service JVM options (the AOT cache is per jar).
# The bench learns cursors from the catalog's own "next" links and the SQL it analyses from MariaDB's general log
# while the measured requests run, so that it copies neither the cursor format nor the queries.
#
# Load: wrk (installed with apt-get when missing) from this process's host, 127.0.0.1 only, bounded in time.
# Ceilings, measured in the same run: HTTP = GET /q/health/live of the same service (no database, no auth), before
# and after the scenarios (the higher counts);
# database = sysbench oltp_point_select (primary-key SELECTs over TCP, as many threads as the services' pool).
# Results: printed and written to deploy/bench/results/<date>-<books>[-label].md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=$ROOT/deploy/bench
BOOKS=1000 DURATION=10 WARMUP=10 JIT_WARMUP=120 CONNECTIONS=50 LABEL="" KEEP=no VARIANTS=yes REUSE=no WIPE=no NATIVE=no
while (( $# )); do
  case $1 in
    --books) BOOKS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --jit-warmup) JIT_WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --keep) KEEP=yes ;;
    --no-variants) VARIANTS=no ;;
    --reuse) REUSE=yes ;;
    --wipe) WIPE=yes ;;
    --native) NATIVE=yes ;;
    -h | --help) sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $BOOKS =~ ^[0-9]+$ ]] && (( BOOKS >= 100 && BOOKS <= 10000000 )) || { echo "bench: --books must be 100..10000000" >&2; exit 2; }
[[ $NATIVE == yes && $REUSE == yes ]] && { echo "bench: --native starts its own stack; it does not go with --reuse" >&2; exit 2; }

say() { printf '%s\n' "$*" >&2; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# --- settings -------------------------------------------------------------------------------------------------------
if [[ $REUSE == yes ]]; then
  LOCAL=${VIDEOCLUB_LOCAL_DIR:-$ROOT/deploy/.local}
  AUTH_PORT=4000 CATALOG_PORT=1337 DB_PORT=${VIDEOCLUB_DB_PORT:-3307}
  VARIANTS=no
else
  LOCAL=$BENCH/.local
  AUTH_PORT=${BENCH_AUTH_PORT:-14000} CATALOG_PORT=${BENCH_CATALOG_PORT:-11337} DB_PORT=${BENCH_DB_PORT:-13307}
fi
ADMIN_USERNAME=${AUTH_ADMIN_USERNAME:-admin}
ADMIN_PASSWORD=${AUTH_ADMIN_PASSWORD:-videoclub-admin}
READER_USERNAME=bench-reader READER_PASSWORD=bench-reader-password
BCRYPT_COST=${AUTH_PASSWORD_BCRYPT_COST:-10}
APP_DIR=${BENCH_APP_DIR:-$ROOT}
CPUS=$(nproc)
POOL_SIZE=${DB_POOL_SIZE:-16}
LOGIN_CONNECTIONS=$(( CPUS * 4 ))   # enough to keep every core hashing; 50 would only queue behind bcrypt

if [[ -n ${BENCH_JAVA_HOME:-} ]]; then JAVA=$BENCH_JAVA_HOME/bin/java
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=$(command -v java) || fail "no java on the PATH"; fi
# shellcheck source=../lib/jvm.sh
source "$ROOT/deploy/lib/jvm.sh"
JAVA_FEATURE=$(jvm_feature "$JAVA")
(( JAVA_FEATURE >= 17 )) || fail "$JAVA is Java $JAVA_FEATURE; the services need 17+"
# The `java` on the PATH, for the baseline start-up row (no options, no cache).
DEFAULT_JAVA=$(command -v java || echo "$JAVA")

# Tuned JVM options: deploy/lib/jvm.sh (the ones run-local.sh uses), unless BENCH_JAVA_OPTS replaces them.
# MALLOC_ARENA_MAX=2 (environment): glibc would otherwise keep a malloc arena per thread that ever allocated.
TUNED_OPTS=${BENCH_JAVA_OPTS:-$(jvm_tuned_opts "$JAVA")}
SERVICE_ENV=(MALLOC_ARENA_MAX=2 ${BENCH_SERVICE_ENV:-})

# --- tools ----------------------------------------------------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v wrk > /dev/null || missing+=(wrk)
  command -v sysbench > /dev/null || missing+=(sysbench)
  command -v curl > /dev/null || missing+=(curl)
  if (( ${#missing[@]} )); then
    say "Installing ${missing[*]} (apt-get) ..."
    apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null \
      || fail "could not install ${missing[*]}; install them and retry"
  fi
}

STACK_DIR=$LOCAL
# shellcheck source=../lib/stack.sh
source "$ROOT/deploy/lib/stack.sh"

# --- stack ----------------------------------------------------------------------------------------------------------
service_port() { stack_service_port "$1"; }
declare -A PID=()

snapshot_jars() {
  local service
  for service in auth catalog; do
    [[ -f $APP_DIR/$service/target/quarkus-app/quarkus-run.jar ]] \
      || fail "$APP_DIR/$service/target/quarkus-app is missing: build first (./mvnw package -DskipTests) or set BENCH_APP_DIR"
    rm -rf "$LOCAL/app/$service" && mkdir -p "$LOCAL/app"
    cp -a "$APP_DIR/$service/target/quarkus-app" "$LOCAL/app/$service"
  done
  if [[ $NATIVE == yes ]]; then
    rm -rf "$LOCAL/app/native"
    DESTDIR=$LOCAL/app/native "$ROOT/deploy/systemd/install-binaries.sh" "$APP_DIR" > /dev/null \
      || fail "no native binaries to measure: build them first (./mvnw package -Dnative -DskipTests)"
  fi
  APP_HASH=$(cd "$LOCAL/app" && find . -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-12)
  # The class-data cache names hash the jars: computed once here, not on every lookup.
  declare -gA CACHE_FILE=()
  for service in auth catalog; do
    CACHE_FILE[$service]=$(jvm_cache_file "$LOCAL/cache" "$service" "$LOCAL/app/$service" "$JAVA_FEATURE")
  done
  APP_COMMIT=$( (cat "$APP_DIR/COMMIT" 2>/dev/null || git -C "$APP_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown) | head -n1)
  if [[ -z $(git -C "$APP_DIR" status --porcelain -- auth/src catalog/src 2>/dev/null) ]]; then APP_DIRTY=""; else APP_DIRTY=" + uncommitted changes"; fi
}

start_database() {
  stack_ensure_db_password
  # The MariaDB binaries unpacked by deploy/run-local.sh are reused.
  stack_start_database "$ROOT/deploy/.local" >&2 || fail "MariaDB did not start, or the schemas could not be made"
}

# start_service NAME JAVA "OPTIONS": launches like run-local.sh (deploy/lib/stack.sh), returns at once. JAVA
# "native" runs the service's native binary with OPTIONS instead.
start_service() {
  local service=$1 java=$2 opts=$3
  STACK_SERVICE_ENV=(DB_POOL_SIZE="$POOL_SIZE" AUTH_PASSWORD_BCRYPT_COST="$BCRYPT_COST" "${SERVICE_ENV[@]}")
  # shellcheck disable=SC2086 # opts is a list of options
  if [[ $java == native ]]; then
    stack_launch "$service" "$LOCAL/app/native/opt/videoclub/bin/$service" $opts
  else
    stack_launch "$service" "$java" $opts -jar "$LOCAL/app/$service/quarkus-run.jar"
  fi
  PID[$service]=$STACK_PID
}

# Milliseconds from launch to the first answered request (any HTTP status from /q/health/live).
wait_first_answer() {
  local service=$1 started=$2 port deadline
  port=$(service_port "$service")
  deadline=$(( started + 120000 ))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/q/health/live") != 000 ]]; do
    kill -0 "${PID[$service]}" 2>/dev/null || { tail -n 20 "$LOCAL/logs/$service.log" >&2; fail "$service stopped during start-up"; }
    (( $(now_ms) < deadline )) || fail "$service did not answer within 120 s (see $LOCAL/logs/$service.log)"
    sleep 0.02
  done
  echo $(( $(now_ms) - started ))
}

wait_ready() {
  local port waited=0
  port=$(service_port "$1")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
    (( waited++ < 600 )) || fail "$1 not ready after 60 s"
    sleep 0.1
  done
}

stop_service() {
  local service=$1 pid waited=0
  pid=${PID[$service]:-}
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    (( waited++ < 600 )) || { kill -KILL "$pid"; break; }
    sleep 0.1
  done
  unset "PID[$service]"
  rm -f "$LOCAL/run/$service.pid"
}

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1 / 1024}'; }
# The file-backed part of a process's RSS: jars, the JDK's libraries and the class-data cache, mapped and clean (the
# kernel can drop these pages and read them again), unlike the heap and the JVM's own memory.
rss_file_mb() { awk '/^RssFile:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# An idle RSS table cell from RSS_MB, measured already, and PID: "180 MB (64 file-backed)".
idle_rss_cell() { echo "$1 MB ($(rss_file_mb "$2") file-backed)"; }

# start_both LABEL JAVA "AUTH_OPTS" "CATALOG_OPTS": starts auth then catalog (one at a time, so that each start-up
# has the cores), records start-up times and idle RSS (3 s after catalog is ready) in STARTUP_ROWS.
STARTUP_ROWS=()
start_both() {
  local label=$1 java=$2 auth_opts=$3 catalog_opts=$4 started auth_ms catalog_ms
  started=$(now_ms); start_service auth "$java" "$auth_opts"; auth_ms=$(wait_first_answer auth "$started")
  wait_ready auth
  started=$(now_ms); start_service catalog "$java" "$catalog_opts"; catalog_ms=$(wait_first_answer catalog "$started")
  wait_ready catalog
  sleep 3
  local auth_q catalog_q
  auth_q=$(sed -n 's/.* started in \([0-9.]*s\)\..*/\1/p' "$LOCAL/logs/auth.log" | tail -n 1)
  catalog_q=$(sed -n 's/.* started in \([0-9.]*s\)\..*/\1/p' "$LOCAL/logs/catalog.log" | tail -n 1)
  IDLE_RSS_AUTH=$(rss_mb "${PID[auth]}") IDLE_RSS_CATALOG=$(rss_mb "${PID[catalog]}")
  STARTUP_ROWS+=("| $label | $auth_ms ms (Quarkus ${auth_q:-?}) | $catalog_ms ms (Quarkus ${catalog_q:-?}) | $(idle_rss_cell "$IDLE_RSS_AUTH" "${PID[auth]}") | $(idle_rss_cell "$IDLE_RSS_CATALOG" "${PID[catalog]}") |")
  say "  $label: auth $auth_ms ms, catalog $catalog_ms ms to first answer; idle RSS auth $IDLE_RSS_AUTH MB, catalog $IDLE_RSS_CATALOG MB"
  LAST_AUTH_MS=$auth_ms LAST_CATALOG_MS=$catalog_ms
}

stop_both() { stop_service catalog; stop_service auth; }

# Class-data cache per service and JVM (deploy/lib/jvm.sh), made by a training run (start, exercise every endpoint,
# clean exit) when missing.
cache_file() { echo "${CACHE_FILE[$1]}"; }
cache_make_opts() { jvm_cache_make_opts "$(cache_file "$1")" "$JAVA_FEATURE"; }
cache_use_opts() { jvm_cache_use_opts "$(cache_file "$1")" "$JAVA_FEATURE"; }

train_caches() {
  [[ -f $(cache_file auth) && -f $(cache_file catalog) ]] && { say "Class-data caches for this build exist ($LOCAL/cache)."; return 0; }
  mkdir -p "$LOCAL/cache"
  say "Training run to make the class-data caches (JDK $JAVA_FEATURE) ..."
  start_both "training run (not a figure)" "$JAVA" "$TUNED_OPTS $(cache_make_opts auth)" "$TUNED_OPTS $(cache_make_opts catalog)"
  unset 'STARTUP_ROWS[-1]'
  login_tokens
  local i cursor=""
  for i in $(seq 1 30); do
    curl -s -o /dev/null -X POST "http://127.0.0.1:$AUTH_PORT/login" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$READER_USERNAME\",\"password\":\"$READER_PASSWORD\"}"
    curl -s -o /dev/null "http://127.0.0.1:$AUTH_PORT/session" -H "Authorization: Bearer $READER_TOKEN"
    curl -s -o /dev/null "http://127.0.0.1:$CATALOG_PORT/books/$i" -H "Authorization: Bearer $READER_TOKEN"
    curl -s -o /dev/null "http://127.0.0.1:$CATALOG_PORT/books?limit=20&q=garden" -H "Authorization: Bearer $READER_TOKEN"
    cursor=$(next_cursor "/books?limit=20${cursor:+&cursor=$cursor}")
    curl -s -o /dev/null -X POST "http://127.0.0.1:$CATALOG_PORT/inventory/$i/stock" -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H 'Content-Type: application/json' -d '{"delta":1}'
  done
  stop_both   # the caches are written at a clean exit
  [[ -f $(cache_file auth) && -f $(cache_file catalog) ]] || say "warning: no class-data cache was written (see $LOCAL/logs/*.log); measuring without"
}

# --- data -----------------------------------------------------------------------------------------------------------
catalog_sql() { mdb_sql "$1" -N -B catalog; }

seed_catalog() {
  local have
  have=$(catalog_sql "SELECT CONCAT((SELECT COUNT(*) FROM book), '/', (SELECT COALESCE(MAX(id),0) FROM book), '/', (SELECT COUNT(*) FROM inventory_item), '/', (SELECT COUNT(*) FROM book_genre))")
  if [[ $have == "$BOOKS/$BOOKS/$BOOKS/$(( 2 * BOOKS ))" ]]; then
    say "Catalog already holds the $BOOKS seeded books."
    SEED_NOTE="already seeded"
    return 0
  fi
  if [[ $REUSE == yes && $WIPE != yes ]]; then
    fail "the catalog holds other data ($have books/max id/items/links); --wipe lets the bench replace it with $BOOKS generated books"
  fi
  say "Seeding the catalog with $BOOKS books (bulk SQL) ..."
  local started
  started=$(now_ms)
  sed "s/__BOOKS__/$BOOKS/g" "$BENCH/seed-catalog.sql" | "$MDB_CLIENT" --no-defaults --protocol=socket --socket="$MDB_SOCKET" -uroot catalog > /dev/null \
    || fail "seeding failed"
  SEED_NOTE="seeded in $(( ($(now_ms) - started) / 1000 )) s"
  say "  $SEED_NOTE"
}

api() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
token_of() { sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'; }

create_users() {
  local code
  code=$(api -X POST "http://127.0.0.1:$AUTH_PORT/users" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$READER_USERNAME\",\"password\":\"$READER_PASSWORD\"}")
  [[ $code == 201 || $code == 409 ]] || fail "could not create the test user $READER_USERNAME (HTTP $code)"
}

login_tokens() {
  READER_TOKEN=$(curl -s -X POST "http://127.0.0.1:$AUTH_PORT/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$READER_USERNAME\",\"password\":\"$READER_PASSWORD\"}" | token_of)
  ADMIN_TOKEN=$(curl -s -X POST "http://127.0.0.1:$AUTH_PORT/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$ADMIN_USERNAME\",\"password\":\"$ADMIN_PASSWORD\"}" | token_of)
  [[ -n $READER_TOKEN && -n $ADMIN_TOKEN ]] || fail "could not log in the test users"
}

# The "next" cursor of a catalog list page (PATH with its query), as the catalog makes it.
next_cursor() {
  curl -s "http://127.0.0.1:$CATALOG_PORT$1" -H "Authorization: Bearer $READER_TOKEN" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p'
}

# The cursor of the page after the first N books (ids 1..N once seeded), from the catalog's own "next" links: N / 100
# requests (a few seconds for 900,000 books).
cursor_after() {
  local n=$1 seen=0 limit cursor=""
  while (( seen < n )); do
    limit=$(( n - seen < 100 ? n - seen : 100 ))
    cursor=$(next_cursor "/books?limit=$limit${cursor:+&cursor=$cursor}")
    [[ -n $cursor ]] || fail "no next cursor after $seen books"
    seen=$(( seen + limit ))
  done
  printf '%s\n' "$cursor"
}

# --- load -----------------------------------------------------------------------------------------------------------
# run_wrk PORT CONNECTIONS SECONDS [env assignments for wrk.lua...] -> prints "rps p50_ms p99_ms errors requests"
run_wrk() {
  local port=$1 connections=$2 seconds=$3; shift 3
  local out
  out=$(env "$@" wrk -t "$(( CPUS < connections ? CPUS : connections ))" -c "$connections" -d "${seconds}s" --timeout 5s \
    -s "$BENCH/wrk.lua" "http://127.0.0.1:$port" 2>&1 | grep '^RESULT' || true)
  [[ -n $out ]] || { echo "0 0 0 0 0"; return; }
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         err = v["connect"] + v["read"] + v["write"] + v["status"] + v["timeout"]
         printf "%.0f %.2f %.2f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, err, v["requests"] }' <<< "$out"
}

# Peak RSS of both services while a command runs.
PEAK_AUTH=0 PEAK_CATALOG=0 PEAK_AUTH_AT="" PEAK_CATALOG_AT=""
with_rss_sampling() {
  local name=$1; shift
  local file=$LOCAL/run/rss.$$ sampler
  ( while true; do echo "$(ps -o rss= -p "${PID[auth]:-1}" 2>/dev/null || echo 0) $(ps -o rss= -p "${PID[catalog]:-1}" 2>/dev/null || echo 0)"; sleep 0.5; done ) > "$file" &
  sampler=$! SAMPLER=$!
  "$@"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; SAMPLER=""
  local a c
  read -r a c < <(awk '{ if ($1 > a) a = $1; if ($2 > c) c = $2 } END { printf "%d %d\n", a / 1024, c / 1024 }' "$file")
  rm -f "$file"
  if (( a > PEAK_AUTH )); then PEAK_AUTH=$a PEAK_AUTH_AT=$name; fi
  if (( c > PEAK_CATALOG )); then PEAK_CATALOG=$c PEAK_CATALOG_AT=$name; fi
}

declare -A R=()   # R[name]="rps p50 p99 errors requests"
scenario() {  # scenario NAME PORT CONNECTIONS env...
  local name=$1 port=$2 connections=$3; shift 3
  say "  $name ($connections connections, ${WARMUP}s warm-up + ${DURATION}s) ..."
  (( WARMUP > 0 )) && run_wrk "$port" "$connections" "$WARMUP" "$@" > /dev/null
  R[$name]=$(run_wrk "$port" "$connections" "$DURATION" "$@")
  say "    ${R[$name]}  (req/s p50 p99 errors requests)"
}
scenario_sampled() { local name=$1; with_rss_sampling "$name" scenario "$@"; }

db_ceiling() {
  say "  database ceiling: sysbench oltp_point_select, $POOL_SIZE threads, ${DURATION}s ..."
  mdb_sql "CREATE DATABASE IF NOT EXISTS sbtest; CREATE USER IF NOT EXISTS 'bench'@'%' IDENTIFIED BY 'bench';
           GRANT ALL PRIVILEGES ON sbtest.* TO 'bench'@'%'; FLUSH PRIVILEGES;"
  local common=(--db-driver=mysql --mysql-host=127.0.0.1 "--mysql-port=$DB_PORT" --mysql-user=bench --mysql-password=bench
                --mysql-db=sbtest --tables=1 --table-size=10000)
  sysbench oltp_point_select "${common[@]}" cleanup > /dev/null 2>&1 || true
  sysbench oltp_point_select "${common[@]}" prepare > /dev/null 2>&1 || fail "sysbench prepare failed"
  (( WARMUP > 0 )) && sysbench oltp_point_select "${common[@]}" --threads="$POOL_SIZE" --time="$WARMUP" run > /dev/null 2>&1
  local out
  out=$(sysbench oltp_point_select "${common[@]}" --threads="$POOL_SIZE" --time="$DURATION" --skip-trx=on \
    --histogram=on --percentile=99 run 2>&1)
  sysbench oltp_point_select "${common[@]}" cleanup > /dev/null 2>&1 || true
  mdb_sql "DROP DATABASE IF EXISTS sbtest; DROP USER IF EXISTS 'bench'@'%';"
  # queries per second; p50 from the latency histogram (value | bar count); p99 from the summary; errors
  R[db]=$(awk '
    /^ +[0-9.]+ \|/ { n++; val[n] = $1; cnt[n] = $NF; total += $NF }
    /queries:/ { gsub(/[()]/, "", $3); qps = $3 }
    /99th percentile:/ { p99 = $3 }
    /ignored errors:/ { errors = $3 }
    /total number of events:/ { events = $5 }
    END { half = total / 2; for (i = 1; i <= n; i++) { seen += cnt[i]; if (seen >= half) { p50 = val[i]; break } }
          printf "%.0f %.2f %.2f %d %d\n", qps, p50, p99, errors, events }' <<< "$out")
  say "    ${R[db]}  (queries/s p50 p99 errors events)"
}

bcrypt_ceiling() {
  say "  bcrypt ceiling: cost $BCRYPT_COST on $CPUS threads, 5 s ..."
  BCRYPT=$("$JAVA" -cp "$LOCAL/app/auth/lib/main/*" "$BENCH/BcryptCeiling.java" "$BCRYPT_COST" "$CPUS" 5 2>/dev/null) \
    || fail "the bcrypt ceiling program failed"
  BCRYPT_RPS=$(sed -n 's/.*checks_per_s=\([0-9.]*\).*/\1/p' <<< "$BCRYPT")
  BCRYPT_MS=$(sed -n 's/.*ms_per_check=\([0-9.]*\).*/\1/p' <<< "$BCRYPT")
  say "    $BCRYPT"
}

fulltext_matches() {
  catalog_sql "SELECT COUNT(*) FROM book WHERE MATCH (title, author) AGAINST ('+garden*' IN BOOLEAN MODE)" 2>/dev/null || echo "?"
}

# --- run ------------------------------------------------------------------------------------------------------------
ensure_tools
mkdir -p "$BENCH/results" "$LOCAL/logs" "$LOCAL/run"
DATE=$(date +%Y-%m-%d)
RESULTS=$BENCH/results/$DATE-$BOOKS${LABEL:+-$LABEL}.md
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
CPU_MODEL=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)
MEM_TOTAL=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -n 1)
DEFAULT_JAVA_VERSION=$("$DEFAULT_JAVA" -version 2>&1 | head -n 1)
say "Machine: $CPUS x $CPU_MODEL, $MEM_TOTAL; load average $LOAD_BEFORE"
say "JVM: $JAVA ($JAVA_VERSION); options: $TUNED_OPTS"

cleanup() {
  local code=$?
  [[ -n ${SAMPLER:-} ]] && kill "$SAMPLER" 2>/dev/null
  if [[ $REUSE == no && $KEEP == no ]]; then
    stop_both 2>/dev/null || true
    mdb_stop "$LOCAL" 2>/dev/null || true
  fi
  exit "$code"
}

if [[ $REUSE == yes ]]; then
  mdb_locate "$LOCAL" || fail "no MariaDB"
  MDB_SOCKET=$(mdb_socket "$LOCAL" "$DB_PORT")
  for s in auth catalog; do
    PID[$s]=$(cat "$LOCAL/run/$s.pid" 2>/dev/null) && kill -0 "${PID[$s]}" 2>/dev/null || fail "$s is not running (deploy/run-local.sh --detach)"
  done
  APP_DIR=$ROOT APP_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD) (as run-local.sh runs it)" APP_DIRTY=""
  JVM_USED="$(tr '\0' ' ' < "/proc/${PID[auth]}/cmdline")"
  create_users
  seed_catalog
  IDLE_RSS_AUTH=$(rss_mb "${PID[auth]}") IDLE_RSS_CATALOG=$(rss_mb "${PID[catalog]}")
  STARTUP_ROWS+=("| running stack (not restarted) | – | – | $(idle_rss_cell "$IDLE_RSS_AUTH" "${PID[auth]}") | $(idle_rss_cell "$IDLE_RSS_CATALOG" "${PID[catalog]}") |")
  LAST_AUTH_MS="" LAST_CATALOG_MS=""
else
  for port in "$AUTH_PORT" "$CATALOG_PORT"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port is in use (a previous bench with --keep? stop it: kill \$(cat $LOCAL/run/*.pid))"
  done
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  snapshot_jars
  stack_ensure_keys
  start_database
  say "Start-up (each service alone: auth, then catalog) ..."
  if [[ $VARIANTS == yes ]]; then
    saved_env=("${SERVICE_ENV[@]}"); SERVICE_ENV=()
    start_both "JDK $(jvm_feature "$DEFAULT_JAVA") (java on the PATH), no options" "$DEFAULT_JAVA" "" ""
    SERVICE_ENV=("${saved_env[@]}")
    create_users
    seed_catalog
    stop_both
    start_both "JDK $JAVA_FEATURE, tuned options" "$JAVA" "$TUNED_OPTS" "$TUNED_OPTS"
    stop_both
  else
    start_both "JDK $JAVA_FEATURE, tuned options" "$JAVA" "$TUNED_OPTS" "$TUNED_OPTS"
    create_users
    seed_catalog
    stop_both
  fi
  train_caches
  if [[ -f $(cache_file auth) && -f $(cache_file catalog) ]]; then
    CACHE_NOTE="$(basename "$(cache_file auth)"), $(basename "$(cache_file catalog)")"
    if [[ $VARIANTS == yes ]]; then
      # C1 only: no C2 compilations competing with start-up for the cores (peak throughput is measured separately).
      start_both "JDK $JAVA_FEATURE, tuned options + $([[ $JAVA_FEATURE -ge 25 ]] && echo 'AOT cache' || echo 'AppCDS archive') + C1 only" \
        "$JAVA" "$TUNED_OPTS -XX:TieredStopAtLevel=1 $(cache_use_opts auth)" "$TUNED_OPTS -XX:TieredStopAtLevel=1 $(cache_use_opts catalog)"
      stop_both
    fi
    start_both "JDK $JAVA_FEATURE, tuned options + $([[ $JAVA_FEATURE -ge 25 ]] && echo 'AOT cache' || echo 'AppCDS archive')" \
      "$JAVA" "$TUNED_OPTS $(cache_use_opts auth)" "$TUNED_OPTS $(cache_use_opts catalog)"
    JVM_USED="$JAVA $TUNED_OPTS $(jvm_cache_use_opts '<cache of the service>' "$JAVA_FEATURE")"
  else
    CACHE_NOTE="none (training did not write one)"
    start_both "JDK $JAVA_FEATURE, tuned options" "$JAVA" "$TUNED_OPTS" "$TUNED_OPTS"
    JVM_USED="$JAVA $TUNED_OPTS"
  fi
fi

# The measured requests' SQL, as the catalog sends it: MariaDB's general log records each statement with its
# parameters while each request runs once; the statements that read books are then analysed (ANALYZE: actual rows
# and times).
book_query_plans() {
  local log=$LOCAL/logs/general.log path
  rm -f "$log"
  mdb_sql "SET GLOBAL log_output = 'FILE'; SET GLOBAL general_log_file = '$log'; SET GLOBAL general_log = 1;"
  for path in "/books?limit=20" "/books?limit=20&cursor=$DEEP_CURSOR" "/books?limit=20&q=$FT_QUERY" "/books/$DEEP_AFTER"; do
    curl -s -o /dev/null "http://127.0.0.1:$CATALOG_PORT$path" -H "Authorization: Bearer $READER_TOKEN"
  done
  mdb_sql "SET GLOBAL general_log = 0;"
  local sql statements
  # An execution may be logged with its parameters unbound (?): nothing to analyse then; the same statement's other
  # executions are.
  statements=$(sed -n 's/^.*[0-9] \(Execute\|Query\)\t\(select .*\)$/\2/Ip' "$log" | grep -i 'from book' \
    | awk -v q="'" '{ t = $0; gsub(q "[^" q "]*" q, "", t) } t !~ /\?/ && !seen[$0]++')
  [[ -n $statements ]] || { echo "(no statement reading books was found in $log)"; return 0; }
  while IFS= read -r sql; do
    printf '%s\n' "$sql"
    catalog_sql "ANALYZE $sql" 2>&1 | awk -F'\t' '{ printf "  id=%s %s table=%s type=%s key=%s rows=%s r_rows=%s filtered=%s extra=%s\n", $1, $2, $3, $4, $6, $9, $10, $11, $13 }'
    printf '  server time: %s ms\n' "$(catalog_sql "ANALYZE FORMAT=JSON $sql" | sed 's/\\n//g; s/ //g' | sed -n 's/.*"query_block":{"select_id":1,"cost":[0-9.e+-]*,"r_loops":1,"r_total_time_ms":\([0-9.]*\).*/\1/p')"
  done <<< "$statements"
}

# run_load jvm|native: the scenarios against the running stack, into R, PEAK_AUTH and PEAK_CATALOG. The database and
# bcrypt ceilings are measured once per bench run; the JIT warm-up is for the JVM only.
warm() { run_wrk "$@" > /dev/null; }
run_load() {
  R=() PEAK_AUTH=0 PEAK_CATALOG=0 PEAK_AUTH_AT="" PEAK_CATALOG_AT=""
  login_tokens
  # JIT warm-up of every code path first: on a busy machine C2 needs tens of seconds, and without this the first
  # scenarios would measure the interpreter (the per-scenario warm-up alone showed the first page 1.6x slower than a
  # deep one only because it ran first).
  if [[ $1 == jvm ]]; then
    say "JIT warm-up: ${JIT_WARMUP}s spread over the catalog and auth endpoints (not measured) ..."
    warm "$CATALOG_PORT" 16 "$(( JIT_WARMUP * 3 / 10 ))" BENCH_PATH=/books/%d BENCH_MAX_ID="$BOOKS" BENCH_TOKEN="$READER_TOKEN"
    warm "$CATALOG_PORT" 16 "$(( JIT_WARMUP * 2 / 10 ))" "BENCH_PATH=/books?limit=20&cursor=$SECOND_PAGE_CURSOR" BENCH_TOKEN="$READER_TOKEN"
    warm "$CATALOG_PORT" 16 "$(( JIT_WARMUP * 1 / 10 ))" "BENCH_PATH=/books?limit=20&q=$FT_QUERY" BENCH_TOKEN="$READER_TOKEN"
    warm "$CATALOG_PORT" 16 "$(( JIT_WARMUP * 2 / 10 ))" BENCH_METHOD=POST BENCH_PATH=/inventory/%d/stock BENCH_MAX_ID="$BOOKS" \
      'BENCH_BODY={"delta":1}' BENCH_TOKEN="$ADMIN_TOKEN"
    warm "$AUTH_PORT" 16 "$(( JIT_WARMUP * 2 / 10 ))" BENCH_PATH=/session BENCH_TOKEN="$READER_TOKEN"
  fi
  say "Load (wrk from this host to 127.0.0.1; $CONNECTIONS connections unless stated) ..."
  scenario_sampled http_catalog "$CATALOG_PORT" "$CONNECTIONS" BENCH_PATH=/q/health/live
  scenario_sampled http_auth "$AUTH_PORT" "$CONNECTIONS" BENCH_PATH=/q/health/live
  if [[ -n ${DB_CEILING:-} ]]; then R[db]=$DB_CEILING; else db_ceiling; DB_CEILING=${R[db]}; fi
  scenario_sampled a "$CATALOG_PORT" "$CONNECTIONS" BENCH_PATH=/books/%d BENCH_MAX_ID="$BOOKS" BENCH_TOKEN="$READER_TOKEN"
  scenario_sampled b_first "$CATALOG_PORT" "$CONNECTIONS" "BENCH_PATH=/books?limit=20" BENCH_TOKEN="$READER_TOKEN"
  scenario_sampled b_deep "$CATALOG_PORT" "$CONNECTIONS" "BENCH_PATH=/books?limit=20&cursor=$DEEP_CURSOR" BENCH_TOKEN="$READER_TOKEN"
  scenario_sampled c "$CATALOG_PORT" "$CONNECTIONS" "BENCH_PATH=/books?limit=20&q=$FT_QUERY" BENCH_TOKEN="$READER_TOKEN"
  scenario_sampled e "$AUTH_PORT" "$CONNECTIONS" BENCH_PATH=/session BENCH_TOKEN="$READER_TOKEN"
  scenario_sampled f "$CATALOG_PORT" "$CONNECTIONS" BENCH_METHOD=POST BENCH_PATH=/inventory/%d/stock BENCH_MAX_ID="$BOOKS" \
    'BENCH_BODY={"delta":1}' BENCH_TOKEN="$ADMIN_TOKEN"
  # The HTTP ceilings once more: the ratios divide by the higher of the two measurements, so that a neighbour's burst
  # during one of them cannot flatter every ratio of the run.
  scenario_sampled http_catalog_after "$CATALOG_PORT" "$CONNECTIONS" BENCH_PATH=/q/health/live
  scenario_sampled http_auth_after "$AUTH_PORT" "$CONNECTIONS" BENCH_PATH=/q/health/live
  [[ -n ${BCRYPT:-} ]] || bcrypt_ceiling
  # (d) logins, with light traffic to the other endpoints at the same time (4 connections each, 50 ms pause between
  # requests: at most 80 req/s per endpoint) to see what the hashing does to them.
  login_with_neighbours() {
    run_wrk "$CATALOG_PORT" 4 "$(( WARMUP + DURATION ))" BENCH_PATH=/books/%d BENCH_MAX_ID="$BOOKS" BENCH_TOKEN="$READER_TOKEN" \
      BENCH_DELAY_MS=50 > "$LOCAL/run/d_books" &
    local books_job=$!
    run_wrk "$AUTH_PORT" 4 "$(( WARMUP + DURATION ))" BENCH_PATH=/session BENCH_TOKEN="$READER_TOKEN" BENCH_DELAY_MS=50 > "$LOCAL/run/d_session" &
    local session_job=$!
    scenario d "$AUTH_PORT" "$LOGIN_CONNECTIONS" BENCH_METHOD=POST BENCH_PATH=/login \
      "BENCH_BODY={\"username\":\"$READER_USERNAME\",\"password\":\"$READER_PASSWORD\"}"
    wait "$books_job" "$session_job"
    R[d_books]=$(cat "$LOCAL/run/d_books") R[d_session]=$(cat "$LOCAL/run/d_session")
    say "    during logins: GET /books/{id} ${R[d_books]}; GET /session ${R[d_session]}"
  }
  with_rss_sampling d login_with_neighbours
}

# --- report ---------------------------------------------------------------------------------------------------------
f() { awk -v v="$1" -v i="$2" 'BEGIN { split(v, a, " "); print a[i] }'; }
rps() { f "${R[$1]}" 1; }; p50() { f "${R[$1]}" 2; }; p99() { f "${R[$1]}" 3; }; errs() { f "${R[$1]}" 4; }
# lower_of HTTP_BEFORE HTTP_AFTER DB: the higher HTTP measurement, or the database ceiling when that is lower.
lower_of() { awk -v h1="$1" -v h2="$2" -v d="$3" 'BEGIN { h = (h1 > h2 ? h1 : h2); print (h < d ? h : d) }'; }
frac() { awk -v r="$1" -v c="$2" 'BEGIN { if (c > 0) printf "%.1f%%", 100 * r / c; else print "–" }'; }
yes_no() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**not met**"; fi; }

row() {  # row LABEL NAME CONNECTIONS LOWER TARGET VERDICT
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$(rps "$2")" "$(p50 "$2")" "$(p99 "$2")" "$(errs "$2")" \
    "$( [[ -n $4 ]] && frac "$(rps "$2")" "$4" || echo "–")" "$5" "$6"
}
# The ceilings the ratios divide by, from the scenarios in R.
ceilings() {
  lower_catalog=$(lower_of "$(rps http_catalog)" "$(rps http_catalog_after)" "$(rps db)")
  lower_auth=$(lower_of "$(rps http_auth)" "$(rps http_auth_after)" "$(rps db)")
  a_frac=$(awk -v r="$(rps a)" -v c="$lower_catalog" 'BEGIN { print r / c }')
}
scenario_table() {
  echo "| scenario | conns | req/s | p50 ms | p99 ms | errors | of lower ceiling | target | verdict |"
  echo "|---|---|---|---|---|---|---|---|---|"
  row "HTTP ceiling: catalog GET /q/health/live" http_catalog "$CONNECTIONS" "" "" ""
  row "HTTP ceiling: auth GET /q/health/live" http_auth "$CONNECTIONS" "" "" ""
  row "HTTP ceiling again, after (f): catalog" http_catalog_after "$CONNECTIONS" "" "" ""
  row "HTTP ceiling again, after (f): auth" http_auth_after "$CONNECTIONS" "" "" ""
  row "DB ceiling: sysbench PK select (queries/s)" db "$POOL_SIZE thr" "" "" ""
  row "(a) GET /books/{id}, random of $BOOKS, bearer" a "$CONNECTIONS" "$lower_catalog" "≥ 20% (aim 30%), p99 < 20 ms" \
    "$(yes_no "$a_frac >= 0.20 && $(p99 a) < 20") ($(yes_no "$a_frac >= 0.30") for 30%)"
  row "(b) GET /books?limit=20, first page" b_first "$CONNECTIONS" "$lower_catalog" "" ""
  row "(b) GET /books?limit=20, page after id $DEEP_AFTER" b_deep "$CONNECTIONS" "$lower_catalog" "p50 ≤ 1.5 × first page" \
    "$(yes_no "$(p50 b_deep) <= 1.5 * $(p50 b_first)")"
  row "(c) GET /books?q=$FT_QUERY&limit=20 ($FT_MATCHES matches)" c "$CONNECTIONS" "$lower_catalog" "p50 < 20 ms" "$(yes_no "$(p50 c) < 20")"
  row "(d) POST /login (bcrypt cost $BCRYPT_COST)" d "$LOGIN_CONNECTIONS" "$lower_auth" \
    "≥ 80% of bcrypt ceiling $BCRYPT_RPS/s" "$(yes_no "$(rps d) >= 0.8 * $BCRYPT_RPS") ($(frac "$(rps d)" "$BCRYPT_RPS") of it)"
  row "(d) … GET /books/{id} during logins" d_books 4 "$lower_catalog" "p99 ≤ 50 ms" "$(yes_no "$(p99 d_books) <= 50")"
  row "(d) … GET /session during logins" d_session 4 "$lower_auth" "p99 ≤ 50 ms" "$(yes_no "$(p99 d_session) <= 50")"
  row "(e) GET /session" e "$CONNECTIONS" "$lower_auth" "" ""
  row "(f) POST /inventory/{id}/stock {delta:1}, random item" f "$CONNECTIONS" "$lower_catalog" "" ""
}
# The scenarios of the JVM (R_JVM) and of the native binaries (R) side by side: req/s, p50, p99.
comparison_table() {
  local name label
  echo "| scenario | JVM req/s | native req/s | JVM p50 / p99 ms | native p50 / p99 ms |"
  echo "|---|---|---|---|---|"
  for name in http_catalog http_auth a b_first b_deep c d d_books d_session e f; do
    case $name in
      http_catalog) label="HTTP ceiling: catalog /q/health/live" ;; http_auth) label="HTTP ceiling: auth /q/health/live" ;;
      a) label="(a) GET /books/{id}" ;; b_first) label="(b) first page" ;; b_deep) label="(b) page after id $DEEP_AFTER" ;;
      c) label="(c) GET /books?q=$FT_QUERY" ;; d) label="(d) POST /login" ;; d_books) label="(d) … GET /books/{id} during logins" ;;
      d_session) label="(d) … GET /session during logins" ;; e) label="(e) GET /session" ;; f) label="(f) POST /inventory/{id}/stock" ;;
    esac
    printf '| %s | %s | %s | %s / %s | %s / %s |\n' "$label" "$(f "${R_JVM[$name]}" 1)" "$(rps "$name")" \
      "$(f "${R_JVM[$name]}" 2)" "$(f "${R_JVM[$name]}" 3)" "$(p50 "$name")" "$(p99 "$name")"
  done
}
# --- load -----------------------------------------------------------------------------------------------------------
if [[ -n $LAST_AUTH_MS ]]; then
  STARTUP_VERDICT="start-up < 1.5 s: auth $(yes_no "$LAST_AUTH_MS < 1500"), catalog $(yes_no "$LAST_CATALOG_MS < 1500"); idle RSS < 128 MB: auth $(yes_no "$IDLE_RSS_AUTH < 128"), catalog $(yes_no "$IDLE_RSS_CATALOG < 128") (the JVM settings the load ran with)"
else
  STARTUP_VERDICT="start-up not measured (--reuse); idle RSS < 128 MB: auth $(yes_no "$IDLE_RSS_AUTH < 128"), catalog $(yes_no "$IDLE_RSS_CATALOG < 128")"
fi
DEEP_AFTER=$(( BOOKS * 9 / 10 ))
FT_QUERY=garden
login_tokens
SECOND_PAGE_CURSOR=$(next_cursor "/books?limit=20")
DEEP_CURSOR=$(cursor_after "$DEEP_AFTER")
FT_MATCHES=$(fulltext_matches)
EXPLAINS=$(book_query_plans)
run_load jvm
ceilings
TABLE=$(scenario_table)
if [[ $NATIVE == yes ]]; then
  declare -A R_JVM=()
  for name in "${!R[@]}"; do R_JVM[$name]=${R[$name]}; done
  JVM_CEILINGS="catalog: $lower_catalog/s, auth: $lower_auth/s"
  JVM_PEAKS="auth $PEAK_AUTH MB (during $PEAK_AUTH_AT), catalog $PEAK_CATALOG MB (during $PEAK_CATALOG_AT)"
  stop_both
  say "Native binaries: start-up without and with the run-time options of deploy/lib/stack.sh, then the same load ..."
  start_both "native, no run-time options" native "" ""
  stop_both
  start_both "native, $STACK_NATIVE_OPTS (deploy/lib/stack.sh)" native "$STACK_NATIVE_OPTS" "$STACK_NATIVE_OPTS"
  MARIADB_IDLE=$(rss_mb "$(mdb_pid "$LOCAL")")
  STACK_IDLE=$(( IDLE_RSS_AUTH + IDLE_RSS_CATALOG + MARIADB_IDLE ))
  NATIVE_VERDICT="start-up < 0.1 s: auth $(yes_no "$LAST_AUTH_MS < 100") ($LAST_AUTH_MS ms), catalog $(yes_no "$LAST_CATALOG_MS < 100") ($LAST_CATALOG_MS ms); idle RSS < 80 MB: auth $(yes_no "$IDLE_RSS_AUTH < 80") ($IDLE_RSS_AUTH MB), catalog $(yes_no "$IDLE_RSS_CATALOG < 80") ($IDLE_RSS_CATALOG MB); the whole stack idle (auth + catalog + MariaDB $MARIADB_IDLE MB) < 350 MB: $(yes_no "$STACK_IDLE < 350") ($STACK_IDLE MB)"
  run_load native
  ceilings
  NATIVE_TABLE=$(scenario_table)
  COMPARISON=$(comparison_table)
fi
LOAD_AFTER=$(uptime | sed 's/.*load average: //')
STARTUP_TABLE=$(
  echo "| settings | auth: launch → first answer | catalog: launch → first answer | auth idle RSS | catalog idle RSS |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${STARTUP_ROWS[@]}"
)

REPORT=$(cat <<EOF
# Benchmark $DATE, $BOOKS books${LABEL:+ ($LABEL)}

- Machine: $CPUS × $CPU_MODEL, $MEM_TOTAL RAM, $(uname -sr). Shared: load average before $LOAD_BEFORE, after $LOAD_AFTER
  (a shared machine: the load averages show what else was running).
- Build: commit $APP_COMMIT$APP_DIRTY ($APP_DIR), jars copied to $LOCAL/app (hash $APP_HASH).
- JVM: $JAVA_VERSION; options \`$TUNED_OPTS\`; class-data cache: ${CACHE_NOTE:-–}. Bench default JDK for the first
  start-up row: $DEFAULT_JAVA_VERSION.
- Services: DB_POOL_SIZE=$POOL_SIZE, bcrypt cost $BCRYPT_COST, MariaDB $("$MDB_SERVER" --version | sed 's/.*Ver //; s/ for .*//') on 127.0.0.1:$DB_PORT
  (settings of deploy/mariadb/videoclub.cnf: innodb_buffer_pool_size 64M). Catalog: $BOOKS books, 20 genres, 2 genres per book,
  one inventory item per book (${SEED_NOTE:-}).
- Load: wrk $(wrk -v 2>&1 | head -n1 | awk '{print $2}'), $CPUS threads; ${JIT_WARMUP}s JIT warm-up over all endpoints, then per scenario ${WARMUP}s
  warm-up and ${DURATION}s measured, on the
  same 2 cores as the services and MariaDB. Deep page: cursor after id $DEEP_AFTER. Logins: $LOGIN_CONNECTIONS connections
  (more would only queue behind bcrypt) with light traffic alongside: 4 connections each of GET /books/{id} and
  GET /session, 50 ms pause between requests.
- Ceilings: HTTP = GET /q/health/live of the same service (no database, no token); database = sysbench
  oltp_point_select over TCP with $POOL_SIZE threads (the services' pool size), 10,000-row table, no transactions.
  "Of lower ceiling" divides by the lower of the service's HTTP ceiling (the higher of its two measurements, before
  and after the scenarios) and the database ceiling
  (${JVM_CEILINGS:-catalog: $lower_catalog/s, auth: $lower_auth/s}). bcrypt ceiling: BcryptCeiling.java on $CPUS threads: $BCRYPT.
$([[ $NATIVE == yes ]] && printf '%s\n' "- Native: the binaries of ./mvnw package -Dnative, installed as deploy/systemd/install-binaries.sh does, run with \`$STACK_NATIVE_OPTS\`; the same load without the JIT warm-up (compiled ahead of time)." "" "## JVM")

$TABLE

Start-up (launch to the first answered request, each service started alone) and RSS (ps -o rss, 3 s after ready;
in brackets the file-backed part, RssFile of /proc/PID/status):

$STARTUP_TABLE

RSS under load (peak, ps -o rss every 0.5 s): ${JVM_PEAKS:-auth $PEAK_AUTH MB (during $PEAK_AUTH_AT), catalog $PEAK_CATALOG MB (during $PEAK_CATALOG_AT)}.
Verdicts: $STARTUP_VERDICT.
$([[ $NATIVE == yes ]] && cat <<NATIVE_PART

## Native

Ceilings: catalog $lower_catalog/s, auth $lower_auth/s.

$NATIVE_TABLE

RSS under load (peak, ps -o rss every 0.5 s): auth $PEAK_AUTH MB (during $PEAK_AUTH_AT), catalog $PEAK_CATALOG MB (during $PEAK_CATALOG_AT).
Verdicts (the native start-up rows above, with $STACK_NATIVE_OPTS): $NATIVE_VERDICT.

## JVM and native side by side

$COMPARISON
NATIVE_PART
)
${BENCH_SERVICE_ENV:+
Service settings added for this run (BENCH_SERVICE_ENV): \`$BENCH_SERVICE_ENV\`.
}
Query plans (ANALYZE in MariaDB, $BOOKS books):

\`\`\`
$EXPLAINS
\`\`\`
EOF
)
printf '%s\n' "$REPORT" > "$RESULTS"
printf '\n%s\n\nWritten to %s\n' "$REPORT" "${RESULTS#"$ROOT"/}"
