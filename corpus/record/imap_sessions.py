#!/usr/bin/env python3
"""IMAP sessions driven by Python's imaplib (and, where imaplib has no method, raw lines on the
same connection), one scenario per connection, for recording through examples/record.rs.

    python3 corpus/record/imap_sessions.py SCENARIO --port P --direct-port D --mailset DIR

P is the recorder's port; D is the server's own port, used only for side connections that
must not be recorded (another client's APPEND while this one IDLEs). The user is alice with
the test password "test". `--list` prints the scenarios.
"""

import argparse
import base64
import imaplib
import os
import socket
import sys
import time
import zlib

USER, PASSWORD = "alice", "test"


def utf7(name):
    """Modified UTF-7 (RFC 3501 section 5.1.3)."""
    out, buf = [], []

    def flush():
        if buf:
            raw = "".join(buf).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            buf.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            buf.append(ch)
    flush()
    return "".join(out)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Session:
    def __init__(self, args):
        self.args = args
        self.m = imaplib.IMAP4("127.0.0.1", args.port)
        self.caps = set(self.m.capabilities)
        self.sep = "/"

    def has(self, cap):
        return cap.upper() in {c.upper() for c in self.caps}

    def login(self):
        self.m.login(USER, PASSWORD)
        typ, data = self.m.capability()
        self.caps = set(data[0].decode().upper().split())
        typ, data = self.m.list('""', '""')
        if data and data[0]:
            parts = data[0].decode().split('"')
            if len(parts) >= 3 and len(parts[1]) == 1:
                self.sep = parts[1]

    def box(self, name):
        return quote(utf7(name.replace("/", self.sep)))

    def raw(self, line, until_tagged=True):
        """Sends one raw command line (a tag is added) and reads to its tagged response."""
        tag = self.m._new_tag()
        self.m.send(tag + b" " + line + b"\r\n")
        return self.read_until(tag) if until_tagged else tag

    def raw_untagged(self, line):
        """Sends a raw line as it is (no tag) and reads one response line."""
        self.m.send(line + b"\r\n")
        return self.m.readline()

    def read_until(self, tag):
        lines = []
        while True:
            line = self.m.readline()
            if not line:
                raise EOFError("connection closed")
            lines.append(line)
            if line.startswith(tag + b" "):
                return lines

    def logout(self):
        self.m.logout()


def mailset(args, folder):
    d = os.path.join(args.mailset, folder.replace("/", "__"))
    return [open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))]


