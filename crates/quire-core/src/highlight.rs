//! Syntax highlighting for code blocks, run by the build tool.
//!
//! Colouring happens natively when a post is built, so the reader app ships
//! no highlighter: the browser receives `<span class="hl-…">` markup and the
//! colours in `style/main.css`, one set of classes for both themes, each
//! checked for AA contrast there. The grammars are Sublime Text's, as `bat`
//! curates them (the `two-face` crate) and `syntect` reads them: every
//! language they know is coloured, from Rust to R, Elixir, nginx and diff.
//! Each token's scope is mapped to one of a dozen classes ([`class_of`]).
//!
//! Every line's spans close at its end, so a line of the output is a line
//! of the code, which line numbers and highlighted lines rely on.
//!
//! ```
//! use quire_core::highlight::{highlight, language};
//! let rust = language("rust").unwrap();
//! assert_eq!(rust.label(), "Rust");
//! assert!(highlight("let x = 1;", &rust).contains(r#"<span class="hl-kw">let</span>"#));
//! ```

use std::sync::OnceLock;

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};

use crate::html::escape;

/// A language the highlighter knows, found from a code fence's info string.
#[derive(Debug, Clone)]
pub struct Language {
    syntax: &'static SyntaxReference,
    /// Shell transcripts: lines starting with a prompt are commands, the
    /// rest is output.
    transcript: bool,
}

impl Language {
    /// The name the code block's label shows: "Rust", "Shell", "C#".
    pub fn label(&self) -> String {
        if self.transcript {
            return "Console".to_owned();
        }
        let name = self.syntax.name.as_str();
        match name {
            "Bourne Again Shell (bash)" => "Shell".to_owned(),
            "TypeScriptReact" => "TSX".to_owned(),
            _ => name.split(" (").next().unwrap_or(name).trim().to_owned(),
        }
    }
}

/// Every grammar, loaded once per build.
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// Every language the highlighter knows, for tests and fuzzing.
pub fn languages() -> Vec<Language> {
    syntaxes()
        .syntaxes()
        .iter()
        .map(|syntax| Language {
            syntax,
            transcript: false,
        })
        .chain(language("console"))
        .collect()
}

/// The language a code fence names (its info string's first word, any
/// case: `rust`, `rs`, `c#`, `golang`, `console`); `None` for plain text and
/// names no grammar knows.
pub fn language(info: &str) -> Option<Language> {
    let word = info
        .split_whitespace()
        .next()?
        .trim_start_matches("language-")
        .split('{')
        .next()?
        .to_ascii_lowercase();
    let transcript = matches!(word.as_str(), "console" | "shell-session" | "shellsession");
    let token = match word.as_str() {
        "" | "text" | "plain" | "plaintext" | "txt" | "none" => return None,
        "console" | "shell-session" | "shellsession" | "shell" | "zsh" | "sh" => "bash",
        "golang" => "go",
        "jsonc" | "json5" => "json",
        "docker" => "dockerfile",
        "csharp" => "cs",
        "objectivec" | "objective-c" | "objc" => "m",
        "fsharp" | "f#" => "fs",
        "yml" => "yaml",
        other => other,
    };
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(token)
        .or_else(|| {
            set.syntaxes()
                .iter()
                .find(|syntax| syntax.name.eq_ignore_ascii_case(token))
        })
        .filter(|syntax| syntax.name != "Plain Text")?;
    Some(Language { syntax, transcript })
}

/// The code as HTML: escaped text, tokens in `<span class="hl-…">`, each
/// line's spans closed at its end.
pub fn highlight(code: &str, language: &Language) -> String {
    let set = syntaxes();
    let mut state = ParseState::new(language.syntax);
    let mut scopes = ScopeStack::new();
    let mut out = String::with_capacity(code.len() * 2);
    for line in code.split_inclusive('\n') {
        let (prompt, command) = if language.transcript {
            split_prompt(line)
        } else {
            ("", line)
        };
        if language.transcript && prompt.is_empty() {
            // Output of a command, shown as it is.
            out.push_str(&escape(line));
            continue;
        }
        if !prompt.is_empty() {
            out.push_str(&format!(
                r#"<span class="hl-pro">{}</span>"#,
                escape(prompt)
            ));
        }
        write_line(set, &mut state, &mut scopes, command, &mut out);
    }
    out
}

/// A transcript line's prompt (`$ `, `# `, `% `, `> `, `PS> `) and the
/// command after it; no prompt for a line of output.
fn split_prompt(line: &str) -> (&str, &str) {
    for prompt in ["$ ", "# ", "% ", "> ", "PS> "] {
        if let Some(command) = line.strip_prefix(prompt) {
            return (&line[..prompt.len()], command);
        }
    }
    ("", line)
}

