//! The site config: a Hugo site's own configuration (`hugo.toml`,
//! `config.yaml`, `config/_default/…`, merged as Hugo merges them), Quire's
//! `quire.toml` over it (or alone), and the address to publish for.

use std::{fs, path::Path};

use quire_core::{
    hugo::{ContentSettings, HugoConfig, merge},
    manifest::Site,
    problem::Problem,
    site::{CONFIG_FILE, checked_base_url, parse_config},
};
use serde_json::Value;

/// The configuration a build works from.
pub(crate) struct SiteConfig {
    /// What readers see.
    pub(crate) site: Site,
    /// What the build does with the content.
    pub(crate) content: ContentSettings,
    /// Whether the blog is a Hugo site (it has Hugo's configuration).
    pub(crate) hugo: bool,
}

/// The names of a Hugo site's configuration file at its root, in Hugo's order.
const HUGO_FILES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// Reads the blog's configuration at `root`: Hugo's and `quire.toml`, or
/// either alone. `base_url`, when given (`--base-url`, `$QUIRE_BASE_URL`),
/// replaces the site's address.
pub(super) fn read(root: &Path, base_url: Option<&str>) -> Result<SiteConfig, Problem> {
    let hugo = read_hugo(root)?;
    let quire = root.join(CONFIG_FILE);
    let mut config = match (hugo, quire.is_file()) {
        (None, false) => {
            return Err(Problem::new(format!(
                "{}: no {CONFIG_FILE}, hugo.toml, config.toml (or .yaml, .json) or config/_default/ here; \
                 is this the blog's folder? (--root or $QUIRE_ROOT names it)",
                root.display()
            )));
        }
        (None, true) => {
            let text = read_text(&quire)?;
            SiteConfig {
                site: parse_config(&text).map_err(|problem| problem.in_path(CONFIG_FILE))?,
                content: ContentSettings::quire(),
                hugo: false,
            }
        }
        (Some(hugo), has_quire) => {
            let mut config = HugoConfig::new(hugo);
            if let Some(url) = base_url {
                config.publish_at(url);
            }
            let mut site = config.site()?;
            if has_quire {
                site = overlay(site, &read_text(&quire)?)?;
            }
            let mut content = config.content();
            content.links_from_root = sets_base_at_root(root, &content.static_dirs);
            SiteConfig {
                site,
                content,
                hugo: true,
            }
        }
    };
    if let Some(url) = base_url {
        config.site.base_url = checked_base_url(url)
            .map_err(|message| Problem::new(format!("--base-url: {message}")))?;
    }
    Ok(config)
}

/// Whether the site's templates, or its themes' (each beside its static
/// folder), set `<base href>` to the site root (`{{ .Site.BaseURL }}`,
/// `{{ "/" | absURL }}`).
fn sets_base_at_root(root: &Path, static_dirs: &[String]) -> bool {
    let Ok(base) = regex::Regex::new(r#"<base\s[^>]*href\s*=\s*["']?\{\{[^}]*(BaseURL|absURL)"#)
    else {
        return false;
    };
    let mut layouts = std::iter::once("layouts".to_owned()).chain(
        static_dirs
            .iter()
            .filter_map(|dir| dir.strip_suffix("static"))
            .filter(|theme| !theme.is_empty())
            .map(|theme| format!("{theme}layouts")),
    );
    layouts.any(|dir| templates_match(&root.join(dir), &base, 0))
}

/// Whether an HTML template below `dir` (a few folders deep) matches `pattern`.
fn templates_match(dir: &Path, pattern: &regex::Regex, depth: usize) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            depth < 4 && templates_match(&path, pattern, depth + 1)
        } else {
            path.extension()
                .is_some_and(|extension| extension == "html")
                && fs::read_to_string(&path).is_ok_and(|text| pattern.is_match(&text))
        }
    })
}

