//! Finding the content files, as Hugo finds them: every Markdown (`.md`,
//! `.markdown`, `.mdown`) and HTML content file under the published
//! language's content folder, page bundles as one page, `_index` files as
//! list pages, translations into other languages and `ignoreFiles` left
//! out (and counted).

use std::{
    fs,
    path::{Path, PathBuf},
};

use quire_core::{hugo::ContentSettings, problem::Problem};
use regex::Regex;

use super::assets::{Asset, target_below};

/// A content file of the published language.
#[derive(Debug, Clone, Hash)]
pub(super) struct Source {
    /// The file.
    pub(super) path: PathBuf,
    /// The folders between the content folder and the file (or bundle):
    /// the section first; empty for a page at the top.
    pub(super) sections: Vec<String>,
    /// The file's name without extension and language (`hello` of
    /// `hello.en.md`), or the bundle's folder name.
    pub(super) file_name: String,
    /// The bundle folder, for `index.*` pages: its other files are the page's.
    pub(super) bundle: Option<PathBuf>,
    /// An `_index` file: a list page's own text (the home page's, a
    /// section's), not a page of its own.
    pub(super) list_page: bool,
    /// The body is HTML (an `.html` content file), not Markdown.
    pub(super) html: bool,
}

/// What the walk found besides the published language's pages.
#[derive(Debug, Clone, Default)]
pub(super) struct Found {
    /// The content files to read.
    pub(super) sources: Vec<Source>,
    /// Files in other languages, left out, by language.
    pub(super) translations: std::collections::BTreeMap<String, usize>,
    /// Files `ignoreFiles` names.
    pub(super) ignored: usize,
    /// Files beside the pages outside any leaf bundle (a post folder's
    /// images), which Hugo publishes where they are below the content folder.
    pub(super) loose: Vec<Asset>,
    /// Pages in a format Hugo renders and Quire does not read (Org mode,
    /// AsciiDoc, reStructuredText, Pandoc): left out, and not published as
    /// files either.
    pub(super) unread: Vec<PathBuf>,
}

/// The content file extensions Hugo reads, and whether their body is HTML.
const EXTENSIONS: [(&str, bool); 6] = [
    ("md", false),
    ("markdown", false),
    ("mdown", false),
    ("mkd", false),
    ("html", true),
    ("htm", true),
];

/// The content formats Hugo renders (with go-org, or an external helper)
/// that Quire does not read.
const UNREAD_EXTENSIONS: [&str; 7] = ["org", "adoc", "asciidoc", "ad", "rst", "pandoc", "pdc"];

/// Whether the file is a page in a format Quire does not read.
fn unread_format(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        UNREAD_EXTENSIONS
            .iter()
            .any(|unread| extension.eq_ignore_ascii_case(unread))
    })
}

/// For a content file's extension (of any language), whether its body is
/// HTML; `None` for any other file.
fn content_extension(path: &Path) -> Option<bool> {
    let extension = path.extension()?;
    EXTENSIONS
        .iter()
        .find(|(known, _)| extension.eq_ignore_ascii_case(known))
        .map(|(_, html)| *html)
}

/// Every content file of the blog at `root`, in a stable order.
pub(super) fn find(root: &Path, settings: &ContentSettings) -> Result<Found, Problem> {
    let language = settings
        .languages
        .iter()
        .find(|language| language.code == settings.default_language);
    let content_dir = language
        .and_then(|language| language.content_dir.clone())
        .unwrap_or_else(|| settings.content_dir.clone());
    let dir = root.join(&content_dir);
    if !dir.is_dir() {
        return Err(Problem::in_file(
            &content_dir,
            "no such folder; posts go in content/posts/<slug>.md or content/posts/<slug>/index.md",
        ));
    }
    let ignore: Vec<Regex> = settings
        .ignore_files
        .iter()
        .filter_map(|pattern| Regex::new(pattern).ok())
        .collect();
    // Other languages' own content folders are not this language's content.
    let others: Vec<PathBuf> = settings
        .languages
        .iter()
        .filter(|other| other.code != settings.default_language)
        .filter_map(|other| other.content_dir.as_ref().map(|dir| root.join(dir)))
        .filter(|other| *other != dir)
        .collect();
    let walk = Walk {
        settings,
        ignore: &ignore,
        others: &others,
        base: &dir,
    };
    let mut found = Found::default();
    walk.folder(&dir, &[], &mut found)
        .map_err(|error| Problem::in_file(&content_dir, error.to_string()))?;
    found.sources.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

struct Walk<'a> {
    settings: &'a ContentSettings,
    ignore: &'a [Regex],
    others: &'a [PathBuf],
    /// The content folder.
    base: &'a Path,
}

