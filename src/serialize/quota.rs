//! Serializers of the QUOTA extension (RFC 9208).

use super::{Encode, Encoder};
use crate::types::quota::{
    QuotaCommand, QuotaData, QuotaResource, QuotaRootData, ResourceName, SetQuotaResource,
};

impl Encode for ResourceName<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.0.encode(enc);
    }
}

impl Encode for QuotaResource<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name.encode(enc);
        enc.byte(b' ');
        self.usage.encode(enc);
        enc.byte(b' ');
        self.limit.encode(enc);
    }
}

impl Encode for SetQuotaResource<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.name.encode(enc);
        enc.byte(b' ');
        self.limit.encode(enc);
    }
}

/// Writes the command with its name.
impl Encode for QuotaCommand<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.name().as_bytes());
        enc.byte(b' ');
        match self {
            Self::GetQuota { root } => root.encode(enc),
            Self::GetQuotaRoot { mailbox } => mailbox.encode(enc),
            Self::SetQuota { root, limits } => {
                root.encode(enc);
                enc.raw(b" (");
                enc.list(limits, |e, r| r.encode(e));
                enc.byte(b')');
            }
        }
    }
}

/// Writes `QUOTA root (...)`.
impl Encode for QuotaData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"QUOTA ");
        self.root.encode(enc);
        enc.raw(b" (");
        enc.list(&self.resources, |e, r| r.encode(e));
        enc.byte(b')');
    }
}

/// Writes `QUOTAROOT mailbox root...`.
impl Encode for QuotaRootData<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(b"QUOTAROOT ");
        self.mailbox.encode(enc);
        for root in &self.roots {
            enc.byte(b' ');
            root.encode(enc);
        }
    }
}
