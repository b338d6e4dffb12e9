//! URL-safe names for posts, tags and headings, following Hugo's `urlize`.

/// Turns a title or heading into a lowercase, hyphenated name for a URL or
/// an id: "Distributed Systems" becomes "distributed-systems".
///
/// Letters, digits and combining marks of any script are kept (lowercased;
/// `İ` lowercases to `i` and a combining dot, as in Hugo); runs of spaces
/// and punctuation become one hyphen; `_` is kept, as Hugo keeps it.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars() {
        if is_word_char(ch) {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(ch.to_lowercase());
        } else if ch.is_whitespace() || ch == '-' || ch.is_ascii_punctuation() {
            pending_hyphen = true;
        }
    }
    slug
}

/// A heading's id as Hugo's Goldmark makes it (`autoHeadingIDType`
/// "github", Hugo's default), from the heading's Markdown as written (a
/// link's address, an entity's name and a formula's TeX count): letters,
/// digits and `_` kept, lowercased; each space or hyphen a hyphen, none
/// merged or trimmed; anything else dropped. Empty when nothing is left.
///
/// ```
/// use quire_core::slug::heading_id;
/// assert_eq!(heading_id("Exercice 1 : Solution"), "exercice-1--solution");
/// assert_eq!(heading_id("C++ & [Rust](https://r.org)"), "c--rusthttpsrorg");
/// ```
pub fn heading_id(markdown: &str) -> String {
    let mut id = String::with_capacity(markdown.len());
    for ch in markdown.trim().chars() {
        if ch == ' ' || ch == '-' {
            id.push('-');
        } else if ch.is_alphanumeric() || ch == '_' {
            id.extend(ch.to_lowercase());
        }
    }
    id
}

/// A path as Hugo 0.111 writes it: letters, digits and marks kept with
/// `. / \\ _ # + ~ - @` and `%XX` escapes; spaces become one hyphen (none
/// next to a hyphen already there); anything else (`&`, `?`, `!`, quotes)
/// is dropped; then lowercased unless the site keeps case
/// (`disablePathToLower`).
pub fn hugo_path(path: &str, keep_case: bool) -> String {
    let chars: Vec<char> = path.chars().collect();
    let mut out = String::with_capacity(path.len());
    let mut hyphen_due = false;
    let mut was_hyphen = false;
    for (at, &c) in chars.iter().enumerate() {
        let escape = c == '%'
            && chars.get(at + 1).is_some_and(char::is_ascii_hexdigit)
            && chars.get(at + 2).is_some_and(char::is_ascii_hexdigit);
        let allowed = matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
            || c.is_alphanumeric()
            || is_combining_mark(c)
            || escape;
        if allowed {
            was_hyphen = c == '-';
            if hyphen_due && !was_hyphen {
                out.push('-');
            }
            hyphen_due = false;
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            hyphen_due = true;
        }
    }
    if keep_case { out } else { out.to_lowercase() }
}

/// An address's folders and name cleaned as Hugo cleans them, between
/// slashes, so that a space at either end of a name is a hyphen there too
/// (`notes /a b ` is `notes-/a-b-`); without the outer slashes.
pub fn hugo_address_path(path: &str, keep_case: bool) -> String {
    hugo_path(&format!("/{path}/"), keep_case)
        .trim_matches('/')
        .to_owned()
}

/// A taxonomy term's URL form, as Hugo writes it: cleaned and lowercased
/// as a path (`C++` is `c++`, `Node.js` is `node.js`, `R & D` is `r-d`,
/// `Web Dev` is `web-dev`), so a Hugo blog's tag pages keep their
/// addresses. A `/` in a term becomes `-`: a term is one segment (Hugo
/// would nest it).
pub fn term_slug(name: &str) -> String {
    let slug = hugo_path(name.trim(), false).replace('/', "-");
    // `.` and `..` are not names a browser keeps in a path.
    if slug.chars().all(|c| c == '.') {
        String::new()
    } else {
        slug
    }
}

/// Whether a slug taken from front matter or a file name can be used as one
/// URL segment as it is.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug != "."
        && slug != ".."
        && slug
            .chars()
            .all(|ch| is_word_char(ch) || matches!(ch, '-' | '.'))
}

