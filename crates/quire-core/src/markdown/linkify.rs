//! Bare addresses in text made links, as Hugo's Goldmark does by default
//! (its `linkify` extension, GitHub's "extended autolinks"): `https://…`,
//! `http://…` and `www.…`. Written by hand: pulldown-cmark has no such
//! extension, and a URL-finding crate would add its tables to the wasm.

/// A piece of a text: words, or an address to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// An address as written, and where its link leads (`www.` gets `https://`).
    Link(&'a str, String),
}

/// Splits `text` into words and the addresses in it. A text without one
/// is one [`Piece::Text`].
pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut found = Vec::new();
    let mut done = 0;
    let mut from = 0;
    while let Some(start) = next_start(text, from) {
        match address_at(text, start) {
            Some((end, href)) => {
                if start > done {
                    found.push(Piece::Text(&text[done..start]));
                }
                found.push(Piece::Link(&text[start..end], href));
                done = end;
                from = end;
            }
            None => from = start + 1,
        }
    }
    if done < text.len() || found.is_empty() {
        found.push(Piece::Text(&text[done..]));
    }
    found
}

/// Where the next candidate starts (`http`, `www.`) at or after `from`, at
/// the start of the text, after white space or after `*`, `_`, `~` or `(`.
fn next_start(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .map(|(at, _)| at + from)
        .find(|&at| {
            let rest = &text[at..];
            let starts = ["http://", "https://", "www."].iter().any(|prefix| {
                rest.get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            });
            starts
                && text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, '*' | '_' | '~' | '('))
        })
}

/// The end of the address starting at `start`, and its link, if it is one.
fn address_at(text: &str, start: usize) -> Option<(usize, String)> {
    let rest = &text[start..];
    let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        "https://".len()
    } else if lower.starts_with("http://") {
        "http://".len()
    } else {
        0
    };
    let domain_len = valid_domain(&rest[scheme..])?;
    // Everything up to white space or `<`, less what may not end it.
    let mut end = rest
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(rest.len());
    end = end.max(scheme + domain_len);
    let mut address = &rest[..end];
    loop {
        let trimmed = address.trim_end_matches(['?', '!', '.', ',', ':', '*', '_', '~']);
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches(')').count() > trimmed.matches('(').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        // `&amp;` and the like at the end are not the address's.
        let trimmed = match trimmed
            .strip_suffix(';')
            .and_then(|head| head.rfind('&').map(|at| (head, at)))
        {
            Some((head, at)) if head[at + 1..].chars().all(|c| c.is_ascii_alphanumeric()) => {
                &head[..at]
            }
            _ => trimmed,
        };
        if trimmed.len() == address.len() {
            break;
        }
        address = trimmed;
    }
    if address.len() < scheme + domain_len {
        return None;
    }
    let href = if scheme == 0 {
        format!("https://{address}")
    } else {
        address.to_owned()
    };
    Some((start + address.len(), href))
}

/// The length of the domain at the start of `text`: labels of letters,
/// digits, `-` and `_` between periods, at least two labels, and no `_`
/// in the last two.
fn valid_domain(text: &str) -> Option<usize> {
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(text.len());
    let domain = text[..len].trim_end_matches('.');
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|label| label.is_empty()) {
        return None;
    }
    if labels[labels.len() - 2..]
        .iter()
        .any(|label| label.contains('_'))
    {
        return None;
    }
    Some(domain.len())
}

#[cfg(test)]
mod tests {
    use super::{Piece, pieces};

    fn links(text: &str) -> Vec<(&str, String)> {
        pieces(text)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Link(shown, href) => Some((shown, href)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn addresses_in_text_are_found_as_github_finds_them() {
        assert_eq!(
            links("See https://example.com/page and www.example.net too."),
            [
                (
                    "https://example.com/page",
                    "https://example.com/page".to_owned()
                ),
                ("www.example.net", "https://www.example.net".to_owned()),
            ]
        );
        assert_eq!(
            links("(see https://en.wikipedia.org/wiki/Foo_(bar)), then"),
            [(
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "https://en.wikipedia.org/wiki/Foo_(bar)".to_owned()
            )]
        );
        assert_eq!(
            links("Ask https://api.cloudflare.com/#zone-purge-all-files?"),
            [(
                "https://api.cloudflare.com/#zone-purge-all-files",
                "https://api.cloudflare.com/#zone-purge-all-files".to_owned()
            )]
        );
        // Not after a letter, not without a dot, not a lone scheme.
        assert!(links("xhttps://example.com wwwexample www.a_b.c https:// ").is_empty());
        assert_eq!(pieces("no address here"), [Piece::Text("no address here")]);
    }
}
