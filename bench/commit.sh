#!/usr/bin/env bash
# Storage commitment benchmark (issue "Storage Commitment"), run by hand, never by tests.
# 1000 CTs of 514 KiB (QueryData: 10 patients x 100) stored into each target, then, interleaved, `rounds` times:
#   one request for all 1000 (dcmjs-dimse as the modality, report on a new association to its listener):
#   time from the N-ACTION to the N-EVENT-REPORT, and Beacon's split from its log (index lookup, file checks =
#   reads and digests, save, report);
#   10 concurrent requests of 100 instances each (Beacon: reports on the requests' associations): all delivered?
# Targets: Beacon on H2 and on PostgreSQL (the provisioned server, per-object durability), Orthanc (Debian) whose
# SCP checks its index only (no file, no digest). Reference lines: reading and SHA-256 of the 1000 files with
# cat and sha256sum (page cache warm), and the machine's fsync time for a 512 KiB file (bench/fsync.sh).
# Usage: bench/commit.sh [rounds=3]    TARGETS="h2 orthanc" runs a subset (default: h2 pg orthanc)
#   needs: mvn -B install -DskipTests first; npm ci --prefix testsuite/src/test/node; dcmtk, orthanc,
#   postgresql (Debian), curl, python3-pydicom
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
read -ra targets <<<"${TARGETS:-h2 pg orthanc}"
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }
for tool in storescu node Orthanc curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 1; }
done
node=testsuite/src/test/node
[ -d "$node/node_modules/dcmjs-dimse" ] || { echo "npm ci --prefix $node first" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar

work=$(mktemp -d /tmp/beacon-commitbench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

java -cp "$jar" org.beaconpacs.bench.QueryData "$work/data" 10 100 0 0
/usr/bin/python3 - "$work/data/ct" >"$work/refs" <<'PY' # Debian's python3-pydicom
import os, sys, pydicom
for root, _, files in sorted(os.walk(sys.argv[1])):
    for f in sorted(files):
        ds = pydicom.dcmread(os.path.join(root, f), stop_before_pixels=True)
        print(f"{ds.SOPClassUID}/{ds.SOPInstanceUID}")
PY
mapfile -t refs <"$work/refs"
listen=11899

declare -A port offset aet
start_beacon() { # name offset dicomport env-assignments...
  local name=$1 off=$2 dp=$3; shift 3
  cp -r wildfly-config/target/server "$work/beacon-$name"
  env "$@" BEACON_DICOM_PORT="$dp" BEACON_ADMIN_PASSWORD=bench BEACON_STORAGE_MIN_FREE_MB=100 \
    "$work/beacon-$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="$off" >"$work/$name.log" 2>&1 &
  pids+=($!)
  port[$name]=$dp; offset[$name]=$off; aet[$name]=BEACON
}
if wanted pg; then
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25436 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
  psql -h /tmp -p 25436 -U postgres -qc "create role bc login password 'beacon'" postgres
  psql -h /tmp -p 25436 -U postgres -qc "create database bc owner bc" postgres
  start_beacon pg 300 11801 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25436/bc BEACON_DB_USER=bc
fi
wanted h2 && start_beacon h2 500 11803
for name in h2 pg; do
  wanted "$name" || continue
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$(( 9990 + ${offset[$name]} ))/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
  for i in $(seq 0 10); do # BENCHSC (the 1000) and BENCHSC0..9 (the concurrent ones) with their listeners' ports
    ae=BENCHSC; p=$listen
    [ "$i" -lt 10 ] && ae=BENCHSC$i && p=$(( listen - 10 + i ))
    curl -sf -u admin:bench -H 'Content-Type: application/json' -X POST \
      "http://127.0.0.1:$(( 8080 + ${offset[$name]} ))/beacon/api/aes" \
      -d "{\"aeTitle\":\"$ae\",\"host\":\"127.0.0.1\",\"port\":$p}" >/dev/null
  done
done
if wanted orthanc; then
  cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/db", "IndexDirectory": "$work/orthanc/db",
  "DicomAet": "ORTHANC", "DicomPort": 11806, "HttpPort": 18143, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomAlwaysAllowStore": true, "DicomCheckCalledAet": false,
  "Plugins": [], "StorageCompression": false,
  "DicomModalities": { "benchsc": [ "BENCHSC", "127.0.0.1", $listen ], "loader": [ "LOADER", "127.0.0.1", 11698 ] } }
JSON
  mkdir -p "$work/orthanc"
  Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 & pids+=($!)
  port[orthanc]=11806; aet[orthanc]=ORTHANC
  for _ in $(seq 100); do curl -sf http://127.0.0.1:18143/system >/dev/null && break; sleep 0.2; done
fi
for t in "${targets[@]}"; do
  storescu +sd +r -aet LOADER -aec "${aet[$t]}" 127.0.0.1 "${port[$t]}" "$work/data/ct" >/dev/null 2>&1
done

commit() { # target calling-ae listen-port linger-ms refs... -> the REPORT line's JSON, or "none"
  local t=$1 ae=$2 lp=$3 linger=$4; shift 4
  local out
  out=$(node "$node/commit.js" 127.0.0.1 "${port[$t]}" "${aet[$t]}" "$ae" "$lp" "$linger" 120000 \
    "2.25.$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')$RANDOM" "$@" 2>&1 || true)
  grep '^REPORT ' <<<"$out" | head -1 | cut -c8- || echo none
}
: >"$work/results"
for r in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    json=$(commit "$t" BENCHSC "$listen" 0 "${refs[@]}")
    echo "$t one $json" >>"$work/results"
    if [ "$t" != orthanc ]; then
      t0=$(date +%s%N)
      clients=()
      for i in $(seq 0 9); do
        commit "$t" "BENCHSC$i" 0 60000 "${refs[@]:$(( i * 100 )):100}" >"$work/c$i" &
        clients+=($!)
      done
      wait "${clients[@]}" # not the servers, which are children too
      ok=$(cat "$work"/c? | python3 -c "import sys, json; print(sum(1 for l in sys.stdin if l.startswith('{') and json.loads(l)['eventTypeId'] == 1))")
      echo "$t ten $ok $(( ($(date +%s%N) - t0) / 1000000 ))" >>"$work/results"
    fi
  done
done

echo "fsync of a 512 KiB file here: $(bench/fsync.sh 100 "$work" | tail -1)"
t0=$(date +%s%N); find "$work/data/ct" -type f -exec cat {} + >/dev/null; t1=$(date +%s%N)
find "$work/data/ct" -type f -exec sha256sum {} + >/dev/null; t2=$(date +%s%N)
echo "the 1000 files (514 MiB, page cache warm): read $(( (t1 - t0) / 1000000 )) ms, read and SHA-256 $(( (t2 - t1) / 1000000 )) ms"
for t in h2 pg; do
  wanted "$t" || continue
  echo "== $t split, from its log (per request of 1000; then the report):"
  grep -E "storage commitment .* of BENCHSC: 1000 committed|report of storage commitment .* went to BENCHSC " \
    "$work/beacon-$t/standalone/log/server.log" | sed -E 's/^.*(storage commitment|report of)/\1/' | cut -c1-160
done
python3 - "$work/results" <<'PY'
import json, statistics, sys, collections
one, ten = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    t, shape, rest = line.split(' ', 2)
    if shape == 'one':
        r = json.loads(rest) if rest.strip().startswith('{') else None
        one[t].append((r['ms'], r['eventTypeId'], len(r['referenced']), r['how']) if r else None)
    else:
        ok, ms = rest.split()
        ten[t].append((int(ok), int(ms)))
print("1000 instances, N-ACTION to N-EVENT-REPORT (ms, event type, committed, association):")
for t, runs in one.items():
    print(f"  {t:8}", runs, "median", statistics.median(r[0] for r in runs if r) if any(runs) else "-")
print("10 concurrent requests of 100 (reports with all committed, ms for all):")
for t, runs in ten.items():
    print(f"  {t:8}", runs)
PY
