//! URL-safe names for posts, tags and headings, following Hugo's `urlize`.

/// Turns a title, tag or heading into the lowercase, hyphenated form Hugo
/// uses in URLs: "Distributed Systems" becomes "distributed-systems".
///
/// Letters and digits of any script are kept (lowercased); runs of spaces and
/// punctuation become one hyphen; `_` is kept, as Hugo keeps it.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() || ch == '_' {
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
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.'))
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
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }

    #[test]
    fn slugs_must_be_one_safe_segment() {
        assert!(is_valid_slug("cap-theorem-explained"));
        assert!(is_valid_slug("v1.2_notes"));
        for bad in ["", "..", "a/b", "with space", "q?x", "<script>"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
