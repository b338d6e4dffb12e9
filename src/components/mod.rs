//! Pieces shared by the route views.

pub mod card;
pub mod footer;
pub mod header;
pub mod page_meta;
pub mod pager;
pub mod post_meta;
pub mod prefetch;
pub mod skip_link;
pub mod status;
pub mod theme;
