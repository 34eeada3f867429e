#!/bin/bash
# Sourced by the mariadb image's entrypoint on an empty data volume (docker-entrypoint-initdb.d), with the root
# account ready: one schema per service, and one account per service that can reach only its own schema.
# The passwords come from the environment (compose.yaml, from .env made by init.sh; hex, so safe to quote).
docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'auth'@'%' IDENTIFIED BY '${AUTH_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'catalog'@'%' IDENTIFIED BY '${CATALOG_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON auth.* TO 'auth'@'%';
GRANT ALL PRIVILEGES ON catalog.* TO 'catalog'@'%';
SQL
