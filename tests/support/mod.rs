//! Helpers shared by the integration tests over `corpus/`.

pub mod replay;
