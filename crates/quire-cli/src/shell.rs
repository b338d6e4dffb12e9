//! The page shell: Trunk's `index.html` (styles, the app's script, the
//! theme script), into which every pre-rendered page is poured.

use quire_core::{html, html::SafeHtml};

/// Marks the head part a build inserts, so a later build can take it out again.
const HEAD_START: &str = "<!--quire:head-->";
const HEAD_END: &str = "<!--/quire:head-->";
/// Marks the Content-Security-Policy a build inserts, first in `<head>`.
const CSP_START: &str = "<!--quire:csp-->";
const CSP_END: &str = "<!--/quire:csp-->";
/// Marks the body part a build inserts.
const BODY_START: &str = "<!--quire:body-->";
const BODY_END: &str = "<!--/quire:body-->";

/// Used when no Trunk output is there (`quire build --out DIR` on its own):
/// the pages are then a plain static site, with no app and no styles.
const BARE_SHELL: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>\n</body>\n</html>\n";

/// Trunk's page with the parts of an earlier build removed.
pub(crate) struct Shell {
    /// The page as Trunk wrote it, for what the policy must allow.
    pub(crate) text: String,
    /// Everything up to where the policy goes: after `<meta charset>`, so
    /// it comes before any script.
    start: String,
    /// From there to `</head>`.
    head: String,
    /// From `</head>` to just after the `<body …>` tag.
    middle: String,
    /// The rest.
    tail: String,
}

impl Shell {
    /// Reads a shell from the `index.html` found in the output folder;
    /// `None` for the bare shell. A page written by an earlier build is
    /// turned back into the shell it came from, so builds can be repeated.
    pub(crate) fn parse(index_html: Option<&str>) -> Result<Self, String> {
        let text = index_html.unwrap_or(BARE_SHELL);
        let text = remove_between(text, HEAD_START, HEAD_END);
        let text = remove_between(&text, BODY_START, BODY_END);
        let text = remove_between(&text, CSP_START, CSP_END);
        let text = remove_element(&text, "<title", "</title>");
        let text = without_style_comments(&text);
        let head_open = text
            .find("<head")
            .and_then(|at| text[at..].find('>').map(|end| at + end + 1))
            .ok_or("index.html has no <head>; is it Trunk's output?")?;
        let policy_at = text[head_open..]
            .find("<meta charset")
            .and_then(|at| {
                text[head_open + at..]
                    .find('>')
                    .map(|end| head_open + at + end + 1)
            })
            .unwrap_or(head_open);
        let head_end = text
            .find("</head>")
            .ok_or("index.html has no </head>; is it Trunk's output?")?;
        let body_open = text[head_end..]
            .find("<body")
            .map(|at| at + head_end)
            .ok_or("index.html has no <body>")?;
        let body_start = text[body_open..]
            .find('>')
            .map(|at| at + body_open + 1)
            .ok_or("index.html has an unclosed <body> tag")?;
        if head_end < policy_at {
            return Err("index.html has its <meta charset> after </head>".into());
        }
        Ok(Self {
            start: text[..policy_at].to_owned(),
            head: text[policy_at..head_end].to_owned(),
            middle: text[head_end..body_start].to_owned(),
            tail: text[body_start..].to_owned(),
            text,
        })
    }

    /// A whole page: the Content-Security-Policy `policy` (if any) first in
    /// `<head>`, `head_tags` before `</head>`, `body` at the start of
    /// `<body>`, and the `<html>` element's `lang` set to `language`.
    pub(crate) fn page(
        &self,
        language: &str,
        policy: Option<&str>,
        head_tags: &SafeHtml,
        body: &SafeHtml,
    ) -> String {
        let start = set_lang(&self.start, language);
        let policy = policy
            .map(|policy| {
                html!(
                    r#"{}<meta http-equiv="Content-Security-Policy" content="{}">{}"#,
                    SafeHtml::from_static(CSP_START),
                    policy,
                    SafeHtml::from_static(CSP_END)
                )
            })
            .unwrap_or_default();
        format!(
            "{start}{policy}{}{HEAD_START}\n{head_tags}{HEAD_END}{}{BODY_START}{body}{BODY_END}{}",
            self.head, self.middle, self.tail
        )
    }
}

/// The page's inline styles without their comments: the stylesheet is in
/// every page (`rel="inline"` in index.html), and its comments are for the
/// people who edit it, not for every reader's first visit.
fn without_style_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<style") {
        let Some(inside) = rest[open..].find('>').map(|at| open + at + 1) else {
            break;
        };
        let Some(close) = rest[inside..].find("</style>").map(|at| inside + at) else {
            break;
        };
        out.push_str(&rest[..inside]);
        out.push_str(&without_css_comments(&rest[inside..close]));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// CSS without its `/* … */` comments (a `/*` inside a quoted string is
