#!/usr/bin/env bash
# One database per service, each service owning only its own (docs/architecture.md: no service
# reads another's tables), with two roles each: <db>_owner owns the database and its schema and is
# the one Flyway migrates with; <db>_app is what the service connects as, owns nothing, and gets its
# privileges from the service after each migration (docs/decisions.md: append-only tables are
# INSERT/SELECT only for it). The postgres image runs this once, on the first start with an empty
# data volume; `docker compose down -v` starts afresh. Passwords come from compose.yaml.
set -euo pipefail

create() { # DATABASE OWNER_PASSWORD APP_PASSWORD
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$1" -v owner="$1_owner" -v app="$1_app" -v owner_password="$2" -v app_password="$3" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"name" OWNER :"owner";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"name" TO :"app";
\connect :"name"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
}

create indicator "$INDICATOR_DB_OWNER_PASSWORD" "$INDICATOR_DB_PASSWORD"
create registry "$REGISTRY_DB_OWNER_PASSWORD" "$REGISTRY_DB_PASSWORD"
create funding "$FUNDING_DB_OWNER_PASSWORD" "$FUNDING_DB_PASSWORD"
create report "$REPORT_DB_OWNER_PASSWORD" "$REPORT_DB_PASSWORD"
