//! Safe HTML: the one way author text reaches a page.
//!
//! Every fragment a page or the app shows is a [`SafeHtml`]. One can only be
//! made by escaping text ([`SafeHtml::text`]), from a template written in
//! Quire's own code whose holes are filled with escaped values (the
//! [`html!`](crate::html!) macro), or by the allowlist sanitiser
//! ([`sanitize`]). So a future change cannot forget to escape a title or let
//! an author's attribute through: the types do not allow it.
//!
//! ```
//! use quire_core::{html, html::SafeHtml};
//! let title = "<script>alert(1)</script>";
//! let card: SafeHtml = html!(r#"<h2 class="card-title">{}</h2>"#, title);
//! assert_eq!(card.as_str(), r#"<h2 class="card-title">&lt;script&gt;alert(1)&lt;/script&gt;</h2>"#);
//! ```

use std::fmt;

/// HTML that is safe to put into a page as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Plain text, escaped for HTML content and double-quoted attribute values.
    pub fn text(text: &str) -> Self {
        let mut out = Self(String::with_capacity(text.len()));
        escape_into(text, &mut out.0);
        out
    }

    /// A fragment written in Quire's own code: a `'static` string is part of
    /// the program, never of the content.
    pub fn from_static(html: &'static str) -> Self {
        Self(html.to_owned())
    }

    /// Nothing.
    pub const fn empty() -> Self {
        Self(String::new())
    }

    /// The HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML, for `inner_html` and for writing a page.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends another safe fragment.
    pub fn push(&mut self, more: impl ToHtml) {
        more.write_html(&mut self.0);
    }

    /// A JSON-LD data block. Its text never runs (the type is not a script
    /// language), and with every `<` written as `\u003c` it cannot close
    /// the element or open a comment early.
    pub fn json_ld(json: &str) -> Self {
        Self(format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            json.replace('<', "\\u003c")
        ))
    }

    /// The fragment's lines, without their line breaks (and without an empty
    /// last line). Only for HTML whose line breaks are all in text, as in
    /// escaped text and the sanitiser's output (which writes no line break
    /// inside a tag); each line is then whole HTML, at worst with an element
    /// left open that the browser closes.
    pub(crate) fn lines(&self) -> impl Iterator<Item = SafeHtml> + '_ {
        self.0
            .strip_suffix('\n')
            .unwrap_or(&self.0)
            .split('\n')
            .map(|line| Self(line.to_owned()))
    }

    /// Output the Markdown renderer assembled from sanitised events.
    pub(crate) fn from_renderer(html: String) -> Self {
        Self(html)
    }

    /// Fills a template's `{}` holes with `values`, each written with
    /// [`ToHtml`]; `{{` and `}}` stand for braces. Use the
    /// [`html!`](crate::html!) macro, which checks the holes at compile time.
    #[doc(hidden)]
    pub fn from_template(template: &'static str, values: &[&dyn ToHtml]) -> Self {
        let mut out = String::with_capacity(template.len() + 16 * values.len());
        let mut values = values.iter();
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            out.push_str(&rest[..at]);
            let brace = &rest[at..];
            if let Some(after) = brace.strip_prefix("{}") {
                if let Some(value) = values.next() {
                    value.write_html(&mut out);
                }
                rest = after;
            } else {
                // `{{` or `}}`: one brace.
                out.push_str(&brace[..1]);
                rest = brace.get(2..).unwrap_or_default();
            }
        }
        out.push_str(rest);
        Self(out)
    }
}

