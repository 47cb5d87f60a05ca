#!/usr/bin/env bash
# Query/retrieve benchmark (issue "Query/Retrieve SCP"), run by hand, never by tests.
# Data (QueryData): 10 patients x 100 CTs of 514 KiB, plus 10,000 64x64 images in 2,000 studies of 1-2 series.
# Targets, each loaded with the same data: Beacon on H2 and on PostgreSQL (the provisioned server), Orthanc
# (Debian, SQLite). Measured with DCMTK's tools against each target, interleaved, medians of `rounds`:
#   C-ECHO (echoscu) as the floor; C-FIND at study level: exact Patient ID, Patient's Name A*, a Study Date
#   range, all studies; C-MOVE of one patient's 100 CTs to storescp --ignore; C-GET of the same (getscu --ignore).
# Before the timed rounds, WARMUP untimed rounds of every shape go to every target (Orthanc too): the JVM
# compiles the request path during its first thousand or so requests, and an archive runs for months.
# Usage: bench/query.sh [rounds=5]    TARGETS="h2 orthanc" runs a subset (default: h2 pg orthanc)
#   WARMUP=20 by default
#   needs: mvn -B install -DskipTests first; dcmtk, orthanc, postgresql (Debian), curl, python3
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
read -ra targets <<<"${TARGETS:-h2 pg orthanc}"
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }
for tool in storescu storescp findscu movescu getscu echoscu Orthanc curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing (apt-get install -y dcmtk orthanc curl)" >&2; exit 1; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar

work=$(mktemp -d /tmp/beacon-querybench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

java -cp "$jar" org.beaconpacs.bench.QueryData "$work/data" 10 100 2000 10000

declare -A port offset aet
# the move destination: storescp discarding what it receives (the same sink for every target)
sink=11610
storescp --ignore -aet SINK "$sink" & pids+=($!)

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
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25434 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
  psql -h /tmp -p 25434 -U postgres -qc "create role bq login password 'beacon'" postgres
  psql -h /tmp -p 25434 -U postgres -qc "create database bq owner bq" postgres
  start_beacon pg 300 11601 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25434/bq BEACON_DB_USER=bq
fi
wanted h2 && start_beacon h2 500 11603
for name in h2 pg; do
  wanted "$name" || continue
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$(( 9990 + ${offset[$name]} ))/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
  curl -sf -u admin:bench -H 'Content-Type: application/json' -X POST \
    "http://127.0.0.1:$(( 8080 + ${offset[$name]} ))/beacon/api/aes" \
    -d "{\"aeTitle\":\"SINK\",\"host\":\"127.0.0.1\",\"port\":$sink,\"moveDestination\":true}" >/dev/null
done
if wanted orthanc; then
  cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/db", "IndexDirectory": "$work/orthanc/db",
  "DicomAet": "ORTHANC", "DicomPort": 11606, "HttpPort": 18043, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomAlwaysAllowStore": true, "DicomCheckCalledAet": false,
  "Plugins": [], "StorageCompression": false,
  "DicomModalities": { "sink": [ "SINK", "127.0.0.1", $sink ], "bench": [ "BENCHSCU", "127.0.0.1", 11699 ] } }
JSON
  mkdir -p "$work/orthanc"
  Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 & pids+=($!)
  port[orthanc]=11606; aet[orthanc]=ORTHANC
  for _ in $(seq 100); do curl -sf http://127.0.0.1:18043/system >/dev/null && break; sleep 0.2; done
fi

# the same data into every target (not timed)
for t in "${targets[@]}"; do
  storescu +sd +r -aet BENCHSCU -aec "${aet[$t]}" 127.0.0.1 "${port[$t]}" "$work/data/small" >/dev/null 2>&1
  storescu +sd +r -aet BENCHSCU -aec "${aet[$t]}" 127.0.0.1 "${port[$t]}" "$work/data/ct" >/dev/null 2>&1
done

