//! Syntax highlighting for code blocks, run by the build tool.
//!
//! Colouring happens natively when a post is built, so the reader app ships
//! no lexer: the browser receives `<span class="hl-…">` markup and the
//! colours in `style/highlight.css`. Each language family has a small
//! hand-written lexer that knows keywords, strings, comments and numbers plus
//! a few cheap extras. They are deliberately approximate, but they can never
//! lose, repeat or reorder text: a lexer only marks byte ranges of the source
//! as tokens, in order, and [`Out`] writes whatever lies between them as plain
//! escaped text.
//!
//! ```
//! use quire_core::highlight::{highlight, language};
//! let rust = language("Rust ignore").unwrap();
//! assert_eq!(
//!     highlight("let x = 1;", rust),
//!     r#"<span class="hl-kw">let</span> x = <span class="hl-num">1</span>;"#
//! );
//! ```

use crate::markdown::escape_html;

/// A language the highlighter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Rust.
    Rust,
    /// JavaScript, JSX included.
    JavaScript,
    /// TypeScript, TSX included.
    TypeScript,
    /// Python.
    Python,
    /// Go.
    Go,
    /// POSIX shell and Bash, and console transcripts with `$ ` prompts.
    Shell,
    /// JSON, with comments allowed.
    Json,
    /// YAML.
    Yaml,
    /// TOML.
    Toml,
    /// HTML, XML and SVG.
    Html,
    /// CSS, read loosely enough for SCSS.
    Css,
    /// SQL, keywords in any case.
    Sql,
    /// Dockerfile.
    Dockerfile,
}

impl Language {
    /// Every language, in declaration order.
    pub const ALL: [Language; 13] = [
        Language::Rust,
        Language::JavaScript,
        Language::TypeScript,
        Language::Python,
        Language::Go,
        Language::Shell,
        Language::Json,
        Language::Yaml,
        Language::Toml,
        Language::Html,
        Language::Css,
        Language::Sql,
        Language::Dockerfile,
    ];

    /// The name shown to readers above a code block: "Rust", "JSON".
    pub fn label(self) -> &'static str {
        match self {
            Language::Rust => "Rust",
            Language::JavaScript => "JavaScript",
            Language::TypeScript => "TypeScript",
            Language::Python => "Python",
            Language::Go => "Go",
            Language::Shell => "Shell",
            Language::Json => "JSON",
            Language::Yaml => "YAML",
            Language::Toml => "TOML",
            Language::Html => "HTML",
            Language::Css => "CSS",
            Language::Sql => "SQL",
            Language::Dockerfile => "Dockerfile",
        }
    }

    /// The lowercase name for a `language-…` class: "rust", "json".
    pub fn class(self) -> &'static str {
        match self {
            Language::Rust => "rust",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Python => "python",
            Language::Go => "go",
            Language::Shell => "shell",
            Language::Json => "json",
            Language::Yaml => "yaml",
            Language::Toml => "toml",
            Language::Html => "html",
            Language::Css => "css",
            Language::Sql => "sql",
            Language::Dockerfile => "dockerfile",
        }
    }
}

/// The language a fence info string names ("rust", "Rust ignore",
/// "ts {linenos=true}", "language-js"), by its first word in any case.
pub fn language(info: &str) -> Option<Language> {
    // Hugo writes attributes after a space or straight after the name, rustdoc
    // after a comma; either way only the first word names the language.
    let first = info
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .find(|word| !word.is_empty())?
        .to_ascii_lowercase();
    let name = first.strip_prefix("language-").unwrap_or(&first);
    Some(match name {
        "rust" | "rs" => Language::Rust,
        "javascript" | "js" | "jsx" | "mjs" => Language::JavaScript,
        "typescript" | "ts" | "tsx" => Language::TypeScript,
        "python" | "py" => Language::Python,
        "go" | "golang" => Language::Go,
        "sh" | "bash" | "shell" | "zsh" | "console" => Language::Shell,
        "json" | "jsonc" => Language::Json,
        "yaml" | "yml" => Language::Yaml,
        "toml" => Language::Toml,
        "html" | "xml" | "svg" => Language::Html,
        "css" | "scss" => Language::Css,
        "sql" => Language::Sql,
        "dockerfile" | "docker" => Language::Dockerfile,
        _ => return None,
    })
}

/// The code as escaped HTML with `<span class="hl-…">` around its tokens;
/// no span crosses a line break.
pub fn highlight(code: &str, language: Language) -> String {
    let mut out = Out::new(code);
    let end = code.len();
    match language {
        Language::Rust => lex_code(&mut out, 0, end, &RUST),
        Language::JavaScript => lex_code(&mut out, 0, end, &JAVASCRIPT),
        Language::TypeScript => lex_code(&mut out, 0, end, &TYPESCRIPT),
        Language::Python => lex_code(&mut out, 0, end, &PYTHON),
        Language::Go => lex_code(&mut out, 0, end, &GO),
        Language::Sql => lex_code(&mut out, 0, end, &SQL),
        Language::Shell => lex_shell_or_console(&mut out),
        Language::Json => lex_json(&mut out, 0, end),
        Language::Yaml => lex_yaml(&mut out, 0, end),
        Language::Toml => lex_toml(&mut out, 0, end),
        Language::Html => lex_html(&mut out, 0, end),
        Language::Css => lex_css(&mut out, 0, end),
        Language::Dockerfile => lex_dockerfile(&mut out),
    }
    out.finish()
}

/// What a token is; each maps to one `hl-…` class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Keyword,
    Str,
    Comment,
    Number,
    Function,
    Type,
    Literal,
    Attr,
    Tag,
    Var,
    Op,
    Prompt,
    Meta,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Keyword => "hl-kw",
            Kind::Str => "hl-str",
            Kind::Comment => "hl-com",
            Kind::Number => "hl-num",
            Kind::Function => "hl-fn",
            Kind::Type => "hl-ty",
            Kind::Literal => "hl-lit",
            Kind::Attr => "hl-attr",
            Kind::Tag => "hl-tag",
            Kind::Var => "hl-var",
            Kind::Op => "hl-op",
            Kind::Prompt => "hl-pro",
            Kind::Meta => "hl-meta",
        }
    }
}

/// The HTML being written. Lexers only report tokens; the text between
/// tokens is written plain when the next token (or the end) comes, which is
/// what makes losing or repeating text impossible whatever a lexer does.
struct Out<'a> {
    src: &'a str,
    /// Everything before this byte has been written.
    pos: usize,
    html: String,
}

impl<'a> Out<'a> {
    fn new(src: &'a str) -> Self {
        Out {
            src,
            pos: 0,
            html: String::with_capacity(src.len() * 2),
        }
    }

    /// Marks `start..end` as a token. A token overlapping one already written
    /// is cut to what is left, so a confused lexer degrades to less colour.
    fn token(&mut self, kind: Kind, start: usize, end: usize) {
        let start = start.max(self.pos);
        let end = end.min(self.src.len());
        if start >= end {
            return;
        }
        if !self.src.is_char_boundary(start) || !self.src.is_char_boundary(end) {
            debug_assert!(false, "token {start}..{end} splits a character");
            return;
        }
        self.plain_to(start);
        // One span per line, so each line of the result stands on its own.
        for (n, line) in self.src[start..end].split('\n').enumerate() {
            if n > 0 {
                self.html.push('\n');
            }
            if !line.is_empty() {
                self.html.push_str("<span class=\"");
                self.html.push_str(kind.class());
                self.html.push_str("\">");
                self.html.push_str(&escape_html(line));
                self.html.push_str("</span>");
            }
        }
        self.pos = end;
    }

    fn plain_to(&mut self, end: usize) {
        self.html.push_str(&escape_html(&self.src[self.pos..end]));
        self.pos = end;
    }

    fn finish(mut self) -> String {
        self.plain_to(self.src.len());
        self.html
    }
}

// Scanning helpers. Positions are byte offsets that always sit on character
// boundaries: lexers stop only at ASCII bytes or at the end of their range,
// and step over anything else with `next_char`.

/// The boundary after the character starting at `i`.
fn next_char(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() && (b[j] & 0xC0) == 0x80 {
        j += 1;
    }
    j
}

fn starts(b: &[u8], i: usize, to: usize, pat: &[u8]) -> bool {
    i <= to && b[i..to].starts_with(pat)
}

