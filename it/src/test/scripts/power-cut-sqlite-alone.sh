#!/usr/bin/env bash
# The power cut of PowerCutIT with SQLite alone (no Belfry): an ext4 loop file system, a writer committing one row
# at a time (power-cut-sqlite-writer.py), EXT4_IOC_SHUTDOWN with NOLOGFLUSH after a while, a fresh mount, and the
# acknowledged rows looked up. Prints, per cut, the rows lost with when each was acknowledged in ms after the ioctl
# began (negative: before it). Needs root. Usage: power-cut-sqlite-alone.sh [cuts]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'umount "$work/mnt" 2>/dev/null || true; rm -rf "$work"' EXIT
now() { python3 -c 'import time; print(time.monotonic_ns())'; }
for cut in $(seq 1 "${1:-20}"); do
  truncate -s 96M "$work/img" && mkfs.ext4 -q -F "$work/img" && mkdir -p "$work/mnt"
  mount -o loop "$work/img" "$work/mnt"
  python3 "$here/power-cut-sqlite-writer.py" "$work/mnt/t.db" "$work/acks" & writer=$!
  sleep "0.$((cut % 9 + 1))"
  sync -f "$work/mnt"
  t0=$(now)
  python3 -c "import fcntl, os, struct, sys; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.ioctl(fd, 0x8004587D, struct.pack('I', 2))" "$work/mnt"
  t1=$(now)
  kill -9 "$writer" 2>/dev/null || true; wait "$writer" 2>/dev/null || true
  umount "$work/mnt" && mount -o loop "$work/img" "$work/mnt"
  python3 - "$work/mnt/t.db" "$work/acks" "$t0" "$t1" "$cut" <<'PY'
import sqlite3, sys
have = {r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM t")}
t0, t1 = int(sys.argv[3]), int(sys.argv[4])
acks = [l.split() for l in open(sys.argv[2]) if not l.startswith("ERR")]
lost = [(int(i), (int(t) - t0) // 1_000_000) for i, t in acks if int(i) not in have]
print("cut %s: %d acknowledged, ioctl %d ms, lost (id, ms after the ioctl began): %s"
      % (sys.argv[5], len(acks), (t1 - t0) // 1_000_000, lost))
PY
  umount "$work/mnt"; rm -f "$work/img" "$work/acks"
done
