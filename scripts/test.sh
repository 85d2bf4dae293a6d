#!/usr/bin/env bash
# `npm test`: the static checks (scripts/checks.sh: tsc, eslint, madge, references, prettier) and `vitest run
# --coverage` side by side instead of one after the other. The checks run at a lower CPU priority (nice), so they
# use the moments vitest leaves a core idle (a browser test waiting for the map, a child process starting, the
# coverage report at the end) and never hold up its long poles. Safe because vitest writes only to ignored
# directories (web/dist, geodata/build, coverage, test-results, temporary directories), which no check reads.
# Output: vitest's as it runs, then the checks' when both are done; the exit status is non-zero when either fails.
# Arguments are passed to vitest.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
nice -n 10 bash scripts/checks.sh >"$log" 2>&1 &
checks=$!
node_modules/.bin/vitest run --coverage "$@"
tests=$?
wait "$checks"
static=$?
cat "$log"
[ "$static" -eq 0 ] || echo "npm test: the static checks failed (above)" >&2
[ "$tests" -eq 0 ] || echo "npm test: vitest failed (exit $tests)" >&2
[ "$static" -eq 0 ] && [ "$tests" -eq 0 ]
