//! Strategies, known answers and round trips for NAMESPACE and ENABLED.

use alloc::vec::Vec;

use proptest::prelude::*;

use crate::config::ParseConfig;
use crate::error::ErrorKind;
use crate::parse::Parse;
use crate::testing::assert_round_trip;
use crate::testing::listing::delimiter;
use crate::testing::primitive::{atom, istring};
use crate::testing::tagged_ext::{bad, encode_configs, kat, noise};
use crate::types::list::{List, NonEmptyList};
use crate::types::listing::Delimiter;
use crate::types::mailbox_data::{EnabledData, NamespaceData, NamespaceDescr, NamespaceExtension};
use crate::types::primitive::{Atom, IString};

pub(crate) fn namespace_extension() -> impl Strategy<Value = NamespaceExtension<'static>> {
    (istring(), proptest::collection::vec(istring(), 1..4)).prop_map(|(name, values)| {
        NamespaceExtension {
            name,
            values: NonEmptyList::try_from(values).unwrap(),
        }
    })
}

pub(crate) fn namespace_descr() -> impl Strategy<Value = NamespaceDescr<'static>> {
    (
        istring(),
        proptest::option::of(delimiter()),
        proptest::collection::vec(namespace_extension(), 0..3),
    )
        .prop_map(|(prefix, delimiter, ext)| NamespaceDescr {
            prefix,
            delimiter,
            extensions: List::from(ext),
        })
}

fn namespace() -> impl Strategy<Value = Option<NonEmptyList<'static, NamespaceDescr<'static>>>> {
    proptest::option::of(
        proptest::collection::vec(namespace_descr(), 1..4)
            .prop_map(|v| NonEmptyList::try_from(v).unwrap()),
    )
}

pub(crate) fn namespace_data() -> impl Strategy<Value = NamespaceData<'static>> {
    (namespace(), namespace(), namespace()).prop_map(|(personal, other_users, shared)| {
        NamespaceData {
            personal,
            other_users,
            shared,
        }
    })
}

pub(crate) fn enabled_data() -> impl Strategy<Value = EnabledData<'static>> {
    proptest::collection::vec(atom(), 0..5).prop_map(|v| EnabledData {
        capabilities: List::from(v),
    })
}

proptest! {
    #![proptest_config(crate::testing::tagged_ext::cases())]

    #[test]
    fn namespace_data_round_trips(v in namespace_data(), enc in encode_configs()) {
        assert_round_trip!(NamespaceData, v, enc, &ParseConfig::default());
    }

    #[test]
    fn namespace_descr_round_trips(v in namespace_descr(), enc in encode_configs()) {
        assert_round_trip!(NamespaceDescr, v, enc, &ParseConfig::default());
    }

    #[test]
    fn enabled_data_round_trips(v in enabled_data()) {
        assert_round_trip!(EnabledData, v);
    }

    #[test]
    fn no_input_panics_the_namespace_parsers(v in noise()) {
        let _ = NamespaceDescr::parse(&v);
        let _ = NamespaceExtension::parse(&v);
        let mut line = b"NAMESPACE ".to_vec();
        line.extend_from_slice(&v);
        if let Ok(ns) = NamespaceData::parse(&line) {
            let bytes = crate::to_vec(&ns);
            prop_assert_eq!(NamespaceData::parse(&bytes).unwrap(), ns);
        }
        let mut line = b"ENABLED ".to_vec();
        line.extend_from_slice(&v);
        let _ = EnabledData::parse(&line);
    }
}

fn descr(prefix: &'static str, delim: char) -> NamespaceDescr<'static> {
    NamespaceDescr::new(
        IString::new(prefix.as_bytes()).unwrap(),
        Some(Delimiter::new(delim).unwrap()),
    )
}

fn ns(v: Vec<NamespaceDescr<'static>>) -> Option<NonEmptyList<'static, NamespaceDescr<'static>>> {
    Some(NonEmptyList::try_from(v).unwrap())
}

fn data(
    personal: Option<NonEmptyList<'static, NamespaceDescr<'static>>>,
    other_users: Option<NonEmptyList<'static, NamespaceDescr<'static>>>,
    shared: Option<NonEmptyList<'static, NamespaceDescr<'static>>>,
) -> NamespaceData<'static> {
    NamespaceData {
        personal,
        other_users,
        shared,
    }
}