impl Walk<'_> {
    /// Reads one folder: a leaf bundle (`index.*`) is one page and nothing
    /// below it is content; otherwise each content file is a page and each
    /// folder is walked in turn.
    fn folder(&self, dir: &Path, sections: &[String], found: &mut Found) -> std::io::Result<()> {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                !path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        let files: Vec<(PathBuf, ContentFile)> = entries
            .iter()
            .filter(|path| path.is_file())
            .filter_map(|path| Some((path.clone(), self.content_file(path, found)?)))
            .collect();
        let index = files
            .iter()
            .find(|(_, file)| file.stem == "index" && !sections.is_empty());
        if let Some((path, file)) = index {
            let (name, within) = sections
                .split_last()
                .map_or((String::new(), &[][..]), |(n, w)| (n.clone(), w));
            found.sources.push(Source {
                path: path.clone(),
                sections: within.to_vec(),
                file_name: name,
                bundle: Some(dir.to_path_buf()),
                list_page: false,
                html: file.html,
            });
            return Ok(());
        }
        for path in entries.iter().filter(|path| path.is_file()) {
            if content_extension(path).is_some() || self.is_ignored(path) {
                continue;
            }
            if unread_format(path) {
                found.unread.push(path.clone());
            } else {
                found.loose.push(Asset {
                    source: path.clone(),
                    target: target_below(self.base, path),
                });
            }
        }
        for (path, file) in files {
            found.sources.push(Source {
                path,
                sections: sections.to_vec(),
                file_name: file.stem.clone(),
                bundle: None,
                list_page: file.stem == "_index",
                html: file.html,
            });
        }
        for sub in entries.iter().filter(|path| path.is_dir()) {
            if self.others.iter().any(|other| other == sub) {
                continue;
            }
            let mut deeper = sections.to_vec();
            deeper.push(
                sub.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            self.folder(sub, &deeper, found)?;
        }
        Ok(())
    }

    /// Whether `ignoreFiles` names the file.
    fn is_ignored(&self, path: &Path) -> bool {
        self.ignore
            .iter()
            .any(|pattern| pattern.is_match(&path.to_string_lossy()))
    }

    /// A content file of the published language, by its name; other files
    /// (images, other languages, ignored ones) are `None`, the latter two
    /// counted.
    fn content_file(&self, path: &Path, found: &mut Found) -> Option<ContentFile> {
        let html = content_extension(path)?;
        let name = path.file_name()?.to_string_lossy().into_owned();
        let (stem, _) = name.rsplit_once('.')?;
        if self.is_ignored(path) {
            found.ignored += 1;
            return None;
        }
        // `post.fr.md`: a translation, when `fr` is one of the site's
        // languages; `post.en.md` is the page itself when `en` is the
        // default language, even on a site that lists no languages.
        let (stem, language) = match stem.rsplit_once('.') {
            Some((base, code))
                if self.settings.default_language.eq_ignore_ascii_case(code)
                    || self
                        .settings
                        .languages
                        .iter()
                        .any(|language| language.code.eq_ignore_ascii_case(code)) =>
            {
                (base, Some(code.to_lowercase()))
            }
            _ => (stem, None),
        };
        if let Some(code) = language.filter(|code| *code != self.settings.default_language) {
            *found.translations.entry(code).or_default() += 1;
            return None;
        }
        Some(ContentFile {
            stem: stem.to_owned(),
            html,
        })
    }
}

/// What a content file's name says.
struct ContentFile {
    /// The name without extension and language.
    stem: String,
    /// An HTML content file.
    html: bool,
}
