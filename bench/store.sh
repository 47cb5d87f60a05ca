#!/usr/bin/env bash
# Storage benchmark (issue "Storage SCP"), run by hand, never by tests.
# N synthetic 512x512 16-bit CT objects (~514 KiB each) from DCMTK storescu over loopback, to:
#   Beacon on PostgreSQL and on H2, each in per-object and in deferred durability (four servers),
#   DCMTK storescp writing files (no fsync, no database), Orthanc (Debian, SQLite index, fsync per file),
# on one association, then on 4 parallel associations; interleaved rounds, medians, ratios, and the
# server's CPU seconds per 1000 images (for the PostgreSQL targets, the database cluster's included: its
# back-ends do work that H2 and Orthanc's SQLite do inside the server). Stored data is removed between
# runs (a resend of a stored instance would not be written again). DCMTK and Orthanc run with TCP_NODELAY=1.
# Usage: bench/store.sh [objects=1000] [rounds=3] [warm-up rounds=12]
#   TARGETS="h2-perobj orthanc ..." runs a subset (default: all six below);
#   BASELINE=/path/to/another/provisioned/server adds h2-base and pg-base (per-object) to compare two builds
#   in one run, e.g. cp -r wildfly-config/target/server /tmp/base before rebuilding.
#   TARGETS="h2-perobj h2-audit pg-perobj pg-audit": per-object servers whose audit messages go to an audit
#   repository over TLS (an openssl s_server that swallows them), against the same without a repository.
#   TARGETS="h2-perobj h2-tls storescp storescp-tls": DICOM over TLS (the BCP 195 profile, client certificates,
#   storescu +tls) against plain TCP, for Beacon and for DCMTK's storescp +tls as the anchor.
#   TARGETS="pg-perobj pg-cluster": two nodes of the cluster variant (server-ha, per-object) on one PostgreSQL
#   database and one storage root behind HAProxy (wildfly-config/src/main/haproxy), on the same cores as the
#   one server; its CPU is both nodes', PostgreSQL's and HAProxy's; the JGroups bytes between the nodes per
#   object are reported (ss's byte counters of the JGroups connections). TARGETS="pg-perobj pg-ha pg-cluster"
#   adds one server-ha node alone (a cluster of one, reached directly): the HA variant's own cost apart from the
#   second node's and HAProxy's.
#   needs: mvn -B install -DskipTests first; dcmtk, orthanc, postgresql (Debian), curl, python3
set -euo pipefail
cd "$(dirname "$0")/.."
objects=${1:-1000}
rounds=${2:-3}
warmups=${3:-12}
for tool in storescu storescp Orthanc curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing (apt-get install -y dcmtk orthanc curl)" >&2; exit 1; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL server missing: apt-get install -y postgresql" >&2; exit 1; }
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar

work=$(mktemp -d /tmp/beacon-storebench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

targets=(pg-perobj pg-deferred h2-perobj h2-deferred storescp orthanc)
[ -n "${BASELINE:-}" ] && targets+=(pg-base h2-base)
[ -n "${TARGETS:-}" ] && read -ra targets <<<"$TARGETS"
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }

# the objects: 4 folders (one per parallel association), one study each
per=$(( objects / 4 ))
for a in 1 2 3 4; do java -cp "$jar" org.beaconpacs.bench.SyntheticCt "$work/ct/$a" "$per" >/dev/null; done
bytes=$(du -sb "$work/ct" | cut -f1)

# PostgreSQL for two of the Beacon servers
mkdir "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25433 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
for db in perobj deferred base audit cluster ha; do
  psql -h /tmp -p 25433 -U postgres -qc "create role b_$db login password 'beacon'" postgres
  psql -h /tmp -p 25433 -U postgres -qc "create database b_$db owner b_$db" postgres
done

