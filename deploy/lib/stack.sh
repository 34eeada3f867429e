# shellcheck shell=bash
# The local stack, shared by deploy/run-local.sh and deploy/bench/bench.sh: a private MariaDB with both schemas and
# the services' account, a dev key pair, and each service started from its JVM jar or its native binary with the
# same settings.
#
# Set STACK_DIR (data, keys, logs and pid files go under it), DB_PORT, AUTH_PORT, CATALOG_PORT, ADMIN_USERNAME and
# ADMIN_PASSWORD, source this file, then:
#   stack_ensure_keys                  dev key pair in STACK_DIR/keys, made once (sets KEYS)
#   stack_ensure_db_password           the account's password in STACK_DIR/db-password, made once (sets DB_PASSWORD)
#   stack_start_database MARIADB_DIR   MariaDB on 127.0.0.1:DB_PORT unless it runs already, schemas and account
#   stack_launch SERVICE COMMAND...    a service in the background (sets STACK_PID)
#   stack_service_port SERVICE; stack_jar APP_DIR SERVICE; stack_native_binary APP_DIR SERVICE; stack_is_service PID

STACK_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Run-time options of the native binaries (measured in README "Native images"): the heap capped as on the JVM, and
# a small young generation. Without -Xmn a native image sizes its young generation from the machine's memory and
# lets it fill before the first collection, so the idle RSS grew with the machine and with what start-up allocates.
STACK_NATIVE_OPTS="-Xmx96m -Xmn16m"
# shellcheck source=mariadb.sh
source "$STACK_LIB_DIR/mariadb.sh"

stack_service_port() { if [[ $1 == auth ]]; then echo "$AUTH_PORT"; else echo "$CATALOG_PORT"; fi; }

# What a build produces under APP_DIR/SERVICE/target: the runnable jar, and the native binary (-Dnative).
stack_jar() { echo "$1/$2/target/quarkus-app/quarkus-run.jar"; }
stack_native_binary() { echo "$1/$2/target/$2-1.0.0-SNAPSHOT-runner"; }

# Whether PID is a service the stack started (a pid file may outlive a reboot and its number be reused).
stack_is_service() {
  kill -0 "$1" 2>/dev/null && grep -Eq 'quarkus-run\.jar|-runner' "/proc/$1/cmdline" 2>/dev/null
}

# A dev key pair, made once (never committed: deploy/.local and *.pem are git-ignored).
stack_ensure_keys() {
  KEYS=$STACK_DIR/keys
  [[ -f $KEYS/private.pem && -f $KEYS/public.pem ]] && return 0
  mkdir -p "$KEYS" && chmod 700 "$KEYS"
  printf 'Generating a dev RSA key pair in %s ...\n' "$KEYS" >&2
  if command -v openssl > /dev/null; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null)
    openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
  else
    java "$STACK_LIB_DIR/DevKeys.java" "$KEYS/private.pem" "$KEYS/public.pem"
  fi
}

# The database password of the services' account, made once per data directory.
stack_ensure_db_password() {
  local file=$STACK_DIR/db-password
  if [[ ! -s $file ]]; then
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$file")
  fi
  DB_PASSWORD=$(cat "$file")
}

# Starts MariaDB (binaries found or unpacked under MARIADB_DIR, deploy/lib/mariadb.sh) unless it runs already, and
# brings the schemas and the account up to date (the password included).
stack_start_database() {
  mdb_locate "$1" || return 1
  mkdir -p "$STACK_DIR/logs" "$STACK_DIR/run"
  if ! mdb_pid "$STACK_DIR" > /dev/null; then
    printf 'Starting MariaDB (%s) on 127.0.0.1:%s, data in %s ...\n' \
      "$("$MDB_SERVER" --version | sed 's/.*Ver //; s/ for .*//')" "$DB_PORT" "$STACK_DIR/data"
    mdb_start "$STACK_DIR" "$DB_PORT" || return 1
  fi
  MDB_SOCKET=$(mdb_socket "$STACK_DIR" "$DB_PORT")
  mdb_create_schemas "$DB_PASSWORD"
}

# Starts SERVICE in the background in its own session, output to STACK_DIR/logs/SERVICE.log, and returns at once
# with its pid in STACK_PID and STACK_DIR/run/SERVICE.pid. COMMAND is the java command and its options up to the
# jar, or the native binary and its options. The settings are exported in the job, so that the database password
# never appears on a command line; STACK_SERVICE_ENV (an array of VAR=value) adds or replaces settings.
# Local runs listen on loopback only: the admin password is a printed default.
stack_launch() {
  local service=$1; shift
  mkdir -p "$STACK_DIR/logs" "$STACK_DIR/run"
  stack_exec_service "$service" "$@" > "$STACK_DIR/logs/$service.log" 2>&1 < /dev/null &
  STACK_PID=$!
  echo "$STACK_PID" > "$STACK_DIR/run/$service.pid"
}

# The body of stack_launch's background job (a process of its own: the exports stay in it): the settings, then the
# command in place of the job's shell.
stack_exec_service() {
  local service=$1; shift
  export PORT QUARKUS_HTTP_HOST=127.0.0.1 DB_HOST=127.0.0.1 DB_PORT DB_NAME=$service DB_USER=videoclub \
    DB_PASSWORD JWT_PUBLIC_KEY=$KEYS/public.pem JWT_PRIVATE_KEY=$KEYS/private.pem \
    AUTH_ADMIN_USERNAME=$ADMIN_USERNAME AUTH_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    CATALOG_AUTH_URL=http://127.0.0.1:$AUTH_PORT MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
    CATALOG_UI_AUTH_URL=http://localhost:$AUTH_PORT \
    AUTH_CORS_ORIGINS=http://localhost:$CATALOG_PORT,http://127.0.0.1:$CATALOG_PORT
  PORT=$(stack_service_port "$service")
  local setting
  for setting in "${STACK_SERVICE_ENV[@]}"; do export "${setting?}"; done
  exec setsid "$@"
}