fn find(b: &[u8], i: usize, to: usize, pat: &[u8]) -> Option<usize> {
    if i >= to {
        return None;
    }
    b[i..to]
        .windows(pat.len())
        .position(|window| window == pat)
        .map(|at| i + at)
}

fn line_end(b: &[u8], i: usize, to: usize) -> usize {
    find(b, i, to, b"\n").unwrap_or(to)
}

fn blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r')
}

fn skip_blank(b: &[u8], mut i: usize, to: usize) -> usize {
    while i < to && blank(b[i]) {
        i += 1;
    }
    i
}

/// Whether only blanks stand between the start of `i`'s line (or `from`) and `i`.
fn first_on_line(b: &[u8], from: usize, i: usize) -> bool {
    b[from..i]
        .iter()
        .rev()
        .take_while(|&&c| c != b'\n')
        .all(|&c| blank(c))
}

fn char_at(src: &str, i: usize, to: usize) -> Option<char> {
    src[i..to].chars().next()
}

fn scan_ident(src: &str, i: usize, to: usize, dollar: bool) -> usize {
    let mut j = i;
    for c in src[i..to].chars() {
        if c.is_alphanumeric() || c == '_' || (dollar && c == '$') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Past the closing quote of a string opened at `i`. A single-line string
/// stops before its line break and an unterminated one runs to `to`, so a
/// stray quote colours at most the rest of its line (or of a multi-line
/// construct) and never swallows text.
fn scan_quoted(b: &[u8], i: usize, to: usize, quote: u8, escapes: bool, multiline: bool) -> usize {
    let mut j = i + 1;
    while j < to {
        let c = b[j];
        if escapes && c == b'\\' {
            j += 1;
            if j < to {
                j = next_char(b, j);
            }
        } else if c == quote {
            return j + 1;
        } else if c == b'\n' && !multiline {
            return j;
        } else {
            j = next_char(b, j);
        }
    }
    to
}

/// Past the closing triple quote of a string whose opening triple is at `i`.
fn scan_triple(b: &[u8], i: usize, to: usize, quote: u8, escapes: bool) -> usize {
    let mut j = i + 3;
    while j < to {
        if escapes && b[j] == b'\\' {
            j += 1;
            if j < to {
                j = next_char(b, j);
            }
        } else if starts(b, j, to, &[quote; 3]) {
            return j + 3;
        } else {
            j = next_char(b, j);
        }
    }
    to
}

fn scan_number(b: &[u8], i: usize, to: usize) -> usize {
    let hex = starts(b, i, to, b"0x") || starts(b, i, to, b"0X");
    let mut dot = false;
    let mut j = i;
    while j < to {
        let c = b[j];
        let next_digit = j + 1 < to && b[j + 1].is_ascii_digit();
        if c.is_ascii_alphanumeric() || c == b'_' {
            j += 1;
        } else if c == b'.' && !dot && next_digit {
            // `1..10` and `x.0.len()` keep their dots out of the number.
            dot = true;
            j += 1;
        } else if (c == b'+' || c == b'-') && !hex && matches!(b[j - 1], b'e' | b'E') && next_digit
        {
            j += 1;
        } else {
            break;
        }
    }
    j
}

// The C-like family: Rust, JavaScript, TypeScript, Python, Go and SQL share
// one lexer, with each language's quirks switched on by its flavour.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Rust,
    Js,
    Python,
    Go,
    Sql,
}

struct CodeSpec {
    flavour: Flavour,
    keywords: &'static [&'static [&'static str]],
    literals: &'static [&'static str],
    /// Built-in type names, coloured as types wherever they stand.
    types: &'static [&'static str],
    /// Keywords whose next word is a function's name (`fn`, `def`).
    names_function: &'static [&'static str],
    /// Keywords whose next word is a type's name (`struct`, `class`).
    names_type: &'static [&'static str],
    line_comment: &'static [u8],
    block_comment: bool,
    /// Whether a Capitalised word is a type, as in Rust, TypeScript and Go.
    capitalised_types: bool,
    case_insensitive: bool,
}

#[rustfmt::skip]
const RUST: CodeSpec = CodeSpec {
    flavour: Flavour::Rust,
    keywords: &[&[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
        "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "type",
        "unsafe", "use", "where", "while", "yield", "abstract", "become", "box", "do", "final",
        "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual",
    ]],
    literals: &["true", "false"],
    types: &[
        "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
        "i64", "i128", "isize", "f32", "f64",
    ],
    names_function: &["fn"],
    names_type: &["struct", "enum", "trait", "type", "union"],
    line_comment: b"//",
    block_comment: true,
    capitalised_types: true,
    case_insensitive: false,
};

#[rustfmt::skip]
const JS_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "export", "extends", "finally", "for", "from", "function",
    "if", "import", "in", "instanceof", "let", "new", "of", "return", "static", "super", "switch",
    "this", "throw", "try", "typeof", "var", "void", "while", "with", "yield",
];

const JS_LITERALS: &[&str] = &["true", "false", "null", "undefined", "NaN", "Infinity"];

#[rustfmt::skip]
const JAVASCRIPT: CodeSpec = CodeSpec {
    flavour: Flavour::Js,
    keywords: &[JS_KEYWORDS],
    literals: JS_LITERALS,
    types: &[],
    names_function: &["function"],
    names_type: &["class"],
    line_comment: b"//",
    block_comment: true,
    capitalised_types: false,
    case_insensitive: false,
};

#[rustfmt::skip]
const TYPESCRIPT: CodeSpec = CodeSpec {
    flavour: Flavour::Js,
    keywords: &[JS_KEYWORDS, &[
        "abstract", "asserts", "declare", "enum", "implements", "infer", "interface", "is", "keyof",
        "module", "namespace", "override", "private", "protected", "public", "readonly",
        "satisfies", "type", "unique",
    ]],
    literals: JS_LITERALS,
    types: &[
        "string", "number", "boolean", "any", "unknown", "never", "void", "object", "bigint",
        "symbol",
    ],
    names_function: &["function"],
    names_type: &["class", "interface", "type", "enum"],
    line_comment: b"//",
    block_comment: true,
    capitalised_types: true,
    case_insensitive: false,
};

#[rustfmt::skip]
const PYTHON: CodeSpec = CodeSpec {
    flavour: Flavour::Python,
    keywords: &[&[
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]],
    literals: &["True", "False", "None"],
    types: &[],
    names_function: &["def"],
    names_type: &["class"],
    line_comment: b"#",
    block_comment: false,
    capitalised_types: false,
    case_insensitive: false,
};

#[rustfmt::skip]
const GO: CodeSpec = CodeSpec {
    flavour: Flavour::Go,
    keywords: &[&[
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
        "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
        "return", "select", "struct", "switch", "type", "var",
    ]],
    literals: &["true", "false", "nil", "iota"],
    types: &[
        "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32",
        "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
        "uint16", "uint32", "uint64", "uintptr",
    ],
    names_function: &["func"],
    names_type: &["type"],
    line_comment: b"//",
    block_comment: true,
    capitalised_types: true,
    case_insensitive: false,
};

/// Lowercase; SQL words are matched in any case.
#[rustfmt::skip]
const SQL: CodeSpec = CodeSpec {
    flavour: Flavour::Sql,
    keywords: &[&[
        "add", "all", "alter", "and", "any", "as", "asc", "begin", "between", "by", "cascade",
        "case", "check", "column", "commit", "conflict", "constraint", "create", "cross",
        "database", "default", "delete", "desc", "distinct", "do", "drop", "else", "end", "except",
        "exists", "explain", "foreign", "from", "full", "function", "grant", "group", "having",
        "if", "ilike", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key",
        "lateral", "left", "like", "limit", "materialized", "natural", "not", "nothing", "offset",
        "on", "or", "order", "outer", "over", "partition", "primary", "recursive", "references",
        "replace", "returning", "returns", "revoke", "right", "rollback", "schema", "select", "set",
        "table", "then", "to", "transaction", "trigger", "truncate", "union", "unique", "update",
        "using", "values", "view", "when", "where", "window", "with",
    ]],
    literals: &["null", "true", "false"],
    types: &[
        "bigint", "bigserial", "blob", "bool", "boolean", "bytea", "char", "character", "date",
        "datetime", "decimal", "double", "float", "int", "integer", "interval", "json", "jsonb",
        "numeric", "real", "serial", "smallint", "text", "time", "timestamp", "timestamptz", "uuid",
        "varchar",
    ],
    names_function: &[],
    names_type: &[],
    line_comment: b"--",
    block_comment: true,
    capitalised_types: false,
    case_insensitive: true,
};