ms() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
find_study() { # target keys... (study level, Study Root)
  local t=$1; shift
  local args=(-S -aet BENCHSCU -aec "${aet[$t]}" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID -k PatientName
    -k PatientID -k StudyDate -k ModalitiesInStudy -k NumberOfStudyRelatedInstances)
  for k in "$@"; do args+=(-k "$k"); done
  ms findscu "${args[@]}" 127.0.0.1 "${port[$t]}"
}
quiet() { "$@" >/dev/null 2>&1 || true; }
for r in $(seq "${WARMUP:-20}"); do
  for t in "${targets[@]}"; do
    quiet echoscu -aet BENCHSCU -aec "${aet[$t]}" 127.0.0.1 "${port[$t]}"
    quiet find_study "$t" PatientID=P00042; quiet find_study "$t" "PatientName=A*"
    quiet find_study "$t" StudyDate=20210101-20210331; quiet find_study "$t"
    quiet movescu -P -aet BENCHSCU -aec "${aet[$t]}" -aem SINK -k QueryRetrieveLevel=PATIENT \
      -k PatientID=CT00$(( r % 9 + 1 )) 127.0.0.1 "${port[$t]}"
    quiet getscu -P --ignore -aet BENCHSCU -aec "${aet[$t]}" -k QueryRetrieveLevel=PATIENT \
      -k PatientID=CT00$(( r % 9 + 1 )) 127.0.0.1 "${port[$t]}"
  done
done
: >"$work/results"
for r in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    echo "$t echo $(ms echoscu -aet BENCHSCU -aec "${aet[$t]}" 127.0.0.1 "${port[$t]}")" >>"$work/results"
    echo "$t find-id $(find_study "$t" PatientID=P00042)" >>"$work/results"
    echo "$t find-name $(find_study "$t" "PatientName=A*")" >>"$work/results"
    echo "$t find-date $(find_study "$t" StudyDate=20210101-20210331)" >>"$work/results"
    echo "$t find-all $(find_study "$t")" >>"$work/results"
    echo "$t move $(ms movescu -P -aet BENCHSCU -aec "${aet[$t]}" -aem SINK -k QueryRetrieveLevel=PATIENT \
      -k PatientID=CT00$(( r % 9 + 1 )) 127.0.0.1 "${port[$t]}")" >>"$work/results"
  done
done
for r in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    echo "$t get $(ms getscu -P --ignore -aet BENCHSCU -aec "${aet[$t]}" -k QueryRetrieveLevel=PATIENT \
      -k PatientID=CT00$(( r % 9 + 1 )) 127.0.0.1 "${port[$t]}")" >>"$work/results"
  done
done
# the study-level answers each target gave to "all studies", as a check that they hold the same data
for t in "${targets[@]}"; do
  echo "$t: $(findscu -v -S -aet BENCHSCU -aec "${aet[$t]}" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID \
    127.0.0.1 "${port[$t]}" 2>&1 | grep -c 'Pending' || true) studies"
done

python3 - "$work/results" "${targets[*]}" <<'PY'
import statistics, sys, collections
path, targets = sys.argv[1], sys.argv[2].split()
runs = collections.defaultdict(list)
for line in open(path):
    t, shape, ms = line.split()
    runs[(t, shape)].append(int(ms))
shapes = ["echo", "find-id", "find-name", "find-date", "find-all", "move", "get"]
print("medians in ms (move/get: 100 CTs of 514 KiB, img/s in brackets); each tool's own start-up included;")
print("net: the C-ECHO's median (tool start-up, association) taken off, img/s of the transfer itself")
print(f"{'shape':10}" + "".join(f"{t:>16}" for t in targets))
for s in shapes:
    cells = []
    for t in targets:
        m = statistics.median(runs[(t, s)])
        cells.append(f"{m:10.0f} ({100 / m * 1000:4.0f})" if s in ("move", "get") else f"{m:16.0f}")
    print(f"{s:10}" + "".join(f"{c:>16}" for c in cells))
for s in ("move", "get"):
    cells = []
    for t in targets:
        net = statistics.median(runs[(t, s)]) - statistics.median(runs[(t, "echo")])
        cells.append(f"{100 / net * 1000:16.0f}" if net > 0 else f"{'-':>16}")
    print(f"{s + ' net':10}" + "".join(cells))
if "orthanc" in targets:
    for t in targets:
        if t == "orthanc":
            continue
        ratios = ", ".join(f"{s} {statistics.median(runs[(t, s)]) / statistics.median(runs[('orthanc', s)]):.2f}"
                           for s in shapes)
        print(f"{t}/orthanc time ratios (< 1 is faster): {ratios}")
PY
