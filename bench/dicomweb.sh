#!/usr/bin/env bash
# DICOMweb benchmark (issue "DICOMweb"), run by hand, never by tests. Targets: Beacon on H2 and on
# PostgreSQL (the provisioned server) and Orthanc with its DICOMweb plugin (Debian, SQLite, fsync), the same
# data in each. Interleaved rounds, medians:
#   STOW-RS of 1000 synthetic 514 KiB CTs in batches of 50 (curl, one request a batch), img/s;
#   WADO-RS of that 1000-instance study with transfer-syntax=* (curl to /dev/null), MB/s, and the server's CPU
#     for it, beside `cat` of the same files to /dev/null (page cache warm) and beside a reference HTTP server:
#     the same bytes in one answer from a minimal python3 server that only sendfile()s them, by the same curl;
#   QIDO-RS of all studies (STUDIES=1000 small studies loaded by storescu first, untimed);
#   the CT study deleted after each round (untimed), so every STOW stores anew.
# Then, from one warm client (WebLatency): a rendered 512x512 frame as JPEG, p50/p95; and the server's CPU per
# request of a small QIDO with a bearer token and with Basic (PBKDF2 each time), from /proc.
# Usage: bench/dicomweb.sh [rounds=3]   TARGETS="h2 orthanc" runs a subset (default: h2 pg orthanc);
#   BASELINE=/path/to/another/provisioned/server adds h2-base (that build on H2) to compare two builds in one run
#   needs: mvn -B install -DskipTests first; dcmtk, orthanc, orthanc-dicomweb, postgresql (Debian), curl, python3
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
read -ra targets <<<"${TARGETS:-h2 pg orthanc}"
[ -n "${BASELINE:-}" ] && targets+=(h2-base)
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }
for tool in storescu dcmdump Orthanc curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing (apt-get install -y dcmtk orthanc orthanc-dicomweb curl)" >&2; exit 1; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
bench/fsync.sh 200

