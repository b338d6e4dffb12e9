//! Code blocks: the fence's language and Hugo's options, and the block's
//! HTML with its label, copy button, line numbers and highlighted lines.

use pulldown_cmark::CodeBlockKind;

use crate::{
    html,
    html::{SafeHtml, sanitize, sanitize::HIGHLIGHTED_CODE},
};

/// A code block as the build tool highlighted it: the language's name and
/// the code as HTML with `hl-*` spans. The build writes one list per post
/// (one entry per code block, in order, `null` where it knows no language),
/// so the browser colours code without carrying a highlighter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HighlightedCode {
    /// The language's name for the block's label: "Rust", "YAML".
    pub label: String,
    /// The code, escaped, with `<span class="hl-…">` around tokens; no span
    /// crosses a line.
    pub html: String,
}

/// What a code fence's info string says: ```` ```go {linenos=true hl_lines=[2,"4-5"]} ````.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeFence {
    /// The language: the first word, before any `{`, as CommonMark reads it.
    pub language: String,
    /// Hugo's `linenos`: number the lines.
    pub line_numbers: bool,
    /// Hugo's `linenostart`: the first line's number.
    pub first_number: usize,
    /// Hugo's `hl_lines`: the lines to mark, counted from 1 within the block.
    pub marked: Vec<(usize, usize)>,
}

impl CodeFence {
    /// Reads a code block's info string; an indented block has none.
    pub fn of(kind: &CodeBlockKind<'_>) -> Self {
        match kind {
            CodeBlockKind::Fenced(info) => Self::parse(info),
            CodeBlockKind::Indented => Self::default(),
        }
    }

    /// Reads an info string: a language, then Hugo's options in braces
    /// (`linenos`, `linenostart`, `hl_lines`); other options are ignored.
    pub fn parse(info: &str) -> Self {
        let language = info
            .split_whitespace()
            .next()
            .unwrap_or("")
            .split('{')
            .next()
            .unwrap_or("")
            .to_owned();
        let mut fence = Self {
            language,
            line_numbers: false,
            first_number: 1,
            marked: Vec::new(),
        };
        let Some(options) = info
            .find('{')
            .map(|at| info[at + 1..].trim_end().trim_end_matches('}'))
        else {
            return fence;
        };
        for (key, value) in options_of(options) {
            match key.to_ascii_lowercase().as_str() {
                "linenos" => fence.line_numbers = !matches!(value.as_str(), "false" | "0" | ""),
                "linenostart" => fence.first_number = value.parse().unwrap_or(1),
                "hl_lines" => fence.marked = line_ranges(&value),
                _ => {}
            }
        }
        fence
    }

    /// Whether the lines are drawn one by one (numbered or marked).
    fn by_line(&self) -> bool {
        self.line_numbers || !self.marked.is_empty()
    }

    fn is_marked(&self, line: usize) -> bool {
        self.marked
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&line))
    }
}

