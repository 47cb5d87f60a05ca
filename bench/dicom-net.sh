#!/usr/bin/env bash
# Protocol-level benchmark of dicom-net against DCMTK (issue "dicom-net"), run by hand, never by tests.
# N synthetic 512x512 CT objects (514 KiB each) over loopback, one association per run, interleaved rounds:
#   (a) DCMTK storescu -> our DiscardScp        vs  DCMTK storescu -> DCMTK storescp --ignore
#   (b) our StoreTool  -> DCMTK storescp --ignore  vs  DCMTK storescu -> DCMTK storescp --ignore
#       reported three ways: whole process (JVM boot ~0.2 s included), first round without the JVM boot
#       (connect to release, JIT still cold), and warm (later rounds in one JVM, as inside the archive)
# DCMTK runs with TCP_NODELAY=1 (Debian's build leaves Nagle on otherwise).
# Usage: bench/dicom-net.sh [files=1000] [rounds=5]     (needs: dcmtk, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000}
rounds=${2:-5}
command -v storescu >/dev/null || { echo "storescu missing: apt-get install -y dcmtk" >&2; exit 1; }
export TCP_NODELAY=1

mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
work=$(mktemp -d /tmp/beacon-netbench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

java -cp "$jar" org.beaconpacs.bench.SyntheticCt "$work/ct" "$files"
bytes=$(du -sb "$work/ct" | cut -f1)
cat "$work/ct"/*.dcm >/dev/null

ours_port=11801; dcmtk_port=11802
java -cp "$jar" org.beaconpacs.bench.DiscardScp "$ours_port" & pids+=($!)
storescp --ignore "$dcmtk_port" & pids+=($!)
sleep 2

elapsed() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
for f in a_ours a_dcmtk b_ours b_boot b_dcmtk; do : >"$work/$f"; done
for r in $(seq "$rounds"); do
  elapsed storescu +sd -aec DISCARD 127.0.0.1 "$ours_port" "$work/ct" >>"$work/a_ours"
  elapsed storescu +sd -aec STORESCP 127.0.0.1 "$dcmtk_port" "$work/ct" >>"$work/a_dcmtk"
done
# (b) without our SCP's JVM on the machine: 2 cores are shared by the SCU under test and storescp only
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
for r in $(seq "$rounds"); do
  t0=$(date +%s%N)
  java -XX:TieredStopAtLevel=1 -cp "$jar" org.beaconpacs.bench.StoreTool 127.0.0.1 "$dcmtk_port" STORESCP "$work/ct" \
    2>&1 >/dev/null | sed -n 's/^transfer \([0-9]*\) ms$/\1/p' >>"$work/b_boot"
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$work/b_ours"
  elapsed storescu +sd -aec STORESCP 127.0.0.1 "$dcmtk_port" "$work/ct" >>"$work/b_dcmtk"
done
# warm: the same SCU after JIT warm-up in one JVM, as it runs inside the archive
java -XX:TieredStopAtLevel=1 -cp "$jar" org.beaconpacs.bench.StoreTool 127.0.0.1 "$dcmtk_port" STORESCP "$work/ct" 5 \
  2>&1 >/dev/null | sed -n 's/^transfer \([0-9]*\) ms$/\1/p' | tail -3 >"$work/b_warm"
python3 - "$work" "$files" "$bytes" <<'PY'
import statistics, sys, os
w, n, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def med(name):
    xs = [int(x) for x in open(os.path.join(w, name))]
    return statistics.median(xs), xs
for label, ours, dcmtk in (("(a) storescu -> SCP", "a_ours", "a_dcmtk"), ("(b) SCU -> storescp --ignore", "b_ours", "b_dcmtk")):
    mo, xo = med(ours); md, xd = med(dcmtk)
    print(f"{label}: ours median {mo:.0f} ms ({n/mo*1000:.0f} images/s, {b/mo/1000:.0f} MB/s) {xo}")
    print(f"{' ' * len(label)}  dcmtk median {md:.0f} ms ({n/md*1000:.0f} images/s, {b/md/1000:.0f} MB/s) {xd}")
    print(f"{' ' * len(label)}  ratio dcmtk/ours = {md/mo:.2f} (>= 1: we are not slower)")
mc, xc = med("b_boot"); md, _ = med("b_dcmtk")
print(f"(b) cold SCU without JVM boot (first round, JIT cold): median {mc:.0f} ms ({n/mc*1000:.0f} images/s) {xc}; ratio dcmtk/ours = {md/mc:.2f}")
mw, xw = med("b_warm")
print(f"(b) warm SCU (rounds 3-5 in one JVM): median {mw:.0f} ms ({n/mw*1000:.0f} images/s) {xw}; ratio dcmtk/ours = {md/mw:.2f}")
PY