work=$(mktemp -d /tmp/beacon-webbench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

java -cp "$jar" org.beaconpacs.bench.SyntheticCt "$work/ct" 1000
java -cp "$jar" org.beaconpacs.bench.StowBatches "$work/ct" "$work/batches" 50
java -cp "$jar" org.beaconpacs.bench.QueryData "$work/data" 0 0 "${STUDIES:-1000}" "$(( ${STUDIES:-1000} * 5 ))"
study=$(dcmdump +P StudyInstanceUID "$work/ct/CT00001.dcm" | sed 's/.*\[\(.*\)\].*/\1/')
series=$(dcmdump +P SeriesInstanceUID "$work/ct/CT00001.dcm" | sed 's/.*\[\(.*\)\].*/\1/')
instance=$(dcmdump +P SOPInstanceUID "$work/ct/CT00500.dcm" | sed 's/.*\[\(.*\)\].*/\1/')
bytes=$(du -cb "$work"/ct/*.dcm | tail -1 | cut -f1)

declare -A root auth offset
start_beacon() { # name offset dicomport env-assignments...
  local name=$1 off=$2 dp=$3; shift 3
  cp -r "${server:-wildfly-config/target/server}" "$work/beacon-$name"
  env "$@" BEACON_DICOM_PORT="$dp" BEACON_ADMIN_PASSWORD=bench-password BEACON_STORAGE_MIN_FREE_MB=100 \
    "$work/beacon-$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="$off" >"$work/$name.log" 2>&1 &
  pids+=($!)
  offset[$name]=$off
  root[$name]="http://127.0.0.1:$(( 8080 + off ))/beacon/dicomweb"
}
if wanted pg; then
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25435 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
  psql -h /tmp -p 25435 -U postgres -qc "create role bw login password 'beacon'" postgres
  psql -h /tmp -p 25435 -U postgres -qc "create database bw owner bw" postgres
  start_beacon pg 300 11701 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25435/bw BEACON_DB_USER=bw
fi
wanted h2 && start_beacon h2 500 11703
wanted h2-base && server=$BASELINE start_beacon h2-base 700 11707
for name in h2 pg h2-base; do
  wanted "$name" || continue
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$(( 9990 + ${offset[$name]} ))/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
  token=$(curl -sf -u admin:bench-password -X POST "http://127.0.0.1:$(( 8080 + ${offset[$name]} ))/beacon/api/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  auth[$name]="Bearer $token"
done
if wanted pg; then storescu +sd +r -aet BENCHSCU -aec BEACON 127.0.0.1 11701 "$work/data/small" >/dev/null 2>&1 || true; fi
if wanted h2; then storescu +sd +r -aet BENCHSCU -aec BEACON 127.0.0.1 11703 "$work/data/small" >/dev/null 2>&1 || true; fi
if wanted h2-base; then storescu +sd +r -aet BENCHSCU -aec BEACON 127.0.0.1 11707 "$work/data/small" >/dev/null 2>&1 || true; fi
if wanted orthanc; then
  cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/db", "IndexDirectory": "$work/orthanc/db",
  "DicomAet": "ORTHANC", "DicomPort": 11706, "HttpPort": 18044, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomAlwaysAllowStore": true, "DicomCheckCalledAet": false,
  "StorageCompression": false, "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" } }
JSON
  mkdir -p "$work/orthanc"
  Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 & pids+=($!)
  for _ in $(seq 100); do curl -sf http://127.0.0.1:18044/system >/dev/null && break; sleep 0.2; done
  root[orthanc]="http://127.0.0.1:18044/dicom-web"
  auth[orthanc]="None none"
  storescu +sd +r -aet BENCHSCU -aec ORTHANC 127.0.0.1 11706 "$work/data/small" >/dev/null 2>&1 || true
fi

ms() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
# the reference: one HTTP answer of the CT files' bytes, sent by the kernel (sendfile) from the page cache
cat "$work"/ct/*.dcm >"$work/all-ct.bin"
python3 - "$work/all-ct.bin" >/dev/null 2>&1 <<'PY' & pids+=($!)
import os, socket, sys
path = sys.argv[1]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 18998)); s.listen(4)
while True:
    c, _ = s.accept()
    c.recv(65536)
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % os.path.getsize(path))
    with open(path, "rb") as f:
        c.sendfile(f)
    c.close()
PY
reference() { curl -sf -o /dev/null http://127.0.0.1:18998/; }
server_cpu() { # target -> the Beacon server's CPU ticks so far (0 for Orthanc)
  case $1 in orthanc) echo 0 ;; *) awk '{print $14 + $15}' "/proc/$(pgrep -f "$work/beacon-$1/jboss-modules.jar" | head -1)/stat" ;; esac
}
stow() { # target
  for b in "$work"/batches/*.mime; do
    curl -sf -o /dev/null -X POST -H "Authorization: ${auth[$1]}" -H 'Accept: application/dicom+json' \
      -H 'Content-Type: multipart/related; type="application/dicom"; boundary=beacon-bench-boundary' \
      --data-binary @"$b" "${root[$1]}/studies" || echo "STOW to $1 failed: $b" >&2
  done
}
wado() { curl -sf -o /dev/null -H "Authorization: ${auth[$1]}" \
  -H 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*' "${root[$1]}/studies/$study"; }
qido() { curl -sf -o /dev/null -H "Authorization: ${auth[$1]}" -H 'Accept: application/dicom+json' \
  "${root[$1]}/studies?limit=10000"; }
delete_study() {
  if [ "$1" = orthanc ]; then
    id=$(curl -sf -X POST -d "$study" http://127.0.0.1:18044/tools/lookup | python3 -c \
      'import json,sys; r=json.load(sys.stdin); print(r[0]["ID"] if r else "")')
    [ -n "$id" ] && curl -sf -o /dev/null -X DELETE "http://127.0.0.1:18044/studies/$id"
  else
    curl -sf -o /dev/null -u admin:bench-password -X DELETE \
      "http://127.0.0.1:$(( 8080 + ${offset[$1]} ))/beacon/api/studies/$study"
  fi
  return 0
}
# one untimed round of everything first (JIT, caches)
for t in "${targets[@]}"; do stow "$t"; wado "$t"; qido "$t"; delete_study "$t"; done
: >"$work/results"
for r in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    echo "$t stow $(ms stow "$t")" >>"$work/results"
    c0=$(server_cpu "$t")
    echo "$t wado $(ms wado "$t")" >>"$work/results"
    echo "$t wadocpu $(( ($(server_cpu "$t") - c0) * 1000 / $(getconf CLK_TCK) ))" >>"$work/results"
    echo "$t qido $(ms qido "$t")" >>"$work/results"
  done
  echo "cat wado $(ms bash -c "cat $work/ct/*.dcm > /dev/null")" >>"$work/results"
  echo "reference wado $(ms reference)" >>"$work/results"
  for t in "${targets[@]}"; do delete_study "$t"; done
done
# the CT study again, for the rendered frames
for t in "${targets[@]}"; do stow "$t"; done
echo "studies QIDO-RS gives: $(for t in "${targets[@]}"; do printf '%s %s  ' "$t" "$(curl -sf -H "Authorization: ${auth[$t]}" \
  "${root[$t]}/studies?limit=10000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"; done)"

python3 - "$work/results" "${targets[*]}" "$bytes" <<'PY'
import statistics, sys, collections
path, targets, size = sys.argv[1], sys.argv[2].split(), int(sys.argv[3])
runs = collections.defaultdict(list)
for line in open(path):
    t, shape, ms = line.split()
    runs[(t, shape)].append(int(ms))
med = lambda t, s: statistics.median(runs[(t, s)])
print(f"medians of {len(runs[(targets[0], 'stow')])} rounds; 1000 CTs, {size / 1e6:.0f} MB")
print(f"{'target':10}{'STOW ms':>10}{'img/s':>8}{'WADO ms':>10}{'MB/s':>8}{'QIDO ms':>10}")
for t in targets:
    print(f"{t:10}{med(t, 'stow'):10.0f}{1000 / med(t, 'stow') * 1000:8.0f}{med(t, 'wado'):10.0f}"
          f"{size / 1e6 / med(t, 'wado') * 1000:8.0f}{med(t, 'qido'):10.0f}")
print(f"{'cat':10}{'':18}{med('cat', 'wado'):10.0f}{size / 1e6 / med('cat', 'wado') * 1000:8.0f}")
print(f"{'reference':10}{'':18}{med('reference', 'wado'):10.0f}"
      f"{size / 1e6 / med('reference', 'wado') * 1000:8.0f}   (a minimal python3 sendfile server, the same curl)")
print(f"reference: {med('cat', 'wado') / med('reference', 'wado'):.0%} of cat")
for t in targets:
    if t != "orthanc":
        print(f"{t}: WADO-RS {med('cat', 'wado') / med(t, 'wado'):.0%} of cat [>= 50%], "
              f"{med('reference', 'wado') / med(t, 'wado'):.0%} of the reference's speed; server CPU "
              f"{med(t, 'wadocpu'):.0f} ms per study")
if "orthanc" in targets:
    for t in targets:
        if t != "orthanc":
            print(f"{t}: STOW throughput {med('orthanc', 'stow') / med(t, 'stow'):.2f}x Orthanc [>= 1.2], "
                  f"WADO {med('orthanc', 'wado') / med(t, 'wado'):.2f}x Orthanc [>= 1.5] and "
                  f"{med('cat', 'wado') / med(t, 'wado'):.0%} of cat [>= 50%], "
                  f"QIDO time {med(t, 'qido') / med('orthanc', 'qido'):.2f}x Orthanc's [<= 0.5]")
PY

for t in "${targets[@]}"; do
  echo "$t rendered 512x512 JPEG: $(java -cp "$jar" org.beaconpacs.bench.WebLatency \
    "${root[$t]}/studies/$study/series/$series/instances/$instance/rendered" "${auth[$t]}" image/jpeg 300 100)"
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system clock ticks
for t in h2 pg h2-base; do
  wanted "$t" || continue
  pid=$(pgrep -f "$work/beacon-$t/jboss-modules.jar" | head -1)
  hz=$(getconf CLK_TCK)
  for kind in bearer basic; do
    a=${auth[$t]}
    [ $kind = basic ] && a="Basic $(printf 'admin:bench-password' | base64)"
    java -cp "$jar" org.beaconpacs.bench.WebLatency "${root[$t]}/studies?PatientID=NOBODY" "$a" \
      application/dicom+json 200 50 >/dev/null
    c0=$(cpu "$pid")
    line=$(java -cp "$jar" org.beaconpacs.bench.WebLatency "${root[$t]}/studies?PatientID=NOBODY" "$a" \
      application/dicom+json 2000 0)
    c1=$(cpu "$pid")
    echo "$t QIDO (no match) with $kind: server CPU $(python3 -c "print(f'{($c1 - $c0) * 1000 / $hz / 2000:.2f}')") ms/request; $line"
  done
  # authentication alone: a 401 without credentials (no check) against a 401 for a token whose signature is
  # checked and refused (the HMAC, the JSON, everything a valid token costs but the stamp's cache lookup)
  forged="${auth[$t]%?}A"
  for kind in none forged; do
    a="None none"
    [ $kind = forged ] && a=$forged
    java -cp "$jar" org.beaconpacs.bench.WebLatency "${root[$t]}/studies" "$a" application/dicom+json 200 50 >/dev/null
    c0=$(cpu "$pid")
    java -cp "$jar" org.beaconpacs.bench.WebLatency "${root[$t]}/studies" "$a" application/dicom+json 5000 0 >/dev/null
    c1=$(cpu "$pid")
    echo "$t 401 with $kind credentials: server CPU $(python3 -c "print(f'{($c1 - $c0) * 1000 / $hz / 5000:.3f}')") ms/request"
  done
done
