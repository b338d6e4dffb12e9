//! Hugo-style front matter: YAML between `---` lines or TOML between `+++`
//! lines, with Hugo's field names. Keys are matched case-insensitively, as
//! Hugo matches them, and unknown keys (most theme options, such as
//! `ShowReadingTime`) are ignored.

use serde_json::{Map, Value};

use crate::{date::Timestamp, manifest::PostDisplay, problem::Problem};

/// A content file split into its front matter and Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    /// The fields Quire reads.
    pub front_matter: FrontMatter,
    /// The Markdown after the closing delimiter.
    pub body: &'a str,
    /// What Hugo tolerates but the author should know (a missing title).
    pub warnings: Vec<Problem>,
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

/// The front-matter fields Quire understands, read as Hugo reads them; the
/// default is an empty front matter's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    /// `title`; empty when the file has none (Hugo builds such pages too).
    pub title: String,
    /// When the page was published: `date`, else `publishDate`, `pubdate`,
    /// `published`, `lastmod` or `modified`, as Hugo falls back; `None`
    /// when none is given.
    pub date: Option<Timestamp>,
    /// `lastmod` (or `modified`).
    pub lastmod: Option<Timestamp>,
    /// `publishDate` (or `pubdate`, `published`): before it, the page is
    /// in the future, whatever its `date`.
    pub publish_date: Option<Timestamp>,
    /// `expiryDate` (or `unpublishdate`): after it, the page is left out.
    pub expiry_date: Option<Timestamp>,
    /// `draft` (`true`, or YAML 1.1's `yes`).
    pub draft: bool,
    /// `headless`: a bundle that publishes no page of its own.
    pub headless: bool,
    /// `hidden` (or PaperMod's `hiddenInHomeList`): a page, but in no list, feed or sitemap.
    pub hidden: bool,
    /// PaperMod's `searchHidden`: left out of search.
    pub search_hidden: bool,
    /// The post's own display choices (`ShowToc`/`toc`, `TocOpen`,
    /// `hideMeta`, `hideSummary`, `disableShare`, …).
    pub display: PostDisplay,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `keywords`.
    pub keywords: Vec<String>,
    /// `canonicalURL`: the address search engines should credit.
    pub canonical_url: Option<String>,
    /// `author` and `authors`, merged.
    pub authors: Vec<String>,
    /// The cover: PaperMod's `cover`, else `image`, `images`, `featured_image`.
    pub cover: Option<CoverSpec>,
    /// `slug`, with its line, when not empty.
    pub slug: Option<(String, usize)>,
    /// `url`: the whole address, when not empty.
    pub url: Option<String>,
    /// `aliases`.
    pub aliases: Vec<String>,
    /// `weight`.
    pub weight: i64,
    /// `layout` (PaperMod's `archives` and `search` pages).
    pub layout: Option<String>,
    /// Every field, keys lowercased (`params:` merged in), for taxonomies
    /// and whatever a caller reads by name.
    fields: Map<String, Value>,
}

impl FrontMatter {
    /// A field's text by its key (any case; `params:` ones too), for
    /// Hugo's `param` shortcode.
    pub fn text(&self, key: &str) -> Option<String> {
        match switch_value(self.fields.get(&key.to_lowercase())?) {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            Value::Bool(flag) => Some(flag.to_string()),
            _ => None,
        }
    }

    /// The page's place in the main menu (`menu: main`, `menu: [main]`, or
    /// `menu: {main: {name, weight}}`), if it has one: the name it asks for
    /// (else its `linkTitle`, else none) and its weight.
    pub fn main_menu(&self) -> Option<(Option<String>, i64)> {
        static NAMED_ONLY: Value = Value::Null;
        let names_main = |value: &Value| value.as_str().is_some_and(|name| name.trim() == "main");
        let entry = match self
            .fields
            .get("menu")
            .or_else(|| self.fields.get("menus"))?
        {
            Value::Object(menus) => menus.get("main")?,
            Value::Array(names) if names.iter().any(names_main) => &NAMED_ONLY,
            one if names_main(one) => &NAMED_ONLY,
            _ => return None,
        };
        let name = entry
            .get("name")
            .and_then(Value::as_str)
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .or_else(|| self.text("linktitle"));
        let weight = entry.get("weight").and_then(Value::as_i64).unwrap_or(0);
        Some((name, weight))
    }

