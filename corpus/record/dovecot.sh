#!/usr/bin/env bash
# A private Dovecot instance for recording: its own config, base_dir, state and log under
# $RUN, listening on 127.0.0.1:$PORT only. It never touches the system's Dovecot service.
#
#   corpus/record/dovecot.sh start|stop|version
#
# Needs Debian's dovecot-imapd. Users: alice and bob, password "test" (test credentials).
set -euo pipefail

RUN=${RUN:-/tmp/imap-wire-record}/dovecot
PORT=${DOVECOT_PORT:-14310}
CONF=$RUN/dovecot.conf

start() {
    command -v dovecot >/dev/null || { echo "dovecot.sh: install dovecot-imapd" >&2; exit 2; }
    stop 2>/dev/null || true
    rm -rf "$RUN"
    mkdir -p "$RUN/base" "$RUN/state" "$RUN/home"
    chown nobody:nogroup "$RUN/home"
    printf 'alice:{PLAIN}test\nbob:{PLAIN}test\n' > "$RUN/users"
    chmod 644 "$RUN/users"
    cat > "$CONF" <<CONF
# Private instance for recording transcripts.
instance_name = imap-wire-record
base_dir = $RUN/base
state_dir = $RUN/state
log_path = $RUN/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_plugins = \$mail_plugins zlib
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $RUN/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$RUN/home/%u
}
protocol imap {
  mail_plugins = \$mail_plugins imap_zlib
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
}
CONF
    dovecot -c "$CONF"
    for _ in $(seq 50); do
        if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
            echo "dovecot.sh: $(dovecot -c "$CONF" --version) on 127.0.0.1:$PORT"
            return 0
        fi
        sleep 0.1
    done
    echo "dovecot.sh: the server did not start; see $RUN/dovecot.log" >&2
    exit 1
}

stop() {
    [ -f "$CONF" ] && doveadm -c "$CONF" stop 2>/dev/null || true
}

case "${1:-}" in
start) start ;;
stop) stop ;;
version) dovecot --version | cut -d' ' -f1 ;;
*) echo "usage: dovecot.sh start|stop|version" >&2; exit 2 ;;
esac
