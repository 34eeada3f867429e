#!/usr/bin/env bash
# End-to-end smoke: starts everything with deploy/run-local.sh (fresh data directory), runs the README's curl
# walk-through exactly as written, checking each "# → NNN" status, then stops, starts again on the same data to check
# that it is kept, and stops. Exits non-zero on any failure; the last line is "smoke: N passed, M failed".
#
#   deploy/smoke.sh             the JVM run
#   deploy/smoke.sh --native    the same against deploy/run-local.sh --native (the native binaries, built if missing)
#
# Needs ports 3307, 4000 and 1337 free. Set VIDEOCLUB_SMOKE_KEEP=1 to keep the data directory for a look afterwards.
set -uo pipefail

MODE_ARGS=()
case ${1:-} in
  "") ;;
  --native) MODE_ARGS=(--native) ;;
  *) echo "smoke: unknown argument '$1' (--native)" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/walkthrough.sh
source "$ROOT/deploy/lib/walkthrough.sh"

export VIDEOCLUB_LOCAL_DIR="$ROOT/deploy/.local/smoke"
# The walk-through logs in with the printed default admin.
unset AUTH_ADMIN_USERNAME AUTH_ADMIN_PASSWORD
# Reuse the unpacked MariaDB of earlier runs rather than unpacking 300 MB again.
rm -rf "$VIDEOCLUB_LOCAL_DIR/data" "$VIDEOCLUB_LOCAL_DIR/keys" "$VIDEOCLUB_LOCAL_DIR/logs" "$VIDEOCLUB_LOCAL_DIR/db-password" \
  "$VIDEOCLUB_LOCAL_DIR/cache"

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'smoke: ok   %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'smoke: FAIL %s\n' "$*"; }
finish() {
  "$ROOT/deploy/run-local.sh" stop > /dev/null 2>&1 || true
  [[ -n ${VIDEOCLUB_SMOKE_KEEP:-} ]] || rm -rf "$VIDEOCLUB_LOCAL_DIR/data"
  printf 'smoke: %d passed, %d failed\n' "$passed" "$failed"
  (( failed == 0 && passed > 0 ))
}
trap 'exit 130' INT TERM
trap 'finish; exit $?' EXIT

start() {
  local label=$1 started=$SECONDS
  if "$ROOT/deploy/run-local.sh" --detach "${MODE_ARGS[@]}" > "$VIDEOCLUB_LOCAL_DIR/run-local.out" 2>&1; then
    pass "$label ($((SECONDS - started)) s)"
  else
    fail "$label; run-local.sh said:"
    tail -n 40 "$VIDEOCLUB_LOCAL_DIR/run-local.out"
    exit 1
  fi
}

mkdir -p "$VIDEOCLUB_LOCAL_DIR"
start "deploy/run-local.sh --detach${MODE_ARGS[*]:+ ${MODE_ARGS[*]}} (fresh data directory)"

# Runs the walk-through one shell command at a time in this shell (so its variables carry over). A command whose last
# line ends in "# → NNN" must print a status line "HTTP/x NNN"; any other command must succeed.
run_walkthrough() {
  local command="" line expected status output
  while IFS= read -r line || [[ -n $line ]]; do
    command+="$line"$'\n'
    [[ $line == *\\ ]] && continue
    if [[ -z ${command//[[:space:]]/} || $command =~ ^[[:space:]]*# ]]; then command=""; continue; fi
    printf '$ %s' "$command"
    expected=""
    [[ $line =~ \#\ →\ ([0-9]{3}) ]] && expected=${BASH_REMATCH[1]}
    # eval in this shell (not in a $(...) subshell), so assignments like TOKEN=... stay for the next commands
    # (curl's progress meter goes to stderr, shown only when a command fails)
    eval "$command" > "$VIDEOCLUB_LOCAL_DIR/step.out" 2> "$VIDEOCLUB_LOCAL_DIR/step.err"
    local code=$?
    output=$(cat "$VIDEOCLUB_LOCAL_DIR/step.out")
    [[ -n $output ]] && printf '%s\n' "$output" | sed 's/^/    /'
    (( code == 0 )) || sed 's/^/    /' "$VIDEOCLUB_LOCAL_DIR/step.err"
    local step
    step=$(printf '%s' "$command" | head -n 1 | cut -c1-90)
    if [[ -n $expected ]]; then
      status=$(printf '%s\n' "$output" | sed -n 's/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' | tail -n 1)
      if [[ $status == "$expected" ]]; then pass "$expected  $step"; else fail "expected $expected, got ${status:-no response}: $step"; fi
    elif (( code != 0 )); then
      fail "exit code $code: $step"
    fi
    command=""
  done
}
lines=$(walkthrough_lines "$ROOT/README.md")
[[ -n $lines ]] || { fail "no walk-through found between the markers in README.md"; exit 1; }
run_walkthrough <<< "$lines"

# A second start must find the same data: alice (from the walk-through) can still log in.
if "$ROOT/deploy/run-local.sh" stop > /dev/null 2>&1 && ! "$ROOT/deploy/run-local.sh" status > /dev/null; then
  pass "deploy/run-local.sh stop"
else
  fail "deploy/run-local.sh stop left something running"
fi
start "second start on the same data"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://localhost:4000/login -H 'Content-Type: application/json' \
  -d '{"username":"alice","password":"correct horse battery"}')
if [[ $status == 200 ]]; then pass "alice still logs in after the restart"; else fail "login after the restart: $status"; fi
for service in auth catalog; do
  command_line=$(tr '\0' ' ' < "/proc/$(cat "$VIDEOCLUB_LOCAL_DIR/run/$service.pid")/cmdline" 2>/dev/null)
  if (( ${#MODE_ARGS[@]} )); then
    # What ran is the service's native binary, not a JVM.
    if [[ $command_line == "$ROOT/$service/target/$service-"*-runner\ * ]]; then
      pass "$service runs as its native binary"
    else
      fail "$service does not run as its native binary: $command_line"
    fi
  # The first run recorded each service's class-data cache and wrote it when it stopped; the second start uses it.
  elif grep -Eq -- '-XX:(AOTCache|SharedArchiveFile)=[^ ]+' <<< "$command_line"; then
    pass "$service started again with the class-data cache its first run wrote"
  else
    fail "$service started again without a class-data cache (see $VIDEOCLUB_LOCAL_DIR/logs/$service.log)"
  fi
done
