#!/usr/bin/env bash
# One question as a whole process: `magikdelen vraag --invoer q.json --formaat json` against stock
# `opa eval -b` on the bundle magikdelen exports of the same knowledge base (the same answer), run in
# turn N times (default 11), with the median wall time of each and their ratio. Both binaries are built
# here: magikdelen from this checkout, opa from the version in go.mod.
# Usage: scripts/cli-tegen-opa.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-11}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/magikdelen" ./cmd/magikdelen
GOFLAGS=-mod=mod go build -o "$tmp/opa" github.com/open-policy-agent/opa
"$tmp/magikdelen" bundel -u "$tmp/kennisbank.tar.gz" > /dev/null 2>&1
cat > "$tmp/vraag.json" <<'JSON'
{"van":"politie","naar":["overleg_deelnemers"],"gegevens":["politiegegevens","strafrechtelijk"],"doel":"zvh_casusoverleg","convenant":"zvht","datum":"2025-06-01","feiten":{"inclusiecriteria":true}}
JSON
ms() { local begin eind; begin=$(date +%s%N); "$@" > /dev/null; eind=$(date +%s%N); echo $(((eind - begin) / 1000000)); }
for i in $(seq "$n"); do
  ms "$tmp/magikdelen" vraag --invoer "$tmp/vraag.json" --formaat json >> "$tmp/cli"
  ms "$tmp/opa" eval -b "$tmp/kennisbank.tar.gz" -i "$tmp/vraag.json" data.magikdelen.antwoord >> "$tmp/opa.ms"
done
mediaan() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cli=$(mediaan "$tmp/cli")
opa=$(mediaan "$tmp/opa.ms")
echo "magikdelen vraag: mediaan ${cli} ms over $n keer"
echo "opa eval -b:      mediaan ${opa} ms over $n keer"
awk -v a="$cli" -v b="$opa" 'BEGIN {printf "verhouding magikdelen/opa: %.2f\n", a / b}'
