#!/usr/bin/env bash
# Lints the OpenAPI documents of auth and catalog with Redocly CLI's recommended rules (deploy/test/redocly.yaml):
# any error or warning fails. The documents are the ones each build writes to <module>/target/openapi/openapi.json
# (quarkus.smallrye-openapi.store-schema-directory), the same document the service serves at /q/openapi; a module
# not built yet is packaged first (tests skipped). Needs node and npx; the package comes from the npm registry.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REDOCLY=@redocly/cli@2.77.0
cd "$ROOT"
missing=()
for module in auth catalog; do
  [[ -f $module/target/openapi/openapi.json ]] || missing+=("$module")
done
if (( ${#missing[@]} > 0 )); then
  echo "openapi-lint: building ${missing[*]} ..."
  ./mvnw -B -ntp -q package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")"
fi
status=0
for module in auth catalog; do
  out=$(npx --yes "$REDOCLY" lint --config deploy/test/redocly.yaml --format=stylish "$module/target/openapi/openapi.json" 2>&1) || status=1
  # Redocly fails on errors only; a warning fails here too.
  if grep -qE '^\s+[0-9]+:[0-9]+\s+(error|warning)\s' <<< "$out"; then
    status=1
    grep -E '^\s+[0-9]+:[0-9]+\s+(error|warning)\s' <<< "$out" | sed "s#^#openapi-lint: $module: #"
  else
    echo "openapi-lint: $module: no error, no warning"
  fi
done
exit $status
