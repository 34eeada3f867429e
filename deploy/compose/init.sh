#!/usr/bin/env bash
# Prepares deploy/compose for `docker compose up`, once: .env with random passwords, and a signing key pair in
# secrets/. Both are git-ignored. Running it again keeps what exists (the database volume holds the old passwords).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

random() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

if [[ ! -f .env ]]; then
  (umask 077 && cat > .env <<ENV
COMPOSE_PROJECT_NAME=videoclub
# jvm or native (after ./mvnw package -Dnative)
VIDEOCLUB_BUILD=jvm
VIDEOCLUB_HTTP_PORT=8080
MARIADB_ROOT_PASSWORD=$(random)
AUTH_DB_PASSWORD=$(random)
CATALOG_DB_PASSWORD=$(random)
AUTH_ADMIN_USERNAME=admin
AUTH_ADMIN_PASSWORD=$(random)
ENV
  )
  echo "Wrote deploy/compose/.env (the admin password is in it)."
fi

if [[ ! -f secrets/jwt-private.pem ]]; then
  mkdir -p secrets && chmod 700 secrets
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/jwt-private.pem 2>/dev/null
  openssl pkey -in secrets/jwt-private.pem -pubout -out secrets/jwt-public.pem
  # Compose bind-mounts secret files with their host permissions and the services do not run as root: the files
  # must be readable; the directory (0700) keeps other host users out.
  chmod 644 secrets/jwt-private.pem secrets/jwt-public.pem
  echo "Wrote a signing key pair to deploy/compose/secrets/."
fi
