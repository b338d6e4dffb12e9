//! Pieces shared by the route views.

pub mod announcer;
pub mod card;
pub mod copy;
pub mod footer;
pub mod header;
pub mod navigation;
pub mod page_meta;
pub mod pager;
pub mod prefetch;
pub mod search_shortcut;
pub mod skip_link;
pub mod status;
pub mod theme;
