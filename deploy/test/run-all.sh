#!/usr/bin/env bash
# Checks the deployment kit without a Docker engine or a systemd boot:
#   compose  the compose file resolves (docker compose / docker-compose `config`), init.sh makes what it needs
#   nginx    the gateway configuration passes `nginx -t`, then really routes, hides /q/*, and rate-limits logins
#   systemd  the units pass `systemd-analyze verify`
#   backup   a dump of a live MariaDB, wiped and restored, gives back the same rows; retention keeps the newest N
# Installs what it needs with apt-get when missing (nginx-light, docker-compose). Ends with
# "deploy-checks: N passed, M failed" and a non-zero exit on any failure.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/videoclub-deploy-checks.XXXXXX)
passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'deploy-checks: ok   %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'deploy-checks: FAIL %s\n' "$*"; }
check() { local label=$1; shift; if "$@" > "$WORK/check.out" 2>&1; then pass "$label"; else fail "$label"; sed 's/^/    /' "$WORK/check.out" | tail -n 30; fi; }

cleanup() {
  [[ -f $WORK/nginx/nginx.pid ]] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null
  if [[ -n ${MDB_DIR:-} ]]; then mdb_stop "$MDB_DIR"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------------------------
install_missing() {
  local missing=() package
  for package in "$@"; do dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package"); done
  (( ${#missing[@]} == 0 )) && return 0
  command -v apt-get > /dev/null || { echo "deploy-checks: need ${missing[*]} (no apt-get here)"; return 1; }
  echo "deploy-checks: installing ${missing[*]} ..."
  apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" > "$WORK/apt.log" 2>&1 || { tail -n 20 "$WORK/apt.log"; return 1; }
}
compose_packages=()
docker compose version > /dev/null 2>&1 || compose_packages=(docker-compose)
install_missing nginx-light "${compose_packages[@]}" || fail "installing nginx-light ${compose_packages[*]}"
if docker compose version > /dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi

# --- compose ---------------------------------------------------------------------------------------------------------
compose_checks() {
  local dir=$WORK/repo/deploy/compose
  mkdir -p "$WORK/repo/deploy" && cp -r "$ROOT/deploy/compose" "$WORK/repo/deploy/"
  rm -rf "$dir/.env" "$dir/secrets"
  check "compose: config refuses to run before init.sh, and says so" bash -c "
    ! ${COMPOSE[*]} -f '$dir/compose.yaml' config -q > '$WORK/compose.err' 2>&1 && grep -q 'run deploy/compose/init.sh first' '$WORK/compose.err'"
  check "compose: init.sh writes .env and the key pair" \
    bash -c "'$dir/init.sh' && test -s '$dir/.env' && openssl pkey -in '$dir/secrets/jwt-private.pem' -noout"
  check "compose: ${COMPOSE[*]} config (JVM images)" \
    bash -c "cd '$dir' && ${COMPOSE[*]} -f compose.yaml config > '$WORK/compose.out' && grep -q 'Dockerfile.jvm' '$WORK/compose.out'"
  check "compose: native images with VIDEOCLUB_BUILD=native" \
    bash -c "cd '$dir' && VIDEOCLUB_BUILD=native ${COMPOSE[*]} -f compose.yaml config | grep -q 'Dockerfile.native'"
  # Published ports: only the gateway's may listen beyond 127.0.0.1.
  check "compose: only the gateway is published beyond 127.0.0.1" bash -c "
    grep -E '^ *- \"[^\"]*:[0-9]+\"\$' '$dir/compose.yaml' | grep -v '127.0.0.1:' > '$WORK/public-ports' ;
    [[ \$(cat '$WORK/public-ports') == '      - \"\${VIDEOCLUB_HTTP_PORT:-8080}:80\"' ]]"
  check "compose: the files it names exist" \
    bash -c "cd '$dir' && test -f Dockerfile.jvm && test -f Dockerfile.native && test -f nginx/videoclub.conf && test -f mariadb-init/10-videoclub.sh"
}

# --- nginx -----------------------------------------------------------------------------------------------------------
nginx_checks() {
  local dir=$WORK/nginx gateway=18080
  mkdir -p "$dir/conf.d" "$dir/logs"
  # The compose service names do not resolve here: point the upstreams at two stub servers in the same nginx.
  sed -e 's/server auth:4000;/server 127.0.0.1:14000;/' -e 's/server catalog:1337;/server 127.0.0.1:11337;/' \
    -e "s/listen 80 default_server;/listen 127.0.0.1:$gateway default_server;/" \
    -e "s#/var/log/nginx/access.log#$dir/logs/access.log#" "$ROOT/deploy/compose/nginx/videoclub.conf" > "$dir/conf.d/videoclub.conf"
  cat > "$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 64; }
http {
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  include $dir/conf.d/videoclub.conf;
  server { listen 127.0.0.1:14000; location / { default_type text/plain; return 200 "auth \$request_uri"; }
    location = /users/origin { default_type text/plain; return 200 "origin=\$http_origin"; } }
  server { listen 127.0.0.1:11337; location / { default_type text/plain; return 200 "catalog \$request_uri"; } }
}
CONF
  mkdir -p "$dir/tmp"
  check "nginx: nginx -t" nginx -t -p "$dir" -c "$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" || { fail "nginx: start"; return; }
  local base=http://127.0.0.1:$gateway
  route() { [[ $(curl -s -X "$1" "$base$2") == "$3 $2" ]]; }
  check "nginx: routes auth paths to auth" bash -c "$(declare -f route); base=$base; route POST /users auth && route GET /users/7 auth && route POST /refresh auth && route POST /logout auth && route GET /session auth && route GET /.well-known/jwks.json auth"
  check "nginx: routes catalog paths to catalog" bash -c "$(declare -f route); base=$base; route GET /books catalog && route GET /books/ catalog && route GET '/books?q=dune' catalog && route PATCH /genres/3 catalog && route POST /inventory/4/stock catalog"
  check "nginx: the web UI (/, /ui/*) goes to catalog, /audit-events to auth" bash -c "$(declare -f route); base=$base; route GET / catalog && route GET /index.html catalog && route GET /ui/app.js catalog && route GET /ui/config.json catalog && route GET '/audit-events?type=LOGIN_FAILED' auth"
  check "nginx: a same-origin Origin is not passed on (auth's CORS would refuse it), any other is" bash -c "
    [[ \$(curl -s -H 'Origin: $base' '$base/users/origin') == 'origin=' && \$(curl -s -H 'Origin: http://evil.test' '$base/users/origin') == 'origin=http://evil.test' ]]"
  check "nginx: /q/health, /q/metrics, /docs and the revocation feed are not public (404 problem+json)" bash -c "
    for path in /q/health/ready /q/metrics /docs /sessions/revocations /bookstore; do
      curl -s -D - -o /dev/null '$base'\$path | grep -q '^HTTP/1.1 404' || { echo \"\$path is reachable\"; exit 1; }
      curl -s -D - -o /dev/null '$base'\$path | grep -qi '^content-type: application/problem+json' || { echo \"\$path: not problem+json\"; exit 1; }
    done"
  check "nginx: OpenAPI documents at /openapi/auth and /openapi/catalog" bash -c "
    [[ \$(curl -s '$base/openapi/auth') == 'auth /q/openapi' && \$(curl -s '$base/openapi/catalog') == 'catalog /q/openapi' ]]"
  check "nginx: X-Request-Id is passed on, or made" bash -c "
    curl -s -D - -o /dev/null '$base/nothing' | grep -qi '^x-request-id: [0-9a-f]\{32\}' &&
    curl -s -D - -o /dev/null -H 'X-Request-Id: abc-123' '$base/nothing' | grep -qi '^x-request-id: abc-123'"
  check "nginx: POST /login is rate-limited (429 problem+json with Retry-After)" bash -c "
    for i in \$(seq 1 10); do curl -s -D - -o /dev/null -X POST '$base/login'; done > '$dir/login.out'
    grep -c '^HTTP/1.1 200' '$dir/login.out' | grep -qx 6 && grep -q '^HTTP/1.1 429' '$dir/login.out' && grep -qi '^retry-after: ' '$dir/login.out'"
  check "nginx: bodies over 64 KiB get 413 problem+json" bash -c "
    head -c 70000 /dev/zero | tr '\\\\0' x | curl -s -D - -o /dev/null -X POST --data-binary @- '$base/books' | grep -q '^HTTP/1.1 413'"
}

# --- systemd ---------------------------------------------------------------------------------------------------------
systemd_checks() {
  local dir=$WORK/systemd unit
  mkdir -p "$dir/units" "$dir/bin"
  # The units name /opt/videoclub/bin/*: verify against stub executables at the same names under a temporary root.
  for unit in "$ROOT"/deploy/systemd/*.service "$ROOT"/deploy/backup/*.service "$ROOT"/deploy/backup/*.timer; do
    sed "s#/opt/videoclub/bin/#$dir/bin/#g" "$unit" > "$dir/units/$(basename "$unit")"
  done
  for unit in auth catalog videoclub-backup; do printf '#!/bin/sh\n' > "$dir/bin/$unit" && chmod +x "$dir/bin/$unit"; done
  # A stand-in for the distribution's mariadb.service, which the units order themselves after.
  printf '[Service]\nExecStart=/bin/true\n' > "$dir/units/mariadb.service"
  verify() { (cd "$dir/units" && systemd-analyze verify --man=no "$@" 2>&1); }
  check "systemd: systemd-analyze verify (auth, catalog, backup service and timer) is clean" bash -c "
    $(declare -f verify); dir='$dir'; out=\$(verify videoclub-auth.service videoclub-catalog.service videoclub-backup.service videoclub-backup.timer) && [[ -z \$out ]] || { echo \"\$out\"; exit 1; }"
  check "systemd: the verify check catches a misspelt setting" bash -c "
    $(declare -f verify); dir='$dir'; sed 's/^MemoryMax=/MemoryMaxx=/' '$dir/units/videoclub-auth.service' > '$dir/units/videoclub-broken.service';
    verify ./videoclub-broken.service | grep -q 'Unknown key'; code=\$?; rm '$dir/units/videoclub-broken.service'; exit \$code"
  check "systemd: services are memory-capped, hardened, restarted on failure, configured by an environment file" bash -c "
    for unit in '$ROOT'/deploy/systemd/videoclub-{auth,catalog}.service; do
      for setting in '^MemoryMax=' '^Restart=on-failure' '^EnvironmentFile=/etc/videoclub/' '^User=videoclub' '^NoNewPrivileges=yes' '^ProtectSystem=strict' '^CapabilityBoundingSet=\$'; do
        grep -q \"\$setting\" \"\$unit\" || { echo \"\$unit lacks \$setting\"; exit 1; }
      done
    done"
}

# --- backup ----------------------------------------------------------------------------------------------------------
backup_checks() {
  # shellcheck source=../lib/mariadb.sh
  source "$ROOT/deploy/lib/mariadb.sh"
  mdb_locate "$ROOT/deploy/.local" || { fail "backup: no MariaDB binaries"; return; }
  MDB_DIR=$WORK/mariadb
  local port=$((34000 + RANDOM % 1000))
  mdb_start "$MDB_DIR" "$port" > "$WORK/mariadb.out" 2>&1 || { fail "backup: start MariaDB"; cat "$WORK/mariadb.out"; return; }
  pass "backup: throwaway MariaDB started on port $port"
  mdb_sql "
    CREATE DATABASE auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE DATABASE catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE TABLE auth.users (id BIGINT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(50) NOT NULL UNIQUE,
      password_hash CHAR(60), created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6));
    INSERT INTO auth.users (username, password_hash) VALUES ('alice', REPEAT('a', 60)), ('bob', NULL), ('zoë', 'x');
    USE catalog;
    CREATE TABLE catalog.books (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(255), isbn CHAR(13), cover BLOB,
      price DECIMAL(10,2), FULLTEXT KEY (title));
    INSERT INTO catalog.books (title, isbn, cover, price)
      SELECT CONCAT('Book ', seq, ' — ☕ ''quoted'' \\\\ slash'), LPAD(seq, 13, '9'), UNHEX('00FF10'), seq / 7
      FROM seq_1_to_500;"
  rows() { mdb_sql "SELECT * FROM auth.users ORDER BY id; SELECT * FROM catalog.books ORDER BY id; CHECKSUM TABLE auth.users, catalog.books EXTENDED;" --batch; }
  rows > "$WORK/rows.before"
  local backups=$WORK/backups
  mkdir -p "$backups"
  # Older backups for the retention check: with BACKUP_KEEP=3, the two newest of these and the new one remain.
  local old
  for old in 20200101T000000Z 20200102T000000Z 20200103T000000Z 20200104T000000Z; do
    echo "old" | gzip > "$backups/videoclub-$old.sql.gz"
  done
  export BACKUP_DIR=$backups BACKUP_KEEP=3 MARIADB_DUMP=$MDB_DUMP MARIADB=$MDB_CLIENT
  export MARIADB_OPTS="--no-defaults --protocol=socket --socket=$MDB_SOCKET -uroot"
  check "backup: videoclub-backup.sh dumps both schemas" bash -c "
    '$ROOT/deploy/backup/videoclub-backup.sh' && ls '$backups'/videoclub-2*.sql.gz | tail -n 1 | xargs gzip -dc | grep -q 'CREATE DATABASE.*catalog'"
  check "backup: retention keeps the newest BACKUP_KEEP=3" bash -c "
    ls '$backups' > '$WORK/kept'; [[ \$(grep -c . '$WORK/kept') == 3 ]] && ! grep -q 20200102 '$WORK/kept' && grep -q 20200104 '$WORK/kept'"
  local dump
  dump=$(find "$backups" -name 'videoclub-2*.sql.gz' ! -name 'videoclub-2020*' | head -n 1)
  mdb_sql "DROP DATABASE auth; DROP DATABASE catalog; CREATE DATABASE catalog; CREATE TABLE catalog.stray (id INT);"
  check "backup: the wipe removed the data" bash -c "! '$MDB_CLIENT' $MARIADB_OPTS -e 'SELECT 1 FROM auth.users'"
  check "backup: videoclub-restore.sh restores the dump" "$ROOT/deploy/backup/videoclub-restore.sh" "$dump" --yes
  rows > "$WORK/rows.after"
  check "backup: the restored rows equal the rows dumped (3 users, 500 books, checksums)" bash -c "
    diff '$WORK/rows.before' '$WORK/rows.after' && grep -c 'Book ' '$WORK/rows.after' | grep -qx 500"
  check "backup: the restore dropped what was not in the dump" bash -c "! '$MDB_CLIENT' $MARIADB_OPTS -e 'SELECT 1 FROM catalog.stray'"
  check "backup: restore refuses a truncated file" bash -c "
    gzip -dc '$dump' | head -n 20 | gzip > '$WORK/truncated.sql.gz'; ! '$ROOT/deploy/backup/videoclub-restore.sh' '$WORK/truncated.sql.gz' --yes"
}

started=$SECONDS
compose_checks
nginx_checks
systemd_checks
backup_checks
echo "deploy-checks: took $((SECONDS - started)) s"
printf 'deploy-checks: %d passed, %d failed\n' "$passed" "$failed"
(( failed == 0 ))
