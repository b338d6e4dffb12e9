//! A Hugo site's configuration, read as Hugo reads it: every file merged
//! into one tree (see [`merge`]), keys in any case, and the settings a
//! blog's look and addresses depend on taken from it ([`HugoConfig::site`]
//! for what readers see, [`HugoConfig::content`] for what the build does
//! with the content).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::{
    front_matter::switch_value,
    manifest::{Display, Link, RawHtml, Site},
    problem::Problem,
    site::checked_base_url,
};

/// The `params` with which Hugo themes turn on a table of contents for
/// every post (PaperMod's first).
const TOC_SWITCHES: [&str; 5] = [
    "showtoc",
    "toc",
    "page.toc",
    "article.showtableofcontents",
    "article.toc",
];

/// A Hugo configuration: the merged tree, keys lowercased.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HugoConfig {
    tree: Map<String, Value>,
}

/// A taxonomy: its singular (front matter may use it) and plural (the key
/// and the address) names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taxonomy {
    /// `tag`.
    pub singular: String,
    /// `tags`.
    pub plural: String,
}

/// A language the site is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its code, lowercased: `en`, `zh-cn`.
    pub code: String,
    /// Its own content folder, when it has one (`content/fr`).
    pub content_dir: Option<String>,
    /// Hugo's order of languages.
    pub weight: i64,
}

/// What the build does with the content, from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentSettings {
    /// The content folder (`content`).
    pub content_dir: String,
    /// `permalinks`, by section or kind.
    pub permalinks: BTreeMap<String, String>,
    /// `uglyURLs`: for every section (`None` key), or by section.
    pub ugly_urls: UglyUrls,
    /// `disablePathToLower`: addresses keep their letters' case.
    pub keep_case: bool,
    /// `removePathAccents`: page and section addresses lose their letters'
    /// accents (`sérieusement` → `serieusement`).
    pub remove_path_accents: bool,
    /// `mainSections` (or PaperMod's `params.mainSections`), when set.
    pub main_sections: Option<Vec<String>>,
    /// The site's taxonomies.
    pub taxonomies: Vec<Taxonomy>,
    /// `ignoreFiles`: patterns of content files to leave alone.
    pub ignore_files: Vec<String>,
    /// `markup.goldmark.renderer.unsafe`: raw HTML is kept (sanitised).
    pub raw_html: bool,
    /// `summaryLength`: words in an automatic summary.
    pub summary_length: usize,
    /// `enableEmoji`: `:smile:` becomes 😄.
    pub emoji: bool,
    /// Where TeX math is looked for and how it is marked.
    pub math: MathSettings,
    /// `timeZone`, for dates written without one.
    pub time_zone: Option<String>,
    /// The language published, and the others, which are left out.
    pub default_language: String,
    /// Every language the configuration names.
    pub languages: Vec<Language>,
    /// `buildDrafts`, `buildFuture`, `buildExpired`.
    pub build_drafts: bool,
    /// See [`ContentSettings::build_drafts`].
    pub build_future: bool,
    /// See [`ContentSettings::build_drafts`].
    pub build_expired: bool,
    /// The site's `params` that are text, numbers or flags, by lowercased
    /// key (`params.author` is `author`), for the `param` shortcode.
    pub params: BTreeMap<String, String>,
    /// The folders published at the site root (`staticDir`; `static`), the
    /// site's own over its themes' (`themes/<theme>/static`, for each of
    /// `theme`), last wins.
    pub static_dirs: Vec<String>,
    /// The config's main-menu entries, with their weights, for pages that
    /// add themselves to the menu (`menu: main` in front matter).
    pub menu: Vec<MenuEntry>,
    /// Whether the site's or its theme's templates set `<base href>` to the
    /// site root, so that a relative link or image in a page leads from the
    /// root rather than from the page (found by the build tool in `layouts/`).
    pub links_from_root: bool,
}

impl ContentSettings {
    /// The folder the default language's pages are read from: its own
    /// `contentDir`, else the site's.
    pub fn default_content_dir(&self) -> &str {
        self.languages
            .iter()
            .find(|language| language.code == self.default_language)
            .and_then(|language| language.content_dir.as_deref())
            .unwrap_or(&self.content_dir)
    }

