//! Serializers of capabilities.

use super::{Encode, Encoder};
use crate::types::capability::{Capabilities, Capability};

impl Encode for Capability<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Capability::Auth(mech) => {
                enc.raw(b"AUTH=");
                enc.raw(mech.as_bytes());
            }
            Capability::Other(o) => enc.raw(o.as_str().as_bytes()),
            known => enc.raw(known.known_name().unwrap_or_default().as_bytes()),
        }
    }
}

/// Writes `CAPABILITY` and the list (the `capability-data` form).
impl Encode for Capabilities<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"CAPABILITY");
        for cap in self.list().iter() {
            enc.byte(b' ');
            cap.encode(enc);
        }
    }
}
