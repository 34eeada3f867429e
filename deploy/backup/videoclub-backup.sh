#!/usr/bin/env bash
# Dumps the auth and catalog schemas into one dated, compressed file and keeps the newest BACKUP_KEEP of them.
# Run nightly by videoclub-backup.timer; safe to run by hand. A consistent snapshot without locking the services out:
# --single-transaction (InnoDB). The dump recreates both schemas when restored (videoclub-restore.sh).
#
# Environment: BACKUP_DIR (/var/backups/videoclub), BACKUP_KEEP (14), MARIADB_DUMP (mariadb-dump),
# MARIADB_OPTS (connection options, e.g. "--defaults-extra-file=/etc/videoclub/backup.cnf"; by default the local
# socket as the calling user, which is how root logs in to Debian's MariaDB).
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/var/backups/videoclub}
BACKUP_KEEP=${BACKUP_KEEP:-14}
MARIADB_DUMP=${MARIADB_DUMP:-mariadb-dump}
[[ $BACKUP_KEEP =~ ^[1-9][0-9]*$ ]] || { echo "videoclub-backup: BACKUP_KEEP must be a positive number" >&2; exit 2; }

mkdir -p "$BACKUP_DIR"
umask 077
name="videoclub-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
partial="$BACKUP_DIR/.$name.partial"
trap 'rm -f "$partial"' EXIT

# shellcheck disable=SC2086 # MARIADB_OPTS is a list of options
"$MARIADB_DUMP" ${MARIADB_OPTS:-} --single-transaction --quick --routines --triggers --events --hex-blob \
  --add-drop-database --databases auth catalog | gzip -6 > "$partial"
# pipefail makes a failed dump fail here; a complete dump ends with this line.
gzip -dc "$partial" | tail -n 1 | grep -q '^-- Dump completed' \
  || { echo "videoclub-backup: the dump is incomplete, keeping the previous backups" >&2; exit 1; }
mv "$partial" "$BACKUP_DIR/$name"
echo "videoclub-backup: wrote $BACKUP_DIR/$name ($(du -h "$BACKUP_DIR/$name" | cut -f1))"

# Retention: the names sort by time; only complete backups count, so a failing job never deletes good ones.
mapfile -t old < <(find "$BACKUP_DIR" -maxdepth 1 -name 'videoclub-*.sql.gz' -printf '%f\n' | sort -r | tail -n +"$((BACKUP_KEEP + 1))")
for file in "${old[@]}"; do
  rm -f "$BACKUP_DIR/$file"
  echo "videoclub-backup: removed $file (keeping the newest $BACKUP_KEEP)"
done
