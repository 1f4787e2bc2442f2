//! Serializers of the LIST and LSUB command arguments: option names upper case, patterns
//! bare when they can be.

use super::flag::paren_items;
use super::{Encode, Encoder};
use crate::types::list_args::{
    ListArguments, ListPatterns, ListReturnOption, ListSelectOption, LsubArguments, OptionName,
};
use crate::types::tagged_ext::OptionValue;

impl Encode for OptionName<'_> {
    fn encode(&self, enc: &mut Encoder) {
        enc.raw(self.as_bytes());
    }
}

/// `option-extension = (option-standard-tag / option-vendor-tag) [SP option-value]`
fn option_extension(enc: &mut Encoder, name: &OptionName<'_>, value: Option<&OptionValue<'_>>) {
    name.encode(enc);
    if let Some(value) = value {
        enc.byte(b' ');
        value.encode(enc);
    }
}

impl Encode for ListSelectOption<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Subscribed => enc.raw(b"SUBSCRIBED"),
            Self::Remote => enc.raw(b"REMOTE"),
            Self::RecursiveMatch => enc.raw(b"RECURSIVEMATCH"),
            Self::SpecialUse => enc.raw(b"SPECIAL-USE"),
            Self::Extension(name, value) => option_extension(enc, name, value.as_ref()),
        }
    }
}

impl Encode for ListReturnOption<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Subscribed => enc.raw(b"SUBSCRIBED"),
            Self::Children => enc.raw(b"CHILDREN"),
            Self::SpecialUse => enc.raw(b"SPECIAL-USE"),
            Self::Status(attributes) => {
                enc.raw(b"STATUS ");
                paren_items(enc, attributes);
            }
            Self::Extension(name, value) => option_extension(enc, name, value.as_ref()),
        }
    }
}

impl Encode for ListPatterns<'_> {
    fn encode(&self, enc: &mut Encoder) {
        match self {
            Self::Single(p) => p.encode(enc),
            Self::Multiple(list) => paren_items(enc, list),
        }
    }
}

impl Encode for ListArguments<'_> {
    fn encode(&self, enc: &mut Encoder) {
        if let Some(selection) = &self.selection {
            paren_items(enc, selection);
            enc.byte(b' ');
        }
        self.reference.encode(enc);
        enc.byte(b' ');
        self.patterns.encode(enc);
        if let Some(options) = &self.return_options {
            enc.raw(b" RETURN ");
            paren_items(enc, options);
        }
    }
}

impl Encode for LsubArguments<'_> {
    fn encode(&self, enc: &mut Encoder) {
        self.reference.encode(enc);
        enc.byte(b' ');
        self.pattern.encode(enc);
    }
}
