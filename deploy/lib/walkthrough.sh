# shellcheck shell=bash
# The curl walk-through lives once, in README.md, in ```bash blocks between the walkthrough markers.
# run-local.sh prints it and deploy/smoke.sh runs it, so the documentation cannot drift from what is tested.

# Prints the walk-through's shell lines (fences removed, prose dropped).
walkthrough_lines() {
  local readme=$1
  awk '/<!-- walkthrough:begin -->/ { on = 1; next }
       /<!-- walkthrough:end -->/   { on = 0 }
       on && /^```bash/ { code = 1; next }
       on && /^```/     { if (code) print ""; code = 0; next }
       on && code       { print }' "$readme"
}
