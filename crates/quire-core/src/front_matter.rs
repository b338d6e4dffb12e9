//! Hugo-style front matter: YAML between `---` lines or TOML between `+++`
//! lines, with Hugo's field names. Keys are matched case-insensitively, as
//! Hugo matches them, and unknown keys (most theme options, such as
//! `ShowReadingTime`) are ignored.

use serde_json::{Map, Value};

use crate::{date::Timestamp, problem::Problem};

/// A content file split into its front matter and Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    /// The fields Quire reads.
    pub front_matter: FrontMatter,
    /// The Markdown after the closing delimiter.
    pub body: &'a str,
}

/// The cover image as written in front matter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CoverSpec {
    /// A path relative to the post's folder, a path from the site root (`/images/x.png`, served from `static/`), or a URL.
    pub image: String,
    /// Alternative text.
    pub alt: String,
    /// Caption under the image.
    pub caption: String,
    /// Line of the `cover` key, for error messages.
    pub line: usize,
}

/// The front-matter fields Quire understands.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// `title`.
    pub title: String,
    /// `date`; when absent, `lastmod`.
    pub date: Timestamp,
    /// `lastmod`.
    pub lastmod: Option<Timestamp>,
    /// `draft`.
    pub draft: bool,
    /// `hidden` (or PaperMod's `hiddenInHomeList`): a page, but in no list, feed or sitemap.
    pub hidden: bool,
    /// `toc` (or PaperMod's `ShowToc`): `false` turns the table of contents off.
    pub toc: bool,
    /// `tags`.
    pub tags: Vec<String>,
    /// `categories`.
    pub categories: Vec<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `author` and `authors`, merged.
    pub authors: Vec<String>,
    /// `cover`.
    pub cover: Option<CoverSpec>,
    /// `slug`, with its line.
    pub slug: Option<(String, usize)>,
    /// `aliases`.
    pub aliases: Vec<String>,
    /// `weight`.
    pub weight: i64,
}

/// Splits a file and reads its front matter, listing every problem found.
pub fn parse(source: &str) -> Result<Document<'_>, Vec<Problem>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (format, delimiter) = match source.lines().next().map(str::trim_end) {
        Some("---") => (Format::Yaml, "---"),
        Some("+++") => (Format::Toml, "+++"),
        _ => {
            return Err(vec![Problem::at_line(
                1,
                "no front matter: start the file with a `---` (YAML) or `+++` (TOML) line",
            )]);
        }
    };
    let after_open = &source[source.find('\n').map_or(source.len(), |at| at + 1)..];
    let mut offset = 0;
    let mut closing = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == delimiter {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((raw_end, body_start)) = closing else {
        return Err(vec![Problem::at_line(
            1,
            format!("front matter is not closed: add a `{delimiter}` line after it"),
        )]);
    };
    let raw = &after_open[..raw_end];
    let body = &after_open[body_start..];
    let fields = format.parse(raw)?;
    let front_matter = read_fields(&fields, raw)?;
    Ok(Document { front_matter, body })
}

#[derive(Clone, Copy)]
enum Format {
    Yaml,
    Toml,
}

impl Format {
    /// Parses the block into lowercase-keyed JSON-like values, so both formats
    /// are read by one set of rules.
    fn parse(self, raw: &str) -> Result<Map<String, Value>, Vec<Problem>> {
        // Line numbers are of the file: the block starts on line 2.
        let value = match self {
            Format::Yaml if raw.trim().is_empty() => Value::Object(Map::new()),
            Format::Yaml if flow_depth(raw) > MAX_FLOW_DEPTH => {
                return Err(vec![Problem::at_line(
                    2,
                    format!(
                        "front matter nests `[…]` or `{{…}}` more than {MAX_FLOW_DEPTH} deep; no field needs that"
                    ),
                )]);
            }
            Format::Yaml => serde_yaml_ng::from_str::<Value>(raw).map_err(|error| {
                let line = error.location().map_or(1, |at| at.line() + 1);
                let message = error.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_owned();
                vec![Problem::at_line(
                    line,
                    format!("front matter is not valid YAML: {message}"),
                )]
            })?,
            Format::Toml => {
                let table = raw.parse::<toml::Table>().map_err(|error| {
                    let line = error
                        .span()
                        .map_or(1, |span| raw[..span.start].matches('\n').count() + 2);
                    vec![Problem::at_line(
                        line,
                        format!("front matter is not valid TOML: {}", error.message()),
                    )]
                })?;
                toml_to_json(toml::Value::Table(table))
            }
        };
        match lowercase_keys(value) {
            Value::Object(map) => Ok(map),
            Value::Null => Ok(Map::new()),
            _ => Err(vec![Problem::at_line(
                2,
                "front matter must be a set of `key: value` fields",
            )]),
        }
    }
}

/// How deep YAML flow collections (`[…]`, `{…}`) may nest. The YAML reader
/// takes time quadratic in the depth before it refuses a deep one (seconds
/// for a few dozen kilobytes), so deeper front matter is refused first.
const MAX_FLOW_DEPTH: usize = 32;

