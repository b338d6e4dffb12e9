//! Hugo's addresses for content: where a page is published, from its file,
//! its front matter and the site's `permalinks`, exactly as Hugo decides it,
//! so a blog that moves to Quire keeps every address.
//!
//! ```
//! use quire_core::{date::Date, permalink::{AddressStyle, Facts, address}};
//! let facts = Facts {
//!     sections: vec!["post".into()],
//!     file_name: "hello-world".into(),
//!     title: "Hello, World!".into(),
//!     slug: None,
//!     url: None,
//!     date: "2024-05-09".parse::<Date>().unwrap(),
//! };
//! let pretty = AddressStyle::default();
//! let ugly = AddressStyle { ugly_urls: true, ..pretty };
//! assert_eq!(address(&facts, Some("/:year/:month/:slug/"), pretty), "2024/05/hello-world/");
//! assert_eq!(address(&facts, None, pretty), "post/hello-world/");
//! assert_eq!(address(&facts, None, ugly), "post/hello-world.html");
//! ```

use crate::{
    date::Date,
    route::names_file,
    slug::{hugo_address_path, hugo_path},
};

/// What a page's address can be made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The folders below `content/` the page is in (its section first);
    /// empty for a page at the top (`content/about.md`).
    pub sections: Vec<String>,
    /// The file's name without its extension and language (`hello-world`
    /// of `hello-world.fr.md`), or the bundle's folder name.
    pub file_name: String,
    /// The title, for `:title`.
    pub title: String,
    /// Front matter's `slug`, when not empty.
    pub slug: Option<String>,
    /// Front matter's `url`: the whole address, when not empty.
    pub url: Option<String>,
    /// The publication date, for `:year`, `:month` and their kin.
    pub date: Date,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
];

/// How a site writes its addresses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressStyle {
    /// Hugo's `uglyURLs`: `a/b.html` rather than `a/b/`.
    pub ugly_urls: bool,
    /// Hugo's `disablePathToLower`: addresses keep their letters' case.
    pub keep_case: bool,
}

/// The page's address below the site root, decoded, as Hugo writes it:
/// front matter's `url` if given; else the `permalinks` pattern of its
/// section (tokens `:year :month :monthname :day :weekday :weekdayname
/// :yearday :section :sections :title :slug :slugorfilename :filename
/// :contentbasename`); else its folders and its slug or file name, each
/// cleaned as Hugo cleans a path (see [`hugo_path`]). With `ugly_urls`,
/// `a/b/` is `a/b.html`. Ends in `/` unless ugly or `url` names a file.
pub fn address(facts: &Facts, pattern: Option<&str>, style: AddressStyle) -> String {
    if let Some(url) = facts.url.as_deref().filter(|url| !url.trim().is_empty()) {
        let path = url.trim().trim_start_matches('/');
        return if path.is_empty() || path.ends_with('/') || names_file(path) {
            path.to_owned()
        } else {
            format!("{path}/")
        };
    }
    let slug_or_name = || {
        facts
            .slug
            .clone()
            .unwrap_or_else(|| facts.file_name.clone())
    };
    let path = match pattern {
        Some(pattern) => expand(pattern, facts, style.keep_case),
        None => {
            let mut parts = facts.sections.clone();
            parts.push(slug_or_name());
            parts.join("/")
        }
    };
    // A pattern's doubled slash (`/:section//:slug/`) is one, as in Hugo.
    let path: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    let path = hugo_address_path(&path.join("/"), style.keep_case);
    if path.is_empty() {
        return String::new();
    }
    if style.ugly_urls {
        format!("{path}.html")
    } else {
        format!("{path}/")
    }
}

/// A title as Hugo's `:title` (and `:slug` without a slug) writes it:
/// cleaned as a path, read back as a query string would be (so `+` is a
/// space and `%20` too), and cleaned again. "Fixes + release" is
/// `fixes--release`, as on the blogs Hugo built.
pub fn hugo_title(title: &str, keep_case: bool) -> String {
    let once = hugo_path(title, keep_case);
    hugo_path(&query_unescape(&once).unwrap_or(once), keep_case)
}

/// Go's `url.QueryUnescape`: `+` is a space and `%XX` a byte; `None` when
/// an escape is malformed or the bytes are not UTF-8.
fn query_unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(at + 1..at + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                at += 2;
            }
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8(out).ok()
}