/// A type by convention: `Point`, `T`, `HTTPClient`, but not `MAX_SIZE`.
fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && (word.len() == 1 || word.chars().any(|c| c.is_lowercase()))
}

fn lex_code(out: &mut Out<'_>, from: usize, to: usize, spec: &CodeSpec) {
    let src = out.src;
    let b = src.as_bytes();
    let flavour = spec.flavour;
    let mut i = from;
    // The kind the next word takes because of the keyword before it.
    let mut pending: Option<Kind> = None;
    // JavaScript: whether a `/` here starts a regular expression rather than dividing.
    let mut regex_ok = true;
    // JavaScript: each open `${` of a template literal, with its count of unclosed `{`.
    let mut templates: Vec<u32> = Vec::new();
    // JavaScript: a slash before this byte starts no regular expression, because
    // one already failed to close on this line; rescanning would be quadratic.
    let mut no_regex_before = 0;

    if from == 0 && starts(b, 0, to, b"#!") && !starts(b, 0, to, b"#![") {
        i = line_end(b, 0, to);
        out.token(Kind::Comment, 0, i);
    }
    while i < to {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let named = pending.take();

        if starts(b, i, to, spec.line_comment) {
            i = line_end(b, i, to);
            out.token(Kind::Comment, start, i);
            continue;
        }
        if spec.block_comment && starts(b, i, to, b"/*") {
            i = scan_block_comment(b, i, to, flavour == Flavour::Rust);
            out.token(Kind::Comment, start, i);
            continue;
        }

        // Strings, and the constructs that look like them.
        let string_end = match (flavour, c) {
            (Flavour::Rust, b'#') if starts(b, i + 1, to, b"[") || starts(b, i + 1, to, b"![") => {
                i = scan_attribute(b, i, to);
                out.token(Kind::Meta, start, i);
                continue;
            }
            (Flavour::Rust, b'\'') => {
                match rust_quote(src, i, to) {
                    Ok(end) => Some(end),
                    // A lifetime or a loop label: plain, and `'static` is no keyword.
                    Err(end) => {
                        i = end;
                        continue;
                    }
                }
            }
            (Flavour::Rust, b'b' | b'c' | b'r') => rust_prefixed_string(b, i, to),
            (Flavour::Python, b'@') if first_on_line(b, from, i) => {
                let mut j = i + 1;
                while j < to && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'.') {
                    j += 1;
                }
                i = j;
                out.token(Kind::Meta, start, i);
                continue;
            }
            (Flavour::Python, _) => python_string(b, i, to),
            (Flavour::Js, b'`') => {
                let (end, open) = scan_template(b, i + 1, to);
                out.token(Kind::Str, start, if open { end - 2 } else { end });
                if open {
                    templates.push(0);
                }
                regex_ok = open;
                i = end;
                continue;
            }
            (Flavour::Js, b'}') if templates.last() == Some(&0) => {
                templates.pop();
                i += 1;
                let (end, open) = scan_template(b, i, to);
                out.token(Kind::Str, i, if open { end - 2 } else { end });
                if open {
                    templates.push(0);
                }
                regex_ok = open;
                i = end;
                continue;
            }
            (Flavour::Js, b'/') if regex_ok && i >= no_regex_before => {
                let regex = scan_regex(b, i, to);
                if regex.is_none() {
                    no_regex_before = line_end(b, i, to);
                }
                regex
            }
            (Flavour::Go, b'`') => Some(scan_quoted(b, i, to, b'`', false, true)),
            (Flavour::Sql, b'\'') => Some(scan_quote_doubled_string(b, i, to)),
            (Flavour::Sql, b'"' | b'`') => {
                // A quoted identifier: plain, but its words are no keywords.
                i = scan_quoted(b, i, to, c, false, false);
                continue;
            }
            (Flavour::Rust, b'"') => Some(scan_quoted(b, i, to, b'"', true, true)),
            (Flavour::Js | Flavour::Go, b'"' | b'\'') => {
                Some(scan_quoted(b, i, to, c, true, false))
            }
            _ => None,
        };
        if let Some(end) = string_end {
            i = end;
            out.token(Kind::Str, start, i);
            regex_ok = false;
            continue;
        }

        if c.is_ascii_digit() {
            i = scan_number(b, i, to);
            out.token(Kind::Number, start, i);
            regex_ok = false;
            continue;
        }

        let dollar = flavour == Flavour::Js;
        if char_at(src, i, to)
            .is_some_and(|ch| ch.is_alphabetic() || ch == '_' || (dollar && ch == '$'))
        {
            i = scan_ident(src, i, to, dollar);
            let (kind, end) = classify_word(src, start, i, to, spec, named, &mut pending);
            regex_ok = kind == Some(Kind::Keyword) && !matches!(&src[start..i], "this" | "super");
            if let Some(kind) = kind {
                out.token(kind, start, end);
            }
            i = end;
            continue;
        }

        if flavour == Flavour::Js {
            if let Some(depth) = templates.last_mut() {
                match c {
                    b'{' => *depth += 1,
                    b'}' => *depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            // `<` too, so that JSX's `</div>` is not read as a regular expression.
            regex_ok = !matches!(c, b')' | b']' | b'<');
        }
        i = next_char(b, i);
    }
}

/// The kind of the word at `start..end` and where its token ends (a Rust
/// macro's `!` belongs to its name).
fn classify_word(
    src: &str,
    start: usize,
    end: usize,
    to: usize,
    spec: &CodeSpec,
    named: Option<Kind>,
    pending: &mut Option<Kind>,
) -> (Option<Kind>, usize) {
    let b = src.as_bytes();
    let word = &src[start..end];
    let lower;
    let key = if spec.case_insensitive {
        lower = word.to_ascii_lowercase();
        lower.as_str()
    } else {
        word
    };
    // `obj.default`, `promise.catch(…)`: after a dot a word is a member, except Rust's `.await`.
    let member = start > 0 && b[start - 1] == b'.' && word != "await";
    let is_keyword = !member && spec.keywords.iter().any(|list| list.contains(&key));
    if is_keyword {
        if spec.names_function.contains(&key) {
            *pending = Some(Kind::Function);
        } else if spec.names_type.contains(&key) {
            *pending = Some(Kind::Type);
        }
        return (Some(Kind::Keyword), end);
    }
    if let Some(kind) = named {
        return (Some(kind), end);
    }
    if !member && spec.literals.contains(&key) {
        return (Some(Kind::Literal), end);
    }
    let capitalised = spec.capitalised_types && is_capitalised(word);
    let called = end < to && b[end] == b'(';
    if spec.flavour == Flavour::Rust {
        if end + 1 < to && b[end] == b'!' && matches!(b[end + 1], b'(' | b'[' | b'{') {
            return (Some(Kind::Function), end + 1);
        }
        if word == "macro_rules" && starts(b, end, to, b"!") {
            *pending = Some(Kind::Function);
            return (Some(Kind::Keyword), end + 1);
        }
        // `Some(x)` and `Point(1, 2)` build values of a type; Rust functions are snake_case.
        if called && capitalised {
            return (Some(Kind::Type), end);
        }
        if starts(b, end, to, b"::<") {
            return (Some(Kind::Function), end);
        }
    }
    if called {
        return (Some(Kind::Function), end);
    }
    if spec.types.contains(&key) || capitalised {
        return (Some(Kind::Type), end);
    }
    (None, end)
}

fn scan_block_comment(b: &[u8], i: usize, to: usize, nested: bool) -> usize {
    let mut depth = 1;
    let mut j = i + 2;
    while j < to {
        if nested && starts(b, j, to, b"/*") {
            depth += 1;
            j += 2;
        } else if starts(b, j, to, b"*/") {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j = next_char(b, j);
        }
    }
    to
}

/// A Rust attribute `#[…]` or `#![…]`, brackets and strings inside it included.
fn scan_attribute(b: &[u8], i: usize, to: usize) -> usize {
    let mut depth = 0;
    let mut j = i + 1;
    while j < to {
        match b[j] {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            b'"' => {
                j = scan_quoted(b, j, to, b'"', true, true);
                continue;
            }
            _ => {}
        }
        j = next_char(b, j);
    }
    to
}

/// `Ok(end)` of a char literal at `i`, or `Err(end)` of a lifetime or a lone quote.
fn rust_quote(src: &str, i: usize, to: usize) -> Result<usize, usize> {
    let b = src.as_bytes();
    if i + 1 >= to {
        return Err(i + 1);
    }
    if b[i + 1] == b'\\' {
        return Ok(scan_quoted(b, i, to, b'\'', true, false));
    }
    let after = next_char(b, i + 1);
    if after < to && b[after] == b'\'' && !matches!(b[i + 1], b'\n' | b'\'') {
        return Ok(after + 1);
    }
    match char_at(src, i + 1, to) {
        Some(c) if c.is_alphabetic() || c == '_' => Err(scan_ident(src, i + 1, to, false)),
        _ => Err(i + 1),
    }
}

/// Byte, C and raw strings: `b"…"`, `b'x'`, `c"…"`, `r#"…"#`, `br"…"`.
fn rust_prefixed_string(b: &[u8], i: usize, to: usize) -> Option<usize> {
    let mut j = i;
    if matches!(b[j], b'b' | b'c') {
        j += 1;
    }
    let raw = j < to && b[j] == b'r';
    if raw {
        j += 1;
    }
    if raw {
        let hashes_start = j;
        while j < to && b[j] == b'#' {
            j += 1;
        }
        if j >= to || b[j] != b'"' {
            // `r#type` is a raw identifier.
            return None;
        }
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', j - hashes_start));
        return Some(find(b, j + 1, to, &closing).map_or(to, |at| at + closing.len()));
    }
    if j == i + 1 && j < to && b[j] == b'"' {
        return Some(scan_quoted(b, j, to, b'"', true, true));
    }
    if b[i] == b'b' && j == i + 1 && j < to && b[j] == b'\'' {
        return Some(scan_quoted(b, j, to, b'\'', true, false));
    }
    None
}

/// A Python string with its prefix (`r`, `b`, `f`, `rb`, …), triple-quoted or not.
fn python_string(b: &[u8], i: usize, to: usize) -> Option<usize> {
    let mut q = i;
    while q < to
        && q - i < 2
        && matches!(b[q], b'r' | b'R' | b'b' | b'B' | b'f' | b'F' | b'u' | b'U')
    {
        q += 1;
    }
    if q >= to || !matches!(b[q], b'"' | b'\'') {
        return None;
    }
    let quote = b[q];
    Some(if starts(b, q, to, &[quote; 3]) {
        scan_triple(b, q, to, quote, true)
    } else {
        scan_quoted(b, q, to, quote, true, false)
    })
}

/// From inside a template literal to past its closing backtick, or past a
/// `${` that opens code (`true`).
fn scan_template(b: &[u8], mut j: usize, to: usize) -> (usize, bool) {
    while j < to {
        match b[j] {
            b'\\' => {
                j += 1;
                if j < to {
                    j = next_char(b, j);
                }
            }
            b'`' => return (j + 1, false),
            b'$' if starts(b, j + 1, to, b"{") => return (j + 2, true),
            _ => j = next_char(b, j),
        }
    }
    (to, false)
}

/// A regular expression literal on one line, flags included; `None` if the
/// slash is not closed, so it was a division after all.
fn scan_regex(b: &[u8], i: usize, to: usize) -> Option<usize> {
    let mut in_class = false;
    let mut j = i + 1;
    while j < to {
        match b[j] {
            b'\n' => return None,
            b'\\' => {
                j += 1;
                if j < to && b[j] != b'\n' {
                    j = next_char(b, j);
                }
                continue;
            }
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => {
                j += 1;
                while j < to && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                return Some(j);
            }
            _ => {}
        }
        j = next_char(b, j);
    }
    None
}

/// A single-quoted string where `''` is a quote inside it (SQL, YAML).
fn scan_quote_doubled_string(b: &[u8], i: usize, to: usize) -> usize {
    let mut j = i + 1;
    while j < to {
        if b[j] == b'\'' {
            if starts(b, j + 1, to, b"'") {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j = next_char(b, j);
    }
    to
}

// Shell.

#[rustfmt::skip]
const SHELL_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do",
    "done", "function", "time", "return", "exit", "break", "continue", "export", "local",
    "readonly", "declare", "typeset", "unset", "!",
];

/// Shell code, or a console transcript when some line starts with a `$ `
/// prompt: then only prompted lines (and their `\` continuations) are
/// commands, and the rest is the programs' output, left plain.
fn lex_shell_or_console(out: &mut Out<'_>) {
    let src = out.src;
    let b = src.as_bytes();
    let to = src.len();
    let prompted = |line: &str| line.starts_with("$ ") || line.trim_end() == "$";
    if !src.lines().any(prompted) {
        lex_shell(out, 0, to, true);
        return;
    }
    let mut i = 0;
    while i < to {
        let mut end = line_end(b, i, to);
        if prompted(&src[i..end]) {
            let command = if starts(b, i, to, b"$ ") {
                i + 2
            } else {
                i + 1
            };
            out.token(Kind::Prompt, i, command);
            while end < to && src[i..end].trim_end().ends_with('\\') {
                end = line_end(b, end + 1, to);
            }
            lex_shell(out, command, end, true);
        }
        i = end + 1;
    }
}

/// Shell words from `from` to `to`; `command` says whether the first word
/// names a command (coloured as a function).
fn lex_shell(out: &mut Out<'_>, from: usize, to: usize, mut command: bool) {
    let src = out.src;
    let b = src.as_bytes();
    let mut i = from;
    // Whether `NAME=` here assigns a variable.
    let mut assign = command;
    // Inside the value of an assignment, up to the next blank.
    let mut value = false;
    // After `for x` or `case $x`, whose `in` is a keyword; `Some(true)` for `case`.
    let mut expect_in: Option<bool> = None;
    // Open `case … esac`, and whether a pattern (`start|run)`) comes next.
    let mut cases = 0usize;
    let mut pattern = false;
    let mut names_function = false;
    let mut heredocs: Vec<(String, bool)> = Vec::new();
    while i < to {
        let c = b[i];
        let word_start =
            i == from || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'(');
        let standalone = i + 1 >= to || matches!(b[i + 1], b' ' | b'\t' | b'\r' | b'\n' | b';');
        match c {
            b'\n' => {
                i += 1;
                command = true;
                assign = true;
                value = false;
                expect_in = None;
                if !heredocs.is_empty() {
                    i = heredoc_bodies(out, i, to, &mut heredocs);
                }
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                value = false;
            }
            b'#' if word_start => {
                let end = line_end(b, i, to);
                out.token(Kind::Comment, i, end);
                i = end;
            }
            b'\'' => {
                let end = find(b, i + 1, to, b"'").map_or(to, |at| at + 1);
                out.token(Kind::Str, i, end);
                i = end;
                command &= value;
            }
            b'"' => {
                i = shell_double_quoted(out, i, to);
                command &= value;
            }
            b'$' => {
                let end = shell_variable_end(b, i, to);
                if end > i + 1 {
                    out.token(Kind::Var, i, end);
                    i = end;
                    command &= value;
                } else if starts(b, i + 1, to, b"((") {
                    // Arithmetic: names in it are variables, not commands.
                    i += 3;
                    command = false;
                    assign = false;
                    value = false;
                } else if starts(b, i + 1, to, b"(") {
                    i += 2;
                    command = true;
                    assign = true;
                    value = false;
                } else {
                    i += 1;
                }
            }
            b'`' => {
                i += 1;
                command = true;
                assign = true;
                value = false;
            }
            b'|' | b'&' | b';' => {
                let end = if starts(b, i + 1, to, &[c]) {
                    i + 2
                } else {
                    i + 1
                };
                out.token(Kind::Op, i, end);
                pattern |= cases > 0 && &b[i..end] == b";;";
                i = end;
                command = true;
                assign = true;
                value = false;
                expect_in = None;
            }
            b'>' | b'<' => {
                let mut end = i;
                while end < to && end - i < 3 && matches!(b[end], b'>' | b'<') {
                    end += 1;
                }
                if end < to && b[end] == b'&' {
                    end += 1;
                }
                let heredoc = &b[i..end] == b"<<";
                let strip_tabs = heredoc && starts(b, end, to, b"-");
                if strip_tabs {
                    end += 1;
                }
                out.token(Kind::Op, i, end);
                if heredoc && let Some(delimiter) = heredoc_delimiter(src, end, to) {
                    heredocs.push((delimiter, strip_tabs));
                }
                i = end;
            }
            b'(' => {
                i += 1;
                command = true;
                assign = true;
                value = false;
            }
            b'{' if standalone => {
                i += 1;
                command = true;
                assign = true;
            }
            b')' => {
                i += 1;
                // The end of a `case` pattern: its command follows.
                if pattern {
                    pattern = false;
                    command = true;
                    assign = true;
                }
            }
            b'}' if standalone => i += 1,
            b'\\' if starts(b, i + 1, to, b"\n") => i += 2,
            _ => {
                let end = shell_word_end(b, i, to);
                let word = &src[i..end];
                if value {
                    i = end;
                    continue;
                }
                if word == "esac" && (command || pattern) {
                    out.token(Kind::Keyword, i, end);
                    cases = cases.saturating_sub(1);
                    pattern = false;
                    command = false;
                    assign = false;
                    i = end;
                    continue;
                }
                if pattern {
                    i = end;
                    continue;
                }
                if assign && let Some(name) = assignment_name(word) {
                    out.token(Kind::Var, i, i + name);
                    i += word[name..].find('=').map_or(name, |eq| name + eq + 1);
                    value = true;
                    continue;
                }
                if names_function {
                    out.token(Kind::Function, i, end);
                    names_function = false;
                    command = false;
                } else if expect_in.is_some() && word == "in" {
                    out.token(Kind::Keyword, i, end);
                    if expect_in == Some(true) {
                        cases += 1;
                        pattern = true;
                    }
                    expect_in = None;
                } else if command && SHELL_KEYWORDS.contains(&word) {
                    out.token(Kind::Keyword, i, end);
                    match word {
                        "for" | "select" | "case" => {
                            command = false;
                            assign = false;
                            expect_in = Some(word == "case");
                        }
                        "function" => {
                            command = false;
                            names_function = true;
                        }
                        "export" | "local" | "readonly" | "declare" | "typeset" | "unset" => {
                            command = false;
                            assign = true;
                        }
                        "fi" | "done" | "return" | "exit" | "break" | "continue" => {
                            command = false;
                            assign = false;
                        }
                        // `then`, `do`, `if`, `!`, …: a command follows.
                        _ => assign = true,
                    }
                } else if matches!(word, "[" | "[[" | "]" | "]]") {
                    command = false;
                    assign = false;
                } else if word.bytes().all(|d| d.is_ascii_digit()) {
                    out.token(Kind::Number, i, end);
                    command = false;
                } else if command {
                    out.token(Kind::Function, i, end);
                    command = false;
                    assign = false;
                }
                i = end;
            }
        }
    }
}

fn shell_word_end(b: &[u8], i: usize, to: usize) -> usize {
    let mut end = i;
    while end < to {
        match b[end] {
            b' ' | b'\t' | b'\r' | b'\n' | b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')'
            | b'"' | b'\'' | b'`' | b'$' => break,
            b'\\' => {
                end += 1;
                if end < to {
                    end = next_char(b, end);
                }
            }
            _ => end = next_char(b, end),
        }
    }
    // The caller dispatched every stopping byte elsewhere; this only guards progress.
    if end == i { next_char(b, i) } else { end }
}

/// The length of `NAME` in a `NAME=value` or `NAME+=value` word.
fn assignment_name(word: &str) -> Option<usize> {
    let name = word
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
        .count();
    let rest = &word[name..];
    let valid = name > 0
        && !word.as_bytes()[0].is_ascii_digit()
        && (rest.starts_with('=') || rest.starts_with("+="));
    valid.then_some(name)
}

/// `$NAME`, `${…}`, `$1`, `$@`, … ; `i + 1` when the `$` starts none of them.
fn shell_variable_end(b: &[u8], i: usize, to: usize) -> usize {
    if i + 1 >= to {
        return i + 1;
    }
    match b[i + 1] {
        // Unclosed, it is a shell error; taking the line keeps the scan linear.
        b'{' => {
            let line = line_end(b, i, to);
            find(b, i + 2, line, b"}").map_or(line, |at| at + 1)
        }
        c if c.is_ascii_alphabetic() || c == b'_' => {
            let mut end = i + 2;
            while end < to && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
                end += 1;
            }
            end
        }
        c if c.is_ascii_digit() || matches!(c, b'@' | b'*' | b'#' | b'?' | b'$' | b'!' | b'-') => {
            i + 2
        }
        _ => i + 1,
    }
}