/// One line through the grammar, its tokens in spans that close before the
/// line ends. A grammar that fails on a line leaves the rest plain.
fn write_line(
    set: &SyntaxSet,
    state: &mut ParseState,
    scopes: &mut ScopeStack,
    line: &str,
    out: &mut String,
) {
    let Ok(operations) = state.parse_line(line, set) else {
        out.push_str(&escape(line));
        return;
    };
    let mut at = 0;
    let mut open: Option<&'static str> = None;
    let mut write = |text: &str, class: Option<&'static str>, out: &mut String| {
        if text.is_empty() {
            return;
        }
        // The line break stays outside every span.
        let (text, newline) = match text.strip_suffix('\n') {
            Some(text) => (text, "\n"),
            None => (text, ""),
        };
        if open != class {
            if open.is_some() {
                out.push_str("</span>");
            }
            if let Some(class) = class.filter(|_| !text.is_empty()) {
                out.push_str(&format!(r#"<span class="{class}">"#));
            }
            open = class.filter(|_| !text.is_empty());
        }
        out.push_str(&escape(text));
        if !newline.is_empty() {
            if open.take().is_some() {
                out.push_str("</span>");
            }
            out.push('\n');
        }
    };
    for (offset, operation) in operations {
        let offset = offset.min(line.len());
        if offset > at && line.is_char_boundary(offset) {
            write(&line[at..offset], class_of(scopes), out);
            at = offset;
        }
        if scopes.apply(&operation).is_err() {
            break;
        }
    }
    write(&line[at..], class_of(scopes), out);
    if open.is_some() {
        out.push_str("</span>");
    }
}

/// The class of a token, from its innermost scope that names one: the
/// dozen kinds the stylesheet colours (`hl-kw` keywords, `hl-str` strings,
/// `hl-com` comments, `hl-num` numbers, `hl-fn` functions, `hl-ty` types,
/// `hl-lit` literal constants, `hl-attr` attributes, `hl-tag` tags,
/// `hl-var` variables, `hl-op` operators, `hl-meta` annotations and
/// preprocessor lines); `None` for plain text.
fn class_of(scopes: &ScopeStack) -> Option<&'static str> {
    scopes
        .as_slice()
        .iter()
        .rev()
        .find_map(|scope| class_of_scope(*scope))
}

/// The rules of [`class_of`], most specific first.
fn class_of_scope(scope: Scope) -> Option<&'static str> {
    let name = scope.build_string();
    const RULES: [(&str, &str); 37] = [
        ("comment", "hl-com"),
        ("punctuation.definition.comment", "hl-com"),
        ("string.regexp", "hl-str"),
        ("string", "hl-str"),
        ("constant.numeric", "hl-num"),
        ("constant.character.escape", "hl-lit"),
        ("constant.language", "hl-lit"),
        ("constant.other", "hl-lit"),
        ("constant.character", "hl-lit"),
        ("support.constant", "hl-lit"),
        ("variable.other.constant", "hl-lit"),
        ("keyword.operator.word", "hl-kw"),
        ("keyword.operator", "hl-op"),
        ("keyword", "hl-kw"),
        ("storage.type.function", "hl-kw"),
        ("storage", "hl-kw"),
        ("entity.name.function", "hl-fn"),
        ("support.function", "hl-fn"),
        ("variable.function", "hl-fn"),
        ("entity.name.tag", "hl-tag"),
        ("entity.other.attribute-name", "hl-attr"),
        ("meta.attribute-with-value", "hl-attr"),
        ("entity.name.type", "hl-ty"),
        ("entity.name.class", "hl-ty"),
        ("entity.name.struct", "hl-ty"),
        ("entity.name.enum", "hl-ty"),
        ("entity.other.inherited-class", "hl-ty"),
        ("support.type", "hl-ty"),
        ("support.class", "hl-ty"),
        ("variable.parameter", "hl-var"),
        ("variable.language", "hl-var"),
        ("variable.other.member", "hl-var"),
        ("meta.preprocessor", "hl-meta"),
        ("meta.annotation", "hl-meta"),
        ("markup.inserted", "hl-str"),
        ("markup.deleted", "hl-tag"),
        ("markup.heading", "hl-kw"),
    ];
    RULES
        .iter()
        .find(|(prefix, _)| {
            name == *prefix
                || name
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .map(|(_, class)| *class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_languages_by_any_usual_name() {
        for (info, label) in [
            ("rust", "Rust"),
            ("RS", "Rust"),
            ("js", "JavaScript"),
            ("ts", "TypeScript"),
            ("sh", "Shell"),
            ("console", "Console"),
            ("golang", "Go"),
            ("c#", "C#"),
            ("csharp", "C#"),
            ("c++", "C++"),
            ("r", "R"),
            ("elixir", "Elixir"),
            ("nginx", "nginx"),
            ("ini", "INI"),
            ("graphql", "GraphQL"),
            ("diff", "Diff"),
            ("makefile", "Makefile"),
            ("go {linenos=true}", "Go"),
        ] {
            assert_eq!(
                language(info).map(|l| l.label()).as_deref(),
                Some(label),
                "{info}"
            );
        }
        for plain in ["", "text", "txt", "no-such-language", "föö"] {
            assert!(language(plain).is_none(), "{plain}");
        }
    }
}
