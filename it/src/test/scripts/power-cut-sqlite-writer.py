# SQLite alone, as Belfry uses it (WAL, synchronous=FULL, one writer, PASSIVE checkpoints on a second
# connection): commits one row at a time and prints "<id> <monotonic ns>" after each COMMIT returns.
import os, sqlite3, sys, threading, time

db, acks = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA synchronous=FULL")
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, pad TEXT)")

def checkpoints():
    k = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    k.execute("PRAGMA synchronous=FULL")
    while True:
        time.sleep(0.05)
        try:
            k.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            pass

threading.Thread(target=checkpoints, daemon=True).start()
out = open(acks, "w", buffering=1)
i = 0
while True:
    i += 1
    try:
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO t VALUES (?, ?)", (i, "x" * 300))
        c.execute("COMMIT")
    except sqlite3.Error as e:
        out.write("ERR %s\n" % e)
        break
    out.write("%d %d\n" % (i, time.monotonic_ns()))
