//! The names that bind the build tool's pages, the app and the stylesheet:
//! element ids, attributes and classes each of them looks for. Change one
//! here and in `style/main.css` (a test checks the stylesheet names them).

/// The id of the build's pre-rendered copy of a page, which the app takes over.
pub const PRERENDERED_ID: &str = "quire-static";

/// The id of the element the app draws into.
pub const APP_ID: &str = "quire-app";

/// On the pre-rendered copy: the path (with the site's sub-path) it was drawn for.
pub const DATA_PATH: &str = "data-path";

/// On the pre-rendered copy: the app draws this page as soon as it starts
/// (value `at-start`): a tool such as search, not a text to read.
pub const DATA_TAKEOVER: &str = "data-takeover";

/// On `<html>`: `ready` once the app runs and has the site's data.
pub const DATA_APP_STATE: &str = "data-quire";

/// On a post's text and the archive's years, pre-rendered or drawn by the
/// app: only the blocks near the viewport are laid out until the attribute
/// goes (the stylesheet reads it).
pub const DATA_LAZY_LAYOUT: &str = "data-lazy-layout";

/// On `<html>` while a back or forward step restores a scroll position:
/// posts are laid out in full (the stylesheet reads it).
pub const DATA_FULL_LAYOUT: &str = "data-full-layout";

/// The id of `<main>`, which the skip link names.
pub const MAIN_ID: &str = "main";

/// The id of the search field, which the `/` shortcut focuses.
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The class of a placeholder while data is on its way.
pub const LOADING_CLASS: &str = "loading";

/// The class of a post text laid out ahead, out of sight (the stylesheet hides it).
pub const LAYOUT_AHEAD_CLASS: &str = "layout-ahead";

/// The class of a post's text (its Markdown, drawn), in the pages and the app alike.
pub const POST_TEXT_CLASS: &str = "post-content";

/// The class of the element that holds a route's view, in the pages and the app alike.
pub const VIEW_CLASS: &str = "view";

/// The class of the archive's years, laid out lazily at first.
pub const ARCHIVE_YEARS_CLASS: &str = "archive-years";

/// The class of the link to a year's page that the archive shows for a
/// year whose rows it leaves out (the app shows them in place).
pub const ARCHIVE_MORE_CLASS: &str = "archive-more";

/// Every class and attribute above that the stylesheet styles.
pub const STYLED: [&str; 6] = [
    DATA_LAZY_LAYOUT,
    DATA_FULL_LAYOUT,
    LOADING_CLASS,
    LAYOUT_AHEAD_CLASS,
    POST_TEXT_CLASS,
    ARCHIVE_YEARS_CLASS,
];

#[cfg(test)]
mod tests {
    use super::STYLED;

    /// The stylesheet styles each name by the spelling given here.
    #[test]
    fn the_stylesheet_names_them_as_here() {
        let css = include_str!("../../../style/main.css");
        for name in STYLED {
            assert!(
                css.contains(&format!("[{name}]")) || css.contains(&format!(".{name}")),
                "style/main.css does not style `{name}`"
            );
        }
    }
}