/// `quire.toml`'s settings over a Hugo site's.
fn overlay(site: Site, quire_toml: &str) -> Result<Site, Problem> {
    let over: toml::Table = quire_toml.parse().map_err(|error: toml::de::Error| {
        let line = error
            .span()
            .map_or(1, |span| quire_toml[..span.start].matches('\n').count() + 1);
        Problem::at_line(line, error.message()).in_path(CONFIG_FILE)
    })?;
    let mut merged =
        toml::Table::try_from(&site).map_err(|error| Problem::new(error.to_string()))?;
    for (key, value) in over {
        merged.insert(key, value);
    }
    parse_config(&toml::to_string(&merged).map_err(|error| Problem::new(error.to_string()))?)
        .map_err(|problem| Problem::new(format!("{CONFIG_FILE}: {}", problem.message)))
}

/// A Hugo site's configuration merged into one tree: the root file, then
/// `config/_default/` (each file under the key it is named after), then
/// `config/production/`, which `hugo` builds with. `None` when the blog has
/// no Hugo configuration.
fn read_hugo(root: &Path) -> Result<Option<Value>, Problem> {
    let mut tree = Value::Object(Default::default());
    let mut found = false;
    if let Some(file) = HUGO_FILES
        .iter()
        .map(|name| root.join(name))
        .find(|p| p.is_file())
    {
        merge(&mut tree, read_tree(root, &file)?);
        found = true;
    }
    for environment in ["_default", "production"] {
        let dir = root.join("config").join(environment);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect();
        // Root files first, so the per-key files can add to what they set.
        files.sort_by_key(|file| {
            let stem = file.file_stem().map(|s| s.to_string_lossy().to_lowercase());
            (
                !matches!(stem.as_deref(), Some("hugo" | "config")),
                file.clone(),
            )
        });
        for file in files {
            let Some(stem) = file.file_stem().map(|s| s.to_string_lossy().to_lowercase()) else {
                continue;
            };
            if !matches!(
                file.extension().and_then(|e| e.to_str()),
                Some("toml" | "yaml" | "yml" | "json")
            ) {
                continue;
            }
            let value = read_tree(root, &file)?;
            merge(&mut tree, nest_under(&stem, value));
            found = true;
        }
    }
    Ok(found.then_some(tree))
}

/// A `config/_default/` file's tree, under the key its name gives:
/// `params.toml` under `params`, `menus.en.toml` under `languages.en.menus`,
/// `languages.fr.toml` under `languages.fr`; `hugo.toml` at the root.
fn nest_under(stem: &str, value: Value) -> Value {
    let wrap = |key: &str, value: Value| {
        let mut map = serde_json::Map::new();
        map.insert(key.to_owned(), value);
        Value::Object(map)
    };
    let parts: Vec<&str> = stem.split('.').collect();
    match parts.as_slice() {
        ["hugo" | "config"] => value,
        ["languages", code] => wrap("languages", wrap(code, value)),
        [key, code] => wrap("languages", wrap(code, wrap(key, value))),
        [key] => wrap(key, value),
        _ => Value::Object(Default::default()),
    }
}

/// A configuration file's text, without the byte order marks some Windows
/// editors write first (which Hugo reads past).
fn read_text(path: &Path) -> Result<String, Problem> {
    fs::read_to_string(path)
        .map(|text| text.trim_start_matches('\u{feff}').to_owned())
        .map_err(|error| {
            Problem::in_file(
                path.display(),
                format!("cannot read the site config: {error}"),
            )
        })
}

/// One configuration file as a tree, whatever its format.
fn read_tree(root: &Path, path: &Path) -> Result<Value, Problem> {
    let shown = super::shown(root, path).display().to_string();
    let text = read_text(path)?;
    let parsed = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => text
            .parse::<toml::Table>()
            .map_err(|error| {
                let line = error
                    .span()
                    .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
                Problem::at_line(line, format!("not valid TOML: {}", error.message()))
            })
            .and_then(|table| {
                serde_json::to_value(table).map_err(|error| Problem::new(error.to_string()))
            }),
        Some("json") => serde_json::from_str(&text)
            .map_err(|error| Problem::at_line(error.line(), format!("not valid JSON: {error}"))),
        _ => serde_yaml_ng::from_str::<Value>(&text).map_err(|error| {
            Problem::at_line(
                error.location().map_or(1, |at| at.line()),
                format!("not valid YAML: {error}"),
            )
        }),
    };
    parsed.map_err(|problem| problem.in_path(shown))
}
