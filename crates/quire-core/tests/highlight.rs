//! The build-time highlighter: what each language colours, and that no input
//! can lose text, inject markup or make a span cross a line.

use quire_core::highlight::{Language, highlight, language};
use quire_core::markdown::escape_html;

const KINDS: [&str; 13] = [
    "kw", "str", "com", "num", "fn", "ty", "lit", "attr", "tag", "var", "op", "pro", "meta",
];

const RUST: &str = r####"//! Crate docs.
#[derive(Debug, Clone)]
pub struct Point<'a> {
    name: &'a str,
    x: i32,
}

/// Makes a point.
fn main() {
    let s = "x\"y"; // c
    let c = '\n';
    let raw = r#"raw "str""#;
    println!("{}", 0xFFu8 + 1_000);
    /* block /* nested */ still */
    let p = Some(Point { name: "p", x: 1 });
    if true { v.iter().map(|x| x * 2).collect::<Vec<_>>(); }
    'outer: loop { break 'outer; }
}
macro_rules! square { ($x:expr) => { $x * $x }; }
"####;

const JAVASCRIPT: &str = r#"#!/usr/bin/env node
import { readFile } from "node:fs/promises";
// Greets someone.
function greet(name) {
  const re = /ab+c/gi;
  const msg = `Hello ${name.toUpperCase()}, ${1 + 2}!`;
  return obj.default ?? null;
}
const half = total / 2 / count;
class Greeter extends Base {}
let x = 'single', y = 0.5e-3, z = undefined;
"#;

const TYPESCRIPT: &str = r#"interface User {
  id: number;
  name: string;
  tags?: ReadonlyArray<string>;
}
type ID = string | number;
export async function load(id: ID): Promise<User | null> {
  const res = await fetch(`/api/users/${id}`);
  return (await res.json()) as User;
}
enum Color { Red = "RED" }
"#;

const PYTHON: &str = r#"import os
from dataclasses import dataclass

@dataclass(frozen=True)
class Post:
    """A post.

    Spans lines.
    """
    title: str
    draft: bool = False

    def slug(self) -> str:
        # lower-case it
        return re.sub(r"[^a-z]+", "-", self.title.lower()) or None

print(f"{len(posts)} posts", 3.14, 0x1F)
"#;

const GO: &str = r#"package main

import (
	"fmt"
	"net/http"
)

// Server serves posts.
type Server struct {
	addr string
	mux  *http.ServeMux
}

func (s *Server) Start(port int) error {
	msg := `raw
string`
	if s.mux == nil {
		return fmt.Errorf("no mux: %d", port)
	}
	var r rune = 'x'
	return nil
}
"#;

const SHELL: &str = r#"#!/usr/bin/env bash
set -euo pipefail
# Build and publish.
export PATH="$HOME/.cargo/bin:$PATH"
VERSION=1.2.3 cargo build --release 2>&1 | tee build.log
if [ -f "$OUT" ]; then
  echo "done: ${OUT}" && exit 0
fi
for f in *.md; do wc -w "$f"; done
cat <<EOF > notes.txt
Version $VERSION
EOF
greet() { echo 'hi'; }
"#;

const CONSOLE: &str = r#"$ cargo test -p quire-core
   Compiling quire-core v0.1.0
test result: ok. 3 passed
$ echo "$HOME" \
    | wc -c
"#;

const JSON: &str = r#"{
  // jsonc comment
  "name": "quire",
  "version": 1.5e3,
  "private": true,
  "main": null,
  "tags": ["a", "b\"c"],
  "n": -42
}
"#;

const YAML: &str = r#"---
title: "WebRTC Fundamentals"
date: 2025-02-07T09:00:00+01:00     # or 2025-02-07
draft: false
tags: ["webrtc", "networking"]
weight: 1
cover:
  image: 'cover.svg'
  alt: Two laptops linked
description: |
  One sentence: for search engines.
  And another # not a comment
items:
  - name: first
    anchor: &base {a: 1, b: ~}
  - *base