/// A double-quoted shell string, with the variables inside it coloured as variables.
fn shell_double_quoted(out: &mut Out<'_>, i: usize, to: usize) -> usize {
    let b = out.src.as_bytes();
    let mut piece = i;
    let mut j = i + 1;
    while j < to {
        match b[j] {
            b'\\' => {
                j += 1;
                if j < to {
                    j = next_char(b, j);
                }
            }
            b'"' => {
                out.token(Kind::Str, piece, j + 1);
                return j + 1;
            }
            b'$' => {
                let end = shell_variable_end(b, j, to);
                if end > j + 1 {
                    out.token(Kind::Str, piece, j);
                    out.token(Kind::Var, j, end);
                    piece = end;
                }
                j = end;
            }
            _ => j = next_char(b, j),
        }
    }
    out.token(Kind::Str, piece, to);
    to
}

fn heredoc_delimiter(src: &str, i: usize, to: usize) -> Option<String> {
    let b = src.as_bytes();
    let start = skip_blank(b, i, to);
    if start < to && matches!(b[start], b'\'' | b'"') {
        let close = find(b, start + 1, line_end(b, start, to), &[b[start]])?;
        return Some(src[start + 1..close].to_owned());
    }
    let mut end = start;
    while end < to && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
        end += 1;
    }
    (end > start).then(|| src[start..end].to_owned())
}

