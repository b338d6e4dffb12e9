//! Quire's domain, shared by the build tool and the reader app.
//!
//! Nothing here touches the browser or the file system, so the rules a reader
//! sees (summaries, reading time, dates, tags, Markdown output) are tested
//! natively and cannot drift between the tool that writes the manifest and the
//! app that reads it.
//!
//! ```
//! use quire_core::{date::Date, text::reading_minutes};
//! let date: Date = "2026-03-09".parse().unwrap();
//! assert_eq!(date.long_form(), "March 9, 2026");
//! assert_eq!(reading_minutes(850), 4);
//! ```

pub mod date;
pub mod dom;
#[cfg(feature = "authoring")]
pub mod front_matter;
#[cfg(feature = "authoring")]
pub mod highlight;
pub mod html;
#[cfg(feature = "authoring")]
pub mod hugo;
pub mod listing;
pub mod manifest;
pub mod markdown;
pub mod markup;
#[cfg(feature = "authoring")]
pub mod math;
pub mod page_text;
#[cfg(feature = "authoring")]
pub mod permalink;
pub mod problem;
pub mod route;
pub mod route_data;
pub mod search;
#[cfg(feature = "authoring")]
pub mod shortcode;
#[cfg(feature = "authoring")]
pub mod site;
pub mod slug;
pub mod text;