---
"#;

const TOML: &str = r#"# Workspace settings
[package]
name = "quire-core"
version.workspace = true
authors = ['Maya', "Lin \"L\""]
features = [
  "derive",
  "std",
]

[[bin]]
path = "src/main.rs"
serde = { version = "1", features = ["derive"] }
opt-level = 3
ratio = -0.5e3
when = 1979-05-27T07:32:00Z
notes = """
Multi-line
text"""
"#;

const HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<!-- A comment
     over two lines -->
<body class=main>
  <a href="/posts/?q=1&amp;p=2" data-x='y'>Link &amp; more</a>
  <img src="a.png" alt="A" />
  <script>
    const n = 1; // js
  </script>
  <style>p { color: red; }</style>
</body>
</html>
"#;

const CSS: &str = r#"/* Theme */
@media (prefers-color-scheme: dark) {
  :root { --code-bg: #35363c; }
}
.post-content pre code, a:hover > span {
  color: var(--text) !important;
  margin: 0 -1px 1.5em;
  background: url(data:image/png;base64,AAA) no-repeat;
  font-family: "SF Mono", monospace;
}
.card {
  // scss comment
  $gap: 8px;
  &:hover { transform: scale(.99); }
}
"#;

const SQL: &str = r#"-- Posts per tag
select t.name, count(*) AS n
FROM tags t
LEFT JOIN posts p ON p.tag_id = t.id
WHERE p.title <> 'it''s' AND p.draft IS NOT NULL
GROUP BY t.name
ORDER BY n DESC
LIMIT 10;
/* multi
   line */
CREATE TABLE posts (id INTEGER PRIMARY KEY, "order" text, published boolean DEFAULT false);
"#;

const DOCKERFILE: &str = r#"# syntax=docker/dockerfile:1
FROM rust:1.95 AS build
WORKDIR /src
ARG PROFILE=release
ENV RUST_LOG=info \
    APP_HOME="/app"
COPY --from=build /src/target/$PROFILE/quire ${APP_HOME}/
RUN apt-get update && \
    # comment inside
    apt-get install -y curl
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
CMD ["quire", "serve"]
run echo lowercase
"#;

const HOSTILE: &str =
    "</code><script>alert(1)</script>\n<img src=x onerror=\"alert('x')\">&amp;&lt;";

fn samples() -> Vec<(Language, &'static str)> {
    vec![
        (Language::Rust, RUST),
        (Language::JavaScript, JAVASCRIPT),
        (Language::TypeScript, TYPESCRIPT),
        (Language::Python, PYTHON),
        (Language::Go, GO),
        (Language::Shell, SHELL),
        (Language::Shell, CONSOLE),
        (Language::Json, JSON),
        (Language::Yaml, YAML),
        (Language::Toml, TOML),
        (Language::Html, HTML),
        (Language::Css, CSS),
        (Language::Sql, SQL),
        (Language::Dockerfile, DOCKERFILE),
    ]
}

fn span(kind: &str, text: &str) -> String {
    format!("<span class=\"hl-{kind}\">{}</span>", escape_html(text))
}

#[track_caller]
fn assert_spans(code: &str, language: Language, expected: &[(&str, &str)]) -> String {
    let html = highlight(code, language);
    for (kind, text) in expected {
        assert!(
            html.contains(&span(kind, text)),
            "{language:?}: no `{kind}` span around {text:?} in\n{html}"
        );
    }
    html
}

/// The text of highlighter output, after checking that its only markup is
/// our spans and that no span is left open at a line break.
#[track_caller]
fn text_of(html: &str) -> String {
    for line in html.split('\n') {
        let mut open = false;
        let mut rest = line;
        while let Some(at) = rest.find('<') {
            rest = &rest[at..];
            if rest.starts_with("</span>") {
                assert!(open, "a span closes that never opened: {line:?}");
                open = false;
            } else {
                assert!(!open, "nested span: {line:?}");
                let tag_end = rest.find('>').expect("a tag closes");
                let tag = &rest[..=tag_end];
                assert!(
                    KINDS
                        .iter()
                        .any(|kind| tag == format!("<span class=\"hl-{kind}\">")),
                    "unexpected markup {tag:?}"
                );
                open = true;
            }
            rest = &rest[rest.find('>').unwrap() + 1..];
        }
        assert!(!open, "a span crosses a line break: {line:?}");
    }
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at + rest[at..].find('>').unwrap() + 1..];
    }
    text.push_str(rest);
    for (at, _) in text.match_indices('&') {
        let entity = &text[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|known| entity.starts_with(known)),
            "bare ampersand in {html:?}"
        );
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[track_caller]
fn assert_round_trip(code: &str, language: Language) {
    let html = highlight(code, language);
    assert_eq!(
        text_of(&html),
        code,
        "{language:?} changed the text of {code:?}"
    );
}

