//! The independent oracle of Quire's safety tests and fuzzing: ammonia, a
//! maintained allowlist sanitiser, configured with the elements and
//! attributes Quire's reading views may hold and no more. HTML passes when
//! ammonia would change nothing in it; both are parsed and written again by
//! the same HTML5 parser before they are compared, so only real
//! differences count. Not used by Quire itself: it checks Quire from
//! outside.

use std::collections::{HashMap, HashSet};

/// Every element and attribute Quire's reading views may hold.
fn allowlist() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        // What an author's own HTML may keep (Hugo's `unsafe = true`).
        "audio",
        "center",
        "cite",
        "iframe",
        "ins",
        "q",
        "samp",
        "source",
        "tfoot",
        "video",
        // The reading views.
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "br",
        "button",
        "caption",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "input",
        "kbd",
        "li",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ]
    .into();
    let generic: HashSet<&str> = [
        "id",
        "class",
        "aria-label",
        "aria-hidden",
        "aria-keyshortcuts",
        "title",
    ]
    .into();
    let per_tag: HashMap<&str, HashSet<&str>> = [
        (
            "a",
            [
                "href",
                "rel",
                "target",
                "aria-current",
                "type",
                "data-embed",
            ]
            .into(),
        ),
        (
            "img",
            [
                "src",
                "alt",
                "width",
                "height",
                "loading",
                "decoding",
                "fetchpriority",
            ]
            .into(),
        ),
        ("time", ["datetime"].into()),
        ("pre", ["tabindex"].into()),
        ("button", ["type", "data-copy"].into()),
        ("input", ["type", "disabled", "checked"].into()),
        ("ol", ["start"].into()),
        ("details", ["open"].into()),
        ("span", ["aria-current", "data-line"].into()),
        ("section", ["aria-labelledby"].into()),
        // `data-lazy-layout`: Quire's archive marks its years to be laid
        // out lazily (style/main.css); from an author it would only do that.
        ("div", ["dir", "data-lazy-layout"].into()),
        ("td", ["colspan", "rowspan", "align"].into()),
        ("th", ["colspan", "rowspan", "align"].into()),
        ("blockquote", ["cite"].into()),
        (
            "video",
            [
                "src",
                "controls",
                "loop",
                "muted",
                "playsinline",
                "preload",
                "poster",
                "width",
                "height",
            ]
            .into(),
        ),
        (
            "audio",
            ["src", "controls", "loop", "muted", "preload"].into(),
        ),
        ("source", ["src", "type"].into()),
        (
            "iframe",
            ["src", "width", "height", "title", "allowfullscreen"].into(),
        ),
    ]
    .into();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(["script", "style"].into())
        .generic_attributes(generic)
        .tag_attributes(per_tag)
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        // Frames only from the players Quire allows.
        .attribute_filter(|element, attribute, value| {
            if element == "iframe" && attribute == "src" {
                let host = value
                    .strip_prefix("https://")
                    .and_then(|rest| rest.split('/').next());
                return matches!(
                    host,
                    Some("www.youtube-nocookie.com" | "www.youtube.com" | "player.vimeo.com")
                )
                .then(|| value.into());
            }
            Some(value.into())
        });
    builder
}

/// The fragment as an HTML5 parser reads it and writes it again.
pub fn normalised(html: &str) -> String {
    scraper::Html::parse_fragment(html)
        .root_element()
        .inner_html()
}

/// `Err` with where and what differs when ammonia would strip or change
/// anything in `html`.
pub fn check(html: &str) -> Result<(), String> {
    let ours = normalised(html);
    let cleaned = normalised(&allowlist().clean(html).to_string());
    if ours == cleaned {
        return Ok(());
    }
    let at = ours
        .bytes()
        .zip(cleaned.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(cleaned.len()));
    let near = |text: &str| {
        let mut from = at.saturating_sub(160);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (at + 160).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        text[from..to].to_owned()
    };
    Err(format!(
        "the oracle strips something near byte {at}:\nQuire:  {}\noracle: {}",
        near(&ours),
        near(&cleaned)
    ))
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn passes_what_quire_may_emit_and_fails_the_rest() {
        assert!(check(r#"<p><a href="/x">a</a> <code class="language-rust">x</code></p>"#).is_ok());
        assert!(check(r#"<p onclick="alert(1)">a</p>"#).is_err());
        assert!(check(r#"<a href="javascript:alert(1)">a</a>"#).is_err());
        assert!(check("<script>alert(1)</script>").is_err());
        assert!(check(r#"<h2 style="color:red">a</h2>"#).is_err());
    }
}