/// Colours the bodies of the here-documents opened on the line just ended
/// as strings, and returns where the line after the last delimiter starts.
fn heredoc_bodies(
    out: &mut Out<'_>,
    mut i: usize,
    to: usize,
    heredocs: &mut Vec<(String, bool)>,
) -> usize {
    let src = out.src;
    let b = src.as_bytes();
    for (delimiter, strip_tabs) in heredocs.drain(..) {
        let body = i;
        loop {
            if i >= to {
                out.token(Kind::Str, body, to);
                return to;
            }
            let end = line_end(b, i, to);
            let line = src[i..end].trim_end_matches('\r');
            let line = if strip_tabs {
                line.trim_start_matches('\t')
            } else {
                line
            };
            let next = if end < to { end + 1 } else { end };
            if line == delimiter {
                out.token(Kind::Str, body, i);
                i = next;
                break;
            }
            i = next;
        }
    }
    i
}

// Dockerfile.

#[rustfmt::skip]
const DOCKER_INSTRUCTIONS: &[&str] = &[
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
    "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

fn lex_dockerfile(out: &mut Out<'_>) {
    let src = out.src;
    let b = src.as_bytes();
    let to = src.len();
    let mut i = 0;
    while i < to {
        let line = line_end(b, i, to);
        let first = skip_blank(b, i, line);
        if first < line && b[first] == b'#' {
            out.token(Kind::Comment, first, line);
            i = line + 1;
            continue;
        }
        let (mut instruction, mut args) = docker_instruction(src, first, line);
        if instruction.is_empty() {
            i = line + 1;
            continue;
        }
        out.token(Kind::Keyword, first, args);
        if instruction == "ONBUILD" {
            let inner = skip_blank(b, args, line);
            let (name, end) = docker_instruction(src, inner, line);
            if !name.is_empty() {
                out.token(Kind::Keyword, inner, end);
                instruction = name;
                args = end;
            }
        }
        // An instruction goes on over lines ending in `\`; comment lines inside it are skipped.
        let mut end = line;
        let mut continued = src[first..line].trim_end().ends_with('\\');
        while continued && end < to {
            let next = end + 1;
            end = line_end(b, next, to);
            let text = src[next..end].trim();
            if !text.starts_with('#') {
                continued = text.ends_with('\\');
            }
        }
        let body = skip_blank(b, args, end);
        match instruction.as_str() {
            "RUN" | "CMD" | "ENTRYPOINT" | "SHELL" if body < end && b[body] == b'[' => {
                lex_json(out, body, end);
            }
            "RUN" | "CMD" | "ENTRYPOINT" => {
                // `RUN --mount=… cargo build`: options come before the command.
                let mut command = body;
                while starts(b, command, end, b"--") {
                    while command < end && !b[command].is_ascii_whitespace() {
                        command += 1;
                    }
                    command = skip_blank(b, command, end);
                }
                lex_shell(out, command, end, true);
            }
            _ => lex_docker_args(out, args, end, &instruction),
        }
        i = end + 1;
    }
}

/// The instruction (uppercased) starting at `i` and where its word ends, or
/// an empty name when the line holds none.
fn docker_instruction(src: &str, i: usize, line: usize) -> (String, usize) {
    let b = src.as_bytes();
    let mut end = i;
    while end < line && b[end].is_ascii_alphabetic() {
        end += 1;
    }
    let name = src[i..end].to_ascii_uppercase();
    if end == i || (end < line && !blank(b[end])) || !DOCKER_INSTRUCTIONS.contains(&name.as_str()) {
        return (String::new(), i);
    }
    (name, end)
}

fn lex_docker_args(out: &mut Out<'_>, from: usize, to: usize, instruction: &str) {
    let src = out.src;
    let b = src.as_bytes();
    let keyed = matches!(instruction, "ENV" | "ARG" | "LABEL");
    let mut first = true;
    let mut i = from;
    while i < to {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let was_first = std::mem::replace(&mut first, false);
        match c {
            b'#' if first_on_line(b, from, i) && !was_first => {
                let end = line_end(b, i, to);
                out.token(Kind::Comment, i, end);
                i = end;
            }
            b'\\' => {
                i += 1;
                if i < to {
                    i = next_char(b, i);
                }
            }
            b'"' => i = shell_double_quoted(out, i, to),
            b'\'' => {
                let end = find(b, i + 1, to, b"'").map_or(to, |at| at + 1);
                out.token(Kind::Str, i, end);
                i = end;
            }
            b'$' => {
                let end = shell_variable_end(b, i, to);
                if end > i + 1 {
                    out.token(Kind::Var, i, end);
                }
                i = end;
            }
            b'=' => i += 1,
            _ => {
                let mut end = i;
                while end < to
                    && !matches!(
                        b[end],
                        b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'$' | b'\\' | b'='
                    )
                {
                    end = next_char(b, end);
                }
                let word = &src[i..end];
                let before_equals = end < to && b[end] == b'=';
                let digits = word.bytes().take_while(u8::is_ascii_digit).count();
                if keyed
                    && !word.starts_with('-')
                    && (before_equals || (instruction == "ENV" && was_first))
                {
                    out.token(Kind::Attr, i, end);
                } else if (instruction == "FROM" && word.eq_ignore_ascii_case("as"))
                    || (instruction == "HEALTHCHECK" && word.eq_ignore_ascii_case("none"))
                {
                    out.token(Kind::Keyword, i, end);
                } else if instruction == "HEALTHCHECK" && word.eq_ignore_ascii_case("cmd") {
                    out.token(Kind::Keyword, i, end);
                    lex_shell(out, end, to, true);
                    return;
                } else if digits > 0 && (digits == word.len() || word[digits..].starts_with('/')) {
                    out.token(Kind::Number, i, i + digits);
                }
                i = end;
            }
        }
    }
}

// JSON.

fn lex_json(out: &mut Out<'_>, from: usize, to: usize) {
    let src = out.src;
    let b = src.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        let start = i;
        if starts(b, i, to, b"//") {
            i = line_end(b, i, to);
            out.token(Kind::Comment, start, i);
        } else if starts(b, i, to, b"/*") {
            i = scan_block_comment(b, i, to, false);
            out.token(Kind::Comment, start, i);
        } else if c == b'"' {
            i = scan_quoted(b, i, to, b'"', true, false);
            let mut after = i;
            while after < to && b[after].is_ascii_whitespace() {
                after += 1;
            }
            let kind = if after < to && b[after] == b':' {
                Kind::Attr
            } else {
                Kind::Str
            };
            out.token(kind, start, i);
        } else if c.is_ascii_digit() || (c == b'-' && i + 1 < to && b[i + 1].is_ascii_digit()) {
            i += 1;
            while i < to && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'+' | b'-')) {
                i += 1;
            }
            out.token(Kind::Number, start, i);
        } else if c.is_ascii_alphabetic() {
            while i < to && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if matches!(&src[start..i], "true" | "false" | "null") {
                out.token(Kind::Literal, start, i);
            }
        } else {
            i = next_char(b, i);
        }
    }
}

