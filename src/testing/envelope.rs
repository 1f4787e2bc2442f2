//! Strategies, known answers and round trips for envelopes and addresses.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::error::{ErrorKind, ParseError};
use crate::parse::Parse;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::envelope::{Address, AddressOrGroup, Envelope};
use crate::types::list::List;
use crate::types::primitive::{IString, NString};

/// Strings that matter to the grammar.
const POOL: &[&str] = &[
    "",
    "NIL",
    "nil",
    "gray",
    "cac.washington.edu",
    "Terry Gray",
    "a\"b",
    "c\\d",
    "x(y)",
    "caf\u{e9}",
    "<id@host>",
    "TEXT",
    "MESSAGE",
    "RFC822",
    "7BIT",
    "base64",
];

/// Bytes that matter to the grammar (quotes, backslashes, CR, LF, 8-bit) among plain ones.
const BYTES: &[u8] = b"\"\\\r\n (){}%*]aZ09~\x01\x7f\x80\xc3\xa9\xff";

/// A string from one seed: usually from [`POOL`], else up to 6 bytes of [`BYTES`].
pub(crate) fn string_from(seed: u64) -> IString<'static> {
    if seed % 4 != 0 {
        let k = (seed / 4) as usize % POOL.len();
        return IString::new(POOL[k].as_bytes()).unwrap();
    }
    let len = (seed / 4 % 7) as usize;
    let bytes: Vec<u8> = (0..len)
        .map(|k| BYTES[(seed >> (5 + 5 * k)) as usize % BYTES.len()])
        .collect();
    IString::new(bytes).unwrap()
}

/// A string: one strategy node, since large envelope and body values hold many strings and
/// generating them must stay cheap.
pub(crate) fn string() -> BoxedStrategy<IString<'static>> {
    any::<u64>().prop_map(string_from).boxed()
}

/// NIL or a [`string`], from one seed.
pub(crate) fn nstring() -> BoxedStrategy<NString<'static>> {
    any::<u64>()
        .prop_map(|seed| NString((seed % 10 >= 3).then(|| string_from(seed / 10))))
        .boxed()
}

pub(crate) fn address() -> BoxedStrategy<Address<'static>> {
    (nstring(), nstring(), nstring(), nstring())
        .prop_map(|(name, adl, mailbox, host)| Address::new(name, adl, mailbox, host))
        .boxed()
}

pub(crate) fn addresses() -> BoxedStrategy<List<'static, Address<'static>>> {
    proptest::collection::vec(address(), 0..3)
        .prop_map(List::from)
        .boxed()
}

pub(crate) fn envelope() -> BoxedStrategy<Envelope<'static>> {
    (
        (nstring(), nstring(), nstring(), nstring()),
        (
            addresses(),
            addresses(),
            addresses(),
            addresses(),
            addresses(),
            addresses(),
        ),
    )
        .prop_map(
            |((date, subject, in_reply_to, message_id), (from, sender, reply_to, to, cc, bcc))| {
                Envelope {
                    date,
                    subject,
                    from,
                    sender,
                    reply_to,
                    to,
                    cc,
                    bcc,
                    in_reply_to,
                    message_id,
                }
            },
        )
        .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn address_round_trips(v in address()) {
        assert_round_trip!(Address, v);
    }

    #[test]
    fn envelope_round_trips(v in envelope()) {
        assert_round_trip!(Envelope, v.clone());
        // Parsed lists iterate to the same items as built ones.
        let bytes = crate::to_vec(&v);
        let parsed = Envelope::parse(&bytes).unwrap();
        prop_assert_eq!(parsed.cc.to_vec(), v.cc.to_vec());
        prop_assert_eq!(parsed.into_static(), v);
    }

    #[test]
    fn no_input_panics_the_envelope_parsers(v in proptest::collection::vec(
        prop_oneof![
            Just(&b"("[..]),
            Just(&b")"[..]),
            Just(&b" "[..]),
            Just(&b"NIL"[..]),
            Just(&b"\"a\""[..]),
            Just(&b"{1}\r\nx"[..]),
            Just(&b"((NIL NIL \"a\" \"b\"))"[..]),
        ],
        0..24,
    )) {
        let bytes: Vec<u8> = v.concat();
        let _ = Envelope::parse(&bytes);
        let _ = Address::parse(&bytes);
    }
}

use crate::IntoStatic;

