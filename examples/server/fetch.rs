//! FETCH items of a stored message: flags, UID, size, internal date, ENVELOPE,
//! BODYSTRUCTURE and body sections, built as the crate's types from the MIME reader.

use std::num::NonZeroU32;

use imap_wire::types::body::{BasicType, SinglePartKind};
use imap_wire::types::fetch::SectionText;
use imap_wire::types::list::List;
use imap_wire::types::message::MessageAttribute;
use imap_wire::{
    Address, Body, BodyFields, BodyParam, DateTime, Encoding, Envelope, FetchAttribute, Flag,
    FlagList, IString, MultiPart, NString, Number64, Parse, Section, SinglePart,
};

use super::mime::{self, Part};
use super::store::Message;

/// The FETCH items `attributes` of `message` (with UID first when `uid`).
pub fn fetch_items(
    message: &Message,
    uid: bool,
    attributes: &[FetchAttribute<'_>],
) -> Vec<MessageAttribute<'static>> {
    let mut items = Vec::new();
    let nz = NonZeroU32::new(message.uid).unwrap_or(NonZeroU32::MIN);
    if uid && !attributes.contains(&FetchAttribute::Uid) {
        items.push(MessageAttribute::Uid(nz));
    }
    let root = mime::parse(&message.raw);
    for a in attributes {
        let item = match a {
            FetchAttribute::Uid => MessageAttribute::Uid(nz),
            FetchAttribute::Flags => MessageAttribute::Flags(FlagList(
                message
                    .flags
                    .iter()
                    .filter_map(|f| Flag::parse(f.as_bytes()).ok())
                    .map(imap_wire::IntoStatic::into_static)
                    .collect(),
            )),
            FetchAttribute::Rfc822Size => MessageAttribute::Rfc822Size(number(message.raw.len())),
            FetchAttribute::InternalDate => MessageAttribute::InternalDate(internal_date()),
            FetchAttribute::Envelope => MessageAttribute::Envelope(envelope(root.header)),
            FetchAttribute::BodyStructure => MessageAttribute::BodyStructure(body(&root)),
            FetchAttribute::Body => MessageAttribute::Body(body(&root)),
            FetchAttribute::Rfc822 => MessageAttribute::Rfc822(nstring(&message.raw)),
            FetchAttribute::Rfc822Header => MessageAttribute::Rfc822Header(nstring(root.header)),
            FetchAttribute::Rfc822Text => MessageAttribute::Rfc822Text(nstring(root.body)),
            FetchAttribute::BodySection {
                section, partial, ..
            } => {
                let mut data = section_bytes(&root, section);
                let origin = partial.map(|p| {
                    let from = (p.offset.get() as usize).min(data.len());
                    let to = from.saturating_add(p.length.get() as usize).min(data.len());
                    data = data[from..to].to_vec();
                    from as u32
                });
                MessageAttribute::BodySection {
                    section: imap_wire::IntoStatic::into_static(section.clone()),
                    origin,
                    data: NString(Some(istring(data))),
                }
            }
            _ => continue,
        };
        items.push(item);
    }
    items
}

/// An `IString` of `bytes` (NUL cannot stand in one and is dropped).
fn istring(mut bytes: Vec<u8>) -> IString<'static> {
    bytes.retain(|&b| b != 0);
    IString::new(bytes).expect("no NUL")
}

fn number(n: usize) -> Number64 {
    Number64::new(n as u64).unwrap_or_else(|_| Number64::new(0).expect("zero"))
}

fn nstring(bytes: &[u8]) -> NString<'static> {
    NString(Some(istring(bytes.to_vec())))
}

fn text(value: Option<String>) -> NString<'static> {
    match value {
        Some(v) => NString(Some(istring(v.into_bytes()))),
        None => NString::NIL,
    }
}

fn internal_date() -> DateTime {
    DateTime::parse(b"\"17-Jul-1996 02:44:25 -0700\"").expect("valid date-time")
}

