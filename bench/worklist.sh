#!/usr/bin/env bash
# Worklist at scale (issue "Modality Worklist, MPPS and HL7 orders"), run by hand, never by tests:
# `orders` OMI^O23 orders for `stations` stations over 21 days sent to Beacon over one MLLP connection, each
# ACK awaited (orders/s); then from one warm SCU `queries` worklist queries of a random station for today
# (p50/p95), against Beacon on H2 and on PostgreSQL and against DCMTK's wlmscpfs serving the same orders as
# worklist files; three rounds, interleaved.
# Usage: bench/worklist.sh [orders=10000] [stations=50] [queries=500]
#   TARGETS="h2 pg dcmtk" (default) chooses the servers
#   needs: mvn -B install -DskipTests first; dcmtk, postgresql (Debian), curl
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-10000}
stations=${2:-50}
queries=${3:-500}
read -ra targets <<<"${TARGETS:-h2 pg dcmtk}"
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
work=$(mktemp -d /tmp/beacon-worklist.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

if wanted pg; then
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25436 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
  psql -h /tmp -p 25436 -U postgres -qc "create role bw login password 'beacon'" postgres
  psql -h /tmp -p 25436 -U postgres -qc "create database bw owner bw" postgres
fi

declare -A port hl7
start_beacon() { # name offset dicomport hl7port env...
  local name=$1 off=$2 dp=$3 hp=$4; shift 4
  cp -r wildfly-config/target/server "$work/beacon-$name"
  env "$@" BEACON_DICOM_PORT="$dp" BEACON_HL7_PORT="$hp" BEACON_HL7_REGISTER_PATIENTS=true \
    BEACON_ADMIN_PASSWORD=bench BEACON_STORAGE_MIN_FREE_MB=100 \
    "$work/beacon-$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="$off" >"$work/$name.log" 2>&1 &
  pids+=($!)
  port[$name]=$dp; hl7[$name]=$hp
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$(( 9990 + off ))/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
}
wanted pg && start_beacon pg 300 11711 12711 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25436/bw \
  BEACON_DB_USER=bw
wanted h2 && start_beacon h2 500 11713 12713
if wanted dcmtk; then
  java -cp "$jar" org.beaconpacs.bench.WorklistBench files "$work/wl/BENCH" "$orders" "$stations"
  wlmscpfs -dfp "$work/wl" 11715 >"$work/wlmscpfs.log" 2>&1 &
  pids+=($!)
  port[dcmtk]=11715
  sleep 1
fi

for t in "${targets[@]}"; do
  [ "$t" = dcmtk ] && continue
  echo "== $t"
  # the PostgreSQL server's CPU while the orders go in (its own processes, user + system, in clock ticks)
  pgcpu() { [ "$t" = pg ] && awk '{s+=$14+$15} END {print s}' /proc/$(head -1 "$work/pg/postmaster.pid")/task/*/stat \
    $(pgrep -P "$(head -1 "$work/pg/postmaster.pid")" | sed 's|.*|/proc/&/stat|') 2>/dev/null || echo 0; }
  c0=$(pgcpu)
  java -cp "$jar" org.beaconpacs.bench.WorklistBench hl7 127.0.0.1 "${hl7[$t]}" "$orders" "$stations"
  [ "$t" = pg ] && echo "PostgreSQL CPU while the orders went in: $(( ($(pgcpu) - c0) * 10 )) ms"
done
for round in 1 2 3; do
  for t in "${targets[@]}"; do
    called=BEACON; [ "$t" = dcmtk ] && called=BENCH
    echo -n "round $round $t: "
    java -cp "$jar" org.beaconpacs.bench.WorklistBench query 127.0.0.1 "${port[$t]}" "$called" "$queries" "$stations"
  done
done
