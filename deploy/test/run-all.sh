#!/usr/bin/env bash
# Checks the deployment kit without a Docker engine or a systemd boot:
#   compose  the compose file resolves (docker compose / docker-compose `config`), init.sh makes what it needs with
#            safe modes (private key 0600, a self-signed TLS certificate), catalog gets no private key
#   nginx    the gateway configuration passes `nginx -t` with TLS, then really routes over HTTPS with HSTS, redirects
#            HTTP, hides /q/*, rate-limits logins, and its error bodies stay JSON whatever the path
#   systemd  the units pass `systemd-analyze verify` against the files that deploy/systemd/README.md's install lines
#            create (in a temporary root), bind 127.0.0.1, run auth and catalog as different users, and
#            catalog is handed none of auth's keys or environment;
#            with the native binaries built, the installed ones load and start
#   secrets  prod start-up refuses each unsafe setting (placeholder passwords, a short admin password, a private key
#            others can read); rotate-keys.sh keeps the previous key; run-local.sh keeps the DB password off command lines
#   backup   MariaDB runs with deploy/mariadb/videoclub.cnf; a dump of a live MariaDB, wiped and restored, gives back
#            the same rows and no usable session or refresh token; retention keeps the newest N
# Installs what it needs with apt-get when missing (nginx-light, docker-compose). Ends with
# "deploy-checks: N passed, M failed" and a non-zero exit on any failure.
#   deploy/test/run-all.sh [compose] [nginx] [systemd] [secrets] [backup]     (default: all five)
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
  mkdir -p "$WORK/repo/deploy" && cp -r "$ROOT/deploy/compose" "$ROOT/deploy/lib" "$WORK/repo/deploy/"
  rm -rf "$dir/.env" "$dir/secrets"
  check "compose: config refuses to run before init.sh, and says so" bash -c "
    ! ${COMPOSE[*]} -f '$dir/compose.yaml' config -q > '$WORK/compose.err' 2>&1 && grep -q 'run deploy/compose/init.sh first' '$WORK/compose.err'"
  check "compose: init.sh writes .env and the key pair" \
    bash -c "'$dir/init.sh' && test -s '$dir/.env' && openssl pkey -in '$dir/secrets/jwt-private.pem' -noout"
  check "compose: init.sh leaves the private key 0600 and makes a self-signed TLS certificate (key 0600)" bash -c "
    [[ \$(stat -c %a '$dir/secrets/jwt-private.pem') == 600 && \$(stat -c %a '$dir/secrets/tls/videoclub.key') == 600 ]] &&
    openssl x509 -in '$dir/secrets/tls/videoclub.crt' -noout && grep -q '^VIDEOCLUB_UID=' '$dir/.env'"
  check "compose: init.sh run again fixes a key made readable meanwhile" bash -c "
    chmod 644 '$dir/secrets/jwt-private.pem' && '$dir/init.sh' > /dev/null && [[ \$(stat -c %a '$dir/secrets/jwt-private.pem') == 600 ]]"
  check "compose: catalog is given no private key (it reads auth's JWKS)" bash -c "
    cd '$dir' && ${COMPOSE[*]} -f compose.yaml config > '$WORK/compose.full' &&
    awk '/^  catalog:/ { on = 1; next } /^  [a-z]/ { on = 0 } on' '$WORK/compose.full' > '$WORK/compose.catalog' &&
    ! grep -q 'jwt-private' '$WORK/compose.catalog' && grep -q 'well-known/jwks.json' '$WORK/compose.catalog'"
  check "compose: ${COMPOSE[*]} config (JVM images)" \
    bash -c "cd '$dir' && ${COMPOSE[*]} -f compose.yaml config > '$WORK/compose.out' && grep -q 'Dockerfile.jvm' '$WORK/compose.out'"
  check "compose: native images with VIDEOCLUB_BUILD=native" \
    bash -c "cd '$dir' && VIDEOCLUB_BUILD=native ${COMPOSE[*]} -f compose.yaml config | grep -q 'Dockerfile.native'"
  # Published ports: only the gateway's may listen beyond 127.0.0.1.
  check "compose: only the gateway is published beyond 127.0.0.1" bash -c "
    grep -E '^ *- \"[^\"]*:[0-9]+\"\$' '$dir/compose.yaml' | grep -v '127.0.0.1:' > '$WORK/public-ports' ;
    printf '%s\\n' '      - \"\${VIDEOCLUB_HTTPS_PORT:-8443}:443\"' '      - \"\${VIDEOCLUB_HTTP_PORT:-8080}:80\"' | diff - '$WORK/public-ports'"
  check "compose: the files it names exist" \
    bash -c "cd '$dir' && test -f Dockerfile.jvm && test -f Dockerfile.native && test -f nginx/videoclub.conf && test -f mariadb-init/10-videoclub.sh"
}

