//! TeX math to MathML, run by the build tool.
//!
//! Conversion happens natively when a post is built (the `math-core`
//! crate, which writes MathML Core, the part of MathML every current
//! browser draws), so the reader app ships no TeX engine and the browser
//! runs no script for math. The app only checks the result against the
//! [`MATHML`](crate::html::sanitize::MATHML) allowlist as it renders.
//!
//! Two things are changed on the way, for the page's Content-Security-
//! Policy and that allowlist: `style` attributes, which the policy refuses,
//! become `math-…` classes that `style/main.css` defines (column alignment
//! and spacing of `aligned`, `cases` and numbered equations); and empty
//! elements written `<mspace/>` are written open and closed, which an HTML
//! parser reads the same and the sanitiser keeps balanced.
//!
//! ```
//! use quire_core::math::to_mathml;
//! let math = to_mathml(r"\frac{a}{b}", false).unwrap();
//! assert_eq!(math.mathml, "<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>");
//! ```

use std::{ops::Range, sync::OnceLock};

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

use crate::html::sanitize::{MATHML, decode_references, find_end_tag, sanitize};

/// A formula as MathML, and what of it could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    /// The `<math>` element.
    pub mathml: String,
    /// TeX commands the converter does not know, shown in red as written
    /// (`\boxed`), each once.
    pub unknown_commands: Vec<String>,
}

/// The class that marks an unknown command's place in the MathML.
const UNKNOWN_COMMAND_CLASS: &str = "math-core-unknown-cmd";

/// Converts one formula (`display`: a `$$…$$` block rather than inline
/// `$…$`). An error names what in the TeX could not be read.
pub fn to_mathml(tex: &str, display: bool) -> Result<Formula, String> {
    static CONVERTER: OnceLock<Option<LatexToMathML>> = OnceLock::new();
    let converter = CONVERTER
        .get_or_init(|| converter_with(Vec::new()).ok())
        .as_ref()
        .ok_or("the math converter could not start")?;
    convert(converter, tex, display)
}

/// A converter that knows `macros` (name, definition with `#1`…).
fn converter_with(macros: Vec<(String, String)>) -> Result<LatexToMathML, String> {
    LatexToMathML::new(MathCoreConfig {
        ignore_unknown_commands: true,
        macros,
        ..MathCoreConfig::default()
    })
    .map_err(|(error, _, definition)| {
        format!("`{definition}`: {}", error.error_message().to_lowercase())
    })
}

/// The macros a page's formulas have defined so far (`\gdef`,
/// `\global\def`, `\def`, `\newcommand`, `\renewcommand`,
/// `\DeclareMathOperator`), which its later formulas use, as KaTeX keeps
/// them across a page.
#[derive(Default)]
pub struct PageMacros {
    /// Each macro's name (without `\`) and definition, latest last.
    defined: Vec<(String, String)>,
    /// A converter that knows them, made again when they change.
    converter: Option<LatexToMathML>,
}

impl PageMacros {
    /// Converts one formula of the page: its definitions are kept for the
    /// formulas after it, and the rest is drawn (nothing, for a formula of
    /// definitions alone). A definition the converter cannot read is an
    /// error, and is not kept.
    pub fn to_mathml(&mut self, tex: &str, display: bool) -> Result<Formula, String> {
        let (defined, rest) = definitions(tex);
        if !defined.is_empty() {
            let mut all = self.defined.clone();
            for (name, definition) in defined {
                all.retain(|(known, _)| *known != name);
                all.push((name, definition));
            }
            self.converter = Some(converter_with(all.clone())?);
            self.defined = all;
        }
        if rest.trim().is_empty() {
            return Ok(Formula {
                mathml: String::new(),
                unknown_commands: Vec::new(),
            });
        }
        match &self.converter {
            Some(converter) => convert(converter, &rest, display),
            None => to_mathml(&rest, display),
        }
    }
}

