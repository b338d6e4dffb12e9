//! The build-time highlighter: the languages real blogs use are coloured,
//! and no input can lose text, inject markup or make a span cross a line.

use quire_core::{
    highlight::{highlight, language, languages},
    html::{sanitize, sanitize::HIGHLIGHTED_CODE},
};

/// The text of highlighted HTML, tags removed and entities read back.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Checks what must hold for any code in any language.
fn check_invariants(code: &str, info: &str) -> String {
    let language = language(info).unwrap_or_else(|| panic!("{info} is known"));
    let html = highlight(code, &language);
    assert_eq!(text_of(&html), code, "{info}: text lost or changed");
    assert_eq!(
        sanitize(&html, &HIGHLIGHTED_CODE).as_str(),
        html,
        "{info}: the sanitiser would change the output"
    );
    for line in html.split('\n') {
        assert_eq!(
            line.matches("<span").count(),
            line.matches("</span>").count(),
            "{info}: a span crosses a line: {line}"
        );
    }
    html
}

/// The class wrapped around `token` in `html`, if any.
fn class_of<'a>(html: &'a str, token: &str) -> Option<&'a str> {
    let at = html.find(&format!(">{token}<"))?;
    let open = html[..at].rfind("<span class=\"")? + "<span class=\"".len();
    html[open..at].split('"').next()
}

#[test]
fn languages_of_real_blogs_are_coloured() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("rust", "fn main() { let x = 1; }\n", "let", "hl-kw"),
        (
            "python",
            "def f(x):\n    return None  # done\n",
            "def",
            "hl-kw",
        ),
        ("javascript", "const x = \"a\";\n", "const", "hl-kw"),
        (
            "typescript",
            "interface A { b: number }\n",
            "interface",
            "hl-kw",
        ),
        ("go", "package main\nfunc main() {}\n", "func", "hl-kw"),
        ("r", "x <- c(1, 2)\nif (TRUE) print(x)\n", "if", "hl-kw"),
        ("csharp", "public class A { }\n", "class", "hl-kw"),
        (
            "c",
            "#include <stdio.h>\nint main(void) { return 0; }\n",
            "return",
            "hl-kw",
        ),
        (
            "cpp",
            "template <typename T> class V {};\n",
            "class",
            "hl-kw",
        ),
        (
            "java",
            "public class A {\n  void run() {}\n}\n",
            "class",
            "hl-kw",
        ),
        ("kotlin", "fun main() { val x = 1 }\n", "fun", "hl-kw"),
        ("swift", "func f() -> Int { return 1 }\n", "func", "hl-kw"),
        ("ruby", "def hi\n  puts 'x'\nend\n", "def", "hl-kw"),
        (
            "php",
            "<?php function f() { return 1; }\n",
            "function",
            "hl-kw",
        ),
        ("lua", "local x = 1\n", "local", "hl-kw"),
        ("haskell", "main = do\n  print 1\n", "do", "hl-kw"),
        ("elixir", "defmodule A do\nend\n", "defmodule", "hl-kw"),
        ("yaml", "key: \"value\"\n", "&quot;value&quot;", "hl-str"),
        ("sql", "SELECT * FROM t WHERE a = 1;\n", "SELECT", "hl-kw"),
        ("makefile", "all:\n\techo hi\n", "echo", "hl-fn"),
        ("graphql", "query { user { id } }\n", "query", "hl-kw"),
    ];
    for (info, code, token, class) in cases {
        let html = check_invariants(code, info);
        assert_eq!(
            class_of(&html, token),
            Some(*class),
            "{info}: {token} in {html}"
        );
    }
}

#[test]
fn diffs_mark_added_and_removed_lines() {
    let html = check_invariants("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n", "diff");
    assert!(
        html.contains(r#"<span class="hl-tag">-old</span>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="hl-str">+new</span>"#),
        "{html}"
    );
}

#[test]
fn transcripts_mark_prompts_and_leave_output_plain() {
    let html = check_invariants("$ ls -la\nfile.txt\n# whoami\nroot\n", "console");
    assert!(
        html.starts_with(r#"<span class="hl-pro">$ </span>"#),
        "{html}"
    );
    assert!(html.contains("\nfile.txt\n"), "{html}");
    assert!(html.contains(r#"<span class="hl-pro"># </span>"#), "{html}");
}

#[test]
fn hostile_code_is_text_in_every_language() {
    let hostile = "</span><script>alert(1)</script>\n\"'><img src=x onerror=alert(2)>\n/* <!-- */ `${x}` \\\n";
    for language in languages() {
        let html = highlight(hostile, &language);
        assert_eq!(text_of(&html), hostile, "{}", language.label());
        assert_eq!(
            sanitize(&html, &HIGHLIGHTED_CODE).as_str(),
            html,
            "{}",
            language.label()
        );
        assert!(!html.contains("<script"), "{}", language.label());
    }
}