# Beacon servers: name offset dicom-port env...
declare -A port offset
start_beacon() { # name offset dicomport env-assignments...
  local name=$1 off=$2 dp=$3; shift 3
  wanted "$name" || { [[ $name == pg-node* ]] && wanted pg-cluster; } || return 0
  cp -r "${server:-wildfly-config/target/server}" "$work/$name"
  env "$@" BEACON_DICOM_PORT="$dp" BEACON_ADMIN_PASSWORD=bench BEACON_STORAGE_MIN_FREE_MB=100 \
    "$work/$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="$off" ${extra:-} >"$work/$name.log" 2>&1 &
  pids+=($!)
  port[$name]=$dp; offset[$name]=$off
}
start_beacon pg-perobj 300 11501 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_perobj BEACON_DB_USER=b_perobj
start_beacon pg-deferred 400 11502 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_deferred BEACON_DB_USER=b_deferred BEACON_STORAGE_DURABILITY=deferred
start_beacon h2-perobj 500 11503
start_beacon h2-deferred 600 11504 BEACON_STORAGE_DURABILITY=deferred
server=${BASELINE:-} start_beacon pg-base 700 11507 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_base BEACON_DB_USER=b_base
server=${BASELINE:-} start_beacon h2-base 800 11508
# the audit repository of the *-audit targets: TLS syslog into /dev/null, with the test suite's certificates
if wanted h2-audit || wanted pg-audit || wanted h2-tls || wanted storescp-tls; then
  bash testsuite/src/test/pki/make-pki.sh "$work/pki"
  for p in 16515 16516; do
    (sleep 1000000 | openssl s_server -accept $p -cert "$work/pki/server.pem" -key "$work/pki/server.key" -quiet \
      >/dev/null 2>&1) & pids+=($!)
  done
fi
# the audit syslog trusts the s_server's certificate through Elytron's trust store (README "TLS")
trust=(BEACON_TLS_TRUST_STORE="$work/pki/trust.p12" BEACON_TLS_TRUST_STORE_PASSWORD=changeit)
start_beacon h2-audit 900 11509 BEACON_AUDIT_HOST=127.0.0.1 BEACON_AUDIT_PORT=16515 "${trust[@]}"
start_beacon h2-tls 1100 11511 BEACON_TLS_KEY_STORE="$work/pki/server.p12" BEACON_TLS_KEY_STORE_PASSWORD=changeit \
  BEACON_TLS_TRUST_STORE="$work/pki/trust.p12" BEACON_TLS_TRUST_STORE_PASSWORD=changeit
start_beacon pg-audit 1000 11510 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_audit BEACON_DB_USER=b_audit BEACON_AUDIT_HOST=127.0.0.1 BEACON_AUDIT_PORT=16516 "${trust[@]}"
# the cluster: two server-ha nodes (offsets 1200 and 1300: JGroups on 8800 and 8900, DICOM on 12714 and 12814)
# sharing a database and a storage root, HAProxy in front on 11514 (DICOM) and 18580 (HTTP)
if wanted pg-cluster; then
  [ -d wildfly-config/target/server-ha ] || { echo "no server-ha: mvn -B install -DskipTests" >&2; exit 1; }
  command -v haproxy >/dev/null || { echo "haproxy missing (apt-get install -y haproxy)" >&2; exit 1; }
  for n in 1 2; do
    server=wildfly-config/target/server-ha start_beacon "pg-node$n" $(( 1100 + 100 * n )) 11514 \
      BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_cluster BEACON_DB_USER=b_cluster \
      BEACON_NODE_NAME=node$n BEACON_CLUSTER_MEMBERS="127.0.0.1[8800],127.0.0.1[8900]" \
      BEACON_STORAGE_ROOT="$work/cluster-storage" BEACON_BIND_ADDRESS=127.0.0.1 BEACON_HL7_PORT=0
  done
  env BEACON_LB_DICOM=127.0.0.1:11514 BEACON_LB_HTTP=127.0.0.1:18580 BEACON_LB_HL7=127.0.0.1:12575 \
    BEACON_NODE1_HOST=127.0.0.1 BEACON_NODE1_DICOM=12714 BEACON_NODE1_HTTP=9280 BEACON_NODE1_MANAGEMENT=11190 \
    BEACON_NODE2_HOST=127.0.0.1 BEACON_NODE2_DICOM=12814 BEACON_NODE2_HTTP=9380 BEACON_NODE2_MANAGEMENT=11290 \
    haproxy -db -f "${HAPROXY_CFG:-wildfly-config/src/main/haproxy/haproxy.cfg}" >"$work/haproxy.log" 2>&1 & pids+=($!)
  port[pg-cluster]=11514; offset[pg-cluster]=1200
