#!/usr/bin/env bash
# Configuration files of the mail clients that record.sh runs: mbsync (isync), offlineimap,
# fetchmail and getmail6, all pointed at the recorder on 127.0.0.1:PORT as alice / test.
#
#   corpus/record/clients.sh configs DIR PORT
set -euo pipefail

[ "${1:-}" = configs ] || { echo "usage: clients.sh configs DIR PORT" >&2; exit 2; }
DIR=$2
PORT=$3
rm -rf "$DIR"
mkdir -p "$DIR/mbsync" "$DIR/offlineimap-mail"
for d in cur new tmp; do mkdir -p "$DIR/getmail-mail/$d"; done
# getmail refuses to deliver as root: it delivers as nobody.
chown -R nobody:nogroup "$DIR/getmail-mail"

cat > "$DIR/mbsyncrc" <<CONF
IMAPAccount corpus
Host 127.0.0.1
Port $PORT
User alice
Pass test
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account corpus

MaildirStore local
Path $DIR/mbsync/
Inbox $DIR/mbsync/INBOX
SubFolders Verbatim

Channel corpus
Far :remote:
Near :local:
Patterns INBOX *Archive*
Create Near
Sync Pull
SyncState *
CONF

cat > "$DIR/offlineimaprc" <<CONF
[general]
accounts = corpus
metadata = $DIR/offlineimap-meta
maxsyncaccounts = 1

[Account corpus]
localrepository = local
remoterepository = remote

[Repository local]
type = Maildir
localfolders = $DIR/offlineimap-mail

[Repository remote]
type = IMAP
remotehost = 127.0.0.1
remoteport = $PORT
remoteuser = alice
remotepass = test
ssl = no
starttls = no
maxconnections = 1
holdconnectionopen = no
readonly = True
folderfilter = lambda f: f == 'INBOX' or 'Archive' in f
CONF

cat > "$DIR/fetchmailrc" <<CONF
set no bouncemail
poll 127.0.0.1 service $PORT protocol IMAP auth password
    user "alice" password "test" keep fetchall
    sslproto '' mda "/bin/sh -c 'cat > /dev/null'"
CONF
chmod 600 "$DIR/fetchmailrc"

cat > "$DIR/getmailrc" <<CONF
[retriever]
type = SimpleIMAPRetriever
server = 127.0.0.1
port = $PORT
username = alice
password = test
mailboxes = ("INBOX",)

[destination]
type = Maildir
path = $DIR/getmail-mail/
user = nobody

[options]
read_all = true
delete = false
verbose = 0
CONF