/// The bytes of a section.
fn section_bytes(root: &Part<'_>, section: &Section<'_>) -> Vec<u8> {
    let path: Vec<u32> = section
        .part_path()
        .map(|p| p.iter().map(NonZeroU32::get).collect())
        .unwrap_or_default();
    let Some(part) = mime::part_at(root, &path) else {
        return Vec::new();
    };
    match section.text() {
        None if path.is_empty() => [part.header, part.body].concat(),
        None => part.body.to_vec(),
        Some(SectionText::Header | SectionText::Mime) => part.header.to_vec(),
        Some(SectionText::Text) => part.body.to_vec(),
        Some(t @ (SectionText::HeaderFields(names) | SectionText::HeaderFieldsNot(names))) => {
            let names: Vec<String> = names
                .iter()
                .map(|n| String::from_utf8_lossy(n.as_bytes()).into_owned())
                .collect();
            let not = matches!(t, SectionText::HeaderFieldsNot(_));
            mime::header_fields(part.header, &names, not)
        }
    }
}

fn address_list(value: Option<String>) -> List<'static, Address<'static>> {
    value
        .map(|v| mime::addresses(&v))
        .unwrap_or_default()
        .into_iter()
        .map(|(name, mailbox, host)| Address {
            name: text(name),
            adl: NString::NIL,
            mailbox: text(Some(mailbox)),
            host: text(Some(host)),
        })
        .collect()
}

/// The ENVELOPE of a message header.
pub fn envelope(header: &[u8]) -> Envelope<'static> {
    let get = |name: &str| mime::field(header, name);
    let from = get("From");
    let sender = get("Sender").or_else(|| from.clone());
    let reply_to = get("Reply-To").or_else(|| from.clone());
    Envelope {
        date: text(get("Date")),
        subject: text(get("Subject")),
        from: address_list(from),
        sender: address_list(sender),
        reply_to: address_list(reply_to),
        to: address_list(get("To")),
        cc: address_list(get("Cc")),
        bcc: address_list(get("Bcc")),
        in_reply_to: text(get("In-Reply-To")),
        message_id: text(get("Message-ID")),
    }
}

/// The body structure of a part, without extension data.
pub fn body(part: &Part<'_>) -> Body<'static> {
    let istr = |s: &str| istring(s.as_bytes().to_vec());
    if !part.children.is_empty() {
        return Body::Multi(MultiPart {
            parts: part
                .children
                .iter()
                .map(body)
                .collect::<Vec<_>>()
                .try_into()
                .expect("not empty"),
            subtype: istr(&part.subtype),
            extension: None,
        });
    }
    let encoding =
        mime::field(part.header, "Content-Transfer-Encoding").map(|e| e.to_ascii_uppercase());
    let encoding = match encoding.as_deref() {
        Some("8BIT") => Encoding::EightBit,
        Some("BINARY") => Encoding::Binary,
        Some("BASE64") => Encoding::Base64,
        Some("QUOTED-PRINTABLE") => Encoding::QuotedPrintable,
        _ => Encoding::SevenBit,
    };
    let fields = BodyFields {
        params: part
            .params
            .iter()
            .map(|(k, v)| BodyParam {
                name: istr(k),
                value: istr(v),
            })
            .collect(),
        id: text(mime::field(part.header, "Content-ID")),
        description: text(mime::field(part.header, "Content-Description")),
        encoding,
        octets: part.body.len() as u32,
    };
    let kind = if part.media_type == "TEXT" {
        let ends = part.body.iter().filter(|&&b| b == b'\n').count();
        let lines = ends + usize::from(!part.body.is_empty() && !part.body.ends_with(b"\n"));
        SinglePartKind::Text {
            subtype: istr(&part.subtype),
            lines: number(lines),
        }
    } else {
        let basic =
            BasicType::new(istr(&part.media_type), istr(&part.subtype)).unwrap_or_else(|_| {
                BasicType::new(istr("APPLICATION"), istr("OCTET-STREAM")).expect("basic type")
            });
        SinglePartKind::Basic(basic)
    };
    Body::Single(SinglePart {
        kind,
        fields,
        extension: None,
    })
}