    /// A Quire blog's settings (`quire.toml` alone): posts in
    /// `content/posts/`, Hugo's default addresses, tags, categories and
    /// series.
    pub fn quire() -> Self {
        Self {
            content_dir: "content".to_owned(),
            permalinks: BTreeMap::new(),
            ugly_urls: UglyUrls::default(),
            keep_case: false,
            remove_path_accents: false,
            main_sections: Some(vec!["posts".to_owned()]),
            taxonomies: [
                ("tag", "tags"),
                ("category", "categories"),
                ("series", "series"),
            ]
            .map(|(singular, plural)| Taxonomy {
                singular: singular.to_owned(),
                plural: plural.to_owned(),
            })
            .to_vec(),
            ignore_files: Vec::new(),
            raw_html: false,
            summary_length: 70,
            emoji: false,
            math: MathSettings::default(),
            time_zone: None,
            default_language: "en".to_owned(),
            languages: Vec::new(),
            build_drafts: false,
            build_future: false,
            build_expired: false,
            static_dirs: vec!["static".to_owned()],
            params: BTreeMap::new(),
            menu: Vec::new(),
            links_from_root: false,
        }
    }
}

/// Hugo's `uglyURLs`: a switch for the whole site, or one per section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UglyUrls {
    /// The whole site's setting.
    pub all: bool,
    /// Sections that set it themselves.
    pub sections: BTreeMap<String, bool>,
}

impl UglyUrls {
    /// Whether pages of `section` get `name.html` addresses.
    pub fn for_section(&self, section: &str) -> bool {
        self.sections.get(section).copied().unwrap_or(self.all)
    }
}

/// Lowercases every key of a tree, as Hugo matches them.
pub fn lowercase_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| (key.to_lowercase(), lowercase_keys(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(lowercase_keys).collect()),
        other => other,
    }
}

/// Merges `over` into `base` as Hugo merges configuration files: maps
/// deeply, anything else replaced.
pub fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

impl HugoConfig {
    /// A configuration from its merged tree (keys in any case).
    pub fn new(tree: Value) -> Self {
        match lowercase_keys(tree) {
            Value::Object(tree) => Self { tree },
            _ => Self::default(),
        }
    }

    /// Publishes the site at `url` (`--base-url`) whatever its `baseURL`
    /// says, which may be no address at all (`/`).
    pub fn publish_at(&mut self, url: &str) {
        self.tree
            .insert("baseurl".to_owned(), Value::String(url.to_owned()));
    }

    fn get(&self, path: &str) -> Option<&Value> {
        let mut value = self.tree.get(path.split('.').next()?)?;
        for key in path.split('.').skip(1) {
            value = value.get(key)?;
        }
        Some(value)
    }