fn s(v: &'static str) -> NString<'static> {
    NString(Some(IString::new(v.as_bytes()).unwrap()))
}

fn addr(name: Option<&'static str>, mailbox: &'static str, host: &'static str) -> Address<'static> {
    Address::new(
        name.map_or(NString::NIL, s),
        NString::NIL,
        s(mailbox),
        s(host),
    )
}

/// RFC 9051 §8: the envelope of FETCH FULL, with the folded lines joined as on the wire.
const RFC_ENVELOPE: &[u8] = b"(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \
\"IMAP4rev2 WG mtg summary and minutes\" \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((NIL NIL \"imap\" \"cac.washington.edu\")) \
((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) \
NIL NIL \"<B27397-0100000@cac.washington.ed>\")";

/// RFC 3501 §8: the envelope of FETCH FULL from an IMAP4rev1 server.
const RFC3501_ENVELOPE: &[u8] = b"(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \
\"IMAP4rev1 WG mtg summary and minutes\" \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((NIL NIL \"imap\" \"cac.washington.edu\")) \
((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) \
NIL NIL \"<B27397-0100000@cac.washington.edu>\")";

#[test]
fn rfc_envelope_example() {
    let env = assert_reparses!(Envelope, RFC_ENVELOPE);
    let gray = addr(Some("Terry Gray"), "gray", "cac.washington.edu");
    let want = Envelope {
        date: s("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"),
        subject: s("IMAP4rev2 WG mtg summary and minutes"),
        from: List::from(alloc::vec![gray.clone()]),
        sender: List::from(alloc::vec![gray.clone()]),
        reply_to: List::from(alloc::vec![gray]),
        to: List::from(alloc::vec![addr(None, "imap", "cac.washington.edu")]),
        cc: List::from(alloc::vec![
            addr(None, "minutes", "CNRI.Reston.VA.US"),
            addr(Some("John Klensin"), "KLENSIN", "MIT.EDU"),
        ]),
        bcc: List::new(),
        in_reply_to: NString::NIL,
        message_id: s("<B27397-0100000@cac.washington.ed>"),
    };
    assert_eq!(env, want);
    // The serializer writes exactly the RFC's bytes (they are already canonical).
    assert_eq!(crate::to_vec(&env), RFC_ENVELOPE);

    // RFC 3501 §8: the same envelope from an IMAP4rev1 server.
    let env = assert_reparses!(Envelope, RFC3501_ENVELOPE);
    assert_eq!(env.subject, s("IMAP4rev1 WG mtg summary and minutes"));
    assert_eq!(env.message_id, s("<B27397-0100000@cac.washington.edu>"));
    assert_eq!(env.cc.len(), 2);
    assert!(env.bcc.is_empty() && env.in_reply_to.0.is_none());
    assert_eq!(crate::to_vec(&env), RFC3501_ENVELOPE);

    // Keywords in any case.
    let env = assert_reparses!(Envelope, b"(nil Nil nIL nil nil nil nil nil nil NIL)");
    assert_eq!(env, Envelope::default());
}

#[test]
fn addresses_in_every_string_form() {
    let a = assert_reparses!(Address, b"({5}\r\nFr\\ed NIL \"fr\\\"ed\" \"example.org\")");
    assert_eq!(a.name.as_bytes(), Some(&b"Fr\\ed"[..]));
    assert_eq!(a.mailbox.as_bytes(), Some(&b"fr\"ed"[..]));
    assert_eq!(a.adl, NString::NIL);
    // Non-ASCII display names arrive as literals (or quoted UTF-8 under IMAP4rev2).
    let a = assert_reparses!(
        Address,
        "(\"Andr\u{e9}\" NIL \"andre\" \"x.fr\")".as_bytes()
    );
    assert_eq!(a.name.as_bytes(), Some("André".as_bytes()));
}

#[test]
fn group_syntax() {
    // To: Friends: a@x.org, "B" <b@y.org>;, c@z.org
    let env = assert_reparses!(
        Envelope,
        b"(NIL NIL NIL NIL NIL ((NIL NIL \"Friends\" NIL)(NIL NIL \"a\" \"x.org\")\
(\"B\" NIL \"b\" \"y.org\")(NIL NIL NIL NIL)(NIL NIL \"c\" \"z.org\")) NIL NIL NIL NIL)"
    );
    let items: Vec<AddressOrGroup<'_>> = env.to.groups().collect();
    assert_eq!(
        items,
        [
            AddressOrGroup::GroupStart(IString::new(&b"Friends"[..]).unwrap()),
            AddressOrGroup::Mailbox(addr(None, "a", "x.org")),
            AddressOrGroup::Mailbox(addr(Some("B"), "b", "y.org")),
            AddressOrGroup::GroupEnd,
            AddressOrGroup::Mailbox(addr(None, "c", "z.org")),
        ]
    );
    assert_eq!(env.to.groups().size_hint(), (5, Some(5)));
    let start = env.to.iter().next().unwrap();
    assert!(start.is_group_start() && !start.is_group_end());
    let end = env.to.iter().nth(3).unwrap();
    assert!(end.is_group_end() && !end.is_group_start());
    // An empty group: "Undisclosed recipients:;".
    let env = assert_reparses!(
        Envelope,
        b"(NIL NIL NIL NIL NIL NIL NIL ((NIL NIL \"Undisclosed recipients\" NIL)\
(NIL NIL NIL NIL)) NIL NIL)"
    );
    assert_eq!(env.bcc.groups().count(), 2);
}

#[test]
fn invalid_envelopes_and_addresses() {
    let nine_nils = b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL)";
    let bad: &[(&[u8], ErrorKind, usize)] = &[
        (b"", ErrorKind::Expected("envelope"), 0),
        (nine_nils, ErrorKind::Expected("SP"), 36),
        (
            b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
            ErrorKind::Expected("\")\""),
            40,
        ),
        // `()` is no address list: at least one address, or NIL.
        (
            b"(NIL NIL () NIL NIL NIL NIL NIL NIL NIL)",
            ErrorKind::Expected("address"),
            10,
        ),
        // Addresses follow one another with no space between them.
        (
            b"(NIL NIL ((NIL NIL \"a\" \"b\") (NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL NIL NIL)",
            ErrorKind::Expected("\")\""),
            27,
        ),
        (
            b"(NIL NIL \"x\" NIL NIL NIL NIL NIL NIL NIL)",
            ErrorKind::Expected("address list or NIL"),
            9,
        ),
        (
            b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL  NIL)",
            ErrorKind::Expected("string"),
            37,
        ),
    ];
    for (input, kind, offset) in bad {
        assert_eq!(
            Envelope::parse_with(input, &crate::ParseConfig::strict()).unwrap_err(),
            ParseError {
                kind: *kind,
                offset: *offset
            },
            "{:?}",
            bstr::BStr::new(input)
        );
    }
    let bad_addr: &[(&[u8], ErrorKind, usize)] = &[
        (b"(NIL NIL NIL)", ErrorKind::Expected("SP"), 12),
        (b"(NIL NIL NIL NIL NIL)", ErrorKind::Expected("\")\""), 16),
        (b"(NIL NIL a NIL)", ErrorKind::Expected("string"), 9),
        (
            b"(NIL NIL \"a\0\" NIL)",
            ErrorKind::Expected("QUOTED-CHAR"),
            11,
        ),
        (b"NIL", ErrorKind::Expected("address"), 0),
    ];
    for (input, kind, offset) in bad_addr {
        assert_eq!(
            Address::parse_with(input, &crate::ParseConfig::strict()).unwrap_err(),
            ParseError {
                kind: *kind,
                offset: *offset
            },
            "{:?}",
            bstr::BStr::new(input)
        );
    }
}

#[test]
fn envelope_depth_counts_its_lists() {
    use crate::config::ParseConfig;
    // Envelope, address list, address: three levels.
    let bytes = b"(NIL NIL ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL NIL NIL)";
    assert!(Envelope::parse_with(bytes, &ParseConfig::default().with_max_depth(3)).is_ok());
    assert_eq!(
        Envelope::parse_with(bytes, &ParseConfig::default().with_max_depth(2))
            .unwrap_err()
            .kind,
        ErrorKind::TooDeep
    );
}

#[test]
fn default_envelope_is_all_nil() {
    assert_eq!(
        crate::to_vec(&Envelope::default()),
        b"(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"
    );
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_envelopes_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};

    let mut groups = 0;
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = Address::arbitrary(&mut u) {
            assert_round_trip!(Address, v);
        }
        if let Ok(v) = AddressOrGroup::arbitrary(&mut u) {
            groups += usize::from(!matches!(v, AddressOrGroup::Mailbox(_)));
        }
        if let Ok(v) = Envelope::arbitrary(&mut u) {
            assert_round_trip!(Envelope, v);
        }
    }
    assert!(groups > 0);
}
