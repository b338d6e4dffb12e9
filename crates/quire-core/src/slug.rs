//! URL-safe names for posts, tags and headings, following Hugo's `urlize`.

/// Turns a title, tag or heading into the lowercase, hyphenated form Hugo
/// uses in URLs: "Distributed Systems" becomes "distributed-systems".
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

/// The combining marks Latin, Greek and Cyrillic text is written with
/// (accents, the Turkish dot): the blocks of combining diacritics. Marks of
/// other scripts count as letters already (`char::is_alphanumeric`).
fn is_combining_mark(ch: char) -> bool {
    matches!(ch as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
