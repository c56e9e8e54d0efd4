#!/usr/bin/env bash
# Short fuzz runs of every parser of outside input, as CI runs them: each target for SECONDS (default 10)
# with a bounded minimisation (-fuzzminimizetime=200x: a new input is shrunk in at most 200 runs, so the
# seconds go to new inputs), and a check that each target ran at least MIN_PER_SECONDE inputs per second
# (default 100) over its whole run, start-up included: a fuzz run that stalls tests nothing.
# The whole-loader targets FuzzVraagbaakLader and FuzzConvenantLader load the knowledge base per input and
# are for long runs by hand: go test -run='^$' -fuzz='^FuzzVraagbaakLader$' -fuzztime=10m ./library
# Usage: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconden=${1:-10}
minimum=${MIN_PER_SECONDE:-100}
status=0
for doel in FuzzLeesVraag:./library FuzzBeantwoord:./library FuzzVraagbaakitem:./library \
  FuzzConvenantYAML:./library FuzzVraagEndpoint:./library/api FuzzYAMLLees:./library/internal/yamlpos \
  FuzzLees:./library/bon; do
  naam=${doel%%:*}
  pakket=${doel#*:}
  uit=$(go test -run='^$' -fuzz="^${naam}\$" -fuzztime="${seconden}s" -fuzzminimizetime=200x "$pakket" 2>&1) || {
    echo "$uit"
    echo "$naam: MISLUKT"
    status=1
    continue
  }
  laatste=$(grep -E 'elapsed: [0-9]+s, execs: [0-9]+' <<<"$uit" | tail -1)
  duur=$(sed -E 's/.*elapsed: ([0-9]+)s.*/\1/' <<<"$laatste")
  aantal=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$laatste")
  per=$((aantal / (duur > 0 ? duur : 1)))
  if [ "$per" -lt "$minimum" ]; then
    echo "$naam: $aantal invoeren in ${duur}s = $per per seconde, minder dan $minimum: MISLUKT"
    status=1
  else
    echo "$naam: $aantal invoeren in ${duur}s = $per per seconde"
  fi
done
exit $status
