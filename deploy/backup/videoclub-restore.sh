#!/usr/bin/env bash
# Restores a dump made by videoclub-backup.sh: drops and recreates the auth and catalog schemas from FILE, then
# revokes every session it brought back: a session revoked after the dump (a logout, a stolen refresh token, a
# password change) must not come back to life. Everyone logs in again.
# Stop the services first (systemctl stop videoclub-auth videoclub-catalog) and start them again afterwards.
#
#   videoclub-restore.sh /var/backups/videoclub/videoclub-20260101T031500Z.sql.gz [--yes]
#
# Environment: MARIADB (mariadb client), MARIADB_OPTS (connection options, as for videoclub-backup.sh).
set -euo pipefail

file=${1:?usage: videoclub-restore.sh FILE.sql.gz [--yes]}
MARIADB=${MARIADB:-mariadb}
[[ -r $file ]] || { echo "videoclub-restore: cannot read $file" >&2; exit 2; }
gzip -t "$file" || { echo "videoclub-restore: $file is not a complete gzip file" >&2; exit 2; }
gzip -dc "$file" | tail -n 1 | grep -q '^-- Dump completed' \
  || { echo "videoclub-restore: $file is not a complete dump" >&2; exit 2; }

if [[ ${2:-} != --yes ]]; then
  read -r -p "This replaces the auth and catalog schemas with $file. Type 'restore' to go on: " answer
  [[ $answer == restore ]] || { echo "videoclub-restore: nothing changed"; exit 1; }
fi
# shellcheck disable=SC2086 # MARIADB_OPTS is a list of options
gzip -dc "$file" | "$MARIADB" ${MARIADB_OPTS:-}
# Every restored session is revoked and published in the revocation feed (catalog refuses its access tokens), and no
# refresh token survives.
# shellcheck disable=SC2086
"$MARIADB" ${MARIADB_OPTS:-} <<'SQL'
USE auth;
START TRANSACTION;
INSERT INTO revocations (session_id, expires_at, revoked_at)
  SELECT id, access_expires_at, UTC_TIMESTAMP(6) FROM sessions
  WHERE revoked_at IS NULL AND access_expires_at > UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE;
UPDATE sessions SET revoked_at = UTC_TIMESTAMP(6) WHERE revoked_at IS NULL;
DELETE FROM refresh_tokens;
COMMIT;
SQL
echo "videoclub-restore: restored auth and catalog from $file; every restored session is revoked"