#[test]
fn fence_info_names_a_language() {
    let cases = [
        ("rust", Language::Rust),
        ("Rust ignore", Language::Rust),
        ("rust,ignore", Language::Rust),
        ("RS", Language::Rust),
        ("javascript", Language::JavaScript),
        ("js", Language::JavaScript),
        ("jsx", Language::JavaScript),
        ("mjs", Language::JavaScript),
        ("language-js", Language::JavaScript),
        ("typescript", Language::TypeScript),
        ("ts {linenos=true}", Language::TypeScript),
        ("ts{linenos=true}", Language::TypeScript),
        ("tsx", Language::TypeScript),
        ("python", Language::Python),
        ("py", Language::Python),
        ("Language-Python", Language::Python),
        ("go", Language::Go),
        ("golang", Language::Go),
        ("sh", Language::Shell),
        ("bash", Language::Shell),
        ("shell", Language::Shell),
        ("zsh", Language::Shell),
        ("console", Language::Shell),
        ("json", Language::Json),
        ("jsonc", Language::Json),
        ("yaml", Language::Yaml),
        ("  yml  ", Language::Yaml),
        ("toml", Language::Toml),
        ("html", Language::Html),
        ("xml", Language::Html),
        ("svg", Language::Html),
        ("css", Language::Css),
        ("scss", Language::Css),
        ("sql", Language::Sql),
        ("SQL", Language::Sql),
        ("dockerfile", Language::Dockerfile),
        ("Dockerfile", Language::Dockerfile),
        ("docker", Language::Dockerfile),
    ];
    for (info, expected) in cases {
        assert_eq!(language(info), Some(expected), "{info:?}");
    }
    for info in [
        "",
        "   ",
        "text",
        "plaintext",
        "brainfuck",
        "rustacean",
        "ignore rust",
    ] {
        assert_eq!(language(info), None, "{info:?}");
    }
}

#[test]
fn labels_and_classes() {
    let labels: Vec<&str> = Language::ALL.iter().map(|l| l.label()).collect();
    assert_eq!(
        labels,
        [
            "Rust",
            "JavaScript",
            "TypeScript",
            "Python",
            "Go",
            "Shell",
            "JSON",
            "YAML",
            "TOML",
            "HTML",
            "CSS",
            "SQL",
            "Dockerfile"
        ]
    );
    for lang in Language::ALL {
        assert_eq!(lang.class(), lang.label().to_lowercase());
        assert_eq!(language(lang.class()), Some(lang));
        assert_eq!(language(&format!("language-{}", lang.class())), Some(lang));
    }
}

