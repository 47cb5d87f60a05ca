#!/usr/bin/env bash
# Query at scale (issue "Query/Retrieve SCP"), run by hand, never by tests: `studies` studies of `instances`
# 64x64 images in all (QueryData; default 20,000 and 200,000) stored into Beacon on H2 and on PostgreSQL;
# then from one warm SCU (QueryLatency): p50/p95 of study-level C-FIND by exact Patient ID, and a Patient's
# Name wildcard query's time to its first answer and to its last; then the query plans of those two
# shapes (PostgreSQL EXPLAIN ANALYZE while it runs; H2 EXPLAIN after its server stopped: H2 locks its file).
# Usage: bench/query-scale.sh [studies=20000] [instances=200000] [queries=500] [pattern=A*]
#   TARGETS="h2" runs one database (default: h2 pg)
#   needs: mvn -B install -DskipTests first; dcmtk, postgresql (Debian), curl
set -euo pipefail
cd "$(dirname "$0")/.."
studies=${1:-20000}
instances=${2:-200000}
queries=${3:-500}
pattern=${4:-A*}
read -ra targets <<<"${TARGETS:-h2 pg}"
wanted() { [[ " ${targets[*]} " == *" $1 "* ]]; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
[ -d wildfly-config/target/server ] || { echo "no provisioned server: mvn -B install -DskipTests" >&2; exit 1; }
export TCP_NODELAY=1
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
work=$(mktemp -d /tmp/beacon-queryscale.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "$work/" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 2; rm -rf "$work"
}
trap cleanup EXIT

java -cp "$jar" org.beaconpacs.bench.QueryData "$work/data" 0 0 "$studies" "$instances"
if wanted pg; then
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 25435 -k /tmp" -l "$work/pg/server.log" -w start >/dev/null
  psql -h /tmp -p 25435 -U postgres -qc "create role bs login password 'beacon'" postgres
  psql -h /tmp -p 25435 -U postgres -qc "create database bs owner bs" postgres
fi

declare -A port offset
start_beacon() { # name offset dicomport env...
  local name=$1 off=$2 dp=$3; shift 3
  cp -r wildfly-config/target/server "$work/beacon-$name"
  env "$@" BEACON_DICOM_PORT="$dp" BEACON_ADMIN_PASSWORD=bench BEACON_STORAGE_MIN_FREE_MB=100 \
    BEACON_STORAGE_DURABILITY=deferred \
    "$work/beacon-$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="$off" >"$work/$name.log" 2>&1 &
  pids+=($!)
  port[$name]=$dp; offset[$name]=$off
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$(( 9990 + off ))/health/ready" 2>/dev/null | grep -q dicom-listeners && break
    sleep 0.3
  done
}
wanted pg && start_beacon pg 300 11701 BEACON_DB=postgresql BEACON_DB_URL=jdbc:postgresql://127.0.0.1:25435/bs \
  BEACON_DB_USER=bs
wanted h2 && start_beacon h2 500 11703
patients=$(( studies / 2 ))
for t in "${targets[@]}"; do
  t0=$(date +%s)
  storescu +sd +r -aet LOADER -aec BEACON 127.0.0.1 "${port[$t]}" "$work/data/small" >/dev/null 2>&1
  echo "$t: $instances instances stored in $(( $(date +%s) - t0 )) s"
done
for t in "${targets[@]}"; do
  echo "== $t"
  java -cp "$jar" org.beaconpacs.bench.QueryLatency 127.0.0.1 "${port[$t]}" BEACON "$patients" "$queries" "$pattern"
done

like=$(echo "${pattern^^}" | tr '*?' '%_')
cat >"$work/exact.sql" <<SQL
explain analyze select s.id, p.id, p.attributes, s.attributes, s.number_of_series, s.number_of_instances,
  s.modalities from study s join patient p on p.id = s.patient_fk
  where s.status = 'ACTIVE' and s.id > 0 and p.patient_id = 'P00042' order by s.id limit 32;
SQL
cat >"$work/name.sql" <<SQL
explain analyze select s.id, p.id, p.attributes, s.attributes, s.number_of_series, s.number_of_instances,
  s.modalities from study s join patient p on p.id = s.patient_fk
  where s.status = 'ACTIVE' and s.id > 0 and (p.patient_name_norm like '$like' escape '\\'
  or p.patient_name_norm like '%=$like' escape '\\') order by s.id limit 32;
SQL
if wanted pg; then
  echo "== PostgreSQL plans"
  psql -h /tmp -p 25435 -U bs -f "$work/exact.sql" bs
  psql -h /tmp -p 25435 -U bs -f "$work/name.sql" bs
  echo "== PostgreSQL: the index's size (docs/scaling.md extrapolates from these), after VACUUM ANALYZE"
  psql -h /tmp -p 25435 -U bs -qc "vacuum analyze patient, study, series, instance, stored_object" bs
  psql -h /tmp -p 25435 -U bs -c "select c.relname as table, c.reltuples::bigint as rows,
      pg_size_pretty(pg_relation_size(c.oid)) as heap, pg_size_pretty(pg_indexes_size(c.oid)) as indexes,
      pg_size_pretty(pg_total_relation_size(c.oid)) as total,
      case when c.reltuples > 0 then (pg_total_relation_size(c.oid) / c.reltuples)::int end as bytes_per_row
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and pg_total_relation_size(c.oid) > 65536
    order by pg_total_relation_size(c.oid) desc" bs
  psql -h /tmp -p 25435 -U bs -c "select pg_size_pretty(pg_database_size('bs')) as database" bs
fi
wanted h2 || exit 0
echo "== H2 plans"
# the server's java process, not only its launching shell: H2 keeps its file locked while it runs
pkill -f "$work/beacon-h2/" 2>/dev/null || true
for _ in $(seq 100); do pgrep -f "$work/beacon-h2/" >/dev/null || break; sleep 0.3; done
h2jar=$(find "$work/beacon-h2/modules" -name 'h2-*.jar' | head -1)
java -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/beacon-h2/standalone/data/beacon/db" -user sa \
  -password sa -sql "$(tr '\n' ' ' <"$work/exact.sql")"
java -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/beacon-h2/standalone/data/beacon/db" -user sa \
  -password sa -sql "$(tr '\n' ' ' <"$work/name.sql")"
