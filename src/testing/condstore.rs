//! Known answers and round trips for QRESYNC's `VANISHED` and SELECT parameter, and for the
//! typed views of the CONDSTORE, QRESYNC and PARTIAL command parameters.

use proptest::prelude::*;

use crate::parse::Parse;
use crate::testing::sequence::sequence_set;
use crate::testing::{assert_reparses, assert_round_trip, config};
use crate::types::command::{FetchModifier, SelectParam, StoreModifier};
use crate::types::condstore::VanishedData;
use crate::types::primitive::{Number64, NzNumber64};
use crate::types::search_ext::PartialRange;

fn nz(n: u32) -> core::num::NonZeroU32 {
    core::num::NonZeroU32::new(n).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn vanished_round_trips(earlier in any::<bool>(), uids in sequence_set()) {
        assert_round_trip!(VanishedData, VanishedData { earlier, uids });
    }

    #[test]
    fn changed_since_reads_back(n in 1..=i64::MAX as u64) {
        let m = FetchModifier::changed_since(NzNumber64::new(n).unwrap());
        let wire = crate::to_vec(&m);
        let back = FetchModifier::parse(&wire).unwrap();
        prop_assert_eq!(back.as_changed_since(), Some(Number64::new(n).unwrap()));
    }

    #[test]
    fn partial_modifier_reads_back(last in any::<bool>(), a in 1..=u32::MAX, b in 1..=u32::MAX) {
        let range = if last {
            PartialRange::Last(nz(a), nz(b))
        } else {
            PartialRange::First(nz(a), nz(b))
        };
        let wire = crate::to_vec(&FetchModifier::partial(range));
        let back = FetchModifier::parse(&wire).unwrap();
        prop_assert_eq!(back.as_partial(), Some(range));
    }
}

#[test]
fn rfc_7162_select_parameters() {
    // RFC 7162 §3.2.5.1
    let p = assert_reparses!(
        SelectParam,
        b"QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997))"
    );
    let q = p.qresync().unwrap().unwrap();
    assert_eq!(q.uid_validity.get(), 67_890_007);
    assert_eq!(q.mod_seq.get(), 90_060_115_194_045_000);
    assert_eq!(crate::to_vec(q.known_uids.as_ref().unwrap()), b"1:29997");
    let (seqs, uids) = q.seq_match.as_ref().unwrap();
    assert_eq!(crate::to_vec(seqs), b"5000,7500,9000,9990:9999");
    assert!(crate::to_vec(uids).starts_with(b"15000,22500"));
    assert_eq!(SelectParam::from(&q), p);
    // §3.2.5: no known UIDs.
    let p = assert_reparses!(SelectParam, b"qresync (3857529045 20010715194032001)");
    let q = p.qresync().unwrap().unwrap();
    assert_eq!((q.known_uids, q.seq_match), (None, None));
    // §3.1.8
    assert!(assert_reparses!(SelectParam, b"condstore").is_condstore());
    assert_eq!(crate::to_vec(&SelectParam::condstore()), b"CONDSTORE");
    assert!(SelectParam::condstore().qresync().is_none());
    // A QRESYNC value without RFC 7162's form is still a parameter.
    let odd = assert_reparses!(SelectParam, b"QRESYNC (1)");
    assert_eq!(odd.qresync(), Some(None));
}

#[test]
fn rfc_7162_store_and_fetch_modifiers() {
    // RFC 7162 §3.1.3, §3.1.4.1, §3.2.6
    let m = assert_reparses!(StoreModifier, b"UNCHANGEDSINCE 12121230045");
    assert_eq!(
        m.as_unchanged_since(),
        Some(Number64::new(12_121_230_045).unwrap())
    );
    assert_eq!(
        StoreModifier::unchanged_since(Number64::new(0).unwrap()),
        assert_reparses!(StoreModifier, b"UNCHANGEDSINCE 0")
    );
    let m = assert_reparses!(FetchModifier, b"CHANGEDSINCE 12345");
    assert_eq!(m.as_changed_since(), Some(Number64::new(12_345).unwrap()));
    assert!(!m.is_vanished());
    assert!(assert_reparses!(FetchModifier, b"VANISHED").is_vanished());
    assert_eq!(
        FetchModifier::vanished(),
        FetchModifier::parse(b"VANISHED").unwrap()
    );
    // RFC 9394 §3.3
    let m = assert_reparses!(FetchModifier, b"PARTIAL -1:-30");
    assert_eq!(m.as_partial(), Some(PartialRange::Last(nz(1), nz(30))));
    assert_eq!(m.as_changed_since(), None);
}

#[test]
fn rfc_7162_vanished() {
    let v = assert_reparses!(
        VanishedData,
        b"VANISHED (EARLIER) 41,43:116,118,120:211,214:540"
    );
    assert!(v.earlier);
    let v = assert_reparses!(VanishedData, b"vanished 405,407,410,425");
    assert!(!v.earlier);
    assert_eq!(crate::to_vec(&v), b"VANISHED 405,407,410,425");
    assert!(VanishedData::parse(b"VANISHED (EARLIER)").is_err());
}

#[cfg(feature = "arbitrary")]
#[test]
fn arbitrary_values_round_trip() {
    use crate::types::condstore::QresyncParams;
    use arbitrary::{Arbitrary, Unstructured};
    let mut seen = 0;
    for buf in crate::testing::random_buffers(3000) {
        let mut u = Unstructured::new(&buf);
        if let Ok(v) = VanishedData::arbitrary(&mut u) {
            assert_round_trip!(VanishedData, v);
        }
        if let Ok(q) = QresyncParams::arbitrary(&mut u) {
            seen += 1;
            assert_round_trip!(QresyncParams, q.clone());
            let p = SelectParam::from(&q);
            let wire = crate::to_vec(&p);
            let back = SelectParam::parse(&wire).unwrap();
            assert_eq!(back.qresync(), Some(Some(q)));
        }
    }
    assert!(seen > 500, "only {seen} values generated");
}

#[test]
fn a_negative_range_is_a_value_only_after_partial() {
    use crate::types::command::{Command, CommandBody};
    // `-1` is a label (`tagged-label-fchar` is ALPHA / "-" / "_" / ".").
    let c = assert_reparses!(Command, b"a CREATE x (- -1)\r\n");
    let CommandBody::Create { params, .. } = &c.body else {
        panic!()
    };
    assert_eq!(params.len(), 2);
    let m = assert_reparses!(FetchModifier, b"partial -5:-1");
    assert_eq!(m.as_partial(), Some(PartialRange::Last(nz(5), nz(1))));
}
