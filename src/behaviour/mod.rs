//! What the app does that draws nothing: taking over the pre-rendered page,
//! prefetching, laying out and rehearsing posts ahead, opening a tapped
//! link as the finger lifts, copy buttons, videos that play on request,
//! the archive's older years shown in place, the search shortcut, and what
//! follows a route change (scroll, focus, announcements).

pub mod archive_years;
pub mod copy;
pub mod embeds;
pub mod layout;
pub mod prefetch;
pub mod rehearsal;
pub mod route_changes;
pub mod search_shortcut;
pub mod takeover;
pub mod taps;
