//! Serializers of the URLAUTH extension (RFC 4467) and of the extended URLFETCH (RFC 5524).

use super::{Encode, Encoder};
use crate::types::message::BinaryData;
use crate::types::urlauth::{
    GenUrlAuthData, GenUrlAuthItem, ImapUrl, UrlAuthCommand, UrlAuthMechanism, UrlFetchArg,
    UrlFetchData, UrlFetchItem, UrlFetchParam, UrlFetchValue, UrlMechanismKey, UrlMetadata,
};

/// Writes the URL as an astring (an atom when it can be one).
impl Encode for ImapUrl<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.astring(self.as_bytes());
    }
}

impl Encode for UrlAuthMechanism<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

/// Writes the command with its name.
impl Encode for UrlAuthCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        match self {
            Self::ResetKey(None) => {}
            Self::ResetKey(Some(args)) => {
                enc.byte(b' ');
                args.mailbox.encode(enc);
                for m in &args.mechanisms {
                    enc.byte(b' ');
                    m.encode(enc);
                }
            }
            Self::GenUrlAuth(items) => spaced(enc, items.iter()),
            Self::UrlFetch(args) => spaced(enc, args.iter()),
        }
    }
}

/// Writes ` item` for each item.
fn spaced<T: Encode>(enc: &mut Encoder, items: impl Iterator<Item = T>) {
    for item in items {
        enc.byte(b' ');
        item.encode(enc);
    }
}

impl Encode for GenUrlAuthItem<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.url.encode(enc);
        enc.byte(b' ');
        self.mechanism.encode(enc);
    }
}

impl Encode for UrlFetchArg<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Url(url) => url.encode(enc),
            Self::Extended { url, params } => {
                enc.byte(b'(');
                url.encode(enc);
                spaced(enc, params.iter());
                enc.byte(b')');
            }
        }
    }
}

impl Encode for UrlFetchParam<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::BodyPartStructure => enc.raw(b"BODYPARTSTRUCTURE"),
            Self::Binary => enc.raw(b"BINARY"),
            Self::Body => enc.raw(b"BODY"),
            Self::Other(a) => a.encode(enc),
        }
    }
}

/// Writes `GENURLAUTH url...`.
impl Encode for GenUrlAuthData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"GENURLAUTH");
        spaced(enc, self.urls.iter());
    }
}

/// Writes `URLFETCH url data...`.
impl Encode for UrlFetchData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"URLFETCH");
        spaced(enc, self.items.iter());
    }
}

impl Encode for UrlFetchItem<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.url.encode(enc);
        match &self.value {
            UrlFetchValue::Simple(n) => {
                enc.byte(b' ');
                n.encode(enc);
            }
            UrlFetchValue::Metadata(m) => spaced(enc, m.iter()),
        }
    }
}

/// Writes the item in its parentheses.
impl Encode for UrlMetadata<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::BodyPartStructure(b) => {
                enc.raw(b"(BODYPARTSTRUCTURE ");
                b.encode(enc);
            }
            Self::Body(n) => {
                enc.raw(b"(BODY ");
                n.encode(enc);
            }
            Self::Binary(d) => {
                enc.raw(b"(BINARY ");
                match d {
                    BinaryData::NString(n) => n.encode(enc),
                    BinaryData::Literal8(l) => l.encode(enc),
                }
            }
        }
        enc.byte(b')');
    }
}

impl Encode for UrlMechanismKey<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.mechanism.encode(enc);
        if let Some(key) = &self.key {
            enc.byte(b'=');
            key.encode(enc);
        }
    }
}