    fn text(&self, path: &str) -> Option<String> {
        match self.get(path)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    fn flag(&self, path: &str) -> Option<bool> {
        match self.get(path)? {
            Value::Bool(flag) => Some(*flag),
            Value::String(text) => match text.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => Some(true),
                "false" | "no" | "off" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    fn number(&self, path: &str) -> Option<i64> {
        match self.get(path)? {
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    fn list(&self, path: &str) -> Option<Vec<String>> {
        match self.get(path)? {
            Value::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|item| item.as_str().map(|s| s.trim().to_owned()))
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            Value::String(one) => Some(vec![one.trim().to_owned()]),
            _ => None,
        }
    }

    /// The language published: `defaultContentLanguage`, else `en`.
    fn default_language(&self) -> String {
        self.text("defaultcontentlanguage")
            .unwrap_or_else(|| "en".to_owned())
            .to_lowercase()
    }

    /// A setting of the published language (`languages.<code>.<path>`),
    /// else the site's.
    fn localised(&self, path: &str) -> Option<&Value> {
        let code = self.default_language();
        self.tree
            .get("languages")
            .and_then(|languages| languages.get(&code))
            .and_then(|language| {
                path.split('.')
                    .try_fold(language, |value, key| value.get(key))
            })
            .or_else(|| self.get(path))
    }

    fn localised_text(&self, path: &str) -> Option<String> {
        match self.localised(path)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            _ => None,
        }
    }

    /// What readers see: the title, address, language, list size, menu,
    /// author, description, profiles and PaperMod's switches.
    pub fn site(&self) -> Result<Site, Problem> {
        let title = self
            .localised_text("title")
            .unwrap_or_else(|| "My blog".to_owned());
        let base_url = match self.text("baseurl") {
            None => {
                return Err(Problem::new(
                    "`baseURL` is not set; set it to the address the site is published at, or pass --base-url",
                ));
            }
            // franksalas' and xconverge's `baseURL = "/"`, with which Hugo
            // writes links from the root and feeds without an address.
            Some(path) if path.trim().starts_with('/') => {
                return Err(Problem::new(format!(
                    "`baseURL` is `{path}`, a path without the site's address, which feeds, the sitemap and shared links need; \
                     set it to the address the site is published at (https://example.org{path}), or pass --base-url"
                )));
            }
            Some(url) => checked_base_url(&url).map_err(Problem::new)?,
        };
        let language = self
            .localised_text("languagecode")
            .unwrap_or_else(|| self.default_language());
        let posts_per_page = self
            .number("pagination.pagersize")
            .or_else(|| self.number("paginate"))
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| *n > 0)
            .unwrap_or(10);
        let author = match self
            .localised("params.author")
            .or_else(|| self.get("author"))
        {
            Some(Value::String(name)) => name.trim().to_owned(),
            Some(Value::Array(names)) => names
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            Some(Value::Object(author)) => author
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            _ => String::new(),
        };
        let description = self
            .localised_text("params.description")
            .or_else(|| self.localised_text("description"))
            .unwrap_or_default();
        let params = |key: &str| self.localised(&format!("params.{key}"));
        let switch = |key: &str| match params(key).map(switch_value) {
            Some(Value::Bool(on)) => *on,
            Some(Value::String(text)) => matches!(text.as_str(), "true" | "yes"),
            _ => false,
        };
        let home_info = params("homeinfoparams").and_then(|info| {
            let text = |key: &str| {
                info.get(key)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            };
            let (title, content) = (text("title"), text("content"));
            (!title.is_empty() || !content.is_empty()).then_some((title, content))
        });
        Ok(Site {
            title,
            description,
            author,
            base_url,
            language,
            posts_per_page,
            menu: menu_links(self.menu_entries()),
            social: self.social(),
            feed: Default::default(),
            display: Display {
                reading_time: switch("showreadingtime"),
                word_count: switch("showwordcount"),
                // PaperMod's switch, or another theme's (Even, Jane, Hello
                // Friend NG; LoveIt and its kin; Blowfish and Congo; Stack).
                toc: TOC_SWITCHES.iter().any(|key| switch(key)),
                toc_open: switch("tocopen"),
                breadcrumbs: switch("showbreadcrumbs"),
                share: switch("showsharebuttons") && !switch("disableshare"),
                neighbours: switch("showpostnavlinks"),
                summaries: !switch("hidesummary"),
                meta: !switch("hidemeta"),
                home_info,
            },
            taxonomies: self
                .taxonomies()
                .into_iter()
                .map(|taxonomy| taxonomy.plural)
                .collect(),
            raw_html: if self
                .flag("markup.goldmark.renderer.unsafe")
                .unwrap_or(false)
            {
                RawHtml::Sanitize
            } else {
                RawHtml::Omit
            },
            // quire.toml can say `offline = false` over a Hugo site's config.
            offline: true,
        })
    }

    /// Math as Hugo's passthrough extension marks it, when it is on
    /// (`markup.goldmark.extensions.passthrough`): on every page, between
    /// the configured delimiters.
    fn math(&self) -> MathSettings {
        const PASSTHROUGH: &str = "markup.goldmark.extensions.passthrough";
        if self.flag(&format!("{PASSTHROUGH}.enable")) != Some(true) {
            return MathSettings {
                dollar_escaped: true,
                ..MathSettings::default()
            };
        }
        let pairs = |kind: &str, display: bool| -> Vec<MathDelimiter> {
            let Some(Value::Array(pairs)) = self.get(&format!("{PASSTHROUGH}.delimiters.{kind}"))
            else {
                return Vec::new();
            };
            pairs
                .iter()
                .filter_map(|pair| match pair.as_array()?.as_slice() {
                    [open, close] => Some(MathDelimiter {
                        open: open.as_str()?.to_owned(),
                        close: close.as_str()?.to_owned(),
                        display,
                        escaped: false,
                    }),
                    _ => None,
                })
                // The renderer reads `$…$` and `$$…$$` itself; an empty
                // mark marks nothing.
                .filter(|delimiter| {
                    !(delimiter.open.starts_with('$')
                        || delimiter.open.is_empty()
                        || delimiter.close.is_empty())
                })
                .collect()
        };
        MathSettings {
            everywhere: true,
            delimiters: [pairs("block", true), pairs("inline", false)].concat(),
            dollar_escaped: false,
        }
    }

    /// The site's scalar `params` (the published language's over the
    /// site's), as text.
    fn params(&self) -> BTreeMap<String, String> {
        let mut params = BTreeMap::new();
        let language = format!("languages.{}.params", self.default_language());
        for path in ["params", language.as_str()] {
            if let Some(Value::Object(map)) = self.get(path) {
                for (key, value) in map {
                    let text = match switch_value(value) {
                        Value::String(text) => text.clone(),
                        Value::Number(number) => number.to_string(),
                        Value::Bool(flag) => flag.to_string(),
                        _ => continue,
                    };
                    params.insert(key.to_lowercase(), text);
                }
            }
        }
        params
    }

    /// The folders published at the site root, lowest priority first: the
    /// themes' `static/` (the first theme named wins over later ones), then
    /// the site's `staticDir` folders.
    fn static_dirs(&self) -> Vec<String> {
        let mut dirs: Vec<String> = self
            .list("theme")
            .unwrap_or_default()
            .iter()
            .rev()
            .filter(|theme| !theme.contains(".."))
            .map(|theme| format!("themes/{theme}/static"))
            .collect();
        dirs.extend(
            self.list("staticdir")
                .unwrap_or_else(|| vec!["static".to_owned()])
                .into_iter()
                .filter(|dir| !dir.contains("..")),
        );
        dirs
    }

    /// The main menu's entries (`menu.main` or `menus.main`, the published
    /// language's first).
    fn menu_entries(&self) -> Vec<MenuEntry> {
        let entries = ["menus.main", "menu.main"]
            .iter()
            .find_map(|path| self.localised(path))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        entries
            .iter()
            .filter_map(|entry| {
                let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::trim);
                let name = text("name").or_else(|| text("identifier"))?.to_owned();
                let page_ref = text("url").is_none().then(|| text("pageref")).flatten();
                let url = text("url").or(page_ref)?;
                let url = if url.contains(':') || url.starts_with("//") || url.starts_with('/') {
                    url.to_owned()
                } else {
                    format!("/{url}")
                };
                let weight = entry.get("weight").and_then(Value::as_i64).unwrap_or(0);
                Some(MenuEntry {
                    weight,
                    link: Link { name, url },
                    page_ref: page_ref.map(str::to_owned),
                })
            })
            .collect()
    }

    /// Profile links: PaperMod's `params.socialIcons`, else a `social` list.
    fn social(&self) -> Vec<Link> {
        ["params.socialicons", "social"]
            .iter()
            .find_map(|path| self.localised(path).and_then(Value::as_array))
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|entry| {
                        let name = entry.get("name").and_then(Value::as_str)?.trim();
                        let url = entry.get("url").and_then(Value::as_str)?.trim();
                        (!name.is_empty() && !url.is_empty()).then(|| Link {
                            name: profile_name(name),
                            url: url.to_owned(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The taxonomies: the published language's, else the site's, else
    /// Hugo's `tags` and `categories`. PaperMod's `series` counts when named.
    fn taxonomies(&self) -> Vec<Taxonomy> {
        match self.localised("taxonomies") {
            Some(Value::Object(map)) => map
                .iter()
                // `_merge` and its kind are Hugo's directives, not taxonomies.
                .filter(|(singular, _)| !singular.starts_with('_'))
                .filter_map(|(singular, plural)| {
                    Some(Taxonomy {
                        singular: singular.clone(),
                        plural: plural.as_str()?.trim().to_lowercase(),
                    })
                })
                .filter(|taxonomy| !taxonomy.plural.is_empty())
                .collect(),
            _ => vec![
                Taxonomy {
                    singular: "tag".into(),
                    plural: "tags".into(),
                },
                Taxonomy {
                    singular: "category".into(),
                    plural: "categories".into(),
                },
            ],
        }
    }

    /// What the build does with the content.
    pub fn content(&self) -> ContentSettings {
        let permalinks = match self.get("permalinks") {
            Some(Value::Object(map)) => map
                .iter()
                .filter_map(|(section, pattern)| {
                    // Hugo ≥ 0.112 nests patterns by kind: `permalinks.page.posts`.
                    match pattern {
                        Value::String(pattern) => Some(vec![(section.clone(), pattern.clone())]),
                        Value::Object(by_section) if section == "page" => Some(
                            by_section
                                .iter()
                                .filter_map(|(s, p)| Some((s.clone(), p.as_str()?.to_owned())))
                                .collect(),
                        ),
                        _ => None,
                    }
                })
                .flatten()
                .collect(),
            _ => BTreeMap::new(),
        };
        let ugly_urls = match self.get("uglyurls") {
            Some(Value::Bool(all)) => UglyUrls {
                all: *all,
                sections: BTreeMap::new(),
            },
            Some(Value::Object(map)) => UglyUrls {
                all: false,
                sections: map
                    .iter()
                    .filter_map(|(section, on)| Some((section.clone(), on.as_bool()?)))
                    .collect(),
            },
            _ => UglyUrls::default(),
        };
        let mut languages: Vec<Language> = match self.get("languages") {
            Some(Value::Object(map)) => map
                .iter()
                .map(|(code, language)| Language {
                    code: code.to_lowercase(),
                    content_dir: language
                        .get("contentdir")
                        .and_then(Value::as_str)
                        .map(|dir| dir.trim_matches('/').to_owned()),
                    weight: language.get("weight").and_then(Value::as_i64).unwrap_or(0),
                })
                .collect(),
            _ => Vec::new(),
        };
        languages.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.code.cmp(&b.code)));
        ContentSettings {
            content_dir: self
                .text("contentdir")
                .unwrap_or_else(|| "content".to_owned())
                .trim_matches('/')
                .to_owned(),
            permalinks,
            ugly_urls,
            keep_case: self.flag("disablepathtolower").unwrap_or(false),
            remove_path_accents: self.flag("removepathaccents").unwrap_or(false),
            main_sections: self
                .list("mainsections")
                .or_else(|| self.list("params.mainsections"))
                .filter(|sections| !sections.is_empty()),
            taxonomies: self.taxonomies(),
            ignore_files: self.list("ignorefiles").unwrap_or_default(),
            raw_html: self
                .flag("markup.goldmark.renderer.unsafe")
                .unwrap_or(false),
            summary_length: self
                .number("summarylength")
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(70),
            emoji: self.flag("enableemoji").unwrap_or(false),
            math: self.math(),
            time_zone: self.text("timezone"),
            default_language: self.default_language(),
            languages,
            build_drafts: self.flag("builddrafts").unwrap_or(false),
            build_future: self.flag("buildfuture").unwrap_or(false),
            build_expired: self.flag("buildexpired").unwrap_or(false),
            static_dirs: self.static_dirs(),
            params: self.params(),
            menu: self.menu_entries(),
            links_from_root: false,
        }
    }
}

/// Where TeX math is looked for, and how it is marked besides `$…$` and
/// `$$…$$`, which the renderer reads itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MathSettings {
    /// Hugo's passthrough extension is on: every page may have math. Else
    /// only pages that ask (`math: true`, `katex` or `mathjax`, in front
    /// matter or the site's params, as math partials of themes read it).
    pub everywhere: bool,
    /// The other marks, tried in order.
    pub delimiters: Vec<MathDelimiter>,
    /// `$…$` and `$$…$$` reach the math script after Goldmark took
    /// Markdown's escapes out, so their TeX was written with them (`\\`
    /// for `\`, `\_` for `_`): a Hugo site without the passthrough
    /// extension. Quire's own sites write TeX as it is.
    pub dollar_escaped: bool,
}

impl Default for MathSettings {
    /// Without the passthrough extension, math reaches a script such as
    /// KaTeX's auto-render after Goldmark, so authors write `\\(x\\)`
    /// and `\\[x\\]` for the `\(x\)` and `\[x\]` it looks for.
    fn default() -> Self {
        let escaped = |open: &str, close: &str, display: bool| MathDelimiter {
            open: open.to_owned(),
            close: close.to_owned(),
            display,
            escaped: true,
        };
        Self {
            everywhere: false,
            delimiters: vec![
                escaped("\\\\[", "\\\\]", true),
                escaped("\\\\(", "\\\\)", false),
            ],
            dollar_escaped: false,
        }
    }
}

/// A pair of marks around TeX math.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MathDelimiter {
    /// The opening mark, as written in Markdown: `\(`.
    pub open: String,
    /// The closing mark: `\)`.
    pub close: String,
    /// A formula set on its own, as `$$…$$`, rather than inline.
    pub display: bool,
    /// The TeX inside was written with Markdown's backslash escapes
    /// (`\_` for `_`), which Goldmark took out before the math script saw it.
    pub escaped: bool,
}

/// An entry of the main menu, with the weight Hugo orders it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    /// Its `weight`; 0 when it has none.
    pub weight: i64,
    /// Its name and address.
    pub link: Link,
    /// The content file it names (`pageRef: /posts/first`), whose address
    /// the build puts in `link.url` once it knows it.
    pub page_ref: Option<String>,
}

/// The menu's links in Hugo's order: by weight (entries without one after
/// those with one), then by name.
pub fn menu_links(mut entries: Vec<MenuEntry>) -> Vec<Link> {
    entries.sort_by(|a, b| {
        (a.weight == 0, a.weight, &a.link.name).cmp(&(b.weight == 0, b.weight, &b.link.name))
    });
    entries.into_iter().map(|entry| entry.link).collect()
}

/// A profile's name as a link shows it: PaperMod names its icons
/// (`github`, `linkedin`); Quire shows words, so the usual ones are spelt
/// as their sites spell them, and any other keeps its own spelling.
fn profile_name(icon: &str) -> String {
    const KNOWN: [&str; 20] = [
        "GitHub",
        "GitLab",
        "LinkedIn",
        "Mastodon",
        "Bluesky",
        "X",
        "Twitter",
        "YouTube",
        "Instagram",
        "Facebook",
        "Reddit",
        "StackOverflow",
        "Codeberg",
        "Discord",
        "Telegram",
        "Email",
        "RSS",
        "Medium",
        "Substack",
        "Kaggle",
    ];
    KNOWN
        .iter()
        .find(|known| known.eq_ignore_ascii_case(icon))
        .map_or_else(|| icon.to_owned(), |known| (*known).to_owned())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn papermod() -> HugoConfig {
        HugoConfig::new(json!({
            "baseURL": "https://example.org/blog",
            "title": "Site",
            "defaultContentLanguage": "en",
            "pagination": { "pagerSize": 3 },
            "mainSections": ["posts", "papermod"],
            "languages": {
                "en": {
                    "weight": 1,
                    "taxonomies": { "tag": "tags", "series": "series", "_merge": "deep" },
                    "menu": { "main": [
                        { "name": "Search", "url": "search/", "weight": 2 },
                        { "name": "About", "url": "about", "weight": 1 },
                    ]},
                },
                "fr": { "weight": 2, "title": "Site FR" },
            },
            "params": {
                "author": ["Ann"],
                "ShowReadingTime": true,
                "ShowToc": true,
                "homeInfoParams": { "Title": "Hi", "Content": "Welcome" },
                "socialIcons": [{ "name": "github", "url": "https://github.com/x" }],
            },
            "permalinks": { "posts": "/:year/:slug/" },
            "uglyURLs": { "post": true },
            "markup": { "goldmark": { "renderer": { "unsafe": true } } },
        }))
    }

    #[test]
    fn reads_what_readers_see() {
        let site = papermod().site().unwrap();
        assert_eq!(site.base_url, "https://example.org/blog/");
        assert_eq!(site.posts_per_page, 3);
        assert_eq!(site.author, "Ann");
        let menu: Vec<(&str, &str)> = site
            .menu
            .iter()
            .map(|l| (l.name.as_str(), l.url.as_str()))
            .collect();
        assert_eq!(menu, [("About", "/about"), ("Search", "/search/")]);
        assert!(site.display.reading_time && site.display.toc && !site.display.share);
        assert_eq!(
            site.display.home_info,
            Some(("Hi".into(), "Welcome".into()))
        );
        assert_eq!(site.social[0].url, "https://github.com/x");
        assert_eq!(site.social[0].name, "GitHub");
        assert_eq!(site.taxonomies, ["series", "tags"]);
    }

    /// ouuan's blog (the Even theme) sets `params.toc = true`, and its
    /// posts showed no table of contents: only PaperMod's `ShowToc` was read.
    #[test]
    fn a_table_of_contents_turned_on_as_other_themes_do_was_not_shown() {
        let toc = |params: Value| {
            HugoConfig::new(json!({ "baseURL": "https://example.org/", "params": params }))
                .site()
                .unwrap()
                .display
                .toc
        };
        assert!(toc(json!({ "toc": true })), "Even, Jane");
        assert!(toc(json!({ "Toc": true })), "Hello Friend NG");
        assert!(
            toc(json!({ "page": { "toc": { "enable": true } } })),
            "LoveIt"
        );
        assert!(
            toc(json!({ "article": { "showTableOfContents": true } })),
            "Blowfish"
        );
        assert!(toc(json!({ "article": { "toc": true } })), "Stack");
        assert!(!toc(
            json!({ "toc": false, "page": { "toc": { "enable": false } } })
        ));
        assert!(!toc(json!({})));
    }

    #[test]
    fn reads_what_the_build_does() {
        let content = papermod().content();
        assert_eq!(content.permalinks["posts"], "/:year/:slug/");
        assert!(content.ugly_urls.for_section("post") && !content.ugly_urls.for_section("posts"));
        assert_eq!(
            content.main_sections,
            Some(vec!["posts".into(), "papermod".into()])
        );
        assert!(content.raw_html);
        assert_eq!(
            content
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>(),
            ["en", "fr"]
        );
    }

    #[test]
    fn math_follows_the_passthrough_extension() {
        // Without it, `$…$` reaches the math script as Goldmark left it.
        assert_eq!(
            papermod().content().math,
            MathSettings {
                dollar_escaped: true,
                ..MathSettings::default()
            }
        );
        let math = HugoConfig::new(json!({
            "markup": { "goldmark": { "extensions": { "passthrough": {
                "enable": true,
                "delimiters": {
                    "block": [["\\[", "\\]"], ["$$", "$$"]],
                    "inline": [["\\(", "\\)"]],
                },
            } } } },
        }))
        .content()
        .math;
        assert!(math.everywhere);
        assert_eq!(
            math.delimiters
                .iter()
                .map(|mark| (mark.open.as_str(), mark.close.as_str(), mark.display))
                .collect::<Vec<_>>(),
            [("\\[", "\\]", true), ("\\(", "\\)", false)]
        );
    }

    #[test]
    fn merging_is_deep() {
        let mut base = json!({ "params": { "a": 1, "b": 2 }, "title": "x" });
        merge(&mut base, json!({ "params": { "b": 3 }, "title": "y" }));
        assert_eq!(base, json!({ "params": { "a": 1, "b": 3 }, "title": "y" }));
    }

    #[test]
    fn refuses_a_missing_or_broken_base_url() {
        assert!(HugoConfig::new(json!({ "title": "x" })).site().is_err());
        assert!(
            HugoConfig::new(json!({ "baseURL": "https://" }))
                .site()
                .is_err()
        );
    }
}