# --- nginx -----------------------------------------------------------------------------------------------------------
nginx_checks() {
  local dir=$WORK/nginx gateway=18443 plain=18080
  mkdir -p "$dir/conf.d" "$dir/logs"
  # The certificate init.sh would make (the same script), here for 127.0.0.1.
  "$ROOT/deploy/lib/self-signed-cert.sh" "$dir/tls" localhost > /dev/null || fail "nginx: make a self-signed certificate"
  # The compose service names do not resolve here: point the upstreams at two stub servers in the same nginx.
  sed -e 's/server auth:4000;/server 127.0.0.1:14000;/' -e 's/server catalog:1337;/server 127.0.0.1:11337;/' \
    -e "s/listen 443 ssl default_server;/listen 127.0.0.1:$gateway ssl default_server;/" \
    -e "s/listen 80 default_server;/listen 127.0.0.1:$plain default_server;/" \
    -e "s#/etc/nginx/tls/#$dir/tls/#" \
    -e "s#/var/log/nginx/access.log#$dir/logs/access.log#" "$ROOT/deploy/compose/nginx/videoclub.conf" > "$dir/conf.d/videoclub.conf"
  # curl trusts the self-signed certificate in every check below
  export CURL_HOME=$dir
  printf 'cacert = "%s"\n' "$dir/tls/videoclub.crt" > "$dir/.curlrc"
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
  check "nginx: nginx -t (with TLS)" nginx -t -p "$dir" -c "$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" || { fail "nginx: start"; return; }
  local base=https://127.0.0.1:$gateway
  check "nginx: HTTPS with HSTS, on proxied answers and on the gateway's own errors" bash -c "
    curl -s -D - -o /dev/null '$base/books' | grep -qi '^strict-transport-security: max-age=' &&
    curl -s -D - -o /dev/null '$base/q/metrics' | grep -qi '^strict-transport-security: max-age='"
  check "nginx: plain HTTP only redirects to HTTPS" bash -c "
    curl -s -D - -o /dev/null 'http://127.0.0.1:$plain/books?q=x' | grep -q '^HTTP/1.1 301' &&
    curl -s -D - -o /dev/null 'http://127.0.0.1:$plain/books?q=x' | grep -qi '^location: https://127.0.0.1/books?q=x'"
  check "nginx: error bodies are JSON whatever the path (no request text in them)" bash -c "
    ! grep -n 'return [0-9]* .*\\\$uri' '$ROOT/deploy/compose/nginx/videoclub.conf' &&
    curl -s '$base/nothing%22,%22evil%22:%22x' | python3 -c 'import json, sys; body = json.load(sys.stdin); assert \"evil\" not in body and body[\"status\"] == 404, body'"
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
  local dir=$WORK/systemd unit checkout=$ROOT stubs=no
  local root=$dir/root   # stands for / in what the install lines create
  mkdir -p "$dir/units" "$root"
  # Without the native binaries built, stand-ins at their paths in a copy of the checkout.
  if [[ ! -x $ROOT/auth/target/auth-1.0.0-SNAPSHOT-runner || ! -x $ROOT/catalog/target/catalog-1.0.0-SNAPSHOT-runner ]]; then
    checkout=$dir/checkout stubs=yes
    mkdir -p "$checkout" && cp -r "$ROOT/deploy" "$checkout/"
    for unit in auth catalog; do
      mkdir -p "$checkout/$unit/target" && printf '#!/bin/sh\n' > "$checkout/$unit/target/$unit-1.0.0-SNAPSHOT-runner"
      chmod +x "$checkout/$unit/target/$unit-1.0.0-SNAPSHOT-runner"
    done
  fi
  # The README's install lines that put files in /opt/videoclub, run from the checkout into the temporary root.
  sed -n '/^```/,/^```/p' "$ROOT/deploy/systemd/README.md" | grep -E '^(install |deploy/systemd/install-binaries\.sh)' \
    | grep -E '/opt/videoclub|install-binaries' | sed "s#/opt/videoclub#$root/opt/videoclub#g" > "$dir/install-lines"
  check "systemd: the README's install lines for /opt/videoclub run (into a temporary root)" bash -c "
    [[ -s '$dir/install-lines' ]] && cd '$checkout' && DESTDIR='$root' bash -euo pipefail '$dir/install-lines'"
  for unit in "$ROOT"/deploy/systemd/*.service "$ROOT"/deploy/backup/*.service "$ROOT"/deploy/backup/*.timer; do
    sed "s#/opt/videoclub/#$root/opt/videoclub/#g" "$unit" > "$dir/units/$(basename "$unit")"
  done
  check "systemd: every ExecStart names an executable that the install lines created" bash -c "
    grep -h '^ExecStart=' '$dir'/units/videoclub-*.service > '$dir/execstarts' && [[ \$(grep -c . '$dir/execstarts') == 3 ]] || exit 1
    while read -r line; do
      executable=\${line#ExecStart=}; executable=\${executable%% *}
      [[ \$executable == '$root'/* && -x \$executable ]] || { echo \"\$line: not installed by deploy/systemd/README.md\"; exit 1; }
    done < '$dir/execstarts'"
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
  check "systemd: both services listen on 127.0.0.1 unless told otherwise" bash -c "
    for unit in '$ROOT'/deploy/systemd/videoclub-{auth,catalog}.service; do
      grep -qx 'Environment=QUARKUS_HTTP_HOST=127.0.0.1' \"\$unit\" || { echo \"\$unit binds every interface\"; exit 1; }
    done"
  check "systemd: auth and catalog run as different users, both made by sysusers" bash -c "
    auth=\$(sed -n 's/^User=//p' '$ROOT/deploy/systemd/videoclub-auth.service')
    catalog=\$(sed -n 's/^User=//p' '$ROOT/deploy/systemd/videoclub-catalog.service')
    [[ -n \$auth && -n \$catalog && \$auth != \$catalog ]] || { echo \"auth: \$auth, catalog: \$catalog\"; exit 1; }
    grep -q \"^u \$auth \" '$ROOT/deploy/systemd/videoclub.sysusers.conf' && grep -q \"^u \$catalog \" '$ROOT/deploy/systemd/videoclub.sysusers.conf'"
  check "systemd: catalog is handed none of auth's keys, environment or state" bash -c "
    unit='$ROOT/deploy/systemd/videoclub-catalog.service'
    ! grep -v '^#' \"\$unit\" | grep -nE 'jwt-private|/etc/videoclub/keys|auth\\.env|^(StateDirectory|WorkingDirectory)=/?(var/lib/)?videoclub/?\$' &&
    grep -q '^ProtectProc=invisible' \"\$unit\""
  check "systemd: the units run the binaries with the native options of deploy/lib/stack.sh" bash -c "
    source '$ROOT/deploy/lib/stack.sh' && for unit in auth catalog; do
      grep -qx \"ExecStart=/opt/videoclub/bin/\$unit \$STACK_NATIVE_OPTS\" '$ROOT'/deploy/systemd/videoclub-\$unit.service \
        || { echo \"videoclub-\$unit.service: ExecStart without '\$STACK_NATIVE_OPTS'\"; exit 1; }
    done"
  if [[ $stubs == yes ]]; then
    echo "deploy-checks: (the native binaries are not built: the installed-binary checks are skipped)"
    return
  fi
  # Installed binaries that need the toolchain's JDK libraries must find them beside themselves, not on the build
  # machine; then each starts from where the units run it and stops at the prod settings check (no settings given).
  check "systemd: the installed binaries load the JDK libraries installed beside them, if they need any" bash -c "
    for unit in auth catalog; do
      ldd '$root'/opt/videoclub/bin/\$unit | grep -E 'lib(java|nio|net|zip)\.so' | grep -v \"=> $root/opt/videoclub/bin/jdk-dynlibs/\" \
        && { echo \"\$unit loads the libraries above from outside /opt/videoclub/bin/jdk-dynlibs\"; exit 1; }
    done; exit 0"
  check "systemd: the installed binaries start (and stop at the missing settings, naming them)" bash -c "
    for unit in auth catalog; do
      out=\$(cd / && env -i PATH=/usr/bin:/bin PORT=0 timeout 60 '$root'/opt/videoclub/bin/\$unit -Xmx96m -Xmn16m 2>&1); code=\$?
      (( code != 0 && code != 124 )) && grep -q 'set DB_USER' <<< \"\$out\" || { echo \"\$unit (exit \$code):\"; echo \"\$out\" | tail -n 20; exit 1; }
    done"
}

# --- secrets ---------------------------------------------------------------------------------------------------------
# The packaged services (./mvnw package or verify first) in prod refuse each unsafe setting at start-up; each check
# changes one setting of an otherwise acceptable configuration, so the refusal is that setting's.
secrets_checks() {
  local dir=$WORK/secrets jar_auth=$ROOT/auth/target/quarkus-app/quarkus-run.jar jar_catalog=$ROOT/catalog/target/quarkus-app/quarkus-run.jar
  mkdir -p "$dir"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null)
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  cp -p "$dir/private.pem" "$dir/readable.pem" && chmod 644 "$dir/readable.pem"
  # prints what the service said; succeeds when it stopped by itself, non-zero, with $expected in its output
  refused() {
    local jar=$1 expected=$2; shift 2
    [[ -f $jar ]] || { echo "$jar is not built: run ./mvnw package first"; return 1; }
    local out
    out=$(env -i PATH="$PATH" HOME="$dir" PORT=0 DB_PORT=1 DB_USER=videoclub DB_PASSWORD=a-long-random-db-password \
      JWT_PRIVATE_KEY="$dir/private.pem" JWT_PUBLIC_KEY="$dir/public.pem" AUTH_ADMIN_USERNAME=admin \
      AUTH_ADMIN_PASSWORD=a-long-admin-password "$@" timeout 180 java -jar "$jar" 2>&1) && { echo "$out"; return 1; }
    grep -qF -- "$expected" <<< "$out" || { echo "$out" | tail -n 20; return 1; }
  }
  check "secrets: auth refuses DB_PASSWORD=change-me (the example env file's)" \
    refused "$jar_auth" "DB_PASSWORD is a placeholder" DB_PASSWORD=change-me
  check "secrets: auth refuses AUTH_ADMIN_PASSWORD=change-me-too (the example env file's)" \
    refused "$jar_auth" "AUTH_ADMIN_PASSWORD is a placeholder" AUTH_ADMIN_PASSWORD=change-me-too
  check "secrets: auth refuses an admin password under 12 characters" \
    refused "$jar_auth" "AUTH_ADMIN_PASSWORD is shorter than 12 characters" AUTH_ADMIN_PASSWORD=short-pass1
  check "secrets: auth refuses a private key others can read" \
    refused "$jar_auth" "can be read by other users" JWT_PRIVATE_KEY="$dir/readable.pem"
  check "secrets: catalog refuses DB_PASSWORD=change-me" \
    refused "$jar_catalog" "DB_PASSWORD is a placeholder" DB_PASSWORD=change-me
  check "secrets: rotate-keys.sh makes a new key, keeps the previous public key, and refuses to rotate again too soon" bash -c "
    keys='$dir/rotate' && mkdir -p \"\$keys\" && cp '$dir/private.pem' '$dir/public.pem' \"\$keys/\" &&
    mv \"\$keys/private.pem\" \"\$keys/jwt-private.pem\" && mv \"\$keys/public.pem\" \"\$keys/jwt-public.pem\" &&
    '$ROOT/deploy/rotate-keys.sh' \"\$keys\" > /dev/null &&
    cmp -s '$dir/public.pem' \"\$keys/jwt-previous.pem\" && ! cmp -s '$dir/public.pem' \"\$keys/jwt-public.pem\" &&
    [[ \$(openssl pkey -in \"\$keys/jwt-private.pem\" -pubout) == \$(cat \"\$keys/jwt-public.pem\") ]] &&
    [[ \$(stat -c %a \"\$keys/jwt-private.pem\") == 600 ]] &&
    ! '$ROOT/deploy/rotate-keys.sh' \"\$keys\" 2> /dev/null"
  check "secrets: run-local.sh passes the database password by environment and stdin only (never argv)" bash -c "
    ! grep -nE '^[^#]*env [^#]*DB_PASSWORD=' '$ROOT/deploy/run-local.sh' &&
    grep -A2 '^mdb_create_schemas()' '$ROOT/deploy/lib/mariadb.sh' | grep -q '<<<'"
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
  check "mariadb: the server runs with deploy/mariadb/videoclub.cnf (small-VM buffer sizes, utf8mb4)" bash -c "
    [[ \$('$MDB_CLIENT' --no-defaults --protocol=socket --socket='$MDB_SOCKET' -uroot -N -e 'SELECT @@innodb_buffer_pool_size,
      @@aria_pagecache_buffer_size, @@key_buffer_size, @@innodb_log_buffer_size, @@character_set_server' | tr '\t' ' ') \
      == '67108864 8388608 8388608 4194304 utf8mb4' ]]"
  mdb_sql "
    CREATE DATABASE auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE DATABASE catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE TABLE auth.users (id BIGINT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(50) NOT NULL UNIQUE,
      password_hash CHAR(60), created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6));
    INSERT INTO auth.users (username, password_hash) VALUES ('alice', REPEAT('a', 60)), ('bob', NULL), ('zoë', 'x');
    $(sed -n '/^CREATE TABLE sessions/,/^) ENGINE/p; /^CREATE TABLE refresh_tokens/,/^) ENGINE/p; /^CREATE TABLE revocations/,/^) ENGINE/p' \
      "$ROOT/auth/src/main/resources/db/migration/V1__users_and_sessions.sql" | sed 's/^CREATE TABLE /CREATE TABLE auth./')
    INSERT INTO auth.sessions VALUES
      ('live-session-00000001', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL),
      ('revoked-session-000002', 2, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, UTC_TIMESTAMP(6));
    INSERT INTO auth.refresh_tokens VALUES (REPEAT('f', 64), 'live-session-00000001', UTC_TIMESTAMP(6), NULL);
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
  check "backup: the restore revoked every session it brought back, published it, and left no refresh token" bash -c "
    out=\$('$MDB_CLIENT' $MARIADB_OPTS -N -e \"SELECT COUNT(*) FROM auth.sessions WHERE revoked_at IS NULL;
      SELECT COUNT(*) FROM auth.refresh_tokens; SELECT COUNT(*) FROM auth.revocations WHERE session_id = 'live-session-00000001'\")
    [[ \$(echo \$out) == '0 0 1' ]] || { echo \"unrevoked sessions, refresh tokens, revocations: \$out\"; exit 1; }"
  check "backup: the restore dropped what was not in the dump" bash -c "! '$MDB_CLIENT' $MARIADB_OPTS -e 'SELECT 1 FROM catalog.stray'"
  check "backup: restore refuses a truncated file" bash -c "
    gzip -dc '$dump' | head -n 20 | gzip > '$WORK/truncated.sql.gz'; ! '$ROOT/deploy/backup/videoclub-restore.sh' '$WORK/truncated.sql.gz' --yes"
}

started=$SECONDS
sections=("$@")
(( ${#sections[@]} )) || sections=(compose nginx systemd secrets backup)
for section in "${sections[@]}"; do
  case $section in
    compose | nginx | systemd | secrets | backup) "${section}_checks" ;;
    *) fail "unknown section '$section' (compose, nginx, systemd, secrets, backup)" ;;
  esac
done
echo "deploy-checks: took $((SECONDS - started)) s"
printf 'deploy-checks: %d passed, %d failed\n' "$passed" "$failed"
(( failed == 0 ))
