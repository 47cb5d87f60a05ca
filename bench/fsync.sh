#!/usr/bin/env bash
# The machine's fsync time for a 512 KiB file, to state beside every store figure (it differs tenfold
# between machines, and the ratios against Orthanc, which fsyncs too, depend on it): N files written and
# fsync'd one after the other in a folder of the storage's file system; median and 90th percentile.
# Usage: bench/fsync.sh [files=200] [folder=/tmp]
set -euo pipefail
n=${1:-200}
dir=$(mktemp -d "${2:-/tmp}/beacon-fsync.XXXXXX")
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$n" <<'PY'
import os, sys, time, statistics
d, n = sys.argv[1], int(sys.argv[2])
data = os.urandom(512 * 1024)
ms = []
for i in range(n):
    p = os.path.join(d, f"{i}.dcm")
    t0 = time.perf_counter()
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.fsync(fd)
    os.close(fd)
    ms.append((time.perf_counter() - t0) * 1000)
ms.sort()
print(f"write + fsync of a 512 KiB file: median {statistics.median(ms):.2f} ms, p90 {ms[int(n * 0.9)]:.2f} ms ({n} files in {d})")
PY