// YAML, line by line.

fn lex_yaml(out: &mut Out<'_>, from: usize, to: usize) {
    let src = out.src;
    let b = src.as_bytes();
    // The column a block scalar's (`|`, `>`) lines must be indented beyond.
    let mut block: Option<usize> = None;
    let mut flow = 0usize;
    let mut line = from;
    while line < to {
        let end = line_end(b, line, to);
        let indent = b[line..end].iter().take_while(|&&c| c == b' ').count();
        let empty = b[line..end].iter().all(|&c| blank(c));
        if let Some(parent) = block {
            if empty || indent > parent {
                if !empty {
                    out.token(Kind::Str, line + indent, end);
                }
                line = end + 1;
                continue;
            }
            block = None;
        }
        let mut i = line + indent;
        let mut column = indent;
        if flow == 0 {
            if indent == 0
                && (starts(b, i, end, b"---") || starts(b, i, end, b"..."))
                && (i + 3 == end || blank(b[i + 3]))
            {
                out.token(Kind::Meta, i, i + 3);
                i += 3;
            }
            // List markers, `- - item` included.
            loop {
                let marker = skip_blank(b, i, end);
                if marker < end && b[marker] == b'-' && (marker + 1 == end || blank(b[marker + 1]))
                {
                    column = marker - line;
                    i = marker + 1;
                } else {
                    break;
                }
            }
            i = skip_blank(b, i, end);
            let key_end = yaml_key(out, i, end);
            if key_end > i {
                column = i - line;
            }
            i = key_end;
        }
        if yaml_values(out, i, end, &mut flow) {
            block = Some(column);
        }
        line = end + 1;
    }
}

/// Past `key:` when a mapping key starts at `i`, else `i`.
fn yaml_key(out: &mut Out<'_>, i: usize, end: usize) -> usize {
    let b = out.src.as_bytes();
    if i >= end {
        return i;
    }
    let colon_ends_key =
        |at: usize| at < end && b[at] == b':' && (at + 1 == end || blank(b[at + 1]));
    match b[i] {
        b'"' | b'\'' => {
            let close = if b[i] == b'"' {
                scan_quoted(b, i, end, b'"', true, false)
            } else {
                scan_quote_doubled_string(b, i, end)
            };
            let colon = skip_blank(b, close, end);
            if colon_ends_key(colon) {
                out.token(Kind::Attr, i, close);
                return colon + 1;
            }
            i
        }
        b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'[' | b']' | b'{' | b'}' | b',' | b'%'
        | b'@' | b'`' => i,
        _ => {
            let mut k = i;
            while k < end {
                if colon_ends_key(k) {
                    let mut key_end = k;
                    while key_end > i && blank(b[key_end - 1]) {
                        key_end -= 1;
                    }
                    out.token(Kind::Attr, i, key_end);
                    return k + 1;
                }
                if b[k] == b'#' && k > i && blank(b[k - 1]) {
                    return i;
                }
                k = next_char(b, k);
            }
            i
        }
    }
}

