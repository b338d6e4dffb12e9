//! The page shell: Trunk's `index.html` (styles, the app's script, the
//! theme script), into which every pre-rendered page is poured.

/// Marks the head part a build inserts, so a later build can take it out again.
const HEAD_START: &str = "<!--quire:head-->";
const HEAD_END: &str = "<!--/quire:head-->";
/// Marks the body part a build inserts.
const BODY_START: &str = "<!--quire:body-->";
const BODY_END: &str = "<!--/quire:body-->";

/// Used when no Trunk output is there (`quire build --out DIR` on its own):
/// the pages are then a plain static site, with no app and no styles.
const BARE_SHELL: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>\n</body>\n</html>\n";

/// Trunk's page with the parts of an earlier build removed.
pub(crate) struct Shell {
    /// Everything up to `</head>`.
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
        let text = remove_element(&text, "<title", "</title>");
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
        Ok(Self {
            head: text[..head_end].to_owned(),
            middle: text[head_end..body_start].to_owned(),
            tail: text[body_start..].to_owned(),
        })
    }

    /// A whole page: `head_tags` before `</head>`, `body` at the start of `<body>`,
    /// and the `<html>` element's `lang` set to `language`.
    pub(crate) fn page(&self, language: &str, head_tags: &str, body: &str) -> String {
        let head = set_lang(&self.head, language);
        format!(
            "{head}{HEAD_START}\n{head_tags}{HEAD_END}{}{BODY_START}{body}{BODY_END}{}",
            self.middle, self.tail
        )
    }
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
    let language = quire_core::markdown::escape_html(language);
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
        let page = shell.page("de", "<title>Hallo</title>\n", "<main>Text</main>");
        assert!(page.contains("<html lang=\"de\">"));
        assert!(!page.contains("<title>Quire</title>"));
        assert!(page.contains("<title>Hallo</title>"));
        let body = page.find("<main>Text</main>").unwrap();
        assert!(page.find("<body>").unwrap() < body);
        assert!(body < page.find("init()").unwrap());
    }

    #[test]
    fn a_built_page_parses_back_to_the_same_shell() {
        let shell = Shell::parse(Some(TRUNK)).unwrap();
        let first = shell.page("en", "<title>A</title>\n", "<main>A</main>");
        let again = Shell::parse(Some(&first)).unwrap();
        assert_eq!(
            again.page("en", "<title>A</title>\n", "<main>A</main>"),
            first
        );
    }

    #[test]
    fn refuses_a_page_without_head_or_body() {
        assert!(Shell::parse(Some("<html><body></body></html>")).is_err());
        assert!(Shell::parse(Some("<html><head></head></html>")).is_err());
        assert!(Shell::parse(None).is_ok());
    }
}