/// `key=value` pairs, separated by spaces or commas; a value may be quoted
/// or a bracketed list.
fn options_of(options: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = options.trim();
    while !rest.is_empty() {
        let key_end = rest.find(['=', ' ', ',']).unwrap_or(rest.len());
        let key = rest[..key_end].trim().to_owned();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.chars().next() {
                Some('[') => after[1..]
                    .split_once(']')
                    .map_or((&after[1..], ""), |(value, remaining)| (value, remaining)),
                Some(quote @ ('"' | '\'')) => after[1..]
                    .split_once(quote)
                    .map_or((&after[1..], ""), |(value, remaining)| (value, remaining)),
                _ => {
                    let end = after.find([' ', ',']).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = remaining;
            value.to_owned()
        } else {
            "true".to_owned()
        };
        rest = rest.trim_start_matches([' ', ',']);
        if !key.is_empty() {
            pairs.push((key, value));
        }
    }
    pairs
}

/// `2 "4-5"`, `2,"4-5"` or `2 4-5` as line ranges.
fn line_ranges(list: &str) -> Vec<(usize, usize)> {
    list.split([' ', ','])
        .map(|part| part.trim().trim_matches(['"', '\'']))
        .filter_map(|part| {
            let (first, last) = part.split_once('-').unwrap_or((part, part));
            let (first, last) = (first.trim().parse().ok()?, last.trim().parse().ok()?);
            (first >= 1 && last >= first).then_some((first, last))
        })
        .collect()
}

/// A code block with its label and a copy button (the app makes it work;
/// without JavaScript it is hidden). The `<pre>` takes focus, so keyboard
/// readers can scroll long lines sideways. The build's highlighting comes
/// from a fetched file, so it passes the sanitiser too: spans with `hl-`
/// classes, nothing else. With line numbers or marked lines, each line is
/// a `<span class="line">` (numbers drawn by the stylesheet from
/// `data-line`, so copying the code leaves them out).
pub(crate) fn block_html(
    text: &str,
    fence: &CodeFence,
    highlighted: Option<&HighlightedCode>,
) -> SafeHtml {
    let name = fence.language.trim_start_matches("language-");
    let label = highlighted.map_or(name, |code| code.label.as_str());
    let label_html = if label.is_empty() {
        SafeHtml::empty()
    } else {
        html!(r#"<span class="code-lang">{}</span>"#, label)
    };
    let class = match (name.is_empty(), fence.line_numbers) {
        (true, false) => SafeHtml::empty(),
        (true, true) => SafeHtml::from_static(r#" class="numbered""#),
        (false, false) => html!(r#" class="language-{}""#, name),
        (false, true) => html!(r#" class="language-{} numbered""#, name),
    };
    let body = highlighted.map_or_else(
        || SafeHtml::text(text),
        |code| sanitize(&code.html, &HIGHLIGHTED_CODE),
    );
    let body = if fence.by_line() {
        by_line(&body, fence)
    } else {
        body
    };
    html!(
        r#"<div class="code-block"><div class="code-head">{}<button type="button" class="copy-button needs-js">Copy</button></div><pre tabindex="0"><code{}>{}</code></pre></div>
"#,
        label_html,
        class,
        body
    )
}

/// The code's lines, each in its own span. The highlighter closes its
/// spans at each line's end and the sanitiser keeps them balanced, so each
/// line is whole HTML.
fn by_line(body: &SafeHtml, fence: &CodeFence) -> SafeHtml {
    body.lines()
        .enumerate()
        .map(|(at, line)| {
            let number = at + 1;
            let class = if fence.is_marked(number) {
                SafeHtml::from_static("line hl-line")
            } else {
                SafeHtml::from_static("line")
            };
            if fence.line_numbers {
                html!(
                    "<span class=\"{}\" data-line=\"{}\">{}\n</span>",
                    class,
                    fence.first_number + at,
                    line
                )
            } else {
                html!("<span class=\"{}\">{}\n</span>", class, line)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hugos_fence_options() {
        let fence = CodeFence::parse(r#"go {linenos=true hl_lines=[2,"4-5"] linenostart=10}"#);
        assert_eq!(fence.language, "go");
        assert!(fence.line_numbers);
        assert_eq!(fence.first_number, 10);
        assert_eq!(fence.marked, [(2, 2), (4, 5)]);
        let fence = CodeFence::parse(r#"rust {hl_lines="1 3-4", linenos=false}"#);
        assert!(!fence.line_numbers);
        assert_eq!(fence.marked, [(1, 1), (3, 4)]);
        assert_eq!(CodeFence::parse("föö").language, "föö");
        assert_eq!(CodeFence::parse("").language, "");
    }

    #[test]
    fn numbered_and_marked_lines() {
        let fence = CodeFence::parse(r#"text {linenos=true hl_lines=[2]}"#);
        let html = block_html("a\n<b>\n", &fence, None);
        assert!(
            html.contains(
                r#"<code class="language-text numbered"><span class="line" data-line="1">a
</span><span class="line hl-line" data-line="2">&lt;b&gt;
</span></code>"#
            ),
            "{html}"
        );
    }
}
