//! Plain-text views of a post: word count, reading time and summary.

use pulldown_cmark::{Event, Parser, TagEnd};

/// How many words Hugo's automatic summary keeps.
pub const SUMMARY_WORDS: usize = 70;

/// The marker that ends a hand-picked summary, as in Hugo.
pub const MORE_MARKER: &str = "<!--more-->";

/// The text a reader reads, without Markdown syntax or HTML tags: what words
/// are counted in and summaries are cut from.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let push_break = |text: &mut String| {
        if !text.ends_with([' ', '\n']) && !text.is_empty() {
            text.push(' ');
        }
    };
    for event in Parser::new_ext(markdown, crate::markdown::parser_options()) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak | Event::Rule => push_break(&mut text),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => push_break(&mut text),
            _ => {}
        }
    }
    // Collapsed, so that summaries and search never depend on the source's layout.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Counts words the way Hugo does: runs of non-space characters, except that
/// each CJK character counts as a word of its own.
pub fn word_count(plain: &str) -> usize {
    plain
        .split_whitespace()
        .map(|word| {
            let cjk = word.chars().filter(|c| is_cjk(*c)).count();
            if cjk == 0 {
                1
            } else {
                cjk + usize::from(word.chars().any(|c| !is_cjk(c)))
            }
        })
        .sum()
}

fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Hugo's reading time: (words + 212) / 213 minutes, rounded down, and never
/// less than one minute.
pub fn reading_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(213))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// A count with its noun: "1 post", "3 posts". English plurals in -s only.
pub fn count_of(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The summary shown on list cards: the front matter's `summary`, else the
/// text before `<!--more-->`, else the first 70 words with an ellipsis if cut.
pub fn summary(front_matter_summary: Option<&str>, markdown: &str) -> String {
    summary_of(front_matter_summary, markdown, SUMMARY_WORDS)
}

/// [`summary`] with a site's own `summaryLength` (0 gives no automatic
/// summary, only a written one).
pub fn summary_of(front_matter_summary: Option<&str>, markdown: &str, words_kept: usize) -> String {
    if let Some(given) = front_matter_summary
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return plain_text(given);
    }
    if let Some(before) = before_more_marker(markdown) {
        return plain_text(before);
    }
    let plain = plain_text(markdown);
    let mut words = plain.split_whitespace();
    let mut kept: Vec<&str> = words.by_ref().take(words_kept).collect();
    let cut = words.next().is_some();
    if cut && let Some(last) = kept.last_mut() {
        *last = last.trim_end_matches([',', ';', ':', '.', '!', '?', '—', '-']);
    }
    let mut text = kept.join(" ");
    if cut {
        text.push('…');
    }
    text
}

/// The Markdown before a `<!--more-->` written as HTML (not inside a code
/// block or code span, where it is just text).
fn before_more_marker(markdown: &str) -> Option<&str> {
    Parser::new_ext(markdown, crate::markdown::parser_options())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Html(html) | Event::InlineHtml(html) => html
                .find(MORE_MARKER)
                .map(|at| &markdown[..range.start + at]),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_follows_hugo() {
        let cases = [
            (0, 1),
            (1, 1),
            (213, 1),
            (214, 2),
            (426, 2),
            (427, 3),
            (850, 4),
            (1000, 5),
        ];
        for (words, minutes) in cases {
            assert_eq!(reading_minutes(words), minutes, "{words} words");
        }
    }

    #[test]
    fn plain_text_drops_syntax_but_keeps_code() {
        let text = plain_text(
            "# Title\n\nSome *emphasis* and `code`.\n\n```rust\nfn main() {}\n```\n\n- one\n- two",
        );
        assert_eq!(text, "Title Some emphasis and code. fn main() {} one two");
    }

    #[test]
    fn count_of_pluralises() {
        assert_eq!(
            (count_of(0, "post"), count_of(1, "post"), count_of(2, "tag")),
            ("0 posts".into(), "1 post".into(), "2 tags".into())
        );
    }

    #[test]
    fn word_count_counts_words_and_cjk_characters() {
        assert_eq!(word_count("one two  three\nfour"), 4);
        assert_eq!(word_count("日本語 text"), 4);
    }

    #[test]
    fn front_matter_summary_wins() {
        assert_eq!(
            summary(Some("Given **here**."), "Body.<!--more-->More."),
            "Given here."
        );
    }

    #[test]
    fn more_marker_ends_the_summary() {
        assert_eq!(
            summary(None, "First *para*.\n\n<!--more-->\n\nRest of the post."),
            "First para."
        );
        assert_eq!(summary(None, "Inline end<!--more--> and on."), "Inline end");
    }

    /// A `<!--more-->` shown in a code block once cut the summary there.
    #[test]
    fn more_marker_in_code_is_just_text() {
        let body = "Intro.\n\n```html\n<!--more-->\n```\n\nAfter `<!--more-->` too.";
        assert_eq!(
            summary(None, body),
            "Intro. <!--more--> After <!--more--> too."
        );
    }

    #[test]
    fn blank_front_matter_summary_is_ignored() {
        assert_eq!(summary(Some("  "), "Short body."), "Short body.");
    }

    #[test]
    fn first_seventy_words_otherwise() {
        let body: Vec<String> = (1..=100).map(|n| format!("w{n}")).collect();
        let text = summary(None, &body.join(" "));
        assert_eq!(text.split_whitespace().count(), 70);
        assert!(text.ends_with("w70…"));
        assert_eq!(summary(None, "Only a few words."), "Only a few words.");
    }
}
