//! Conversion of borrowed values into values that own their data.
//!
//! Every grammar type borrows from the bytes it was parsed from (`T<'a>`). To keep a value past
//! the life of those bytes, convert it with [`IntoStatic::into_static`] (consumes the value,
//! copies only what is still borrowed) or [`ToStatic::to_static`] (from a reference).

use alloc::borrow::Cow;
use alloc::borrow::ToOwned;

/// Converts a borrowed value into one that owns all its data.
pub trait IntoStatic {
    /// The same type with the `'static` lifetime.
    type Static: 'static;

    /// Copies whatever is still borrowed and returns the owned value.
    fn into_static(self) -> Self::Static;
}

/// Makes an owned copy of a borrowed value without consuming it.
pub trait ToStatic {
    /// The same type with the `'static` lifetime.
    type Static: 'static;

    /// Returns an owned copy.
    fn to_static(&self) -> Self::Static;
}

impl<T: IntoStatic + Clone> ToStatic for T {
    type Static = T::Static;

    fn to_static(&self) -> Self::Static {
        self.clone().into_static()
    }
}

impl<B: ?Sized + ToOwned + 'static> IntoStatic for Cow<'_, B>
where
    B::Owned: 'static,
{
    type Static = Cow<'static, B>;

    fn into_static(self) -> Self::Static {
        Cow::Owned(self.into_owned())
    }
}

impl<T: IntoStatic> IntoStatic for Option<T> {
    type Static = Option<T::Static>;

    fn into_static(self) -> Self::Static {
        self.map(IntoStatic::into_static)
    }
}

impl<T: IntoStatic> IntoStatic for alloc::vec::Vec<T> {
    type Static = alloc::vec::Vec<T::Static>;

    fn into_static(self) -> Self::Static {
        self.into_iter().map(IntoStatic::into_static).collect()
    }
}

/// Implements [`IntoStatic`] for types that hold no borrowed data.
macro_rules! static_types {
    ($($t:ty),* $(,)?) => {
        $(impl IntoStatic for $t {
            type Static = $t;

            fn into_static(self) -> Self::Static {
                self
            }
        })*
    };
}

pub(crate) use static_types;

static_types!(
    u8,
    u16,
    u32,
    u64,
    bool,
    core::num::NonZeroU32,
    core::num::NonZeroU64
);
