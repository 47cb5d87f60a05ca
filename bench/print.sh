#!/usr/bin/env bash
# Print Management (issue "Print Management SCP"), run by hand, never by tests: print sessions of 14 x 17 in
# films, STANDARD\2,2 of 512 x 512 12-bit images, one film box printed per N-ACTION, from PrintBench; first
# one association of one film, then 8 associations of 4 films at once; against Beacon (H2: a print job is
# one row) and DCMTK's dcmprscp (which stores the job and renders nothing), three rounds, interleaved.
# For Beacon also the rendering of each film as the print queue reports it (render, PNG, PDF) and the
# server's heap while the 8 associations print (jstat, sampled every 200 ms).
# Usage: bench/print.sh   (needs: mvn -B install -DskipTests first; dcmtk, curl, a JDK's jstat)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
work=$(mktemp -d /tmp/beacon-print.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

cp -r wildfly-config/target/server "$work/beacon"
BEACON_DICOM_PORT=11713 BEACON_HL7_PORT=0 BEACON_ADMIN_PASSWORD=bench BEACON_STORAGE_MIN_FREE_MB=100 \
  "$work/beacon/bin/standalone.sh" -Djboss.socket.binding.port-offset=500 >"$work/beacon.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:10490/health/ready" 2>/dev/null | grep -q dicom-listeners && break
  sleep 0.3
done
wfpid=$(pgrep -f "$work/beacon/jboss-modules.jar" | head -1)

mkdir -p "$work/dcmtk/db"
cat >"$work/dcmtk/dcmpstat.cfg" <<CFG
[[GENERAL]]
[DATABASE]
Directory = $work/dcmtk/db
[PRINT]
Directory = $work/dcmtk/spool
[[COMMUNICATION]]
[BENCH]
Aetitle = BENCH
Hostname = localhost
Port = 11716
Type = LOCALPRINTER
DisplayFormat = 1,1\\2,2
FilmSizeID = 14INX17IN\\8INX10IN
MagnificationType = REPLICATE\\BILINEAR\\CUBIC\\NONE
MediumType = BLUE FILM\\PAPER
MaxDensity = 320
MinDensity = 20
MaxPDU = 131072
Supports12Bit = true
SupportsPresentationLUT = true
CFG
(cd "$work/dcmtk" && exec dcmprscp -c dcmpstat.cfg -p BENCH >"$work/dcmprscp.log" 2>&1) &
pids+=($!)
sleep 1

api() { curl -sf -u admin:bench "http://127.0.0.1:8580/beacon/api$1"; }
# waits for the jobs listed in $1 (JOB lines), then prints the median of each timing over their films
follow() {
  local uids; uids=$(grep '^JOB ' "$1" | cut -d' ' -f2)
  for _ in $(seq 1200); do
    pending=$(api "/print/jobs?max=1000" | python3 -c "import json,sys
u=set(sys.argv[1].split()); j=[x for x in json.load(sys.stdin) if x['jobUid'] in u]
print(sum(1 for x in j if x['state'] in ('PENDING','PRINTING')))" "$uids")
    [ "$pending" = 0 ] && break
    sleep 0.25
  done
  api "/print/jobs?max=1000" | python3 -c "import json,re,sys,statistics as st
u=set(sys.argv[1].split()); d=[x['detail'] for x in json.load(sys.stdin) if x['jobUid'] in u]
t=[list(map(int,re.search(r'rendered (\d+) ms, PNG (\d+) ms, PDF (\d+) ms',x).groups())) for x in d]
print('  films %d: render median %d ms (max %d), PNG %d ms, PDF %d ms' % (len(t), st.median(a[0] for a in t),
  max(a[0] for a in t), st.median(a[1] for a in t), st.median(a[2] for a in t)))" "$uids"
}
for round in 1 2 3; do
  for t in beacon dcmtk; do
    if [ "$t" = beacon ]; then p=11713; called=BEACON; else p=11716; called=BENCH; fi
    echo "round $round $t"
    echo -n "  1 x 1: "
    java -cp "$jar" org.beaconpacs.bench.PrintBench 127.0.0.1 $p $called 1 1 >"$work/one.out"
    grep -v '^JOB' "$work/one.out"
    [ "$t" = beacon ] && follow "$work/one.out"
    if [ "$t" = beacon ]; then
      jstat -gc "$wfpid" 200 >"$work/jstat.out" & js=$!
    fi
    echo -n "  8 x 4: "
    java -cp "$jar" org.beaconpacs.bench.PrintBench 127.0.0.1 $p $called 8 4 >"$work/eight.out"
    grep -v '^JOB' "$work/eight.out"
    if [ "$t" = beacon ]; then
      follow "$work/eight.out"
      kill $js
      awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "  heap used at most %.0f MB while they printed\n", m / 1024}' "$work/jstat.out"
    fi
  done
done