    /// The terms of a taxonomy, by its plural (`tags`) or singular (`tag`)
    /// key, each once, empty entries left out.
    pub fn terms(&self, plural: &str, singular: &str) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for key in [plural, singular] {
            for term in list_of(self.fields.get(key)) {
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }
}

/// A field's text entries: a list's strings and numbers, or one string;
/// empty and null entries left out.
/// What a switch written as LoveIt, DoIt and FixIt write them stands for:
/// `toc: { enable: true }` is `true`; any other value is itself.
pub(crate) fn switch_value(value: &Value) -> &Value {
    match value {
        Value::Object(map) => map.get("enable").unwrap_or(value),
        _ => value,
    }
}

fn list_of(value: Option<&Value>) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ (Value::String(_) | Value::Number(_))) => vec![one],
        _ => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(text) => Some(text.trim().to_owned()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        })
        .filter(|text| !text.is_empty())
        .collect()
}

/// Splits a file and reads its front matter, listing every problem found.
pub fn parse(source: &str) -> Result<Document<'_>, Vec<Problem>> {
    // Hugo reads past byte order marks, even two (an editor that added one
    // to a file that had one), and blank lines before the opening
    // delimiter; lines are still counted from the top of the file.
    let source = source.trim_start_matches('\u{feff}');
    let skipped = source.len() - source.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let blank_lines = source[..skipped].matches('\n').count();
    let source = &source[source[..skipped].rfind('\n').map_or(0, |at| at + 1)..];
    let (format, delimiter) = match source.lines().next().map(str::trim) {
        Some("---") => (Format::Yaml, "---"),
        Some("+++") => (Format::Toml, "+++"),
        // Hugo builds a file without front matter (an empty `_index.md`)
        // as a page with none; what it lacks is warned about as for any.
        _ => {
            let (front_matter, warnings) = read_fields(Map::new(), "")?;
            return Ok(Document {
                front_matter,
                body: source,
                warnings,
            });
        }
    };
    let after_open = &source[source.find('\n').map_or(source.len(), |at| at + 1)..];
    // As Hugo does, any line that begins with the delimiter closes the
    // front matter, and what follows the delimiter on it is the body's.
    let mut offset = 0;
    let mut closing = None;
    for line in after_open.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(delimiter) {
            let line_break = if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with('\n'))
            };
            closing = Some((offset, offset + delimiter.len() + line_break));
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
    let shift = |mut problems: Vec<Problem>| {
        for problem in &mut problems {
            problem.line = problem.line.map(|line| line + blank_lines);
        }
        problems
    };
    let fields = format.parse(raw).map_err(shift)?;
    let (front_matter, warnings) = read_fields(fields, raw).map_err(shift)?;
    Ok(Document {
        front_matter,
        body,
        warnings: shift(warnings),
    })
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
    warnings: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, key: &str, message: String) {
        let line = line_of(self.raw, key);
        self.problems.push(Problem::at_line(line, message));
    }

    fn warning(&mut self, key: &str, message: String) {
        let line = line_of(self.raw, key);
        self.warnings.push(Problem::at_line(line, message));
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
                        // An empty entry (`-` alone), which Hugo passes over.
                        Value::Null => {}
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
        // jfet97's `published = true`, which Hugo passes over.
        if let Some(Value::Bool(_)) = self.fields.get(key) {
            self.warning(
                key,
                format!("`{key}` is no date: passed over, as Hugo passes it over"),
            );
            return None;
        }
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
        match self.fields.get(key).map(switch_value) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            // YAML 1.1's words, which Hugo's older YAML read as booleans.
            Some(Value::String(s))
                if ["true", "yes", "on", "1", "t"]
                    .iter()
                    .any(|w| s.trim().eq_ignore_ascii_case(w)) =>
            {
                true
            }
            Some(Value::String(s))
                if ["false", "no", "off", "", "0", "f"]
                    .iter()
                    .any(|w| s.trim().eq_ignore_ascii_case(w)) =>
            {
                false
            }
            Some(Value::Number(number)) => number.as_f64() != Some(0.0),
            // steveyiyo's `draft: flase`: Hugo reads what is not true or
            // false as false.
            Some(other) => {
                self.warning(
                    key,
                    format!("`{key}` is neither true nor false ({other}): read as false, as Hugo reads it"),
                );
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

    /// PaperMod's `cover` (a map, or a path), else the image fields other
    /// themes use: Stack's `image`, `images` (the first), `featured_image`,
    /// `featureImage`. PaperMod's `cover.hidden` keeps it off the page.
    fn cover(&mut self) -> Option<CoverSpec> {
        if !self.fields.contains_key("cover") {
            for key in [
                "image",
                "images",
                "featured_image",
                "featuredimage",
                "featureimage",
            ] {
                if let Some(image) = list_of(self.fields.get(key)).into_iter().next() {
                    return Some(CoverSpec {
                        image,
                        line: line_of(self.raw, key),
                        ..CoverSpec::default()
                    });
                }
            }
            return None;
        }
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
            Value::Object(map) if map.get("hidden").and_then(Value::as_bool) == Some(true) => None,
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

/// Reads the fields Quire uses. Problems Hugo also refuses (a date it
/// cannot read, a value of the wrong kind) are errors; what Hugo tolerates
/// (no title, empty values) is read as Hugo reads it, with a warning where
/// something is lost.
fn read_fields(
    mut fields: Map<String, Value>,
    raw: &str,
) -> Result<(FrontMatter, Vec<Problem>), Vec<Problem>> {
    // Hugo ≥ 0.123 reads custom keys under `params:` too; top-level keys win.
    if let Some(Value::Object(params)) = fields.remove("params") {
        for (key, value) in params {
            fields.entry(key).or_insert(value);
        }
    }
    let mut reader = Reader {
        fields: &fields,
        raw,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let mut warnings = Vec::new();
    let title = reader
        .text("title")
        .map(|t| t.trim().to_owned())
        .unwrap_or_default();
    if title.is_empty() {
        warnings.push(Problem::at_line(
            1,
            "no title: the page is named after its file; add `title: \"…\"`",
        ));
    }
    let first =
        |reader: &mut Reader<'_>, keys: &[&str]| keys.iter().find_map(|key| reader.timestamp(key));
    let lastmod = first(&mut reader, &["lastmod", "modified"]);
    let publish_date = first(&mut reader, &["publishdate", "pubdate", "published"]);
    let date = first(&mut reader, &["date"]).or(publish_date).or(lastmod);
    let expiry_date = first(&mut reader, &["expirydate", "unpublishdate"]);
    // `author` may be a name, a list of names, or a map with a `name`.
    let mut authors = match fields.get("author") {
        Some(Value::Object(author)) => list_of(author.get("name")),
        _ => reader.list("author"),
    };
    for author in reader.list("authors") {
        if !authors.contains(&author) {
            authors.push(author);
        }
    }
    let slug = reader
        .text("slug")
        .map(|slug| slug.trim().to_owned())
        .filter(|slug| !slug.is_empty())
        .map(|slug| (slug, line_of(raw, "slug")));
    let url = reader
        .text("url")
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty());
    let draft = reader.flag("draft");
    let headless = reader.flag("headless");
    let hidden = reader.flag("hidden") | reader.flag("hiddeninhomelist");
    let search_hidden = reader.flag("searchhidden");
    // A theme's map without `enable` (LoveIt's `toc: { auto: false }`) is
    // a setting of something else: the site's choice stands.
    let sets_switch =
        |value: &Value| !matches!(switch_value(value), Value::Null | Value::Object(_));
    let mut option = |keys: &[&str], invert: bool| {
        keys.iter()
            .find(|key| fields.get(**key).is_some_and(sets_switch))
            .map(|key| reader.flag(key) != invert)
    };
    let display = PostDisplay {
        toc: option(&["showtoc", "toc", "showtableofcontents"], false),
        toc_open: option(&["tocopen"], false),
        reading_time: option(&["showreadingtime"], false),
        breadcrumbs: option(&["showbreadcrumbs"], false),
        share: option(&["disableshare"], true).or(option(&["showsharebuttons"], false)),
        neighbours: option(&["showpostnavlinks"], false),
        summary: option(&["hidesummary"], true),
        meta: option(&["hidemeta"], true),
    };
    let summary = reader.text("summary").filter(|s| !s.trim().is_empty());
    let description = reader.text("description").filter(|d| !d.trim().is_empty());
    let keywords = reader.list("keywords");
    // The usual taxonomies are checked here; a site's own are read as they come.
    for key in ["tags", "tag", "categories", "category", "series"] {
        reader.list(key);
    }
    let canonical_url = reader
        .text("canonicalurl")
        .filter(|url| !url.trim().is_empty());
    let cover = reader.cover();
    let aliases = reader.list("aliases");
    let weight = reader.integer("weight");
    let layout = reader
        .text("layout")
        .map(|layout| layout.trim().to_lowercase())
        .filter(|layout| !layout.is_empty());
    if !reader.problems.is_empty() {
        reader.problems.sort_by_key(|p| p.line);
        return Err(reader.problems);
    }
    warnings.append(&mut reader.warnings);
    Ok((
        FrontMatter {
            title,
            date,
            lastmod,
            publish_date,
            expiry_date,
            draft,
            headless,
            hidden,
            search_hidden,
            display,
            summary,
            description,
            keywords,
            canonical_url,
            authors,
            cover,
            slug,
            url,
            aliases,
            weight,
            layout,
            fields,
        },
        warnings,
    ))
}
