//! Checks shared by the fuzz targets (`fuzz/`) and by the test that replays their seeds
//! (`tests/fuzz_seeds.rs`), so a seed or a crash means the same thing in both places.
//!
//! Each check takes raw bytes and panics when a property fails; that panic is what a fuzzer
//! reports. Two kinds exist per grammar area:
//! - `parse_*` parses the input as each type of the area. Whatever parses must survive
//!   `into_static`, serialize under every [`EncodeConfig`] to bytes that parse back equal,
//!   and serialize the same way again. A failure must name an offset inside the input.
//! - `arbitrary_*` builds values of each type with [`arbitrary::Arbitrary`], serializes them
//!   under a configuration chosen by the input and parses them back.
//!
//! Not a stable API: it exists for the crate's own fuzzing and tests, behind the `arbitrary`
//! feature.

use arbitrary::{Arbitrary, Unstructured};

use crate::ParseConfig;
use crate::serialize::{EncodeConfig, Encoder, LiteralMode};
use crate::types::auth::Base64;
use crate::types::primitive::{
    AString, Atom, Charset, IString, Literal, Literal8, NString, Number64, NzNumber64, Tag, Text,
};

/// A named check, as the fuzz targets and the seed directories under `corpus/fuzz/` call it.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    /// The fuzz target's name and the seed directory's.
    pub name: &'static str,
    /// Runs the check on one input; panics when a property fails.
    pub run: fn(&[u8]),
}

/// Every check, one per fuzz target.
pub const CHECKS: &[Check] = &[
    Check {
        name: "parse_primitives",
        run: parse_primitives,
    },
    Check {
        name: "arbitrary_primitives",
        run: arbitrary_primitives,
    },
];

/// Every encoder configuration, paired with the parser configuration that reads its output.
pub fn configs() -> impl Iterator<Item = (EncodeConfig, ParseConfig)> {
    [
        LiteralMode::Sync,
        LiteralMode::NonSync,
        LiteralMode::NonSyncUpTo4096,
    ]
    .into_iter()
    .flat_map(|mode| {
        [false, true].into_iter().map(move |utf8| {
            (
                EncodeConfig::default()
                    .with_literal_mode(mode)
                    .with_utf8_accept(utf8),
                ParseConfig::default().with_utf8_accept(utf8),
            )
        })
    })
}

/// Serializes `value` under `config`.
pub fn encode_with<T: crate::Encode + ?Sized>(
    value: &T,
    config: EncodeConfig,
) -> alloc::vec::Vec<u8> {
    let mut enc = Encoder::new(config);
    value.encode(&mut enc);
    enc.into_inner()
}

/// Checks that `$value` (of type `$ty`) serializes under `$enc` to bytes that parse back
/// under `$cfg` to an equal value (a macro, so the parsed value may borrow a local buffer).
macro_rules! assert_encodes_back {
    ($ty:ty, $value:expr, $enc:expr, $cfg:expr) => {{
        let value = &$value;
        let bytes = $crate::fuzzing::encode_with(value, $enc);
        match <$ty as $crate::Parse<'_>>::parse_with(&bytes, $cfg) {
            Ok(back) => assert!(
                back == *value,
                "{value:?} serialized as {:?} parsed back as {back:?}",
                bstr::BStr::new(&bytes)
            ),
            Err(e) => panic!(
                "{value:?} serialized as {:?} does not parse: {e}",
                bstr::BStr::new(&bytes)
            ),
        }
    }};
}
pub(crate) use assert_encodes_back;

/// For each `$ty`: if `$data` parses, checks the value as the module docs say.
macro_rules! check_parsed {
    ($data:expr; $($ty:ty),* $(,)?) => {{
        let data: &[u8] = $data;
        $(
            match <$ty as $crate::Parse<'_>>::parse(data) {
                Ok(value) => {
                    let owned = $crate::IntoStatic::into_static(value.clone());
                    assert!(owned == value, "into_static changed {value:?}");
                    for (enc, cfg) in $crate::fuzzing::configs() {
                        $crate::fuzzing::assert_encodes_back!($ty, value, enc, &cfg);
                    }
                    let bytes = $crate::to_vec(&value);
                    if let Ok(again) = <$ty as $crate::Parse<'_>>::parse(&bytes) {
                        assert!(
                            $crate::to_vec(&again) == bytes,
                            "{value:?} does not serialize the same way twice"
                        );
                    }
                }
                Err(e) => assert!(
                    e.offset <= data.len(),
                    "{}: error offset {} past the input ({} bytes)",
                    stringify!($ty),
                    e.offset,
                    data.len()
                ),
            }
        )*
    }};
}

/// For each `$ty`: builds a value from `$u` and checks its round trip under a configuration
/// also drawn from `$u`. Stops quietly when the input runs out.
macro_rules! check_arbitrary {
    ($u:expr; $($ty:ty),* $(,)?) => {{
        let u: &mut Unstructured<'_> = $u;
        $(
            let Ok(value) = <$ty as Arbitrary<'_>>::arbitrary(u) else {
                return;
            };
            let Ok(pick) = u.choose_index(6) else {
                return;
            };
            if let Some((enc, cfg)) = $crate::fuzzing::configs().nth(pick) {
                $crate::fuzzing::assert_encodes_back!($ty, value, enc, &cfg);
            }
        )*
    }};
}

/// The core items (`types::primitive`, `types::auth`) parsed from `data`.
///
/// # Panics
/// When a property fails (see the module docs).
pub fn parse_primitives(data: &[u8]) {
    check_parsed!(data;
        Atom<'_>, Tag<'_>, Text<'_>, AString<'_>, IString<'_>, NString<'_>, Literal<'_>,
        Literal8<'_>, Charset<'_>, Base64<'_>, Number64, NzNumber64,
    );
}

/// The core items (`types::primitive`, `types::auth`) built from `data` with `Arbitrary`.
///
/// # Panics
/// When a generated value does not serialize and parse back equal.
pub fn arbitrary_primitives(data: &[u8]) {
    let mut u = Unstructured::new(data);
    while !u.is_empty() {
        let before = u.len();
        check_arbitrary!(&mut u;
            Atom<'_>, Tag<'_>, Text<'_>, AString<'_>, IString<'_>, NString<'_>, Literal<'_>,
            Literal8<'_>, Charset<'_>, Base64<'_>, Number64, NzNumber64,
        );
        if u.len() == before {
            return;
        }
    }
}
