#!/usr/bin/env python3
"""The mail set the recorded sessions work on, generated the same way every time.

    python3 corpus/record/mailset.py OUT_DIR

Writes OUT_DIR/<folder>/<n>.eml: plain and 8-bit text, encoded-word headers, multipart
alternative, related and mixed bodies with attachments, message/rfc822 nested two levels deep,
and one message of about 1 MB in the folder `Large`. Folder names are UTF-8 here; the clients
encode them in modified UTF-7.
"""

import os
import random
import sys
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

RNG = random.Random(9051)

FOLDERS = ["INBOX", "Archive/2024", "Entwürfe", "日本語", "Large"]


def blob(n):
    return bytes(RNG.getrandbits(8) for _ in range(n))


def headers(msg, n, subject, frm="Alice Example <alice@example.org>", to="bob@example.net"):
    msg["From"] = frm
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = "Mon, %02d Jan 2024 10:%02d:00 +0100" % (1 + n, n)
    msg["Message-ID"] = "<m%d.imap-wire@example.org>" % n
    return msg


def plain(n):
    m = EmailMessage()
    m.set_content("Hello Bob,\n\nthis is a plain message number %d.\n\n-- \nAlice\n" % n)
    return headers(m, n, "Plain text %d" % n)


def encoded_words(n):
    m = MIMEText("Grüße aus Köln — ein Text in UTF-8.\nZweite Zeile: 日本語のテキスト\n", "plain", "utf-8")
    headers(m, n, str(Header("Grüße und 日本語: encoded-word subject", "utf-8")),
            frm=formataddr((str(Header("Jörg Müller", "iso-8859-1")), "joerg@example.de")),
            to=formataddr((str(Header("Zoë Æsir", "utf-8")), "zoe@example.net")))
    m["Cc"] = "Undisclosed recipients:;"
    m["Reply-To"] = "list@example.org"
    return m


def eight_bit(n):
    m = MIMEText("", "plain", "utf-8")
    m.replace_header("Content-Transfer-Encoding", "8bit")
    m.set_payload("Ceci est un message en 8 bits : déjà vu, à bientôt.\n".encode("utf-8"), "utf-8")
    m.replace_header("Content-Transfer-Encoding", "8bit")
    return headers(m, n, "8-bit body")


def alternative(n):
    m = MIMEMultipart("alternative")
    m.attach(MIMEText("The *plain* version.\n", "plain", "us-ascii"))
    m.attach(MIMEText("<html><body><p>The <b>HTML</b> version.</p></body></html>\n", "html", "utf-8"))
    return headers(m, n, "Alternative bodies")


def related(n):
    m = MIMEMultipart("related")
    m.attach(MIMEText('<html><body><img src="cid:logo@example"></body></html>\n', "html"))
    img = MIMEImage(b"\x89PNG\r\n\x1a\n" + blob(600), "png")
    img["Content-ID"] = "<logo@example>"
    img.add_header("Content-Disposition", "inline", filename="logo.png")
    m.attach(img)
    return headers(m, n, "Related parts with an inline image")


def attachments(n):
    m = MIMEMultipart("mixed")
    m.attach(MIMEText("Two attachments follow.\n"))
    pdf = MIMEApplication(b"%PDF-1.4\n" + blob(3000), "pdf")
    pdf.add_header("Content-Disposition", "attachment", filename="report.pdf")
    m.attach(pdf)
    doc = MIMEApplication(blob(1500), "octet-stream")
    doc.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "Übersicht 2024.bin"))
    m.attach(doc)
    m.preamble = "This is a multi-part message in MIME format.\n"
    return headers(m, n, "Attachments: report.pdf and more")


def nested(n):
    inner = attachments(100 + n)
    fwd = MIMEMultipart("mixed")
    fwd.attach(MIMEText("Forwarding the message below.\n"))
    fwd.attach(MIMEMessage(inner))
    headers(fwd, 200 + n, "Fwd: Attachments", frm="Carol <carol@example.com>")
    outer = MIMEMultipart("mixed")
    outer.attach(MIMEText("A forward of a forward: message/rfc822 two levels deep.\n"))
    outer.attach(MIMEMessage(fwd))
    return headers(outer, n, "Fwd: Fwd: Attachments")


def threaded(n):
    m = EmailMessage()
    m.set_content("A reply in a thread, with a long folded header.\n")
    headers(m, n, "Re: " + "a rather long subject line that the sender's client folded " * 2)
    m["In-Reply-To"] = "<m1.imap-wire@example.org>"
    m["References"] = " ".join("<ref%d.imap-wire@example.org>" % i for i in range(12))
    m["Cc"] = "Team: dave@example.com, erin@example.com;, frank@example.com"
    return m


def large(n):
    m = MIMEMultipart("mixed")
    m.attach(MIMEText("A large message: about 1 MB of attachment.\n"))
    att = MIMEApplication(blob(740_000), "octet-stream")
    att.add_header("Content-Disposition", "attachment", filename="large.bin")
    m.attach(att)
    return headers(m, n, "Large message")


SET = {
    "INBOX": [plain, encoded_words, eight_bit, alternative, related, attachments, nested, threaded, plain],
    "Archive/2024": [plain, alternative],
    "Entwürfe": [encoded_words],
    "日本語": [plain],
    "Large": [large],
}


def main():
    out = sys.argv[1]
    n = 0
    for folder, makers in SET.items():
        d = os.path.join(out, folder.replace("/", "__"))
        os.makedirs(d, exist_ok=True)
        for i, make in enumerate(makers):
            n += 1
            data = bytes(make(n))
            data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            with open(os.path.join(d, "%02d.eml" % (i + 1)), "wb") as f:
                f.write(data)
    with open(os.path.join(out, "folders.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(FOLDERS) + "\n")


if __name__ == "__main__":
    main()