/// text) and without the lines they leave empty.
fn without_css_comments(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut kept = String::with_capacity(css.len());
    let (mut at, mut copied) = (0, 0);
    let mut quote = None;
    while at < bytes.len() {
        match (quote, bytes[at]) {
            // An escaped character, whatever it is, stays in the string.
            (Some(_), b'\\') => at += 2,
            (Some(open), byte) if byte == open => {
                quote = None;
                at += 1;
            }
            (None, byte @ (b'"' | b'\'')) => {
                quote = Some(byte);
                at += 1;
            }
            (None, b'/') if bytes.get(at + 1) == Some(&b'*') => {
                kept.push_str(&css[copied..at]);
                at = css[at + 2..]
                    .find("*/")
                    .map_or(css.len(), |end| at + 2 + end + 2);
                copied = at;
            }
            _ => at += 1,
        }
    }
    kept.push_str(&css[copied.min(css.len())..]);
    let lines: Vec<&str> = kept
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut out = lines.join("\n");
    if css.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Removes `start` … `end`, both included.
fn remove_between(text: &str, start: &str, end: &str) -> String {
    match (text.find(start), text.find(end)) {
        (Some(from), Some(to)) if to > from => {
            format!("{}{}", &text[..from], &text[to + end.len()..])
        }
        _ => text.to_owned(),
    }
}

/// Removes the first element opened by `open` and closed by `close`.
fn remove_element(text: &str, open: &str, close: &str) -> String {
    match text.find(open) {
        Some(from) => match text[from..].find(close) {
            Some(length) => {
                let after = from + length + close.len();
                format!(
                    "{}{}",
                    text[..from].trim_end_matches([' ', '\t']),
                    text[after..].trim_start_matches(['\n'])
                )
            }
            None => text.to_owned(),
        },
        None => text.to_owned(),
    }
}

/// Rewrites the `<html …>` tag as `<html lang="…">`.
fn set_lang(head: &str, language: &str) -> String {
    let Some(open) = head.find("<html") else {
        return head.to_owned();
    };
    let Some(close) = head[open..].find('>').map(|at| at + open) else {
        return head.to_owned();
    };
    let language = quire_core::html::escape(language);
    format!(
        "{}<html lang=\"{language}\">{}",
        &head[..open],
        &head[close + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <title>Quire</title>\n    <link rel=\"stylesheet\" href=\"/main-1.css\">\n  </head>\n  <body>\n  <script type=\"module\">init()</script>\n  </body>\n</html>\n";

    #[test]
    fn page_inserts_head_and_body_and_sets_lang() {
        let shell = Shell::parse(Some(TRUNK)).unwrap();
        let page = shell.page(
            "de",
            Some("default-src 'self'"),
            &SafeHtml::from_static("<title>Hallo</title>\n"),
            &SafeHtml::from_static("<main>Text</main>"),
        );
        assert!(page.contains("<html lang=\"de\">"));
        assert!(!page.contains("<title>Quire</title>"));
        assert!(page.contains("<title>Hallo</title>"));
        let policy = page
            .find(r#"<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">"#)
            .unwrap();
        assert!(
            policy < page.find("<link").unwrap(),
            "the policy comes first"
        );
        let body = page.find("<main>Text</main>").unwrap();
        assert!(page.find("<body>").unwrap() < body);
        assert!(body < page.find("init()").unwrap());
    }

    #[test]
    fn a_built_page_parses_back_to_the_same_shell() {
        let shell = Shell::parse(Some(TRUNK)).unwrap();
        let (head, body) = (
            SafeHtml::from_static("<title>A</title>\n"),
            SafeHtml::from_static("<main>A</main>"),
        );
        let first = shell.page("en", Some("default-src 'none'"), &head, &body);
        let again = Shell::parse(Some(&first)).unwrap();
        assert_eq!(
            again.page("en", Some("default-src 'none'"), &head, &body),
            first
        );
    }

    #[test]
    fn inline_styles_lose_their_comments_but_not_their_strings() {
        let shell = "<html><head><meta charset=\"utf-8\"><style>/* why */\n.a { color: red; } /* more */\n.b::after { content: \"/* kept */\"; }\n</style></head><body></body></html>";
        let parsed = Shell::parse(Some(shell)).unwrap();
        assert!(
            parsed.text.contains(
                "<style>.a { color: red; } \n.b::after { content: \"/* kept */\"; }\n</style>"
            ),
            "{}",
            parsed.text
        );
        // A built page parses back to the same shell.
        let again = Shell::parse(Some(&parsed.text)).unwrap();
        assert_eq!(again.text, parsed.text);
    }

    #[test]
    fn refuses_a_page_without_head_or_body() {
        assert!(Shell::parse(Some("<html><body></body></html>")).is_err());
        assert!(Shell::parse(Some("<html><head></head></html>")).is_err());
        assert!(Shell::parse(None).is_ok());
    }
}