/// The macro definitions in a formula, and the formula without them.
fn definitions(tex: &str) -> (Vec<(String, String)>, String) {
    let mut defined = Vec::new();
    let mut rest = String::with_capacity(tex.len());
    let mut at = 0;
    while let Some(ch) = tex[at..].chars().next() {
        if ch == '\\'
            && let Some((name, definition, length)) = definition_at(&tex[at..])
        {
            defined.push((name, definition));
            at += length;
            continue;
        }
        rest.push(ch);
        at += ch.len_utf8();
    }
    (defined, rest)
}

/// A definition at the start of `tex`: the macro's name, its definition
/// and the length of its TeX.
fn definition_at(tex: &str) -> Option<(String, String, usize)> {
    let global = tex
        .strip_prefix("\\global")
        .filter(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        .map_or(tex, str::trim_start);
    let (keyword, after) = command_at(global)?;
    let (name, definition, rest) = match keyword {
        "gdef" | "def" | "xdef" | "edef" => {
            let (name, after_name) = command_at(after.trim_start())?;
            // Parameters (`#1#2`) up to the body's brace: the converter
            // counts them from the body.
            let body_at = after_name.find('{')?;
            let parameters = &after_name[..body_at];
            if !parameters
                .chars()
                .all(|c| c == '#' || c.is_ascii_digit() || c.is_whitespace())
            {
                return None;
            }
            let (body, rest) = argument(&after_name[body_at..])?;
            (name, body.to_owned(), rest)
        }
        "newcommand" | "renewcommand" | "providecommand" | "DeclareMathOperator" => {
            let after = after
                .trim_start()
                .strip_prefix('*')
                .unwrap_or(after)
                .trim_start();
            let (name, after_name) = match after.strip_prefix('{') {
                Some(inside) => {
                    let (name, rest) = command_at(inside.trim_start())?;
                    (name, rest.trim_start().strip_prefix('}')?)
                }
                None => command_at(after)?,
            };
            let mut after_name = after_name.trim_start();
            // `[2]`: the number of arguments, which the converter counts itself.
            if let Some(count) = after_name.strip_prefix('[') {
                let end = count.find(']')?;
                if !count[..end].trim().chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                after_name = count[end + 1..].trim_start();
            }
            let (body, rest) = argument(after_name)?;
            let body = if keyword == "DeclareMathOperator" {
                format!("\\operatorname{{{body}}}")
            } else {
                body.to_owned()
            };
            (name, body, rest)
        }
        _ => return None,
    };
    Some((name.to_owned(), definition, tex.len() - rest.len()))
}

/// A command at the start of `tex` (`\name`, or `\` and one other
/// character): its name, and what follows it.
fn command_at(tex: &str) -> Option<(&str, &str)> {
    let after = tex.strip_prefix('\\')?;
    let letters = after.len()
        - after
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let length = if letters > 0 {
        letters
    } else {
        after.chars().next()?.len_utf8()
    };
    Some((&after[..length], &after[length..]))
}

/// Converts one formula with `converter`.
fn convert(converter: &LatexToMathML, tex: &str, display: bool) -> Result<Formula, String> {
    let mode = if display {
        MathDisplay::Block
    } else {
        MathDisplay::Inline
    };
    let result = converter
        .convert_with_local_state(tex, mode)
        .or_else(|error| {
            // What TeX reads and the converter does not, written as it
            // reads it: amsmath allows `\tag` in `align*` and `equation*`,
            // the converter only in numbered environments (the label is then
            // set as text at the row's end); and `A'^3`, one superscript to
            // TeX, is two to the converter.
            let readable = primes_merged(&tags_as_text(tex));
            if readable == tex {
                return Err(error.error_message());
            }
            converter
                .convert_with_local_state(&readable, mode)
                .map_err(|_| error.error_message())
        })?;
    let (mathml, unknown_commands) = unknown_commands_escaped(&result.mathml);
    let mathml = classes_for_styles(&open_and_closed(&mathml));
    // The app keeps only what the allowlist names; what it would change
    // (text the converter left unescaped, as `\operatorname{a<b}`) is not
    // shown half-drawn but as the TeX it came from.
    if sanitize(&mathml, &MATHML).as_str() != mathml {
        return Err("the converter wrote something other than plain MathML".to_owned());
    }
    Ok(Formula {
        mathml,
        unknown_commands,
    })
}

/// Primes followed by a superscript (`A'^3`, `f''^{(n)}`), which TeX sets
/// as one superscript, written as one: `A^{\prime 3}`.
fn primes_merged(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(start) = rest.find('\'') {
        let from_primes = &rest[start..];
        let primes = from_primes.len() - from_primes.trim_start_matches('\'').len();
        let after = &from_primes[primes..];
        let merged = after
            .trim_start()
            .strip_prefix('^')
            .and_then(|after_caret| argument(after_caret.trim_start()));
        match merged {
            Some((inner, remaining)) => {
                out.push_str(&rest[..start]);
                out.push_str("^{");
                out.push_str(&"\\prime ".repeat(primes));
                out.push_str(inner);
                out.push('}');
                rest = remaining;
            }
            None => {
                out.push_str(&rest[..start + primes]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A command's argument at the start of `tex` (a `{…}` group's inside,
/// a command or one character: a superscript, a macro's body) and what
/// follows it.
fn argument(tex: &str) -> Option<(&str, &str)> {
    if let Some(group) = tex.strip_prefix('{') {
        let mut depth = 1;
        let mut escaped = false;
        for (at, c) in group.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((&group[..at], &group[at + 1..]));
                    }
                }
                _ => {}
            }
        }
        return None;
    }
    if let Some((name, rest)) = command_at(tex) {
        return Some((&tex[..1 + name.len()], rest));
    }
    let first = tex.chars().next()?;
    Some(tex.split_at(first.len_utf8()))
}

/// Every `\tag{label}` written `\qquad\text{(label)}`.
fn tags_as_text(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(start) = rest.find("\\tag{") {
        let label_start = start + "\\tag{".len();
        let Some(length) = rest[label_start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str("\\qquad\\text{(");
        out.push_str(&rest[label_start..label_start + length]);
        out.push_str(")}");
        rest = &rest[label_start + length + 1..];
    }
    out.push_str(rest);
    out
}

/// A formula in HTML, as MathJax would find it in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlFormula {
    /// Where it is in the HTML, its marks included.
    pub range: Range<usize>,
    /// The TeX between the marks, character references decoded.
    pub tex: String,
    /// Set apart (`\[…\]`, `$$…$$`) rather than inline (`\(…\)`).
    pub display: bool,
}

/// The elements whose text is no place for math: code, and what is not shown.
const NOT_MATH: [&str; 5] = ["pre", "code", "script", "style", "textarea"];

/// The formulas in the text of an HTML fragment (a `.html` page that
/// Pandoc or R Markdown wrote, a raw HTML block): `\(…\)`, `\[…\]` and
/// `$$…$$` within one run of text, outside tags and outside `pre`, `code`,
/// `script`, `style` and `textarea`.
pub fn formulas_in_html(html: &str) -> Vec<HtmlFormula> {
    let mut formulas = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let text_end = html[at..].find('<').map_or(html.len(), |found| at + found);
        formulas.extend(formulas_in_text(&html[at..text_end], at));
        if text_end == html.len() {
            break;
        }
        let tag_end = tag_end(html, text_end);
        let name: String = html[text_end + 1..tag_end]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        at = tag_end;
        if NOT_MATH.contains(&name.as_str()) {
            at = find_end_tag(&html[at..], &name).map_or(html.len(), |found| at + found);
        }
    }
    formulas
}

/// Where the tag that starts at `start` ends (after its `>`), a `>` in a
/// quoted attribute value not counting.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote = None;
    for (at, c) in html[start..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return start + at + 1,
            _ => {}
        }
    }
    html.len()
}