fi
# one server-ha node alone (offset 1400: JGroups on 9000, its DICOM port 11515 shifted to 12915)
server=wildfly-config/target/server-ha start_beacon pg-ha 1400 11515 \
  BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25433/b_ha BEACON_DB_USER=b_ha \
  BEACON_NODE_NAME=solo BEACON_CLUSTER_MEMBERS="127.0.0.1[9000]" BEACON_BIND_ADDRESS=127.0.0.1
port[pg-ha]=12915
for name in pg-perobj pg-deferred h2-perobj h2-deferred pg-base h2-base h2-audit pg-audit h2-tls pg-node1 pg-node2 pg-ha; do
  wanted "$name" || { [[ $name == pg-node* ]] && wanted pg-cluster; } || continue
  mgmt=$(( 9990 + ${offset[$name]} ))
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$mgmt/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
done

# DCMTK storescp writing files (--fork: one process per association, else it serves four associations one
# after the other), and Orthanc
mkdir -p "$work/storescp"
if wanted storescp; then storescp --fork -aet STORESCP -od "$work/storescp" 11505 & pids+=($!); fi
port[storescp]=11505
# the TLS targets: Beacon's TLS AE on its own port, storescp with the same key and the same client check
tlsscu=(+tls "$work/pki/client.key" "$work/pki/client.pem" +cf "$work/pki/ca.pem")
if wanted h2-tls; then
  curl -sf -u admin:bench -H 'Content-Type: application/json' -d '{"aeTitle":"BEACONTLS","port":11512,"local":true,"tls":true}' \
    "http://127.0.0.1:$(( 8080 + ${offset[h2-tls]} ))/beacon/api/aes" >/dev/null
  port[h2-tls]=11512
fi
mkdir -p "$work/storescp-tls"
if wanted storescp-tls; then
  storescp --fork +tls "$work/pki/server.key" "$work/pki/server.pem" +cf "$work/pki/ca.pem" -aet STORESCP \
    -od "$work/storescp-tls" 11513 & pids+=($!)
fi
port[storescp-tls]=11513
mkdir -p "$work/orthanc"
cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/db", "IndexDirectory": "$work/orthanc/db",
  "DicomAet": "ORTHANC", "DicomPort": 11506, "HttpPort": 18042, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomAlwaysAllowStore": true, "DicomCheckCalledAet": false,
  "Plugins": [], "StorageCompression": false }
JSON
if wanted orthanc; then Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 & pids+=($!); fi
port[orthanc]=11506
wanted orthanc && for _ in $(seq 100); do curl -sf http://127.0.0.1:18042/system >/dev/null && break; sleep 0.2; done