#[test]
fn rust() {
    let html = assert_spans(
        RUST,
        Language::Rust,
        &[
            ("com", "//! Crate docs."),
            ("meta", "#[derive(Debug, Clone)]"),
            ("kw", "pub"),
            ("kw", "struct"),
            ("ty", "Point"),
            ("ty", "str"),
            ("ty", "i32"),
            ("kw", "fn"),
            ("fn", "main"),
            ("kw", "let"),
            ("str", r#""x\"y""#),
            ("com", "// c"),
            ("str", r"'\n'"),
            ("str", r##"r#"raw "str""#"##),
            ("fn", "println!"),
            ("num", "0xFFu8"),
            ("num", "1_000"),
            ("com", "/* block /* nested */ still */"),
            ("ty", "Some"),
            ("lit", "true"),
            ("fn", "iter"),
            ("fn", "collect"),
            ("ty", "Vec"),
            ("kw", "macro_rules!"),
            ("fn", "square"),
        ],
    );
    // Lifetimes and labels are not character literals.
    assert!(!html.contains("hl-str\">&#39;a"), "{html}");
    assert!(!html.contains("hl-str\">&#39;outer"), "{html}");
    assert!(html.contains(&span("str", "\"p\"")), "{html}");
}

#[test]
fn javascript() {
    let html = assert_spans(
        JAVASCRIPT,
        Language::JavaScript,
        &[
            ("com", "#!/usr/bin/env node"),
            ("kw", "import"),
            ("kw", "from"),
            ("str", "\"node:fs/promises\""),
            ("com", "// Greets someone."),
            ("kw", "function"),
            ("fn", "greet"),
            ("kw", "const"),
            ("str", "/ab+c/gi"),
            ("str", "`Hello "),
            ("fn", "toUpperCase"),
            ("str", ", "),
            ("num", "1"),
            ("str", "!`"),
            ("kw", "return"),
            ("lit", "null"),
            ("kw", "class"),
            ("ty", "Greeter"),
            ("kw", "extends"),
            ("str", "'single'"),
            ("num", "0.5e-3"),
            ("lit", "undefined"),
        ],
    );
    assert!(
        !html.contains(&span("kw", "default")),
        "a member is no keyword: {html}"
    );
    assert!(
        !html.contains("hl-str\">/ 2"),
        "division is no regex: {html}"
    );
}

#[test]
fn typescript() {
    assert_spans(
        TYPESCRIPT,
        Language::TypeScript,
        &[
            ("kw", "interface"),
            ("ty", "User"),
            ("ty", "number"),
            ("ty", "string"),
            ("ty", "ReadonlyArray"),
            ("kw", "type"),
            ("ty", "ID"),
            ("kw", "export"),
            ("kw", "async"),
            ("fn", "load"),
            ("ty", "Promise"),
            ("lit", "null"),
            ("kw", "await"),
            ("fn", "fetch"),
            ("str", "`/api/users/"),
            ("str", "`"),
            ("fn", "json"),
            ("kw", "as"),
            ("kw", "enum"),
            ("ty", "Color"),
            ("str", "\"RED\""),
        ],
    );
}

#[test]
fn python() {
    assert_spans(
        PYTHON,
        Language::Python,
        &[
            ("kw", "import"),
            ("kw", "from"),
            ("meta", "@dataclass"),
            ("lit", "True"),
            ("kw", "class"),
            ("ty", "Post"),
            ("str", "\"\"\"A post."),
            ("str", "    Spans lines."),
            ("str", "    \"\"\""),
            ("lit", "False"),
            ("kw", "def"),
            ("fn", "slug"),
            ("com", "# lower-case it"),
            ("kw", "return"),
            ("str", "r\"[^a-z]+\""),
            ("fn", "sub"),
            ("fn", "lower"),
            ("kw", "or"),
            ("lit", "None"),
            ("fn", "print"),
            ("str", "f\"{len(posts)} posts\""),
            ("num", "3.14"),
            ("num", "0x1F"),
        ],
    );
}

#[test]
fn go() {
    assert_spans(
        GO,
        Language::Go,
        &[
            ("kw", "package"),
            ("kw", "import"),
            ("str", "\"fmt\""),
            ("com", "// Server serves posts."),
            ("kw", "type"),
            ("ty", "Server"),
            ("kw", "struct"),
            ("ty", "string"),
            ("ty", "ServeMux"),
            ("kw", "func"),
            ("fn", "Start"),
            ("ty", "int"),
            ("ty", "error"),
            ("str", "`raw"),
            ("str", "string`"),
            ("lit", "nil"),
            ("fn", "Errorf"),
            ("kw", "var"),
            ("ty", "rune"),
            ("str", "'x'"),
        ],
    );
}

#[test]
fn shell() {
    assert_spans(
        SHELL,
        Language::Shell,
        &[
            ("com", "#!/usr/bin/env bash"),
            ("fn", "set"),
            ("com", "# Build and publish."),
            ("kw", "export"),
            ("var", "PATH"),
            ("var", "$HOME"),
            ("str", "/.cargo/bin:"),
            ("var", "$PATH"),
            ("var", "VERSION"),
            ("fn", "cargo"),
            ("op", "|"),
            ("fn", "tee"),
            ("kw", "if"),
            ("var", "$OUT"),
            ("kw", "then"),
            ("fn", "echo"),
            ("str", "\"done: "),
            ("var", "${OUT}"),
            ("op", "&&"),
            ("kw", "exit"),
            ("num", "0"),
            ("kw", "fi"),
            ("kw", "for"),
            ("kw", "in"),
            ("kw", "do"),
            ("fn", "wc"),
            ("kw", "done"),
            ("fn", "cat"),
            ("op", "<<"),
            ("str", "Version $VERSION"),
            ("fn", "greet"),
            ("str", "'hi'"),
        ],
    );
}

#[test]
fn shell_case_patterns_and_arithmetic() {
    let code = "case \"$1\" in\n  start|run) ./serve.sh ;;\n  *) echo $((n + 1)) ;;\nesac\n";
    let html = assert_spans(
        code,
        Language::Shell,
        &[
            ("kw", "case"),
            ("kw", "in"),
            ("fn", "./serve.sh"),
            ("fn", "echo"),
            ("num", "1"),
            ("kw", "esac"),
        ],
    );
    // Patterns and arithmetic name no commands.
    for word in ["start", "run", "*", "n"] {
        assert!(!html.contains(&span("fn", word)), "{word}: {html}");
    }
}

#[test]
fn console_prompts() {
    let html = assert_spans(
        CONSOLE,
        Language::Shell,
        &[
            ("pro", "$ "),
            ("fn", "cargo"),
            ("fn", "echo"),
            ("var", "$HOME"),
            ("op", "|"),
            ("fn", "wc"),
        ],
    );
    let lines: Vec<&str> = html.lines().collect();
    assert!(lines[0].starts_with(&span("pro", "$ ")), "{html}");
    // Output lines are the programs' words, not commands.
    assert_eq!(lines[1], "   Compiling quire-core v0.1.0");
    assert_eq!(lines[2], "test result: ok. 3 passed");
}

#[test]
fn json() {
    assert_spans(
        JSON,
        Language::Json,
        &[
            ("com", "// jsonc comment"),
            ("attr", "\"name\""),
            ("str", "\"quire\""),
            ("num", "1.5e3"),
            ("lit", "true"),
            ("lit", "null"),
            ("attr", "\"tags\""),
            ("str", r#""b\"c""#),
            ("num", "-42"),
        ],
    );
}

#[test]
fn yaml() {
    let html = assert_spans(
        YAML,
        Language::Yaml,
        &[
            ("meta", "---"),
            ("attr", "title"),
            ("str", "\"WebRTC Fundamentals\""),
            ("num", "2025-02-07T09:00:00+01:00"),
            ("com", "# or 2025-02-07"),
            ("lit", "false"),
            ("str", "\"webrtc\""),
            ("num", "1"),
            ("attr", "cover"),
            ("attr", "image"),
            ("str", "'cover.svg'"),
            ("attr", "alt"),
            ("attr", "description"),
            ("str", "One sentence: for search engines."),
            ("str", "And another # not a comment"),
            ("attr", "items"),
            ("attr", "name"),
            ("var", "&base"),
            ("attr", "a"),
            ("lit", "~"),
            ("var", "*base"),
        ],
    );
    assert!(html.contains("Two laptops linked\n"), "{html}");
}

#[test]
fn toml() {
    assert_spans(
        TOML,
        Language::Toml,
        &[
            ("com", "# Workspace settings"),
            ("tag", "[package]"),
            ("attr", "name"),
            ("str", "\"quire-core\""),
            ("attr", "version"),
            ("attr", "workspace"),
            ("lit", "true"),
            ("str", "'Maya'"),
            ("str", r#""Lin \"L\"""#),
            ("str", "\"derive\""),
            ("str", "\"std\""),
            ("tag", "[[bin]]"),
            ("attr", "serde"),
            ("attr", "features"),
            ("attr", "opt-level"),
            ("num", "3"),
            ("num", "-0.5e3"),
            ("num", "1979-05-27T07:32:00Z"),
            ("str", "\"\"\""),
            ("str", "Multi-line"),
            ("str", "text\"\"\""),
        ],
    );
}

#[test]
fn html() {
    assert_spans(
        HTML,
        Language::Html,
        &[
            ("meta", "<!DOCTYPE html>"),
            ("tag", "html"),
            ("attr", "lang"),
            ("str", "\"en\""),
            ("com", "<!-- A comment"),
            ("com", "     over two lines -->"),
            ("tag", "body"),
            ("attr", "class"),
            ("str", "main"),
            ("tag", "a"),
            ("attr", "href"),
            ("str", "\"/posts/?q=1&amp;p=2\""),
            ("attr", "data-x"),
            ("str", "'y'"),
            ("lit", "&amp;"),
            ("tag", "img"),
            ("tag", "script"),
            ("kw", "const"),
            ("num", "1"),
            ("com", "// js"),
            ("tag", "style"),
            ("tag", "p"),
            ("attr", "color"),
        ],
    );
}

#[test]
fn css() {
    assert_spans(
        CSS,
        Language::Css,
        &[
            ("com", "/* Theme */"),
            ("kw", "@media"),
            ("tag", ":root"),
            ("attr", "--code-bg"),
            ("num", "#35363c"),
            ("tag", ".post-content"),
            ("tag", "pre"),
            ("tag", "code"),
            ("tag", "a:hover"),
            ("tag", "span"),
            ("attr", "color"),
            ("fn", "var"),
            ("var", "--text"),
            ("kw", "!important"),
            ("num", "0"),
            ("num", "-1px"),
            ("num", "1.5em"),
            ("fn", "url"),
            ("str", "data:image/png;base64,AAA"),
            ("str", "\"SF Mono\""),
            ("com", "// scss comment"),
            ("var", "$gap"),
            ("num", "8px"),
            ("tag", "&:hover"),
            ("attr", "transform"),
            ("fn", "scale"),
            ("num", ".99"),
        ],
    );
}

#[test]
fn sql() {
    let html = assert_spans(
        SQL,
        Language::Sql,
        &[
            ("com", "-- Posts per tag"),
            ("kw", "select"),
            ("fn", "count"),
            ("kw", "AS"),
            ("kw", "FROM"),
            ("kw", "LEFT"),
            ("kw", "JOIN"),
            ("kw", "ON"),
            ("kw", "WHERE"),
            ("str", "'it''s'"),
            ("kw", "IS"),
            ("kw", "NOT"),
            ("lit", "NULL"),
            ("kw", "GROUP"),
            ("num", "10"),
            ("com", "/* multi"),
            ("com", "   line */"),
            ("kw", "CREATE"),
            ("kw", "TABLE"),
            ("ty", "INTEGER"),
            ("kw", "PRIMARY"),
            ("ty", "text"),
            ("ty", "boolean"),
            ("lit", "false"),
        ],
    );
    assert!(
        !html.contains(&span("kw", "order")),
        "a quoted identifier is no keyword: {html}"
    );
}

#[test]
fn dockerfile() {
    assert_spans(
        DOCKERFILE,
        Language::Dockerfile,
        &[
            ("com", "# syntax=docker/dockerfile:1"),
            ("kw", "FROM"),
            ("kw", "AS"),
            ("kw", "WORKDIR"),
            ("kw", "ARG"),
            ("attr", "PROFILE"),
            ("kw", "ENV"),
            ("attr", "RUST_LOG"),
            ("attr", "APP_HOME"),
            ("str", "\"/app\""),
            ("kw", "COPY"),
            ("var", "$PROFILE"),
            ("var", "${APP_HOME}"),
            ("kw", "RUN"),
            ("fn", "apt-get"),
            ("op", "&&"),
            ("com", "# comment inside"),
            ("num", "8080"),
            ("kw", "HEALTHCHECK"),
            ("kw", "CMD"),
            ("fn", "curl"),
            ("op", "||"),
            ("kw", "exit"),
            ("str", "\"quire\""),
            ("kw", "run"),
        ],
    );
}

#[test]
fn hostile_input_stays_text() {
    for lang in Language::ALL {
        let html = highlight(HOSTILE, lang);
        assert!(!html.contains("<script"), "{lang:?}: {html}");
        assert!(!html.contains("</code"), "{lang:?}: {html}");
        assert!(!html.contains("<img"), "{lang:?}: {html}");
        assert_round_trip(HOSTILE, lang);
    }
}

#[test]
fn empty_code_is_empty() {
    for lang in Language::ALL {
        assert_eq!(highlight("", lang), "");
        assert_round_trip("\n", lang);
    }
}

#[test]
fn every_language_round_trips_every_sample() {
    for (_, code) in samples() {
        let crlf = code.replace('\n', "\r\n");
        for lang in Language::ALL {
            assert_round_trip(code, lang);
            assert_round_trip(&crlf, lang);
            assert_round_trip(HOSTILE, lang);
        }
    }
}

#[test]
fn every_prefix_round_trips() {
    // Cutting a sample anywhere leaves strings, comments and tags unterminated.
    for (lang, code) in samples() {
        for (at, _) in code.char_indices() {
            assert_round_trip(&code[..at], lang);
            assert_round_trip(&code[at..], lang);
        }
    }
}

/// xorshift64: enough randomness to shake the lexers, and reproducible.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_input_never_panics_or_loses_text() {
    // Pieces that open (or close) the constructs lexers track, so random text
    // hits unterminated strings, comments, tags, templates and here-documents.
    const PIECES: [&str; 40] = [
        "\"", "'", "`", "\\", "/*", "*/", "//", "#", "--", "<!--", "-->", "<", "</", ">", "${",
        "}", "{", "[", "]", "(", ")", "#[", "r#\"", "\"\"\"", "'''", "<<EOF\n", "\nEOF\n", "$ ",
        "$", "---\n", "[[", "&amp;", "&", ": ", " = ", "\n", "\r\n", "\t", "é", "🦀",
    ];
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    for round in 0..600 {
        let len = random.below(120);
        let mut code = String::new();
        for _ in 0..len {
            if random.below(3) == 0 {
                code.push_str(PIECES[random.below(PIECES.len())]);
            } else {
                let printable = char::from(b' ' + random.below(95) as u8);
                code.push(printable);
            }
        }
        for lang in Language::ALL {
            let html = highlight(&code, lang);
            assert_eq!(text_of(&html), code, "round {round}, {lang:?}");
        }
    }
}

#[test]
fn pathological_input_round_trips() {
    // Each piece, repeated, defeats one lexer's lookahead if it rescans. The
    // assertion is the round trip; a lexer that turned quadratic would show
    // as this test taking seconds where it takes milliseconds.
    const PIECES: [&str; 16] = [
        "/[", "${", "url(", "'", "\"", "`", "<a ", "<!", "#[", "r#\"", "{", "[", "a ", "/*", "- ",
        "$ x \\\n",
    ];
    for piece in PIECES {
        let code = piece.repeat(20_000);
        for lang in Language::ALL {
            assert_round_trip(&code, lang);
        }
    }
}