/// A `permalinks` pattern with its tokens filled in.
fn expand(pattern: &str, facts: &Facts, keep_case: bool) -> String {
    let date = facts.date;
    let section = facts.sections.first().cloned().unwrap_or_default();
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let token_len = rest[at + 1..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len() - at - 1);
        let token = &rest[at + 1..at + 1 + token_len];
        let value = match token {
            "year" => format!("{:04}", date.year()),
            "month" => format!("{:02}", date.month()),
            "monthname" => MONTHS[usize::from(date.month() - 1)].to_owned(),
            "day" => format!("{:02}", date.day()),
            "weekday" => format!("{}", (date.days_since_epoch() + 4).rem_euclid(7)),
            "weekdayname" => WEEKDAYS
                [usize::try_from(date.days_since_epoch().rem_euclid(7)).unwrap_or(0)]
            .to_owned(),
            "yearday" => {
                let first = format!("{:04}-01-01", date.year())
                    .parse::<Date>()
                    .map_or(0, |first| first.days_since_epoch());
                (date.days_since_epoch() - first + 1).to_string()
            }
            "section" => section.clone(),
            "sections" => facts.sections.join("/"),
            "title" => hugo_title(&facts.title, keep_case),
            "slug" | "slugorfilename" => facts.slug.clone().unwrap_or_else(|| {
                if token == "slug" {
                    hugo_title(&facts.title, keep_case)
                } else {
                    facts.file_name.clone()
                }
            }),
            "filename" | "contentbasename" => facts.file_name.clone(),
            _ => format!(":{token}"),
        };
        out.push_str(&value);
        rest = &rest[at + 1 + token_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRETTY: AddressStyle = AddressStyle {
        ugly_urls: false,
        keep_case: false,
    };
    const UGLY: AddressStyle = AddressStyle {
        ugly_urls: true,
        keep_case: false,
    };

    fn facts() -> Facts {
        Facts {
            sections: vec!["blog".into(), "2024".into()],
            file_name: "My Post".into(),
            title: "Über Rust & Wasm".into(),
            slug: None,
            url: None,
            date: "2024-03-09".parse().unwrap(),
        }
    }

    #[test]
    fn a_folder_name_ending_in_a_space_kept_its_hyphen() {
        // Hugo 0.111: `content/notes /a b /index.md` is at `notes-/a-b-/`.
        for (section, file_name, expected) in [
            ("notes ", "a b ", "notes-/a-b-/"),
            ("posts", " lead", "posts/-lead/"),
        ] {
            let spaced = Facts {
                sections: vec![section.into()],
                file_name: file_name.into(),
                ..facts()
            };
            assert_eq!(address(&spaced, None, AddressStyle::default()), expected);
        }
    }

    #[test]
    fn tokens_fill_in_as_hugo_fills_them() {
        let f = facts();
        assert_eq!(
            address(&f, Some("/:year/:month/:day/:slug/"), PRETTY),
            "2024/03/09/über-rust-wasm/"
        );
        assert_eq!(
            address(&f, Some("/:section/:filename/"), PRETTY),
            "blog/my-post/"
        );
        assert_eq!(
            address(&f, Some("/:sections/:slugorfilename/"), PRETTY),
            "blog/2024/my-post/"
        );
        assert_eq!(
            address(&f, Some("/:monthname/:title"), PRETTY),
            "march/über-rust-wasm/"
        );
        assert_eq!(
            address(&f, Some("/:yearday/:weekdayname/"), PRETTY),
            "69/saturday/"
        );
    }

    #[test]
    fn slug_and_url_win() {
        let mut f = facts();
        f.slug = Some("short".into());
        assert_eq!(address(&f, None, PRETTY), "blog/2024/short/");
        assert_eq!(address(&f, Some("/:year/:slug/"), PRETTY), "2024/short/");
        f.url = Some("/old/address".into());
        assert_eq!(address(&f, Some("/:year/:slug/"), UGLY), "old/address/");
        f.url = Some("/old.html".into());
        assert_eq!(address(&f, None, PRETTY), "old.html");
        f.url = Some("/projects/v2.0".into());
        assert_eq!(address(&f, None, PRETTY), "projects/v2.0/");
    }

    /// Hugo lowercases and cleans the whole path, slugs included: a blog's
    /// `slug: BM-circle` lives at `bm-circle/`, and a file named
    /// `input-manipulation-&-prompt-injection.md` at
    /// `input-manipulation--prompt-injection/`.
    #[test]
    fn paths_are_cleaned_and_lowercased_as_hugo_does() {
        let mut f = facts();
        f.slug = Some("BM-circle".into());
        assert_eq!(
            address(&f, Some("/:sections/:slug/"), PRETTY),
            "blog/2024/bm-circle/"
        );
        let kept = AddressStyle {
            keep_case: true,
            ..PRETTY
        };
        assert_eq!(address(&f, Some("/:slug/"), kept), "BM-circle/");
        f.slug = None;
        f.file_name = "input-manipulation-&-prompt-injection".into();
        assert_eq!(
            address(&f, None, PRETTY),
            "blog/2024/input-manipulation--prompt-injection/"
        );
        assert_eq!(hugo_path("a  b?/c%2Fd%zz", false), "a-b/c%2fdzz");
        assert_eq!(hugo_path("Café Ünïcode", false), "café-ünïcode");
    }

    /// Each pair is a title and the address Hugo 0.111 gave it (`hugo list
    /// all` on a site with `permalinks: {posts: /:slug/}`).
    #[test]
    fn titles_become_addresses_as_hugo_0_111_writes_them() {
        for (title, hugo) in [
            (
                "OpenSMTPD: minor fixes + preparing release",
                "opensmtpd-minor-fixes--preparing-release",
            ),
            (
                "OpenSMTPD 6.0.0 is released !",
                "opensmtpd-6.0.0-is-released",
            ),
            ("crypto/compress fixes", "crypto/compress-fixes"),
            ("a - b -- c", "a-b--c"),
            ("C# & C++ in 2020", "c#-c-in-2020"),
            ("Hello,   World!", "hello-world"),
            (" lead space", "lead-space"),
            ("Ünïcode Café", "ünïcode-café"),
            ("tilde~hash#at@pct%20x", "tilde~hash#at@pct-x"),
            ("under_score.dot", "under_score.dot"),
            ("quote's \"double\"", "quotes-double"),
            ("x (paren) [br]", "x-paren-br"),
        ] {
            assert_eq!(hugo_title(title, false), hugo, "{title}");
        }
        // File names are cleaned once, not read as a query: `a+b.md` is `a+b/`.
        for (file, hugo) in [
            (
                "input-manipulation-&-prompt-injection",
                "input-manipulation--prompt-injection",
            ),
            ("Mixed Case Name", "mixed-case-name"),
            ("a+b", "a+b"),
            ("dots.in.name", "dots.in.name"),
            ("sp  two", "sp-two"),
        ] {
            assert_eq!(hugo_path(file, false), hugo, "{file}");
        }
    }

    #[test]
    fn ugly_urls_end_in_html() {
        assert_eq!(address(&facts(), None, UGLY), "blog/2024/my-post.html");
    }
}