server_pid() { # the process whose CPU time we count
  case $1 in
    storescp) pgrep -o -f "storescp --fork -aet STORESCP -od $work/storescp " ;;
    storescp-tls) pgrep -o -f "storescp --fork \+tls" ;;
    orthanc) pgrep -f "Orthanc $work/orthanc.json" | head -1 ;;
    pg-cluster) pgrep -f "java.*$work/pg-node1/" | head -1 ;; # server_ticks counts both nodes
    *) pgrep -f "java.*$work/$1/" | head -1 ;;
  esac
}
cpu_ticks() { # the process's CPU time and its children's (storescp's forked ones, exited or not)
  local p t=0
  for p in "$1" $(pgrep -P "$1"); do
    t=$(( t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
db_ticks() { # PostgreSQL's part of a pg target's ticks (0 for the others)
  case $1 in pg-*) cpu_ticks "$(head -1 "$work/pg/postmaster.pid")" ;; *) echo 0 ;; esac
}
haproxy_ticks() { cpu_ticks "$(pgrep -f "haproxy -db -f ${HAPROXY_CFG:-wildfly-config}" | head -1)"; }
server_ticks() { # target pid -> the server's CPU ticks, with the database cluster's for a PostgreSQL target
  local t; t=$(cpu_ticks "$2")
  if [ "$1" = pg-cluster ]; then # both nodes and the load balancer
    t=$(( t + $(cpu_ticks "$(server_pid pg-node2)") ))
    t=$(( t + $(haproxy_ticks) ))
  fi
  case $1 in pg-*) t=$(( t + $(cpu_ticks "$(head -1 "$work/pg/postmaster.pid")") )) ;; esac
  echo "$t"
}
clear_target() {
  case $1 in
    storescp|storescp-tls) find "$work/$1" -type f -delete ;;
    orthanc) for id in $(curl -s http://127.0.0.1:18042/patients | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)))'); do
               curl -s -X DELETE "http://127.0.0.1:18042/patients/$id" >/dev/null; done ;;
    *) local api="http://127.0.0.1:$(( 8080 + ${offset[$1]} ))/beacon/api"
       for uid in $(curl -s -u admin:bench "$api/studies?limit=100" | python3 -c 'import json,sys; print(" ".join(s["studyUid"] for s in json.load(sys.stdin)["items"]))'); do
         curl -s -u admin:bench -X DELETE "$api/studies/$uid" >/dev/null; done ;;
  esac
}
run() { # target associations -> "ms cpu_ticks"
  local target=$1 assoc=$2 pid t0 t1 c0 c1 aet tls=()
  case $target in orthanc) aet=ORTHANC ;; storescp*) aet=STORESCP ;; h2-tls) aet=BEACONTLS ;; *) aet=BEACON ;; esac
  case $target in *-tls) tls=("${tlsscu[@]}") ;; esac
  clear_target "$target"; sync; sleep 1
  pid=$(server_pid "$target"); c0=$(server_ticks "$target" "$pid"); d0=$(db_ticks "$target"); t0=$(date +%s%N)
  if [ "$assoc" = 1 ]; then
    storescu +sd +r "${tls[@]}" -aec "$aet" 127.0.0.1 "${port[$target]}" "$work/ct" >/dev/null 2>&1
  else
    # wait for these four storescu only (a bare wait would also wait for the servers started above)
    local scus=()
    for a in 1 2 3 4; do storescu +sd "${tls[@]}" -aec "$aet" 127.0.0.1 "${port[$target]}" "$work/ct/$a" >/dev/null 2>&1 & scus+=($!); done
    wait "${scus[@]}"
  fi
  t1=$(date +%s%N); c1=$(server_ticks "$target" "$pid"); d1=$(db_ticks "$target")
  echo "$(( (t1 - t0) / 1000000 )) $(( c1 - c0 )) $(( d1 - d0 ))"
}
jgroups_bytes() { # bytes sent over the cluster nodes' JGroups connections (either side), so far
  ss -tinH state established '( sport = :8800 or sport = :8900 or dport = :8800 or dport = :8900 )' 2>/dev/null \
    | grep -o 'bytes_sent:[0-9]*' | cut -d: -f2 | awk '{s += $1} END {print s + 0}'
}

# warm-up runs, not counted: a Beacon server's JIT compilers stay busy for its first several thousand objects
# (WildFly, Hibernate and the database driver are a lot of code to compile); a PACS runs for months
for w in $(seq "$warmups"); do for t in "${targets[@]}"; do run "$t" 4 >/dev/null; run "$t" 1 >/dev/null; done; done
: >"$work/results"
for assoc in 1 4; do
  for r in $(seq "$rounds"); do
    for t in "${targets[@]}"; do
      [ "$t" = pg-cluster ] && j0=$(jgroups_bytes) && h0=$(haproxy_ticks)
      echo "$t $assoc $(run "$t" "$assoc")" >>"$work/results"
      [ "$t" = pg-cluster ] && echo "$assoc $(( $(jgroups_bytes) - j0 )) $(( $(haproxy_ticks) - h0 ))" >>"$work/jgroups"
    done
  done
