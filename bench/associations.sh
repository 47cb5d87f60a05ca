#!/usr/bin/env bash
# Association set-up under load (issue "Service seams"), run by hand, never by tests: N associations
# (A-ASSOCIATE, C-ECHO, A-RELEASE) from C concurrent clients (dicom-net's SCU, EchoStorm, warm JVM)
# against the provisioned server (fresh data directory, H2, every association recorded) and against
# DCMTK `storescp --ignore` (one process, associations one after the other), interleaved in rounds;
# medians of associations/s and of p95 latency, and the ratios; then once with 200 clients.
# Usage: bench/associations.sh [associations=1000] [clients=64] [rounds=5]
#   (needs: dcmtk, curl; run `mvn -B install -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000}
clients=${2:-64}
rounds=${3:-5}
jar=bench/target/benchmarks.jar
command -v storescp >/dev/null || { echo "storescp missing: apt-get install -y dcmtk" >&2; exit 1; }
[ -d wildfly-config/target/server ] && [ -f "$jar" ] || { echo "run mvn -B install -DskipTests first" >&2; exit 1; }
export TCP_NODELAY=1

work=$(mktemp -d /tmp/beacon-assocbench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/server/" 2>/dev/null || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT
cp -r wildfly-config/target/server "$work/server"
beacon_port=11903; dcmtk_port=11904
BEACON_DICOM_PORT=$beacon_port BEACON_ADMIN_PASSWORD=bench-associations BEACON_MAX_ASSOCIATIONS=400 \
  "$work/server/bin/standalone.sh" >"$work/server.log" 2>&1 &
pids+=($!)
t0=$(date +%s)
until curl -sf http://127.0.0.1:9990/health/ready 2>/dev/null | grep -q '"dicom-listeners","status":"UP"'; do
  sleep 0.2
  [ $(( $(date +%s) - t0 )) -lt 180 ] || { echo "server not ready in 180 s" >&2; exit 1; }
done
storescp --ignore -aet STORESCP "$dcmtk_port" >/dev/null 2>&1 & pids+=($!)
sleep 1

storm() { # $1 port, $2 called AE, $3 clients: the warm round's line
  java -cp "$jar" org.beaconpacs.bench.EchoStorm 127.0.0.1 "$1" "$2" "$total" "$3" 2 | tail -1
}
storm "$beacon_port" BEACON "$clients" >/dev/null   # warm-up of the server, not counted
: >"$work/beacon"; : >"$work/dcmtk"
for _ in $(seq "$rounds"); do
  storm "$beacon_port" BEACON "$clients" | tee -a "$work/beacon"
  storm "$dcmtk_port" STORESCP "$clients" | tee -a "$work/dcmtk"
done
echo "C=200:"
storm "$beacon_port" BEACON 200 | tee "$work/beacon200"
storm "$dcmtk_port" STORESCP 200 | tee "$work/dcmtk200"
recorded=$(curl -sf -u admin:bench-associations "http://127.0.0.1:8080/beacon/api/activity?max=1000" \
  | grep -o '"callingAe":"ECHOSTORM"' | wc -l)

python3 - "$work" "$total" "$clients" "$recorded" <<'PY'
import statistics, sys, os, re
w, n, c, recorded = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def rows(name):
    out = []
    for line in open(os.path.join(w, name)):
        m = re.match(r"([\d.]+) assoc/s median ([\d.]+) ms p95 ([\d.]+) ms failures (\d+)", line)
        out.append((float(m[1]), float(m[3]), int(m[4])))
    return out
b, d = rows("beacon"), rows("dcmtk")
rb, rd = statistics.median(x[0] for x in b), statistics.median(x[0] for x in d)
pb, pd = statistics.median(x[1] for x in b), statistics.median(x[1] for x in d)
print(f"{n} associations from {c} clients, {len(b)} rounds interleaved (medians):")
print(f"  Beacon   {rb:.0f} assoc/s, p95 {pb:.0f} ms, failures {sum(x[2] for x in b)}")
print(f"  storescp {rd:.0f} assoc/s, p95 {pd:.0f} ms, failures {sum(x[2] for x in d)}")
print(f"  throughput Beacon/storescp = {rb/rd:.2f} (target >= 0.8); p95 Beacon/storescp = {pb/pd:.2f} (target <= 1.5)")
print(f"  the last 1000 records of the API: {recorded} from EchoStorm (every association is recorded)")
PY