/// Reading the HTML as text is always safe; only making it is guarded.
impl std::ops::Deref for SafeHtml {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for SafeHtml {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for SafeHtml {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for SafeHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromIterator<SafeHtml> for SafeHtml {
    fn from_iter<I: IntoIterator<Item = SafeHtml>>(iter: I) -> Self {
        let mut out = String::new();
        for part in iter {
            out.push_str(&part.0);
        }
        Self(out)
    }
}

/// A value that can fill a hole of an [`html!`](crate::html!) template:
/// text is escaped, [`SafeHtml`] goes in as it is, numbers as digits.
pub trait ToHtml {
    /// Writes the value as HTML.
    fn write_html(&self, out: &mut String);
}

impl ToHtml for SafeHtml {
    fn write_html(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl ToHtml for str {
    fn write_html(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl ToHtml for String {
    fn write_html(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl<T: ToHtml + ?Sized> ToHtml for &T {
    fn write_html(&self, out: &mut String) {
        (**self).write_html(out);
    }
}

impl<T: ToHtml> ToHtml for Option<T> {
    fn write_html(&self, out: &mut String) {
        if let Some(value) = self {
            value.write_html(out);
        }
    }
}

macro_rules! digits_are_html {
    ($($number:ty),*) => {$(
        impl ToHtml for $number {
            fn write_html(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
digits_are_html!(u8, u16, u32, u64, usize, i32, i64);

impl ToHtml for crate::date::Date {
    fn write_html(&self, out: &mut String) {
        // ISO 8601: digits and hyphens.
        out.push_str(&self.to_string());
    }
}

/// How many `{}` holes a template has; `usize::MAX` when a brace is neither
/// a hole nor doubled, such as a `{name}` capture, which would skip escaping.
#[doc(hidden)]
pub const fn template_holes(template: &str) -> usize {
    let bytes = template.as_bytes();
    let mut holes = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' if at + 1 < bytes.len() && bytes[at + 1] == b'}' => holes += 1,
            b'{' if at + 1 < bytes.len() && bytes[at + 1] == b'{' => {}
            b'}' if at + 1 < bytes.len() && bytes[at + 1] == b'}' => {}
            b'{' | b'}' => return usize::MAX,
            _ => {
                at += 1;
                continue;
            }
        }
        at += 2;
    }
    holes
}

/// Builds a [`SafeHtml`] from a template literal written in Quire's code
/// and values for its `{}` holes, each escaped unless it is already
/// [`SafeHtml`] (see [`ToHtml`]). The template's holes are counted at
/// compile time, and named holes (`{title}`) are refused, so no value can
/// reach the page without passing through [`ToHtml`].
#[macro_export]
macro_rules! html {
    ($template:literal $(, $value:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::html::template_holes($template) == 0 $(+ { let _ = stringify!($value); 1 })*,
            "html!: the template's `{{}}` holes must match the values given; named holes are not allowed"
        );
        $crate::html::SafeHtml::from_template($template, &[$(&$value as &dyn $crate::html::ToHtml),*])
    }};
}

/// Elements whose words run on with the text around them.
const INLINE_ELEMENTS: [&str; 18] = [
    "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup",
];

/// The text of an HTML fragment, for word counts, summaries and search:
/// tags dropped (and the contents of scripts and styles; inline elements'
/// words run on, other elements part them), the usual character
/// references read, white space collapsed.
pub fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let after = &rest[at..];
        // Inline elements run on with their words; others part them.
        let name: String = after
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE_ELEMENTS.contains(&name.as_str()) {
            text.push(' ');
        }
        let lower = after.get(..8).unwrap_or(after).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") || lower.starts_with("<style") {
            let close = if lower.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            after
                .to_ascii_lowercase()
                .find(close)
                .unwrap_or(after.len())
        } else {
            0
        };
        rest = &after[skip_to..];
        rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
    }
    text.push_str(rest);
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for HTML content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

/// Whether a URL may be a link's or an image's target: only `http`,
/// `https`, `mailto` and `tel` of the schemes (a web address with a host
/// that can exist), and any relative address. Browsers ignore ASCII
/// whitespace and control characters inside a scheme, so `java\tscript:`
/// is read as `javascript:` here too.
pub fn is_safe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match compact.find([':', '/', '?', '#']) {
        Some(at) if compact[at..].starts_with(':') => {
            match compact[..at].to_ascii_lowercase().as_str() {
                "http" | "https" => has_plausible_host(url.trim()),
                "mailto" | "tel" => true,
                _ => false,
            }
        }
        _ => true,
    }
}

/// Whether a web address names a host a URL parser accepts: letters (of
/// any script), digits, `-`, `_` and `.`, or a bracketed IPv6 address, with
/// an optional port; an address with a broken host leads nowhere, so it is
/// left out like an unsafe one.
fn has_plausible_host(url: &str) -> bool {
    let Some((_, rest)) = url.split_once(':') else {
        return false;
    };
    let rest = rest.trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (host, port) = match host_and_port.strip_prefix('[') {
        Some(ipv6) => match ipv6.split_once(']') {
            Some((address, port)) => (address, port.strip_prefix(':').unwrap_or(port)),
            None => return false,
        },
        None => host_and_port
            .rsplit_once(':')
            .unwrap_or((host_and_port, "")),
    };
    let port_ok = port.is_empty()
        || (port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| p <= 65_535));
    let host_ok = if host_and_port.starts_with('[') {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        let labels: Vec<&str> = host.split('.').collect();
        let numeric = labels
            .last()
            .is_some_and(|last| !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()));
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && (!numeric
                || (labels.len() <= 4
                    && labels
                        .iter()
                        .all(|label| label.parse::<u32>().is_ok_and(|n| n <= 255))))
    };
    port_ok && host_ok
}

pub use sanitize::{Policy, sanitize};

pub mod sanitize;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_runs_inline_words_on_and_parts_blocks() {
        assert_eq!(
            text_of(
                "<p>Exported as <strong>HTML</strong>. <a href=x>Link</a></p><p>Next</p><script>x()</script>"
            ),
            "Exported as HTML. Link Next"
        );
    }

    #[test]
    fn templates_escape_text_and_keep_safe_html() {
        let inner = html!("<b>{}</b>", "<i>");
        assert_eq!(
            html!(r#"<p title="{}">{}{{x}}</p>"#, "\"q\"", inner),
            r#"<p title="&quot;q&quot;"><b>&lt;i&gt;</b>{x}</p>"#
        );
        assert_eq!(template_holes("{name}"), usize::MAX);
        assert_eq!(template_holes("{{}} {} {}"), 2);
    }

    /// Found by fuzzing: an address whose host cannot exist
    /// (`https://example.orgindings%3E`) was kept, and an allowlist
    /// sanitiser would strip it.
    #[test]
    fn web_addresses_need_a_host_that_can_exist() {
        for good in [
            "https://example.org/a b?c#d",
            "http://127.0.0.1:8080/",
            "https://[::1]:8443/x",
            "https://user@bücher.example/",
            "//example.org/x",
            "/posts/a/",
            "mailto:a@b.c",
        ] {
            assert!(is_safe_url(good), "{good}");
        }
        for bad in [
            "https://example.orgindings%3E",
            "https://",
            "http://1.2.3.4.5/",
            "https://x.org:99999/",
            "javascript:alert(1)",
            "data:text/html,x",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }
}
