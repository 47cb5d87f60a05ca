#!/usr/bin/env bash
# Platform benchmark (issue "platform"), run by hand, never by tests.
#   1. The provisioned server (wildfly-config/target/server, EAR deployed, fresh data directory):
#      time from launch to ready (/health/ready UP, DICOM listener included) and heap used after start.
#   2. N sequential C-ECHO associations from DCMTK echoscu against Beacon and against DCMTK storescp,
#      interleaved in blocks; associations/s as the median over blocks, and the ratio Beacon/storescp.
# DCMTK runs with TCP_NODELAY=1 (Debian's build leaves Nagle on otherwise).
# Usage: bench/echo.sh [associations=1000] [blocks=10]   (needs: dcmtk, curl, python3; run `mvn install -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000}
blocks=${2:-10}
per_block=$(( total / blocks ))
command -v echoscu >/dev/null || { echo "echoscu missing: apt-get install -y dcmtk" >&2; exit 1; }
[ -d wildfly-config/target/server ] || { echo "no provisioned server: run mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1

work=$(mktemp -d /tmp/beacon-echobench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/server/" 2>/dev/null || true   # standalone.sh leaves its java behind
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT
cp -r wildfly-config/target/server "$work/server"

beacon_port=11901; dcmtk_port=11902
t0=$(date +%s%N)
BEACON_DICOM_PORT=$beacon_port BEACON_ADMIN_PASSWORD=bench "$work/server/bin/standalone.sh" >"$work/server.log" 2>&1 &
pids+=($!)
until curl -sf http://127.0.0.1:9990/health/ready 2>/dev/null | grep -q '"dicom-listeners","status":"UP"'; do
  sleep 0.1
  [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 180 ] || { echo "server not ready in 180 s" >&2; tail -50 "$work/server.log" >&2; exit 1; }
done
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
server_pid=$(pgrep -f "java.*$work/server/" | head -1)
jcmd "$server_pid" GC.run >/dev/null 2>&1 || true
heap_kb=$(jcmd "$server_pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)

storescp --ignore -aet STORESCP "$dcmtk_port" & pids+=($!)
sleep 1

block() { # $1 port, $2 called AE: ms for per_block sequential echoscu associations
  local t0 t1
  t0=$(date +%s%N)
  for _ in $(seq "$per_block"); do echoscu -aec "$2" 127.0.0.1 "$1" || { echo "echoscu failed" >&2; exit 1; }; done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
: >"$work/beacon"; : >"$work/dcmtk"
block "$beacon_port" BEACON >/dev/null   # warm-up block, not counted
for _ in $(seq "$blocks"); do
  block "$beacon_port" BEACON >>"$work/beacon"
  block "$dcmtk_port" STORESCP >>"$work/dcmtk"
done

python3 - "$work" "$per_block" "$ready_ms" "$heap_kb" <<'PY'
import statistics, sys, os
w, n, ready, heap = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def rates(name):
    return [n / int(x) * 1000 for x in open(os.path.join(w, name))]
b, d = rates("beacon"), rates("dcmtk")
mb, md = statistics.median(b), statistics.median(d)
print(f"server start to ready: {ready} ms; heap used after start (after a full GC): {int(heap)//1024 if heap else '?'} MiB")
print(f"C-ECHO associations/s (echoscu, {n} per block, {len(b)} blocks interleaved):")
print(f"  Beacon   median {mb:.0f}/s  {[round(x) for x in b]}")
print(f"  storescp median {md:.0f}/s  {[round(x) for x in d]}")
print(f"  ratio Beacon/storescp = {mb/md:.2f} (target >= 0.8)")
PY
