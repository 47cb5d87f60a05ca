#!/usr/bin/env bash
# Benchmarks of dicom-core (issue "dicom-core"), run by hand, never by the tests:
#   1. JMH on one 512x512 16-bit CT Part 10 file: header parse (stop before Pixel Data), whole-file
#      parse + write, and a plain file copy of the same bytes (the cp baseline), one thread.
#   2. Whole process: dump a directory of N synthetic CT files with our DumpTool and with DCMTK's
#      dcmdump, interleaved rounds, medians and the ratio.
# Usage: bench/dicom-core.sh [files=1000] [rounds=5]     (needs: dcmtk, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000}
rounds=${2:-5}
command -v dcmdump >/dev/null || { echo "dcmdump missing: apt-get install -y dcmtk" >&2; exit 1; }

mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
work=$(mktemp -d /tmp/beacon-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== JMH (1 fork, 1 thread, 3x2s warm-up, 5x2s measurement)"
java -jar "$jar" DicomCoreBenchmark -f 1 -t 1 -wi 3 -w 2s -i 5 -r 2s -rf text -rff "$work/jmh.txt" >"$work/jmh.log"
grep -m1 "file size" "$work/jmh.log"
cat "$work/jmh.txt"

echo "== generating $files synthetic CT files"
java -cp "$jar" org.beaconpacs.bench.SyntheticCt "$work/ct" "$files"
du -sh "$work/ct"
cat "$work/ct"/*.dcm >/dev/null   # into the page cache

echo "== dump of $files files, $rounds interleaved rounds"
: >"$work/ours.txt"
: >"$work/dcmtk.txt"
elapsed() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
for r in $(seq "$rounds"); do
  # a short-lived command-line tool: C1 only, as a launcher for such a tool would set
  elapsed java -XX:TieredStopAtLevel=1 -cp "$jar" org.beaconpacs.bench.DumpTool "$work/ct" >>"$work/ours.txt"
  elapsed sh -c "dcmdump $work/ct/*.dcm" >>"$work/dcmtk.txt"
done
python3 - "$work/ours.txt" "$work/dcmtk.txt" "$files" <<'PY'
import statistics, sys
ours = [int(x) for x in open(sys.argv[1])]
dcmtk = [int(x) for x in open(sys.argv[2])]
n = int(sys.argv[3])
mo, md = statistics.median(ours), statistics.median(dcmtk)
print(f"ours   (java DumpTool): median {mo:.0f} ms  {n / mo * 1000:.0f} files/s  rounds {ours}")
print(f"dcmtk  (dcmdump):       median {md:.0f} ms  {n / md * 1000:.0f} files/s  rounds {dcmtk}")
print(f"ratio dcmdump/ours = {md / mo:.2f}  (above 1: we are faster)")
PY
