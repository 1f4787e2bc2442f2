#!/usr/bin/env bash
# A private Cyrus IMAP instance for recording, run inside a Debian chroot (Debian's
# cyrus-imapd and dovecot-imapd packages conflict, so Cyrus gets a system of its own; the
# loopback network is shared). Its config, spool and SASL database live under /srv/iw in the
# chroot; it listens on 127.0.0.1:$PORT only.
#
#   corpus/record/cyrus.sh setup|start|stop|version
#
# setup builds the chroot with debootstrap and installs cyrus-imapd there (once). Users:
# alice (password "test") and the admin cyrus (password "test"): test credentials.
set -euo pipefail

CHROOT=${CHROOT:-/work/chroot-cyrus}
PORT=${CYRUS_PORT:-14312}
IW=/srv/iw

in_chroot() { chroot "$CHROOT" "$@"; }

setup() {
    if [ ! -x "$CHROOT/usr/lib/cyrus/bin/master" ]; then
        command -v debootstrap >/dev/null || apt-get install -y debootstrap
        [ -x "$CHROOT/bin/bash" ] || debootstrap --variant=minbase bookworm "$CHROOT"
        printf '#!/bin/sh\nexit 101\n' > "$CHROOT/usr/sbin/policy-rc.d"
        chmod +x "$CHROOT/usr/sbin/policy-rc.d"
        cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
        mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
        in_chroot apt-get update
        in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y cyrus-imapd sasl2-bin
    fi
}

start() {
    setup
    stop 2>/dev/null || true
    mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
    rm -rf "$CHROOT$IW"
    mkdir -p "$CHROOT$IW"/{lib,spool,run,run/socket,run/proc,run/lock}
    cat > "$CHROOT$IW/imapd.conf" <<CONF
configdirectory: $IW/lib
defaultpartition: default
partition-default: $IW/spool
proc_path: $IW/run/proc
mboxname_lockpath: $IW/run/lock
lmtpsocket: $IW/run/socket/lmtp
idlesocket: $IW/run/socket/idle
notifysocket: $IW/run/socket/notify
admins: cyrus
altnamespace: yes
unixhierarchysep: yes
hashimapspool: true
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $IW/sasldb2
sasl_mech_list: PLAIN LOGIN
autocreate_quota: 0
specialusealways: yes
syslog_prefix: iw-cyrus
CONF
    cat > "$CHROOT$IW/cyrus.conf" <<CONF
START {
  recover cmd="ctl_cyrusdb -r -C $IW/imapd.conf"
}
SERVICES {
  imap cmd="imapd -C $IW/imapd.conf" listen="127.0.0.1:$PORT" prefork=0
}
EVENTS {
  checkpoint cmd="ctl_cyrusdb -c -C $IW/imapd.conf" period=30
}
CONF
    for u in alice cyrus; do
        echo test | in_chroot saslpasswd2 -p -c -f "$IW/sasldb2" -u "$(hostname)" "$u"
    done
    in_chroot chown -R cyrus:mail "$IW"
    in_chroot chmod 640 "$IW/sasldb2"
    in_chroot /usr/lib/cyrus/bin/master -C "$IW/imapd.conf" -M "$IW/cyrus.conf" \
        -p "$IW/run/master.pid" -d
    for _ in $(seq 100); do
        if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
            # The admin creates alice's mailbox (not recorded).
            python3 - "$PORT" <<'PY'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
m.login("cyrus", "test")
print(m.create("user/alice"))
m.logout()
PY
            echo "cyrus.sh: Cyrus $(version) on 127.0.0.1:$PORT"
            return 0
        fi
        sleep 0.1
    done
    echo "cyrus.sh: the server did not start" >&2
    exit 1
}

stop() {
    local pidfile="$CHROOT$IW/run/master.pid"
    if [ -f "$pidfile" ]; then
        kill "$(cat "$pidfile")" 2>/dev/null || true
        sleep 0.5
    fi
}

version() {
    in_chroot dpkg-query -W -f '${Version}' cyrus-imapd | cut -d- -f1
}

case "${1:-}" in
setup) setup ;;
start) start ;;
stop) stop ;;
version) version ;;
*) echo "usage: cyrus.sh setup|start|stop|version" >&2; exit 2 ;;
esac
