#!/usr/bin/env bash
# Prepares deploy/compose for `docker compose up`, once: .env with random passwords, a signing key pair in secrets/,
# and a self-signed TLS certificate for the gateway in secrets/tls/ when none is there. All git-ignored. Running it
# again keeps what exists (the database volume holds the old passwords) and fixes the key's mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

random() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

if [[ ! -f .env ]]; then
  (umask 077 && cat > .env <<ENV
COMPOSE_PROJECT_NAME=videoclub
# jvm or native (after ./mvnw package -Dnative)
VIDEOCLUB_BUILD=jvm
VIDEOCLUB_HTTP_PORT=8080
VIDEOCLUB_HTTPS_PORT=8443
MARIADB_ROOT_PASSWORD=$(random)
AUTH_DB_PASSWORD=$(random)
CATALOG_DB_PASSWORD=$(random)
AUTH_ADMIN_USERNAME=admin
AUTH_ADMIN_PASSWORD=$(random)
ENV
  )
  echo "Wrote deploy/compose/.env (the admin password is in it)."
fi
# auth runs as the owner of the private key, which only its owner may read (catalog never gets it).
grep -q '^VIDEOCLUB_UID=' .env || printf 'VIDEOCLUB_UID=%s\nVIDEOCLUB_GID=%s\n' "$(id -u)" "$(id -g)" >> .env

if [[ ! -f secrets/jwt-private.pem ]]; then
  mkdir -p secrets && chmod 700 secrets
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/jwt-private.pem 2>/dev/null)
  openssl pkey -in secrets/jwt-private.pem -pubout -out secrets/jwt-public.pem
  echo "Wrote a signing key pair to deploy/compose/secrets/."
fi
# Compose bind-mounts secret files with their host owner and mode: the private key is the owner's alone (auth refuses
# to start in prod with a key others can read); the public key is for everyone.
chmod 600 secrets/jwt-private.pem
chmod 644 secrets/jwt-public.pem
# the key before the last rotation (deploy/rotate-keys.sh); until the first one, the current key again
[[ -f secrets/jwt-previous.pem ]] || cp -p secrets/jwt-public.pem secrets/jwt-previous.pem

../lib/self-signed-cert.sh secrets/tls "${VIDEOCLUB_HOSTNAME:-localhost}"