/// A letter, a digit, a combining mark or `_`: what a slug keeps.
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_' || is_combining_mark(ch)
}

/// The combining marks words are written with that are not letters to
/// `char::is_alphanumeric`: the combining diacritics of Latin, Greek and
/// Cyrillic (accents, the Turkish dot), and the points, vowel marks and
/// viramas of Hebrew, Arabic, Devanagari and Thai, and kana's voicing marks.
fn is_combining_mark(ch: char) -> bool {
    matches!(
        ch as u32,
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0900..=0x0903
            | 0x093A..=0x094F
            | 0x0E31..=0x0E3A
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0x3099..=0x309A
            | 0xFE20..=0xFE2F
    )
}

/// `path` without its letters' accents (`é` → `e`), as Hugo writes
/// addresses under `removePathAccents`: decomposed, its nonspacing marks
/// dropped, composed again.
#[cfg(feature = "authoring")]
pub fn without_accents(path: &str) -> String {
    use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
    use icu_properties::{CodePointMapData, props::GeneralCategory};
    let categories = CodePointMapData::<GeneralCategory>::new();
    let bare: String = DecomposingNormalizerBorrowed::new_nfd()
        .normalize(path)
        .chars()
        .filter(|ch| categories.get(*ch) != GeneralCategory::NonspacingMark)
        .collect();
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(&bare)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each pair is a tag and the folder Hugo 0.111 published its page in.
    #[test]
    fn terms_are_written_as_hugo_writes_them() {
        // Devanagari's vowel signs are marks: the word keeps them.
        assert_eq!(term_slug("हिन्दी"), "हिन्दी");
        for (term, hugo) in [
            ("C++", "c++"),
            ("Web Dev", "web-dev"),
            ("Node.js", "node.js"),
            ("C#", "c#"),
            ("Ünïcode Tag", "ünïcode-tag"),
            ("R & D", "r-d"),
            ("hello_world", "hello_world"),
            ("Mixed Case", "mixed-case"),
        ] {
            assert_eq!(term_slug(term), hugo, "{term}");
        }
        assert_eq!(term_slug("a/b"), "a-b");
        assert_eq!(term_slug("!!!"), "");
        assert_eq!(term_slug(".."), "");
    }

    #[test]
    fn slugify_follows_urlize() {
        let cases = [
            ("Distributed Systems", "distributed-systems"),
            ("WebRTC", "webrtc"),
            ("CI/CD", "ci-cd"),
            ("  C++ & Rust!  ", "c-rust"),
            ("snake_case", "snake_case"),
            ("Café au lait", "café-au-lait"),
            ("1. Introduction", "1-introduction"),
            ("---", ""),
            ("İstanbul", "i\u{307}stanbul"),
            ("日本語", "日本語"),
            ("مرحبا بالعالم", "مرحبا-بالعالم"),
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }

    #[test]
    fn slugs_must_be_one_safe_segment() {
        assert!(is_valid_slug("cap-theorem-explained"));
        assert!(is_valid_slug("v1.2_notes"));
        for text in ["İ", "İstanbul", "Ağrı", "日本語の投稿", "مرحبا", "e\u{301}"] {
            assert!(is_valid_slug(&slugify(text)), "{text}");
        }
        for bad in ["", "..", "a/b", "with space", "q?x", "<script>"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn remove_path_accents_drops_marks_and_keeps_other_scripts() {
        // Hugo 0.111 with `removePathAccents`: `/2019/06/12/reprenons-serieusement/`.
        for (path, bare) in [
            (
                "2019/06/12/reprenons-sérieusement/",
                "2019/06/12/reprenons-serieusement/",
            ),
            ("çà-et-là/über-straße/", "ca-et-la/uber-straße/"),
            ("e\u{301}te\u{301}/", "ete/"),
            ("日本語の投稿/", "日本語の投稿/"),
            ("مرحبا/", "مرحبا/"),
        ] {
            assert_eq!(without_accents(path), bare, "{path}");
        }
    }
}