/// The formulas in one run of HTML text that starts at `offset`.
fn formulas_in_text(text: &str, offset: usize) -> Vec<HtmlFormula> {
    const MARKS: [(&str, &str, bool); 3] = [
        ("\\(", "\\)", false),
        ("\\[", "\\]", true),
        ("$$", "$$", true),
    ];
    let mut formulas = Vec::new();
    let mut finder = MarkFinder::new(text, MARKS.iter().map(|mark| mark.0).collect());
    let mut at = 0;
    while let Some((start, which)) = finder.next(at) {
        let (open, close, display) = MARKS[which];
        let inner = start + open.len();
        at = inner;
        let Some(length) = text[inner..].find(close) else {
            // No later mark of this kind closes either.
            finder.retire(which);
            continue;
        };
        let end = inner + length + close.len();
        let tex = decode_references(&text[inner..inner + length]);
        if !tex.trim().is_empty() {
            formulas.push(HtmlFormula {
                range: offset + start..offset + end,
                tex: tex.trim().to_owned(),
                display,
            });
        }
        at = end;
    }
    formulas
}

/// Finds the earliest of several marks in a text from a place on, again
/// and again as the place moves forward. Each mark is looked for once per
/// place it is found at, so a long text with many marks takes linear time
/// (looking for every mark at every step took quadratic time).
pub struct MarkFinder<'a> {
    text: &'a str,
    marks: Vec<&'a str>,
    /// Each mark's next place, once looked for: `Some(None)` when it does
    /// not come again.
    next: Vec<Option<Option<usize>>>,
}