#[test]
fn rfc_namespace_examples() {
    // RFC 2342 §5 and RFC 9051 §6.3.10.
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")) NIL NIL",
        b"",
        data(ns(alloc::vec![descr("", '/')]), None, None)
    );
    kat!(
        NamespaceData,
        b"NAMESPACE NIL NIL ((\"\" \".\"))",
        b"",
        data(None, None, ns(alloc::vec![descr("", '.')]))
    );
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))",
        b"",
        data(
            ns(alloc::vec![descr("", '/')]),
            None,
            ns(alloc::vec![descr("Public Folders/", '/')])
        )
    );
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))",
        b"",
        data(
            ns(alloc::vec![descr("", '/')]),
            ns(alloc::vec![descr("~", '/')]),
            ns(alloc::vec![
                descr("#shared/", '/'),
                descr("#public/", '/'),
                descr("#ftp/", '/'),
                descr("#news.", '.')
            ])
        )
    );
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL",
        b"",
        data(
            ns(alloc::vec![descr("", '/')]),
            ns(alloc::vec![descr("Other Users/", '/')]),
            None
        )
    );
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")) ((\"#Users/\" \"/\")) NIL",
        b"",
        data(
            ns(alloc::vec![descr("", '/')]),
            ns(alloc::vec![descr("#Users/", '/')]),
            None
        )
    );
    // Extension parameters (RFC 2342 §5, RFC 9051 §6.3.10).
    let mut mh = descr("#mh/", '/');
    mh.extensions = List::from(alloc::vec![NamespaceExtension {
        name: IString::new(&b"X-PARAM"[..]).unwrap(),
        values: NonEmptyList::try_from(alloc::vec![
            IString::new(&b"FLAG1"[..]).unwrap(),
            IString::new(&b"FLAG2"[..]).unwrap()
        ])
        .unwrap(),
    }]);
    kat!(
        NamespaceData,
        b"NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL",
        b"",
        data(ns(alloc::vec![descr("", '/'), mh]), None, None)
    );
    let flat = NamespaceDescr::new(IString::new(&b""[..]).unwrap(), None);
    kat!(
        NamespaceData,
        b"namespace ((\"\" nil)) nil nil",
        b"",
        data(ns(alloc::vec![flat]), None, None)
    );
    assert_eq!(
        crate::to_vec(&NamespaceData::parse(b"namespace ((\"\" nil)) nil nil").unwrap()),
        b"NAMESPACE ((\"\" NIL)) NIL NIL"
    );
}

#[test]
fn known_enabled_data() {
    let caps = |v: &[&'static str]| EnabledData {
        capabilities: v.iter().map(|c| Atom::new(*c).unwrap()).collect(),
    };
    // RFC 5161 §4 and RFC 9051 §6.3.1.
    kat!(
        EnabledData,
        b"ENABLED X-GOOD-IDEA",
        b"",
        caps(&["X-GOOD-IDEA"])
    );
    kat!(
        EnabledData,
        b"ENABLED CONDSTORE QRESYNC",
        b"",
        caps(&["CONDSTORE", "QRESYNC"])
    );
    kat!(EnabledData, b"ENABLED IMAP4rev2", b"", caps(&["IMAP4rev2"]));
    kat!(EnabledData, b"ENABLED", b"", caps(&[]));
    kat!(
        EnabledData,
        b"enabled UTF8=ACCEPT\r\n",
        b"\r\n",
        caps(&["UTF8=ACCEPT"])
    );
    bad!(
        EnabledData,
        &[
            (b"ENABLED ", ErrorKind::Expected("atom"), 8),
            (b"ENABLED A  B", ErrorKind::Trailing, 9),
            (b"ENABLE A", ErrorKind::Expected("ENABLED"), 0),
        ]
    );
}

#[test]
fn invalid_namespaces() {
    bad!(
        NamespaceData,
        &[
            // RFC 2342 §5's example has two spaces between the last namespaces.
            (
                b"NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL",
                ErrorKind::Expected("\"(\""),
                31
            ),
            (b"NAMESPACE NIL NIL", ErrorKind::Expected("SP"), 17),
            (b"NAMESPACE () NIL NIL", ErrorKind::Expected("\"(\""), 11),
            (
                b"NAMESPACE ((\"\" \"/\") (\"~\" \"/\")) NIL NIL",
                ErrorKind::Expected("\")\""),
                19
            ),
            (b"NAMESPACE ((\"\")) NIL NIL", ErrorKind::Expected("SP"), 14),
            (
                b"NAMESPACE ((\"\" \"/\" \"X\")) NIL NIL",
                ErrorKind::Expected("SP"),
                22
            ),
            (
                b"NAMESPACE ((\"\" \"/\" \"X\" ())) NIL NIL",
                ErrorKind::Expected("string"),
                24
            ),
            (
                b"NAMESPACE ((\"\" \"/\" X (\"a\"))) NIL NIL",
                ErrorKind::Expected("string"),
                19
            ),
            (
                b"NAMESPACE ((\"\" \"/\" )) NIL NIL",
                ErrorKind::Expected("string"),
                19
            ),
            (
                b"NAMESPACE ((\"\" \"ab\")) NIL NIL",
                ErrorKind::Expected("DQUOTE"),
                17
            ),
            (
                b"NAMESPACE ((INBOX \"/\")) NIL NIL",
                ErrorKind::Expected("string"),
                12
            ),
        ]
    );
    let shallow = ParseConfig::default().with_max_depth(2);
    assert_eq!(
        NamespaceData::parse_with(b"NAMESPACE ((\"\" \"/\" \"X\" (\"a\"))) NIL NIL", &shallow)
            .unwrap_err()
            .kind,
        ErrorKind::TooDeep
    );
    assert!(NamespaceData::parse_with(b"NAMESPACE ((\"\" \"/\")) NIL NIL", &shallow).is_ok());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_namespaces_round_trip() {
    use arbitrary::{Arbitrary, Unstructured};
    for buf in crate::testing::random_buffers(4000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = NamespaceExtension::arbitrary(&mut u) {
            assert_round_trip!(NamespaceExtension, v);
        }
        if let Ok(v) = NamespaceDescr::arbitrary(&mut u) {
            assert_round_trip!(NamespaceDescr, v);
        }
        if let Ok(v) = NamespaceData::arbitrary(&mut u) {
            assert_round_trip!(NamespaceData, v);
        }
        if let Ok(v) = EnabledData::arbitrary(&mut u) {
            assert_round_trip!(EnabledData, v);
        }
    }
}