/// The values on one line after any key; `true` when they open a block scalar.
fn yaml_values(out: &mut Out<'_>, i: usize, end: usize, flow: &mut usize) -> bool {
    let src = out.src;
    let b = src.as_bytes();
    let mut j = i;
    let mut first = true;
    let mut opens_block = false;
    while j < end {
        let c = b[j];
        if blank(c) {
            j += 1;
            continue;
        }
        let at_first = std::mem::replace(&mut first, false);
        let in_flow = *flow > 0;
        match c {
            b'#' if j == i || blank(b[j - 1]) => {
                out.token(Kind::Comment, j, end);
                return opens_block;
            }
            b'"' | b'\'' => {
                let close = if c == b'"' {
                    scan_quoted(b, j, end, b'"', true, false)
                } else {
                    scan_quote_doubled_string(b, j, end)
                };
                let after = skip_blank(b, close, end);
                let kind = if in_flow && after < end && b[after] == b':' {
                    Kind::Attr
                } else {
                    Kind::Str
                };
                out.token(kind, j, close);
                j = close;
            }
            b'[' | b'{' => {
                *flow += 1;
                j += 1;
            }
            b']' | b'}' => {
                *flow = flow.saturating_sub(1);
                j += 1;
            }
            b',' => j += 1,
            b'&' | b'*' | b'!' => {
                let mut k = j + 1;
                while k < end && !blank(b[k]) && !matches!(b[k], b',' | b'[' | b']' | b'{' | b'}') {
                    k = next_char(b, k);
                }
                out.token(if c == b'!' { Kind::Meta } else { Kind::Var }, j, k);
                j = k;
            }
            b'|' | b'>' if at_first && !in_flow => {
                let mut k = j + 1;
                while k < end && matches!(b[k], b'-' | b'+' | b'0'..=b'9') {
                    k += 1;
                }
                let rest = skip_blank(b, k, end);
                opens_block = rest == end || b[rest] == b'#';
                j = k;
            }
            _ => {
                let mut k = j;
                while k < end {
                    let d = b[k];
                    let ends_key = d == b':'
                        && (k + 1 == end
                            || blank(b[k + 1])
                            || (in_flow && matches!(b[k + 1], b',' | b']' | b'}')));
                    if ends_key
                        || (d == b'#' && k > j && blank(b[k - 1]))
                        || (in_flow && matches!(d, b',' | b'[' | b']' | b'{' | b'}'))
                    {
                        break;
                    }
                    k = next_char(b, k);
                }
                if k == j {
                    j = next_char(b, j);
                    continue;
                }
                let mut text_end = k;
                while text_end > j && blank(b[text_end - 1]) {
                    text_end -= 1;
                }
                let kind = if in_flow && k < end && b[k] == b':' {
                    Some(Kind::Attr)
                } else {
                    yaml_scalar_kind(&src[j..text_end])
                };
                if let Some(kind) = kind {
                    out.token(kind, j, text_end);
                }
                j = k;
            }
        }
    }
    opens_block
}

fn yaml_scalar_kind(text: &str) -> Option<Kind> {
    if matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "null" | "~"
    ) {
        return Some(Kind::Literal);
    }
    looks_numeric(text).then_some(Kind::Number)
}

/// Integers, floats, `.inf`, and dates and times, which read best as numbers too.
fn looks_numeric(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(
        unsigned,
        ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN"
    ) {
        return true;
    }
    let digit_first = unsigned.starts_with(|c: char| c.is_ascii_digit())
        || (unsigned.starts_with('.') && unsigned[1..].starts_with(|c: char| c.is_ascii_digit()));
    digit_first
        && unsigned.chars().all(|c| {
            c.is_ascii_hexdigit()
                || matches!(
                    c,
                    'x' | 'X' | 'o' | 'O' | '_' | '.' | ':' | '+' | '-' | 'T' | 't' | 'Z' | 'z'
                )
        })
}

// TOML.

fn lex_toml(out: &mut Out<'_>, from: usize, to: usize) {
    let src = out.src;
    let b = src.as_bytes();
    let is_bare = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    // Open arrays and inline tables of the current value.
    let mut open: Vec<u8> = Vec::new();
    let mut expect_key = true;
    let mut i = from;
    while i < to {
        let c = b[i];
        let start = i;
        match c {
            b'\n' => {
                expect_key |= open.is_empty();
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = line_end(b, i, to);
                out.token(Kind::Comment, start, i);
                continue;
            }
            _ => {}
        }
        if expect_key && open.is_empty() && c == b'[' {
            let line = line_end(b, i, to);
            let close: &[u8] = if starts(b, i, line, b"[[") {
                b"]]"
            } else {
                b"]"
            };
            i = find(b, i, line, close).map_or(line, |at| at + close.len());
            out.token(Kind::Tag, start, i);
            expect_key = false;
            continue;
        }
        if expect_key && (c == b'"' || c == b'\'' || is_bare(c)) {
            let mut j = i;
            loop {
                let part = j;
                if j < to && matches!(b[j], b'"' | b'\'') {
                    j = scan_quoted(b, j, to, b[j], b[j] == b'"', false);
                } else {
                    while j < to && is_bare(b[j]) {
                        j += 1;
                    }
                }
                if j == part {
                    break;
                }
                out.token(Kind::Attr, part, j);
                let dot = skip_blank(b, j, to);
                if dot < to && b[dot] == b'.' {
                    j = skip_blank(b, dot + 1, to);
                } else {
                    break;
                }
            }
            i = j;
            expect_key = false;
            continue;
        }
        expect_key = false;
        match c {
            b'"' | b'\'' => {
                i = if starts(b, i, to, &[c; 3]) {
                    scan_triple(b, i, to, c, c == b'"')
                } else {
                    scan_quoted(b, i, to, c, c == b'"', false)
                };
                out.token(Kind::Str, start, i);
            }
            b'[' | b'{' => {
                open.push(c);
                expect_key = c == b'{';
                i += 1;
            }
            b']' | b'}' => {
                open.pop();
                i += 1;
            }
            b',' => {
                expect_key = open.last() == Some(&b'{');
                i += 1;
            }
            _ if c.is_ascii_digit()
                || (matches!(c, b'+' | b'-') && i + 1 < to && b[i + 1].is_ascii_digit()) =>
            {
                i += 1;
                while i < to
                    && (b[i].is_ascii_alphanumeric()
                        || matches!(b[i], b'_' | b'.' | b':' | b'+' | b'-'))
                {
                    i += 1;
                }
                out.token(Kind::Number, start, i);
            }
            _ if c.is_ascii_alphabetic() => {
                while i < to && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                match &src[start..i] {
                    "true" | "false" => out.token(Kind::Literal, start, i),
                    "inf" | "nan" => out.token(Kind::Number, start, i),
                    _ => {}
                }
            }
            _ => i = next_char(b, i),
        }
    }
}

// HTML, XML and SVG.

fn lex_html(out: &mut Out<'_>, from: usize, to: usize) {
    let b = out.src.as_bytes();
    let mut i = from;
    while i < to {
        match b[i] {
            b'<' => i = html_markup(out, i, to),
            b'&' => {
                let end = entity_end(b, i, to);
                if end > i + 1 {
                    out.token(Kind::Literal, i, end);
                }
                i = end;
            }
            _ => i = next_char(b, i),
        }
    }
}

/// Past a character reference such as `&amp;` or `&#39;`, or `i + 1`.
fn entity_end(b: &[u8], i: usize, to: usize) -> usize {
    let mut j = i + 1;
    if j < to && b[j] == b'#' {
        j += 1;
    }
    let name = j;
    while j < to && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j > name && j < to && b[j] == b';' {
        j + 1
    } else {
        i + 1
    }
}

