#!/usr/bin/env bash
# Short fuzz runs of every parser of outside input, as CI runs them: each target for SECONDS (default 10)
# with a bounded minimisation (-fuzzminimizetime=200x: a new input is shrunk in at most 200 runs, so the
# seconds go to new inputs), and a check that each target ran at least MIN_PER_SECONDE inputs per second
# (default 100) from its first progress line to its last (after the seed corpus): a fuzz run that stalls
# tests nothing.
# The whole-loader targets FuzzVraagbaakLader and FuzzConvenantLader load the knowledge base per input and
# are for long runs by hand: go test -run='^$' -fuzz='^FuzzVraagbaakLader$' -fuzztime=10m ./library/kennisbank
# Usage: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconden=${1:-10}
minimum=${MIN_PER_SECONDE:-100}
status=0
# Start from the seeds (f.Add and testdata/fuzz), not from the corpus earlier runs left in the build cache:
# the fuzzer first re-runs that whole corpus as its baseline, and a growing corpus eats the seconds
# (FuzzBeantwoord: 7 of 10 s at 300 cached inputs, then fuzzing for 3 s at a rate measured over one
# second). Failing inputs are kept in testdata/fuzz, never only in the cache.
go clean -fuzzcache
for doel in FuzzLeesVraag:./library FuzzBeantwoord:./library FuzzLeesTerm:./library FuzzVraagbaakitem:./library/kennisbank \
  FuzzConvenantYAML:./library/kennisbank FuzzVraagEndpoint:./library/api FuzzYAMLLees:./library/internal/yamlpos \
  FuzzLees:./library/bon; do
  naam=${doel%%:*}
  pakket=${doel#*:}
  fuzz() { go test -run='^$' -fuzz="^${naam}\$" -fuzztime="${seconden}s" -fuzzminimizetime=200x "$pakket" 2>&1; }
  uit=$(fuzz) || {
    # Go before 1.27 can fail a target at the -fuzztime boundary with a bare "context deadline exceeded"
    # (go.dev/issue/75804: the coordinator's own deadline, not the target). A real finding writes a failing
    # input or reports a panic or an error; only the bare boundary failure is run once more.
    if grep -q 'context deadline exceeded' <<<"$uit" && ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' <<<"$uit"; then
      echo "$naam: de fuzzer stopte met \"context deadline exceeded\" op de tijdgrens (go.dev/issue/75804); nog één keer"
      uit=$(fuzz) || {
        echo "$uit"
        echo "$naam: MISLUKT"
        status=1
        continue
      }
    else
      echo "$uit"
      echo "$naam: MISLUKT"
      status=1
      continue
    fi
  }
  # The rate is measured from the first progress line (after the seed corpus ran) to the last.
  regels=$(grep -E 'elapsed: [0-9]+s, execs: [0-9]+' <<<"$uit" || true)
  eerste=$(head -1 <<<"$regels")
  laatste=$(tail -1 <<<"$regels")
  t0=$(sed -E 's/.*elapsed: ([0-9]+)s.*/\1/' <<<"$eerste")
  n0=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$eerste")
  duur=$(sed -E 's/.*elapsed: ([0-9]+)s.*/\1/' <<<"$laatste")
  aantal=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$laatste")
  if [ $((duur - t0)) -gt 0 ]; then
    per=$(((aantal - n0) / (duur - t0)))
  else
    per=$((aantal / (duur > 0 ? duur : 1)))
  fi
  if [ "$per" -lt "$minimum" ]; then
    echo "$naam: $aantal invoeren in ${duur}s, $per per seconde na de start, minder dan $minimum: MISLUKT"
    status=1
  else
    echo "$naam: $aantal invoeren in ${duur}s, $per per seconde na de start"
  fi
done
exit $status
