#!/usr/bin/env bash
# One role and one database per service, each service owning only its own (docs/architecture.md:
# no service reads another's tables). The postgres image runs this once, on the first start with an
# empty data volume; `docker compose down -v` starts afresh. Passwords come from compose.yaml.
set -euo pipefail

create() { # ROLE_AND_DATABASE PASSWORD
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
}

create indicator "$INDICATOR_DB_PASSWORD"
create registry "$REGISTRY_DB_PASSWORD"
create funding "$FUNDING_DB_PASSWORD"
create report "$REPORT_DB_PASSWORD"
