//! Pieces the route views share, each drawing something.

pub mod announcer;
pub mod footer;
pub mod header;
pub mod markup_view;
pub mod page_meta;
pub mod scroll_to_top;
pub mod skip_link;
pub mod status;
