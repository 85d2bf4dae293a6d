#!/usr/bin/env bash
# The static checks of `npm test` — tsc (strict), eslint, madge cycle check, references, prettier — side by side: each is one process on
# one core, so on a 2-core machine two of them run in the time of one. Output is printed per check when it ends;
# the exit status is non-zero when any check fails.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A pid
for check in typecheck lint check:cycles check:references format:check; do
  npm run -s "$check" >"$out/$check.log" 2>&1 &
  pid[$check]=$!
done
failed=0
for check in typecheck lint check:cycles check:references format:check; do
  if wait "${pid[$check]}"; then
    cat "$out/$check.log"
  else
    echo "npm test: $check failed:" >&2
    cat "$out/$check.log" >&2
    failed=1
  fi
done
exit "$failed"
