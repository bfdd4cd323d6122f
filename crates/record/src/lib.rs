//! The one contract every galley stage shares: the [`Document`] record, character-offset
//! helpers ([`CharIndex`]), the typed pieces stages write ([`Span`], [`Edit`], [`Zone`],
//! [`Quote`]) and the [`Stage`] trait through which the driver knows a stage.
//!
//! A stage crate depends on this crate only; it never sees the driver.

mod document;
mod offsets;
mod stage;
mod types;

pub use document::{Document, ParseError};
pub use offsets::CharIndex;
pub use stage::{parse_options, Corpus, OptionDoc, Options, Stage, StageError, StageSpec};
pub use types::{restore, Edit, Mention, Quote, QuoteKind, RestoreError, Span, Zone, ZoneKind};
