# hold_lock.py DBFILE READYFILE: take DBFILE's write lock (BEGIN
# IMMEDIATE), then create READYFILE, and hold the lock until READYFILE
# is removed.  A test waits for READYFILE (a condition), not for a time,
# and the lock is held for as long as the test needs it, however slowly
# a loaded machine runs the test.  When the lock cannot be taken,
# READYFILE.failed says why.
import os
import sqlite3
import sys
import time

db, ready = sys.argv[1], sys.argv[2]
try:
    c = sqlite3.connect(db, isolation_level=None, timeout=60)
    c.execute("BEGIN IMMEDIATE")
except sqlite3.Error as e:
    with open(ready + ".failed", "w") as f:
        f.write("%s\n" % e)
    sys.exit(1)
open(ready, "w").close()
while os.path.exists(ready):
    time.sleep(0.05)