impl<'a> MarkFinder<'a> {
    /// A finder for `marks` (none empty) in `text`.
    pub fn new(text: &'a str, marks: Vec<&'a str>) -> Self {
        let next = vec![None; marks.len()];
        Self { text, marks, next }
    }

    /// The earliest place at or after `at` where a mark starts, and the
    /// mark's index; of marks found at one place, the first listed.
    pub fn next(&mut self, at: usize) -> Option<(usize, usize)> {
        for (index, mark) in self.marks.iter().enumerate() {
            let stale = match self.next[index] {
                None => true,
                Some(Some(place)) => place < at,
                Some(None) => false,
            };
            if stale {
                let found = self.text.get(at..).and_then(|rest| rest.find(mark));
                self.next[index] = Some(found.map(|place| at + place));
            }
        }
        self.next
            .iter()
            .enumerate()
            .filter_map(|(index, place)| Some(((*place)??, index)))
            .min()
    }

    /// Stops looking for the mark at `index`.
    pub fn retire(&mut self, index: usize) {
        self.next[index] = Some(None);
    }
}

/// `<mspace/>` written `<mspace></mspace>`; a `/>` in text is left alone.
fn open_and_closed(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(end) = rest.find("/>") {
        let in_tag = rest[..end]
            .rfind('<')
            .filter(|start| !rest[*start..end].contains('>'));
        out.push_str(&rest[..end]);
        match in_tag {
            Some(start) => {
                let name_end = rest[start + 1..end]
                    .find(|c: char| c.is_ascii_whitespace())
                    .map_or(end, |at| start + 1 + at);
                out.push_str("></");
                out.push_str(&rest[start + 1..name_end]);
                out.push('>');
            }
            None => out.push_str("/>"),
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The `style` declarations the converter writes, and the class that
/// `style/main.css` gives the same look; any other declaration (a colour)
/// is left out.
const STYLE_CLASSES: &[(&str, &str)] = &[
    ("text-align: right", "math-right"),
    ("text-align: left", "math-left"),
    ("padding-right: 0", "math-pr0"),
    ("padding-left: 0", "math-pl0"),
    ("padding-left:1em", "math-pl1"),
    ("padding-left:0.1667em", "math-px"),
    ("width: 100%", "math-full"),
    ("width: 50%", "math-half"),
    ("font-variant-caps: small-caps", "math-small-caps"),
];

/// Every `style="…"` attribute replaced by the classes of its declarations.
fn classes_for_styles(mathml: &str) -> String {
    const OPEN: &str = " style=\"";
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(start) = rest.find(OPEN) {
        let Some(length) = rest[start + OPEN.len()..].find('"') else {
            break;
        };
        let style = &rest[start + OPEN.len()..start + OPEN.len() + length];
        let classes: Vec<&str> = style
            .split(';')
            .filter_map(|declaration| {
                STYLE_CLASSES
                    .iter()
                    .find(|(written, _)| *written == declaration.trim())
                    .map(|(_, class)| *class)
            })
            .collect();
        out.push_str(&rest[..start]);
        if !classes.is_empty() {
            out.push_str(" class=\"");
            out.push_str(&classes.join(" "));
            out.push('"');
        }
        rest = &rest[start + OPEN.len() + length + 1..];
    }
    out.push_str(rest);
    out
}

/// `mathml` with each unknown command's name escaped (the converter
/// writes it as the author did: `\\<` would open a tag), and those names.
fn unknown_commands_escaped(mathml: &str) -> (String, Vec<String>) {
    const END: &str = "</mtext></merror>";
    let marker = format!("<merror class=\"{UNKNOWN_COMMAND_CLASS}\"><mtext>");
    let mut out = String::with_capacity(mathml.len());
    let mut names = Vec::new();
    let mut rest = mathml;
    while let Some(start) = rest.find(&marker) {
        let name_start = start + marker.len();
        let Some(length) = rest[name_start..].find(END) else {
            break;
        };
        let name = &rest[name_start..name_start + length];
        out.push_str(&rest[..name_start]);
        out.push_str(&crate::html::escape(name));
        names.push(name.to_owned());
        rest = &rest[name_start + length..];
    }
    out.push_str(rest);
    names.sort();
    names.dedup();
    (out, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fraction_becomes_mathml() {
        let formula = to_mathml(r"x = \frac{1}{2}", true).unwrap();
        assert_eq!(
            formula.mathml,
            r#"<math display="block"><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"#
        );
        assert!(formula.unknown_commands.is_empty());
    }

    #[test]
    fn styles_become_classes_and_colours_are_left_out() {
        let aligned = to_mathml(r"\begin{aligned} a &= b \\ c &= d \end{aligned}", true).unwrap();
        assert!(!aligned.mathml.contains(" style="), "{}", aligned.mathml);
        assert!(
            aligned
                .mathml
                .contains(r#"<mtd class="math-right math-pr0"><mi>a</mi></mtd>"#),
            "{}",
            aligned.mathml
        );
        let coloured = to_mathml(r"\color{red} z", false).unwrap();
        assert!(
            !coloured.mathml.contains(" style=") && coloured.mathml.contains("<mi>z</mi>"),
            "{}",
            coloured.mathml
        );
    }

    #[test]
    fn empty_elements_are_written_open_and_closed() {
        assert_eq!(
            open_and_closed(r#"<mrow><mspace width="1em"/><mi>x</mi><none/></mrow>"#),
            r#"<mrow><mspace width="1em"></mspace><mi>x</mi><none></none></mrow>"#
        );
    }

    #[test]
    fn unknown_commands_are_named_and_bad_tex_is_an_error() {
        let formula = to_mathml(r"\boxed{x} + \boxed{y} + \frobnicate", false).unwrap();
        assert_eq!(formula.unknown_commands, [r"\boxed", r"\frobnicate"]);
        let error = to_mathml("x^{", false).unwrap_err();
        assert!(!error.is_empty());
    }

    #[test]
    fn a_tag_in_an_unnumbered_environment_is_set_as_text() {
        let formula = to_mathml(
            r"\begin{align*} a &= b \tag{1.2} \\ c &= d \end{align*}",
            true,
        )
        .unwrap();
        assert!(
            formula.mathml.contains("<mtext>(1.2)</mtext>"),
            "{}",
            formula.mathml
        );
    }

    #[test]
    fn a_prime_before_a_superscript_was_shown_as_tex() {
        // tom0727.github.io's FFT notes: `A_{m-1-i}'^3`.
        assert_eq!(
            primes_merged(r"A'^3 + f''^{(n)} - g' ^\alpha"),
            r"A^{\prime 3} + f^{\prime \prime (n)} - g^{\prime \alpha}"
        );
        assert_eq!(
            primes_merged(r"f'(x) = \text{don't}"),
            r"f'(x) = \text{don't}"
        );
        let formula = to_mathml(r"C_i = A_i'^3", false).unwrap();
        assert!(formula.mathml.contains("′"), "{}", formula.mathml);
    }

    #[test]
    fn the_allowlist_keeps_everything_the_converter_writes() {
        use crate::html::sanitize::{MATHML, sanitize};
        let formulas = [
            r"\frac{-b \pm \sqrt{b^2 - 4ac}}{2a}",
            r"\sum_{i=1}^{n} x_i^2 \prod_j \int_0^\infty e^{-t} \, dt",
            r"\begin{pmatrix} a & b \\ c & d \end{pmatrix} \begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}",
            r"\begin{align} a &= b \\ c &= d \end{align}",
            r"\hat{x} \bar{y} \vec{v} \overbrace{a+b}^{n} \underbrace{c}_{m} \overset{!}{=} \sqrt[3]{x}",
            r"\mathbb{R} \mathcal{L} \mathbf{W} \mathrm{d} \operatorname{softmax} \left\| x \right\|_2 \mathop{\arg\min}_\theta",
            r"\color{red} x \boxed{y} \phantom{z} \hspace{1em} \quad \! \;",
            r"\text{plain} \textbf{b} \textit{i} \emph{e} \texttt{t} \textsf{s} \textsc{c} \textrm{r}",
            r"\href{javascript:alert(1)}{x} \text{<img src=x onerror=alert(1)>} \unicode{60}script",
        ];
        for tex in formulas {
            for display in [false, true] {
                let Ok(formula) = to_mathml(tex, display) else {
                    continue;
                };
                assert_eq!(
                    sanitize(&formula.mathml, &MATHML).as_str(),
                    formula.mathml,
                    "{tex}"
                );
                for banned in [" href=", "<script", "<img", " onerror=", " style="] {
                    assert!(
                        !formula.mathml.contains(banned),
                        "{banned} in {}",
                        formula.mathml
                    );
                }
            }
        }
    }

    #[test]
    fn formulas_in_html_are_found_in_text_not_in_code_or_tags() {
        let html = r#"<p>Pandoc: <span class="math inline">\(x &lt; y\)</span> and</p>
<span class="math display">\[\sum_i x_i\]</span><div>$$a^2$$</div>
<pre><code>\(not math\)</code></pre><a title="\(no\)">\(yes\)</a>"#;
        let formulas = formulas_in_html(html);
        let found: Vec<(&str, &str, bool)> = formulas
            .iter()
            .map(|formula| {
                (
                    &html[formula.range.clone()],
                    formula.tex.as_str(),
                    formula.display,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("\\(x &lt; y\\)", "x < y", false),
                ("\\[\\sum_i x_i\\]", "\\sum_i x_i", true),
                ("$$a^2$$", "a^2", true),
                ("\\(yes\\)", "yes", false),
            ]
        );
    }

    /// Found by review: `\operatorname` text is written unescaped, and a
    /// `/>` in it made the build panic.
    #[test]
    fn an_operator_name_with_markup_characters_is_refused_not_a_panic() {
        for tex in [
            r"\operatorname{/>/>}",
            r"\operatorname{a<b}",
            r"\operatorname{a&b}",
        ] {
            assert!(to_mathml(tex, false).is_err(), "{tex}");
        }
    }

    #[test]
    fn a_closing_mark_in_a_quoted_attribute_does_not_end_the_tag() {
        let html = r#"<a title="> \(x\)">\(y\)</a>"#;
        let found: Vec<String> = formulas_in_html(html)
            .into_iter()
            .map(|formula| formula.tex)
            .collect();
        assert_eq!(found, ["y"]);
    }

    #[test]
    fn many_unclosed_marks_are_found_in_linear_time() {
        let text = "\\(a ".repeat(100_000) + "$$b$$";
        let found = formulas_in_html(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tex, "b");
    }

    /// Found by fuzzing: the converter wrote `<mtext>\\<</mtext>`.
    #[test]
    fn an_unknown_command_named_by_a_bracket_is_escaped() {
        let formula = to_mathml(r"*\<s", false).unwrap();
        assert!(
            formula.mathml.contains(r"<mtext>\&lt;</mtext>"),
            "{}",
            formula.mathml
        );
        assert_eq!(formula.unknown_commands, [r"\<"]);
    }

    #[test]
    fn text_in_math_is_escaped() {
        let formula = to_mathml(r"\text{<script>alert(1)</script>}", false).unwrap();
        assert!(!formula.mathml.contains("<script"), "{}", formula.mathml);
    }

    #[test]
    fn macros_a_page_defined_were_shown_as_tex() {
        // qitoy.github.io: KaTeX keeps `\global\def` across the page's formulas.
        let mut page = PageMacros::default();
        let definitions = page
            .to_mathml(
                r"\global\def\paren#1{\left(#1\right)} \gdef\ans{\operatorname{ans}}",
                true,
            )
            .unwrap();
        assert_eq!(
            definitions.mathml, "",
            "a formula of definitions draws nothing"
        );
        let later = page.to_mathml(r"\ans = \paren{x}", false).unwrap();
        assert_eq!(
            later.mathml,
            to_mathml(r"\operatorname{ans} = \left(x\right)", false)
                .unwrap()
                .mathml
        );
        // LaTeX's spellings, and a formula that defines and uses at once.
        let both = page
            .to_mathml(
                r"\newcommand{\R}{\mathbb{R}}\newcommand\sq[1]{#1^2}\DeclareMathOperator{\Tr}{Tr} \Tr \sq{\R}",
                false,
            )
            .unwrap();
        assert!(
            both.unknown_commands.is_empty()
                && both.mathml.contains(">Tr</mo>")
                && both.mathml.contains("<msup><mi>ℝ</mi><mn>2</mn></msup>"),
            "{}",
            both.mathml
        );
        // Commands that only begin like a definition are left alone.
        assert_eq!(definitions_of(r"\default \globalx"), 0);
        // A page without definitions draws as before.
        assert_eq!(
            PageMacros::default()
                .to_mathml(r"\frac{a}{b}", false)
                .unwrap(),
            to_mathml(r"\frac{a}{b}", false).unwrap()
        );
    }

    #[test]
    fn a_macro_cannot_carry_markup_or_a_script_link_into_the_page() {
        let mut page = PageMacros::default();
        // A definition the converter cannot read is refused, not kept.
        assert!(
            page.to_mathml(r"\gdef\x{\href{javascript:alert(1)}{x}}", true)
                .is_err()
        );
        page.to_mathml(r"\gdef\y{\text{<script>alert(2)</script>}}", true)
            .unwrap();
        for tex in [r"\x", r"\y"] {
            let formula = page.to_mathml(tex, false).unwrap();
            assert!(
                !formula.mathml.contains("javascript") && !formula.mathml.contains("<script"),
                "{}",
                formula.mathml
            );
        }
    }

    fn definitions_of(tex: &str) -> usize {
        definitions(tex).0.len()
    }
}