done
if wanted pg-cluster; then
  echo "JGroups bytes per stored object (both directions, includes the deletes between runs: an upper bound):"
  awk -v n="$objects" '{print "  " $1 " assoc: " int($2 / n)}' "$work/jgroups" | sort | uniq -c
  echo "HAProxy's CPU seconds per 1000 objects (part of pg-cluster's):"
  awk -v n="$objects" -v hz="$(getconf CLK_TCK)" '{printf "  %s assoc: %.2f\n", $1, $3 / hz / n * 1000}' "$work/jgroups"
  echo "associations per node: $(curl -s -u admin:bench "http://127.0.0.1:9280/beacon/api/activity?max=2000" \
    | python3 -c 'import json,sys,collections; print(dict(collections.Counter(a.get("node") for a in json.load(sys.stdin))))')"
fi

for t in h2-audit pg-audit; do
  wanted "$t" && echo "$t audit queue: $(curl -s -u admin:bench "http://127.0.0.1:$(( 8080 + ${offset[$t]} ))/beacon/api/audit/queue")"
done
python3 - "$work/results" "$objects" "$bytes" "$(getconf CLK_TCK)" "${targets[*]}" <<'PY'
import statistics, sys, collections
path, n, b, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
targets = sys.argv[5].split()
runs = collections.defaultdict(list)
for line in open(path):
    t, a, ms, ticks, db = line.split()
    runs[(t, int(a))].append((int(ms), int(ticks), int(db)))
def med(t, a):
    xs = runs[(t, a)]
    ms = statistics.median(x[0] for x in xs)
    cpu = statistics.median(x[1] for x in xs) / hz
    db = statistics.median(x[2] for x in xs) / hz
    return n / ms * 1000, b / ms / 1000, cpu / n * 1000, db / n * 1000
print(f"{n} objects, {b/n/1024:.0f} KiB each; medians of {len(runs[(targets[0], 1)])} interleaved rounds")
print(f"{'target':14} {'assoc':>5} {'img/s':>7} {'MB/s':>6} {'CPU s/1000':>10} {'of it PG':>8}  (pg-*: server and PostgreSQL)")
rate = {}
for a in (1, 4):
    for t in targets:
        ips, mbs, cpu, db = med(t, a)
        rate[(t, a)] = ips
        print(f"{t:14} {a:>5} {ips:7.0f} {mbs:6.0f} {cpu:10.1f} {db:8.2f}")
def ratio(x, y, a):
    return f"{rate[(x, a)] / rate[(y, a)]:.2f}" if (x, a) in rate and (y, a) in rate else "-"
print("ratios (targets): per-object/Orthanc >= 1.2 (1 assoc), >= 1.5 (4); deferred/storescp >= 0.8 (1);"
      " Beacon 4/1 >= 1.5")
for db in ("pg", "h2"):
    per, dfr = db + "-perobj", db + "-deferred"
    print(f"  {db}: per-object/orthanc 1 assoc {ratio(per, 'orthanc', 1)}, 4 assoc {ratio(per, 'orthanc', 4)}; "
          f"deferred/storescp 1 assoc {ratio(dfr, 'storescp', 1)}; per-object/baseline 1 assoc "
          f"{ratio(per, db + '-base', 1)}, 4 assoc {ratio(per, db + '-base', 4)}; audit on/off (>= 0.95) 1 assoc "
          f"{ratio(db + '-audit', per, 1)}, 4 assoc {ratio(db + '-audit', per, 4)}")
    if db == "pg" and ("pg-cluster", 1) in rate:
        print(f"  cluster of two/one server (>= 0.9): 1 assoc {ratio('pg-cluster', per, 1)}, "
              f"4 assoc {ratio('pg-cluster', per, 4)}")
    if db == "h2":
        print(f"  TLS/plain (>= 0.7, storescp's ratio the anchor): beacon 1 assoc {ratio('h2-tls', per, 1)}, "
              f"4 assoc {ratio('h2-tls', per, 4)}; storescp 1 assoc {ratio('storescp-tls', 'storescp', 1)}, "
              f"4 assoc {ratio('storescp-tls', 'storescp', 4)}")
    for t in (per, dfr):
        if (t, 1) in rate and (t, 4) in rate:
            print(f"      {t} 4/1 {rate[(t, 4)] / rate[(t, 1)]:.2f}")
PY
