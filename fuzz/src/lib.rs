//! Shared pieces of the fuzz targets: each target names a check of `imap_wire::fuzzing`, which
//! holds the properties so that `tests/fuzz_seeds.rs` replays the seeds through the same code.

pub use imap_wire;
pub use libfuzzer_sys;

/// Defines the fuzz target of this file as the check `imap_wire::fuzzing::$check`.
///
/// The check panics when a property fails; libFuzzer reports the panic as a crash.
#[macro_export]
macro_rules! check_target {
    ($check:ident) => {
        $crate::libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            $crate::imap_wire::fuzzing::$check(data);
        });
    };
}