/// Whatever starts with the `<` at `i`: a comment, a declaration, a tag (and
/// a script's or style's contents after it), or just a `<`.
fn html_markup(out: &mut Out<'_>, i: usize, to: usize) -> usize {
    let src = out.src;
    let b = src.as_bytes();
    let until =
        |open: usize, close: &[u8]| find(b, open, to, close).map_or(to, |at| at + close.len());
    if starts(b, i, to, b"<!--") {
        let end = until(i + 4, b"-->");
        out.token(Kind::Comment, i, end);
        return end;
    }
    if starts(b, i, to, b"<![CDATA[") {
        let end = until(i + 9, b"]]>");
        out.token(Kind::Str, i, end);
        return end;
    }
    if starts(b, i, to, b"<!") || starts(b, i, to, b"<?") {
        let end = until(i + 2, b">");
        out.token(Kind::Meta, i, end);
        return end;
    }
    let closing = starts(b, i + 1, to, b"/");
    let name_start = if closing { i + 2 } else { i + 1 };
    if name_start >= to || !b[name_start].is_ascii_alphabetic() {
        return i + 1;
    }
    let mut j = name_start;
    while j < to && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'-' | b':' | b'_' | b'.')) {
        j += 1;
    }
    out.token(Kind::Tag, name_start, j);
    let name = &src[name_start..j];
    let mut self_closing = false;
    loop {
        while j < to && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= to {
            return to;
        }
        match b[j] {
            b'>' => {
                j += 1;
                break;
            }
            b'/' if starts(b, j + 1, to, b">") => {
                j += 2;
                self_closing = true;
                break;
            }
            // An unclosed tag: the next one starts here.
            b'<' => return j,
            b'"' | b'\'' => {
                let end = scan_quoted(b, j, to, b[j], false, true);
                out.token(Kind::Str, j, end);
                j = end;
            }
            _ => {
                let attr = j;
                while j < to
                    && !b[j].is_ascii_whitespace()
                    && !matches!(b[j], b'>' | b'/' | b'=' | b'"' | b'\'' | b'<')
                {
                    j = next_char(b, j);
                }
                if j == attr {
                    j = next_char(b, j);
                    continue;
                }
                out.token(Kind::Attr, attr, j);
                let mut k = j;
                while k < to && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < to && b[k] == b'=' {
                    k += 1;
                    while k < to && b[k].is_ascii_whitespace() {
                        k += 1;
                    }
                    let value = k;
                    if k < to && matches!(b[k], b'"' | b'\'') {
                        k = scan_quoted(b, k, to, b[k], false, true);
                    } else {
                        while k < to && !b[k].is_ascii_whitespace() && !matches!(b[k], b'>' | b'<')
                        {
                            k = next_char(b, k);
                        }
                    }
                    out.token(Kind::Str, value, k);
                    j = k;
                }
            }
        }
    }
    let script = name.eq_ignore_ascii_case("script");
    if closing || self_closing || !(script || name.eq_ignore_ascii_case("style")) {
        return j;
    }
    let close: &[u8] = if script { b"</script" } else { b"</style" };
    let end = b[j..to]
        .windows(close.len())
        .position(|window| window.eq_ignore_ascii_case(close))
        .map_or(to, |at| j + at);
    if script {
        lex_code(out, j, end, &JAVASCRIPT);
    } else {
        lex_css(out, j, end);
    }
    end
}

// CSS, and SCSS's nesting, `//` comments and `$variables`.

fn lex_css(out: &mut Out<'_>, from: usize, to: usize) {
    let b = out.src.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        if c.is_ascii_whitespace() || matches!(c, b'{' | b'}' | b';') {
            i += 1;
        } else if let Some(end) = css_comment(b, from, i, to) {
            out.token(Kind::Comment, i, end);
            i = end;
        } else if c == b'@' {
            let mut end = i + 1;
            while end < to && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'_')) {
                end += 1;
            }
            out.token(Kind::Keyword, i, end);
            i = css_values(out, end, to);
        } else if css_is_selector(b, i, to) {
            i = css_selector(out, i, to);
        } else {
            i = css_declaration(out, i, to);
        }
    }
}

/// The end of a comment starting at `i`: `/* … */`, or SCSS's `//` after a
/// blank (so `url(http://…)` stays a URL).
fn css_comment(b: &[u8], from: usize, i: usize, to: usize) -> Option<usize> {
    if starts(b, i, to, b"/*") {
        return Some(scan_block_comment(b, i, to, false));
    }
    let after_blank = i == from || b[i - 1].is_ascii_whitespace();
    (after_blank && starts(b, i, to, b"//")).then(|| line_end(b, i, to))
}

/// Whether the statement at `i` is a rule's selector (a `{` comes before any
/// `;` or `}`) rather than a declaration; nesting makes both possible in a block.
fn css_is_selector(b: &[u8], i: usize, to: usize) -> bool {
    let mut j = i;
    while j < to {
        match b[j] {
            b'{' => return true,
            b';' | b'}' => return false,
            b'"' | b'\'' => j = scan_quoted(b, j, to, b[j], true, false),
            _ => j = next_char(b, j),
        }
    }
    false
}

fn css_selector(out: &mut Out<'_>, i: usize, to: usize) -> usize {
    let b = out.src.as_bytes();
    let from = i;
    let mut j = i;
    while j < to {
        let c = b[j];
        if matches!(c, b'{' | b'}' | b';') {
            return j;
        }
        if c.is_ascii_whitespace() || matches!(c, b',' | b'>' | b'+' | b'~') {
            j += 1;
        } else if let Some(end) = css_comment(b, from, j, to) {
            out.token(Kind::Comment, j, end);
            j = end;
        } else if matches!(c, b'"' | b'\'') {
            let end = scan_quoted(b, j, to, c, true, false);
            out.token(Kind::Str, j, end);
            j = end;
        } else {
            let start = j;
            while j < to
                && !b[j].is_ascii_whitespace()
                && !matches!(
                    b[j],
                    b'{' | b'}' | b';' | b',' | b'>' | b'+' | b'~' | b'"' | b'\''
                )
                && !starts(b, j, to, b"/*")
            {
                j = next_char(b, j);
            }
            if j == start {
                j = next_char(b, j);
            } else {
                out.token(Kind::Tag, start, j);
            }
        }
    }
    to
}

fn css_declaration(out: &mut Out<'_>, i: usize, to: usize) -> usize {
    let b = out.src.as_bytes();
    let mut j = i;
    while j < to && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'-' | b'_' | b'$' | b'*')) {
        j += 1;
    }
    if j == i {
        // Not a property: read it as values so strings and numbers still show.
        let end = css_values(out, i, to);
        return if end == i { next_char(b, i) } else { end };
    }
    out.token(if b[i] == b'$' { Kind::Var } else { Kind::Attr }, i, j);
    let colon = skip_blank(b, j, to);
    if colon < to && b[colon] == b':' {
        return css_values(out, colon + 1, to);
    }
    // Whatever it was, the statement ends where values would.
    css_values(out, j, to)
}

/// Values up to the `;`, `{` or `}` that ends them (not consumed).
fn css_values(out: &mut Out<'_>, i: usize, to: usize) -> usize {
    let src = out.src;
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut j = i;
    while j < to {
        let c = b[j];
        let next_digit = j + 1 < to && b[j + 1].is_ascii_digit();
        if depth == 0 && matches!(c, b';' | b'{' | b'}') {
            return j;
        }
        if let Some(end) = css_comment(b, i, j, to) {
            out.token(Kind::Comment, j, end);
            j = end;
            continue;
        }
        match c {
            b'(' => {
                depth += 1;
                j += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                j += 1;
            }
            b'"' | b'\'' => {
                let end = scan_quoted(b, j, to, c, true, false);
                out.token(Kind::Str, j, end);
                j = end;
            }
            b'#' => {
                let mut end = j + 1;
                while end < to && b[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                if end > j + 1 {
                    out.token(Kind::Number, j, end);
                }
                j = end;
            }
            b'!' => {
                let word = skip_blank(b, j + 1, to);
                let mut end = word;
                while end < to && b[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if src[word..end].eq_ignore_ascii_case("important") {
                    out.token(Kind::Keyword, j, end);
                    j = end;
                } else {
                    j += 1;
                }
            }
            b'$' => {
                let mut end = j + 1;
                while end < to && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'_'))
                {
                    end += 1;
                }
                out.token(Kind::Var, j, end);
                j = end;
            }
            _ if c.is_ascii_digit() || (matches!(c, b'.' | b'-' | b'+') && next_digit) => {
                let mut end = j + 1;
                while end < to && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'%'))
                {
                    end += 1;
                }
                out.token(Kind::Number, j, end);
                j = end;
            }
            _ if c.is_ascii_alphabetic() || matches!(c, b'-' | b'_') => {
                let mut end = j + 1;
                while end < to && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'_'))
                {
                    end += 1;
                }
                let called = end < to && b[end] == b'(';
                if called {
                    out.token(Kind::Function, j, end);
                    depth += 1;
                    let inner = end + 1;
                    j = inner;
                    // An unquoted URL may hold anything up to its `)`, even `//` and `;`.
                    if src[..end].ends_with("url")
                        && inner < to
                        && !matches!(b[inner], b'"' | b'\'')
                    {
                        let line = line_end(b, inner, to);
                        let close = find(b, inner, line, b")").unwrap_or(line);
                        out.token(Kind::Str, inner, close);
                        j = close;
                    }
                } else {
                    if src[j..end].starts_with("--") {
                        out.token(Kind::Var, j, end);
                    }
                    j = end;
                }
            }
            _ => j = next_char(b, j),
        }
    }
    to
}
