"""The dispatch peer: Python's smtplib sends every message of a kalendarium outbox
(SQLite) over one connection, as its own process, as kalendarium is.

    python smtplib_peer.py OUTBOX.sqlite PORT
"""

import smtplib
import sqlite3
import sys

outbox, port = sys.argv[1], int(sys.argv[2])
messages = sqlite3.connect(outbox).execute("SELECT recipient, message FROM outbox ORDER BY key").fetchall()
with smtplib.SMTP("127.0.0.1", port) as smtp:
    for recipient, message in messages:
        smtp.sendmail("kansli@example.org", [recipient], message.encode())
print(len(messages))
