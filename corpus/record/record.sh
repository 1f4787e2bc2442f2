#!/usr/bin/env bash
# Records corpus/transcripts/<server>/ anew: starts a private server instance on loopback,
# seeds it with the generated mail set, and runs real clients through examples/record.rs, one
# connection per transcript.
#
#   corpus/record/record.sh dovecot|cyrus
#
# Servers: dovecot.sh (Debian's dovecot-imapd) and cyrus.sh (cyrus-imapd in a Debian chroot).
# Clients: Python's imaplib (imap_sessions.py), curl, mbsync (isync), offlineimap, fetchmail,
# getmail6. Ports 14310-14319 on 127.0.0.1. Credentials are test ones (alice / test).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVER=${1:?usage: record.sh dovecot|cyrus}
RUN=${RUN:-/tmp/imap-wire-record}
OUT=$ROOT/corpus/transcripts/$SERVER
case "$SERVER" in
dovecot) SPORT=14310 LPORT=14311 ;;
cyrus) SPORT=14312 LPORT=14313 ;;
*) echo "record.sh: unknown server $SERVER" >&2; exit 2 ;;
esac
export RUN

if [ -z "${RECORDER:-}" ]; then
    cargo build --release --example record --manifest-path "$ROOT/Cargo.toml"
    RECORDER=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/record
fi

mkdir -p "$RUN"
rm -rf "$RUN/mailset"
python3 "$HERE/mailset.py" "$RUN/mailset"
"$HERE/$SERVER.sh" start
VERSION=$("$HERE/$SERVER.sh" version)
trap '"$HERE/$SERVER.sh" stop' EXIT
rm -rf "$OUT"
mkdir -p "$OUT"

# rec CLIENT SCENARIO COMMAND...: records one connection of COMMAND, which talks to $LPORT.
rec() {
    local client=$1 scenario=$2
    shift 2
    local file="$OUT/$client-$scenario.imap" log="$RUN/recorder.log"
    : > "$log"
    "$RECORDER" --listen "127.0.0.1:$LPORT" --server "127.0.0.1:$SPORT" --out "$file" \
        --header "server=$SERVER-$VERSION" --header "client=$client" \
        --header "scenario=$scenario" 2> "$log" &
    local pid=$!
    for _ in $(seq 100); do
        grep -q listening "$log" && break
        sleep 0.05
    done
    "$@" > "$RUN/client.log" 2>&1 || echo "record.sh: $client $scenario exited with $?" >&2
    for _ in $(seq 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "record.sh: $client $scenario left the connection open; stopping the recorder" >&2
        kill "$pid"
    fi
    wait "$pid" 2>/dev/null || true
    echo "recorded $file ($(wc -c < "$file") bytes)"
}

imaplib() {
    rec python-imaplib "$1" python3 "$HERE/imap_sessions.py" "$1" --port "$LPORT" \
        --direct-port "$SPORT" --mailset "$RUN/mailset"
}

for scenario in $(python3 "$HERE/imap_sessions.py" --list); do
    imaplib "$scenario"
done

URL=imap://127.0.0.1:$LPORT
rec curl list curl -sS --user alice:test "$URL/"
rec curl fetch-uid curl -sS --user alice:test "$URL/INBOX;UID=2"
rec curl search curl -sS --user alice:test "$URL/INBOX?SUBJECT%20Plain"
rec curl examine curl -sS --user alice:test -X "EXAMINE INBOX" "$URL/INBOX"

"$HERE/clients.sh" configs "$RUN/clients" "$LPORT"
rec mbsync sync mbsync -c "$RUN/clients/mbsyncrc" -a
rec offlineimap sync offlineimap -c "$RUN/clients/offlineimaprc" -o -u basic
rec fetchmail fetch fetchmail -f "$RUN/clients/fetchmailrc" --nodetach --nosyslog
rec getmail6 fetch getmail --rcfile=getmailrc --getmaildir="$RUN/clients"

# Sessions the crate cannot read yet go to corpus/pending/<server>/, which the main job skips.
REPLAY=${REPLAY:-}
if [ -z "$REPLAY" ]; then
    cargo build --release --example replay --manifest-path "$ROOT/Cargo.toml"
    REPLAY=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/replay
fi
PENDING=$ROOT/corpus/pending/$SERVER
rm -rf "$PENDING"
for f in "$OUT"/*.imap; do
    if ! "$REPLAY" "$f" > "$RUN/replay.log" 2>&1; then
        mkdir -p "$PENDING"
        mv "$f" "$PENDING/"
        echo "record.sh: $(basename "$f") does not replay yet; moved to $PENDING" >&2
        grep -A3 '^FAIL' "$RUN/replay.log" >&2 || true
    fi
done
echo "record.sh: $(find "$OUT" -name '*.imap' | wc -l) transcripts in $OUT"
