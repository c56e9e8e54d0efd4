#!/usr/bin/env bash
# Load test of magikdelen serveer on loopback: builds the binary, starts the server on 127.0.0.1,
# sends a bounded number of requests (default 50,000 with 32 clients, mixed valid and malformed),
# reports throughput, p50/p99 and error counts, and stops the server with SIGTERM (graceful shutdown).
# The server writes a decision receipt per answer (--bon, fsync per batch); afterwards every 200 must
# have exactly one valid receipt.
# Usage: scripts/belasting.sh [aantal] [gelijktijdig]
set -euo pipefail
cd "$(dirname "$0")/.."
aantal=${1:-50000}
gelijktijdig=${2:-32}
poort=${POORT:-18080}
tmp=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT

go build -o "$tmp/magikdelen" ./cmd/magikdelen
go build -o "$tmp/belasting" ./cmd/belasting
"$tmp/magikdelen" serveer --adres "127.0.0.1:$poort" --bon "$tmp/bonnen.jsonl" --bon-batch 100 2> "$tmp/server.log" &
pid=$!
status=0
"$tmp/belasting" --url "http://127.0.0.1:$poort" --aantal "$aantal" --gelijktijdig "$gelijktijdig" \
  --telling "$tmp/telling" || status=$?
kill -TERM "$pid"
wait "$pid" || { echo "server stopte niet netjes:"; cat "$tmp/server.log"; exit 1; }
"$tmp/belasting" --controleer-bonnen "$tmp/bonnen.jsonl" --verwacht "$(cat "$tmp/telling")" || status=1
exit $status