/// The deepest nesting of `[`/`{` outside quoted text.
fn flow_depth(raw: &str) -> usize {
    let (mut depth, mut deepest) = (0_usize, 0_usize);
    let mut quote: Option<char> = None;
    for ch in raw.chars() {
        match (quote, ch) {
            (Some(open), _) if ch == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(ch),
            (None, '[' | '{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        // TOML has dates as a type; Hugo reads them as the dates they are.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn lowercase_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k.to_lowercase(), lowercase_keys(v)))
                .collect(),
        ),
        other => other,
    }
}

/// The file line on which a top-level key is written, or the first line of
/// the front matter when it cannot be found.
fn line_of(raw: &str, key: &str) -> usize {
    raw.lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches('[');
            // `get`, not slicing: the line may hold any script, and a byte
            // count can fall inside a character.
            line.get(..key.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(key))
                && line[key.len()..]
                    .trim_start()
                    .starts_with([':', '=', ']', '.'])
        })
        .map_or(1, |at| at + 2)
}

struct Reader<'a> {
    fields: &'a Map<String, Value>,
    raw: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, key: &str, message: String) {
        let line = line_of(self.raw, key);
        self.problems.push(Problem::at_line(line, message));
    }

    fn text(&mut self, key: &str) -> Option<String> {
        match self.fields.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.problem(key, format!("`{key}` must be text"));
                None
            }
        }
    }

    fn list(&mut self, key: &str) -> Vec<String> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(items)) => {
                let mut texts = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => texts.push(s.clone()),
                        Value::Number(n) => texts.push(n.to_string()),
                        _ => {
                            self.problem(key, format!("every entry of `{key}` must be text"));
                            return Vec::new();
                        }
                    }
                }
                texts
                    .into_iter()
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect()
            }
            Some(_) => {
                self.problem(
                    key,
                    format!("`{key}` must be a list such as [\"a\", \"b\"]"),
                );
                Vec::new()
            }
        }
    }

    fn timestamp(&mut self, key: &str) -> Option<Timestamp> {
        let text = self.text(key)?;
        match text.parse::<Timestamp>() {
            Ok(stamp) => Some(stamp),
            Err(error) => {
                self.problem(key, format!("`{key}`: {error}"));
                None
            }
        }
    }

    fn flag(&mut self, key: &str) -> bool {
        match self.fields.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => true,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => false,
            Some(_) => {
                self.problem(key, format!("`{key}` must be true or false"));
                false
            }
        }
    }

    fn integer(&mut self, key: &str) -> i64 {
        match self.fields.get(key) {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or_default(),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
                s.trim().parse().unwrap_or_default()
            }
            Some(_) => {
                self.problem(key, format!("`{key}` must be a whole number"));
                0
            }
        }
    }

    fn cover(&mut self) -> Option<CoverSpec> {
        let line = line_of(self.raw, "cover");
        let text = |map: &Map<String, Value>, key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        match self.fields.get("cover")? {
            Value::Null => None,
            Value::String(image) => Some(CoverSpec {
                image: image.trim().to_owned(),
                line,
                ..CoverSpec::default()
            }),
            Value::Object(map) => {
                let image = text(map, "image");
                (!image.is_empty()).then(|| CoverSpec {
                    alt: text(map, "alt"),
                    caption: text(map, "caption"),
                    image,
                    line,
                })
            }
            _ => {
                self.problem(
                    "cover",
                    "`cover` must have an `image` field, and may have `alt` and `caption`".into(),
                );
                None
            }
        }
    }
}

fn read_fields(fields: &Map<String, Value>, raw: &str) -> Result<FrontMatter, Vec<Problem>> {
    let mut reader = Reader {
        fields,
        raw,
        problems: Vec::new(),
    };
    let title = reader
        .text("title")
        .map(|t| t.trim().to_owned())
        .unwrap_or_default();
    if title.is_empty() {
        reader.problems.push(Problem::at_line(
            1,
            "missing title: add `title: \"…\"` to the front matter",
        ));
    }
    let lastmod = reader.timestamp("lastmod");
    let date = reader.timestamp("date").or(lastmod);
    if date.is_none() && fields.get("date").is_none_or(Value::is_null) {
        reader.problems.push(Problem::at_line(
            1,
            "missing date: add `date: YYYY-MM-DD` to the front matter",
        ));
    }
    let mut authors = reader.list("author");
    authors.extend(reader.list("authors"));
    let slug = reader
        .text("slug")
        .map(|slug| (slug.trim().to_owned(), line_of(raw, "slug")));
    let draft = reader.flag("draft");
    let hidden = reader.flag("hidden") | reader.flag("hiddeninhomelist");
    let toc = ["toc", "showtoc"]
        .into_iter()
        .find(|key| fields.contains_key(*key))
        .is_none_or(|key| reader.flag(key));
    let tags = reader.list("tags");
    let categories = reader.list("categories");
    let summary = reader.text("summary");
    let description = reader.text("description").filter(|d| !d.trim().is_empty());
    let cover = reader.cover();
    let aliases = reader.list("aliases");
    let weight = reader.integer("weight");
    let (Some(date), true) = (date, reader.problems.is_empty()) else {
        reader.problems.sort_by_key(|p| p.line);
        return Err(reader.problems);
    };
    Ok(FrontMatter {
        title,
        date,
        lastmod,
        draft,
        hidden,
        toc,
        tags,
        categories,
        summary,
        description,
        authors,
        cover,
        slug,
        aliases,
        weight,
    })
}
