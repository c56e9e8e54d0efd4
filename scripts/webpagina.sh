#!/usr/bin/env bash
# The web answer page as a professional meets it: the first request for a question (no cache hit) to a
# fresh `magikdelen serveer`, for three questions (the police and the GGZ to the whole ZVH table, the
# wijkteam to the procesregisseur). The page is sent in two parts: the answer (verdict, legal chain,
# checklist) as soon as it is there, then the open facts. Prints per request the time to the first part
# (curl's time_starttransfer: the answer is on screen) and to the whole page.
# Usage: scripts/webpagina.sh [binary] (default: built from this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
poort=${POORT:-18095}
tmp=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
  go build -o "$tmp/magikdelen" ./cmd/magikdelen
  bin="$tmp/magikdelen"
fi
"$bin" serveer --adres "127.0.0.1:$poort" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$poort/" && break; sleep 0.1; done
for q in \
  "van=politie&naar=overleg_deelnemers&gegevens=politiegegevens,strafrechtelijk&doel=zvh_casusoverleg&convenant=zvht&datum=2025-06-01&feit=inclusiecriteria=true" \
  "van=ggz&naar=overleg_deelnemers&gegevens=gezondheid&doel=zvh_casusoverleg&convenant=zvht&datum=2025-06-01" \
  "van=wijkteam&naar=zvh_procesregisseur&gegevens=identificerend,signaal,hulpverlening&doel=zvh_aanmelding&convenant=zvht&datum=2025-06-01&feit=inclusiecriteria=true"; do
  uit=$(curl -s -o "$tmp/pagina.html" -w '%{time_starttransfer} %{time_total} %{http_code}' "http://127.0.0.1:$poort/vraag?$q")
  read -r eerste geheel code <<< "$uit"
  echo "antwoord ${eerste} s, hele pagina ${geheel} s (HTTP ${code})  /vraag?${q%%&doel=*}"
done
