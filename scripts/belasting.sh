#!/usr/bin/env bash
# Load test of magikdelen serveer on loopback: builds the binary, starts the server on 127.0.0.1 with its
# decision cache (--cache, default 4096 answers), and runs four rounds against it, 32 clients each,
# about one request in five malformed:
#   1. herhaald, koud: the scenario questions repeated, starting with an empty cache;
#   2. herhaald, warm: the same again, now every valid answer comes from the cache;
#   3. gemengd: every valid question new (the scenario questions on successive dates), so every answer
#      is evaluated by the rules;
#   4. dag: every valid question new, on one date, as a working day brings them (each round of the scenario
#      questions with another age of the data subject): evaluated too, but a question finds the calls it
#      shares with the same sender, purpose and date (library/gedeeldecache.go) and every value that
#      read none of what differs from an earlier question, such as the age (library/invoerdelen.go).
# Each round reports answers per second, p50/p90/p99 and error counts, and the latencies again without its first
# OPWARMEN requests (default 1000: a round's first questions work out for the first time what later ones share).
# No round has a time limit unless MAX_DUUR is set (it is printed). The server writes a decision receipt per
# answer (--bon, fsync per batch); afterwards every 200 must have exactly one valid receipt. The server stops
# with SIGTERM.
# Usage: scripts/belasting.sh [aantal herhaald] [aantal gemengd en dag] [gelijktijdig]
set -euo pipefail
cd "$(dirname "$0")/.."
herhaald=${1:-50000}
gemengd=${2:-2000}
gelijktijdig=${3:-32}
poort=${POORT:-18080}
max_duur=${MAX_DUUR:-0}
opwarmen=${OPWARMEN:-1000}
tmp=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT

go build -o "$tmp/magikdelen" ./cmd/magikdelen
go build -o "$tmp/belasting" ./cmd/belasting
"$tmp/magikdelen" serveer --adres "127.0.0.1:$poort" --bon "$tmp/bonnen.jsonl" --bon-batch 100 2> "$tmp/server.log" &
pid=$!
status=0
totaal=0
ronde() {
  echo "== $1"
  "$tmp/belasting" --url "http://127.0.0.1:$poort" --vragen "$2" --aantal "$3" --gelijktijdig "$gelijktijdig" \
    --max-duur "$max_duur" --opwarmen "$opwarmen" --telling "$tmp/telling" || status=1
  totaal=$((totaal + $(cat "$tmp/telling")))
}
ronde "herhaald, cache koud" herhaald "$herhaald"
ronde "herhaald, cache warm" herhaald "$herhaald"
ronde "gemengd, elke vraag nieuw" gemengd "$gemengd"
ronde "dag, elke vraag nieuw op één datum" dag "$gemengd"
kill -TERM "$pid"
wait "$pid" || { echo "server stopte niet netjes:"; cat "$tmp/server.log"; exit 1; }
"$tmp/belasting" --controleer-bonnen "$tmp/bonnen.jsonl" --verwacht "$totaal" || status=1
exit $status