def folders(args):
    with open(os.path.join(args.mailset, "folders.txt"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


# --- scenarios -------------------------------------------------------------------------


def append_mailset(s):
    """CREATE the folders (non-ASCII names in modified UTF-7) and APPEND the mail set with
    synchronising literals, flags and dates; the large message included."""
    s.login()
    for f in folders(s.args):
        if f != "INBOX":
            s.m.create(s.box(f))
            s.m.subscribe(s.box(f))
    for f in folders(s.args):
        for i, msg in enumerate(mailset(s.args, f)):
            flags = "(\\Seen)" if i % 2 else "(\\Flagged $Important)"
            date = imaplib.Time2Internaldate(1704100000 + i * 3600)
            s.m.append(s.box(f), flags, date, msg)
    s.logout()


def capability_misc(s):
    """Before and after login: CAPABILITY, NOOP, ID, ENABLE, NAMESPACE, CHECK, LOGOUT."""
    s.m.capability()
    s.m.noop()
    if s.has("ID"):
        s.raw(b'ID ("name" "imap-wire-corpus" "version" "1")')
    s.login()
    if s.has("ENABLE"):
        s.raw(b"ENABLE CONDSTORE")
    if s.has("NAMESPACE"):
        s.m.namespace()
    s.m.select("INBOX")
    s.m.check()
    s.m.noop()
    s.logout()


def authenticate(s):
    """AUTHENTICATE PLAIN: a wrong password, a cancelled exchange, then success; with SASL-IR
    when offered."""
    creds = ("\0%s\0%s" % (USER, PASSWORD)).encode()
    try:
        s.m.authenticate("PLAIN", lambda _: "\0alice\0wrong".encode())
    except imaplib.IMAP4.error:
        pass
    tag = s.raw(b"AUTHENTICATE PLAIN", until_tagged=False)
    s.m.readline()
    s.m.send(b"*\r\n")
    s.read_until(tag)
    if s.has("SASL-IR"):
        s.raw(b"AUTHENTICATE PLAIN " + base64.b64encode(creds))
    else:
        s.m.authenticate("PLAIN", lambda _: creds)
    s.m.select("INBOX")
    s.logout()


def login_literals(s):
    """LOGIN with the user name and password as literals (non-synchronising under LITERAL+)."""
    plus = "+" if s.has("LITERAL+") else ""
    if plus:
        s.raw(b"LOGIN {5+}\r\nalice {4+}\r\ntest")
    else:
        tag = s.raw(b"LOGIN {5}", until_tagged=False)
        s.m.readline()
        s.m.send(b"alice {4}\r\n")
        s.m.readline()
        s.m.send(b"test\r\n")
        s.read_until(tag)
    s.raw(b"SELECT INBOX")
    s.raw(b"LOGOUT")


def mailboxes(s):
    """LIST and LSUB with patterns, LIST-EXTENDED and LIST-STATUS when offered, STATUS,
    CREATE/RENAME/DELETE of non-ASCII names, SUBSCRIBE/UNSUBSCRIBE."""
    s.login()
    s.m.list()
    s.m.list('""', "%")
    s.m.list('""', "Archive%s*" % s.sep)
    s.m.lsub('""', "*")
    for f in folders(s.args):
        s.m.status(s.box(f), "(MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)")
    if s.has("LIST-EXTENDED"):
        s.raw(b'LIST (SUBSCRIBED) "" "*" RETURN (CHILDREN)')
    if s.has("SPECIAL-USE"):
        s.raw(b'LIST (SPECIAL-USE) "" "*"')
    if s.has("LIST-STATUS"):
        s.raw(b'LIST "" "*" RETURN (STATUS (MESSAGES UNSEEN))')
    tmp = s.box("Temp Ordner ÄÖÜ")
    s.m.create(tmp)
    s.m.subscribe(tmp)
    s.m.rename(tmp, s.box("Umbenannt €"))
    s.m.unsubscribe(s.box("Umbenannt €"))
    s.m.list('""', s.box("Umbenannt*"))
    s.m.delete(s.box("Umbenannt €"))
    s.m.select(s.box("日本語"), readonly=True)
    if s.has("UNSELECT"):
        s.raw(b"UNSELECT")
    s.logout()


def fetch(s):
    """FETCH of flags, dates, sizes, ENVELOPE, BODYSTRUCTURE, header fields, body sections,
    partial ranges, UID FETCH, BINARY when offered; EXAMINE of a nested folder."""
    s.login()
    s.m.select("INBOX", readonly=True)
    s.m.fetch("1:*", "(FLAGS INTERNALDATE RFC822.SIZE UID)")
    s.m.fetch("1:*", "(ENVELOPE BODYSTRUCTURE)")
    s.m.fetch("1:*", "(BODY)")
    s.m.fetch("1:3", "(BODY.PEEK[HEADER.FIELDS (FROM TO SUBJECT DATE)])")
    s.m.fetch("2", "(BODY.PEEK[HEADER.FIELDS.NOT (RECEIVED)] BODY.PEEK[TEXT]<0.64>)")
    s.m.fetch("6", "(BODY.PEEK[1] BODY.PEEK[2.MIME] BODY.PEEK[3]<10.100>)")
    s.m.fetch("7", "(BODY.PEEK[2] BODY.PEEK[2.HEADER] BODY.PEEK[2.2.HEADER] BODY.PEEK[2.2.1])")
    s.m.fetch("4", "(RFC822.HEADER RFC822.TEXT)")
    s.m.fetch("1", "(RFC822)")
    s.m.uid("FETCH", "1:*", "(FLAGS)")
    if s.has("BINARY"):
        s.m.fetch("6", "(BINARY.PEEK[2] BINARY.SIZE[2])")
    s.m.fetch("1:*", "ALL")
    s.m.fetch("1:*", "FULL")
    s.m.select(s.box("Archive/2024"), readonly=True)
    s.m.fetch("1:*", "FAST")
    s.logout()


def search(s):
    """SEARCH with criteria, a UTF-8 literal charset search, UID SEARCH, ESEARCH returns,
    SORT and THREAD when offered."""
    s.login()
    s.m.select("INBOX")
    s.m.search(None, "ALL")
    s.m.search(None, '(OR FROM "alice" SUBJECT "plain") NOT DELETED SINCE 1-Jan-2020')
    s.m.search(None, "LARGER", "1000", "SMALLER", "100000", "UNSEEN")
    s.m.search(None, "FLAGGED", "KEYWORD", "$Important")
    s.m.search(None, "1:3,5", "HEADER", "Message-ID", '"imap-wire"')
    s.m.uid("SEARCH", "ALL")
    s.m.literal = "Grüße".encode()
    s.m.search("UTF-8", "SUBJECT")
    s.m.search("UTF-8", "BODY", '"Bob"')
    if s.has("ESEARCH"):
        s.raw(b"SEARCH RETURN (MIN MAX COUNT ALL) ALL")
        s.raw(b"UID SEARCH RETURN () UNSEEN")
    if s.has("SORT"):
        s.m.sort("(REVERSE DATE SUBJECT)", "UTF-8", "ALL")
    if s.has("THREAD=REFERENCES"):
        s.m.thread("REFERENCES", "UTF-8", "ALL")
    s.logout()


def store_copy_expunge(s):
    """STORE with every action and keywords, COPY and MOVE (with UIDPLUS codes), EXPUNGE,
    UID EXPUNGE, CLOSE."""
    s.login()
    s.m.select("INBOX")
    s.m.store("1", "+FLAGS", "(\\Seen \\Answered)")
    s.m.store("2:3", "-FLAGS", "(\\Flagged)")
    s.m.store("4", "FLAGS", "(\\Draft $Label1)")
    s.m.store("5", "+FLAGS.SILENT", "(\\Deleted)")
    s.m.uid("STORE", "1:*", "+FLAGS", "(NonJunk)")
    s.m.copy("1:2", s.box("Archive/2024"))
    s.m.uid("COPY", "3", s.box("Entwürfe"))
    if s.has("MOVE"):
        s.m._simple_command("MOVE", "9", s.box("日本語"))
    s.m.expunge()
    s.m.store("1", "+FLAGS", "(\\Deleted)")
    if s.has("UIDPLUS"):
        typ, data = s.m.fetch("1", "(UID)")
        uid = data[0].split(b"UID ")[1].split(b")")[0].decode()
        s.m.uid("EXPUNGE", uid)
    s.m.select(s.box("Archive/2024"))
    s.m.store("1", "+FLAGS", "(\\Deleted)")
    s.m.close()
    s.logout()


def idle(s):
    """IDLE while another (unrecorded) connection APPENDs: the server reports EXISTS; DONE."""
    s.login()
    s.m.select(s.box("Entwürfe"))
    tag = s.raw(b"IDLE", until_tagged=False)
    s.m.readline()
    side = imaplib.IMAP4("127.0.0.1", s.args.direct_port)
    side.login(USER, PASSWORD)
    side.append(s.box("Entwürfe"), None, None, mailset(s.args, "INBOX")[0])
    side.logout()
    deadline = time.time() + 5
    while time.time() < deadline:
        line = s.m.readline()
        if b"EXISTS" in line:
            break
    s.m.send(b"DONE\r\n")
    s.read_until(tag)
    s.logout()


def bad_commands(s):
    """Commands the server must answer BAD: missing arguments, unknown commands and items,
    unbalanced parentheses, a command in the wrong state, an invalid tag."""
    s.raw(b"SELECT INBOX")  # not authenticated yet: BAD or NO
    s.raw(b"LOGIN")
    s.login()
    s.raw(b"FETCH")
    s.raw(b"SELECT")
    s.raw(b"XYZZY plugh")
    s.raw(b"SELECT INBOX")
    s.raw(b"FETCH 1 (NOSUCHITEM)")
    s.raw(b"FETCH 1:* (FLAGS")
    s.raw(b"STORE 1 +FLAGS.BOGUS (\\Seen)")
    s.raw(b"SEARCH NOSUCHKEY 1")
    s.raw(b"UID FROB 1:*")
    s.raw(b"LOGIN alice test")
    s.raw(b"COPY 1 ")
    s.raw_untagged(b"")
    s.raw_untagged(b"*** no tag at all")
    s.logout()


def condstore(s):
    """CONDSTORE and QRESYNC: ENABLE, SELECT (CONDSTORE), FETCH CHANGEDSINCE, STORE
    UNCHANGEDSINCE, STATUS HIGHESTMODSEQ."""
    s.login()
    if s.has("CONDSTORE"):
        if s.has("QRESYNC"):
            s.raw(b"ENABLE QRESYNC")
        s.raw(b"SELECT INBOX (CONDSTORE)")
        s.raw(b"FETCH 1:* (FLAGS) (CHANGEDSINCE 1)")
        s.raw(b"UID FETCH 1:* (MODSEQ) (CHANGEDSINCE 1 VANISHED)" if s.has("QRESYNC") else b"UID FETCH 1:* (MODSEQ)")
        s.raw(b"STORE 1 (UNCHANGEDSINCE 1) +FLAGS (\\Answered)")
        s.raw(b"STORE 2 (UNCHANGEDSINCE 99999999) +FLAGS (\\Answered)")
        s.raw(b"SEARCH MODSEQ 1")
        s.raw(b'STATUS "Archive%s2024" (HIGHESTMODSEQ MESSAGES)' % s.sep.encode())
    s.logout()


def compress(s):
    """COMPRESS=DEFLATE: after the tagged OK both directions are raw DEFLATE; the session
    goes on with SELECT, FETCH, IDLE-free commands and LOGOUT over the compressed stream."""
    s.login()
    if not s.has("COMPRESS=DEFLATE"):
        print("compress: not offered", file=sys.stderr)
        s.logout()
        return
    tag = s.raw(b"COMPRESS DEFLATE", until_tagged=False)
    s.read_until(tag)
    sock = s.m.sock
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    decomp = zlib.decompressobj(-15)
    pending = b""

    def send(data):
        sock.sendall(comp.compress(data) + comp.flush(zlib.Z_SYNC_FLUSH))

    def until(tag):
        nonlocal pending
        while True:
            while b"\r\n" in pending:
                line, pending = pending.split(b"\r\n", 1)
                if line.startswith(tag + b" "):
                    return
            chunk = sock.recv(65536)
            if not chunk:
                return
            pending += decomp.decompress(chunk)

    for i, line in enumerate([b"SELECT INBOX", b"FETCH 1:* (FLAGS ENVELOPE BODYSTRUCTURE)",
                              b"FETCH 2 BODY.PEEK[]", b"NOOP", b"LOGOUT"]):
        t = b"Z%d" % i
        send(t + b" " + line + b"\r\n")
        until(t)
    sock.close()


def large_fetch(s):
    """FETCH of the large message: its structure, its text part, and 300 kB of its
    attachment as a partial range (the whole of it is in append-mailset)."""
    s.login()
    s.m.select("Large", readonly=True)
    s.m.fetch("1", "(RFC822.SIZE BODYSTRUCTURE)")
    s.m.fetch("1", "(BODY.PEEK[1] BODY.PEEK[2.MIME] BODY.PEEK[2]<0.300000>)")
    s.logout()


SCENARIOS = {
    "append-mailset": append_mailset,
    "capability-misc": capability_misc,
    "authenticate-plain": authenticate,
    "login-literals": login_literals,
    "mailboxes": mailboxes,
    "fetch": fetch,
    "search": search,
    "store-copy-expunge": store_copy_expunge,
    "idle": idle,
    "bad-commands": bad_commands,
    "condstore": condstore,
    "compress": compress,
    "large-fetch": large_fetch,
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario", nargs="?")
    p.add_argument("--port", type=int)
    p.add_argument("--direct-port", type=int)
    p.add_argument("--mailset")
    p.add_argument("--list", action="store_true")
    args = p.parse_args()
    if args.list:
        print("\n".join(SCENARIOS))
        return
    s = Session(args)
    try:
        SCENARIOS[args.scenario](s)
    except imaplib.IMAP4.error as e:
        # A server's NO is part of the session; the recording goes on to the end.
        print("%s: %s" % (args.scenario, e), file=sys.stderr)
        try:
            s.logout()
        except Exception:
            pass


if __name__ == "__main__":
    main()
