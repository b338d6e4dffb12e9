//! Reading the blog (a Quire blog or a Hugo site folder): the config, the
//! content files, their images and the static folders, checked and turned
//! into what a build writes.
//!
//! [`load_site`] runs the jobs in order, each in its own module:
//! [`config`] reads Hugo's config and `quire.toml`, [`sources`] finds the
//! content files, [`post`] reads and checks one page, [`shortcodes`] and
//! [`rewrite`] change its Markdown where the whole site is needed,
//! [`assets`] finds covers and the files to copy, [`data`] writes the
//! manifest, bodies and search index.

mod assets;
mod config;
mod data;

mod new_post;
mod post;
mod rewrite;
mod shortcodes;
mod sources;

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    path::{Path, PathBuf},
};

use quire_core::{
    hugo::{ContentSettings, MenuEntry, menu_links},
    manifest::{Link, Manifest, Site},
    problem::Problem,
    text::count_of,
};
use rayon::prelude::*;

use config::SiteConfig;
use post::LeftOut;
use shortcodes::Expansion;

pub(crate) use assets::Asset;
pub(crate) use data::DataFile;
pub(crate) use new_post::new_post;

/// Which posts to publish, and for which address.
pub(crate) struct LoadOptions {
    /// Publish posts marked as drafts.
    pub(crate) drafts: bool,
    /// Publish posts dated after `now_unix_seconds`.
    pub(crate) future: bool,
    /// The present moment, for telling future posts.
    pub(crate) now_unix_seconds: i64,
    /// Publish for this address instead of the config's `base_url`.
    pub(crate) base_url: Option<String>,
    /// The release's name, instead of one named after its content (a
    /// preview's, which stays from one edit to the next).
    pub(crate) release: Option<&'static str>,
}

/// What one build keeps for the next under `quire watch`: the work on
/// each page that an edit left alone.
#[derive(Default)]
pub(crate) struct Memo {
    /// The files the last build found.
    found: Option<std::sync::Arc<sources::Found>>,
    /// The files the file watcher saw written since the last build,
    /// relative to the blog's folder, when it saw no file made, moved or
    /// removed. When each is a file the last build read, the others are
    /// neither looked for nor looked at again.
    only_written: Option<Vec<PathBuf>>,
    /// Files read, with their size and time then.
    read: HashMap<PathBuf, (FileStamp, std::sync::Arc<post::ReadFile>)>,
    /// Pages finished: shortcodes expanded, code highlighted, math drawn.
    finished: post::FinishMemo,
    /// Each post's words for the search index.
    words: data::WordsMemo,
}

impl Memo {
    /// Tells the next build which files were written since the last one,
    /// when the file watcher knows that nothing else changed (`None`:
    /// anything may have).
    pub(crate) fn only_written(&mut self, files: Option<Vec<PathBuf>>) {
        self.only_written = files;
    }
}

/// A file's size and modification time, when the system tells them.
type FileStamp = Option<(u64, std::time::SystemTime)>;

/// Everything a build writes, checked.
pub(crate) struct LoadedSite {
    /// The manifest, with its version computed.
    pub(crate) manifest: Manifest,
    /// Post bodies, their highlighted code and the search index.
    pub(crate) data_files: Vec<DataFile>,
    /// Images and static files to copy.
    pub(crate) assets: Vec<Asset>,
    /// Things worth fixing that do not stop the build.
    pub(crate) warnings: Vec<Problem>,
    /// What the build found and did, for `quire check`'s report.
    pub(crate) report: Report,
}

/// What a build found in the blog and did with it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    /// Whether the blog is a Hugo site.
    pub(crate) hugo: bool,
    /// The sections whose pages are posts.
    pub(crate) main_sections: Vec<String>,
    /// Pages left out, by reason.
    pub(crate) left_out: LeftOut,
    /// Files in other languages, left out, by language.
    pub(crate) translations: BTreeMap<String, usize>,
    /// Files `ignoreFiles` names.
    pub(crate) ignored: usize,
    /// What shortcodes did.
    pub(crate) shortcodes: Expansion,
    /// Pages with raw HTML.
    pub(crate) raw_html_pages: usize,
    /// What became of math.
    pub(crate) math: post::MathCounts,
    /// Pages left out because their address was taken.
    pub(crate) address_clashes: usize,
}

impl Report {
    /// What `quire check` tells an author moving a blog: what was found,
    /// and what became of it, with counts.
    pub(crate) fn lines(&self, manifest: &Manifest) -> Vec<String> {
        let mut lines = Vec::new();
        let kind = if self.hugo {
            "a Hugo site"
        } else {
            "a Quire blog"
        };
        lines.push(format!(
            "{kind}: {} in {} (the home page's sections), {}",
            count_of(manifest.posts.len() + manifest.unlisted.len(), "post"),
            self.main_sections.join(", "),
            count_of(manifest.pages.len(), "other page"),
        ));
        let mut by_section: BTreeMap<&str, usize> = BTreeMap::new();
        for page in manifest.every_page() {
            *by_section
                .entry(if page.section.is_empty() {
                    "(top)"
                } else {
                    &page.section
                })
                .or_default() += 1;
        }
        lines.push(format!(
            "pages by section: {}",
            by_section
                .iter()
                .map(|(section, count)| format!("{section} {count}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        let left = &self.left_out;
        lines.push(format!(
            "left out, as Hugo leaves them out: {}, {}, {}, {}",
            count_of(left.drafts, "draft"),
            count_of(left.future, "future page"),
            count_of(left.expired, "expired page"),
            count_of(left.headless, "headless bundle"),
        ));
        if !self.translations.is_empty() {
            let languages: Vec<String> = self
                .translations
                .iter()
                .map(|(language, count)| format!("{language} {count}"))
                .collect();
            let total = self.translations.values().sum();
            lines.push(format!(
                "not published: {} into other languages ({}); Quire publishes the site's default language",
                count_of(total, "translation"),
                languages.join(", ")
            ));
        }
        if self.ignored > 0 {
            lines.push(format!(
                "not published: {} that ignoreFiles names",
                count_of(self.ignored, "file")
            ));
        }
        let names = |map: &BTreeMap<String, usize>| {
            map.iter()
                .map(|(name, pages)| format!("{name} ({})", count_of(*pages, "page")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.shortcodes.expanded.is_empty() {
            lines.push(format!(
                "shortcodes expanded: {}",
                names(&self.shortcodes.expanded)
            ));
        }
        if !self.shortcodes.shown_as_inner.is_empty() {
            lines.push(format!(
                "shortcodes shown as their inner content: {}",
                names(&self.shortcodes.shown_as_inner)
            ));
        }
        if self.raw_html_pages > 0 {
            let what = match manifest.site.raw_html {
                quire_core::manifest::RawHtml::Sanitize => "kept through the sanitiser",
                quire_core::manifest::RawHtml::Omit => {
                    "left out (the site does not set markup.goldmark.renderer.unsafe)"
                }
                quire_core::manifest::RawHtml::Escape => "shown as text",
            };
            lines.push(format!(
                "raw HTML in {}: {what}",
                count_of(self.raw_html_pages, "page")
            ));
        }
        let math = &self.math;
        if math.pages > 0 {
            let unreadable = if math.unreadable > 0 {
                format!(
                    "; {} could not be read and {} shown as TeX",
                    count_of(math.unreadable, "formula"),
                    if math.unreadable == 1 { "is" } else { "are" }
                )
            } else {
                String::new()
            };
            lines.push(format!(
                "math in {}: {} drawn as MathML{unreadable}",
                count_of(math.pages, "page"),
                count_of(math.formulas, "formula"),
            ));
        }
        if math.tex_left_pages > 0 {
            lines.push(format!(
                "text like TeX math in {}, left as written (a page asks for math with `math: true`, a site with `params.math` or Hugo's passthrough extension)",
                count_of(math.tex_left_pages, "page")
            ));
        }
        let taxonomies: Vec<String> = manifest
            .site
            .taxonomies
            .iter()
            .map(|taxonomy| {
                let terms = quire_core::listing::term_counts(manifest.with_terms(), taxonomy).len();
                format!("{taxonomy} {terms}")
            })
            .collect();
        lines.push(format!("taxonomies with pages: {}", taxonomies.join(", ")));
        let aliases: usize = manifest.every_page().map(|page| page.aliases.len()).sum();
        let kept = if self.address_clashes == 0 {
            "every page at its Hugo address".to_owned()
        } else {
            format!(
                "{} left out, as its address was another page's or one of Quire's own (see the warnings); every other page at its Hugo address",
                count_of(self.address_clashes, "page")
            )
        };
        lines.push(format!(
            "addresses: {kept}, and {aliases} old {} redirecting to one",
            if aliases == 1 { "address" } else { "addresses" }
        ));
        lines
    }
}

impl LoadedSite {
    /// Prints the warnings, one a line, on standard error.
    pub(crate) fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("warning: {warning}");
        }
    }

    /// One line for the terminal.
    pub(crate) fn summary_line(&self) -> String {
        let tags = quire_core::listing::term_counts(self.manifest.with_terms(), "tags").len();
        let left = &self.report.left_out;
        format!(
            "{}, {}, {} ({} and {} left out)",
            count_of(self.manifest.posts.len(), "post"),
            count_of(self.manifest.pages.len(), "other page"),
            count_of(tags, "tag"),
            count_of(left.drafts, "draft"),
            count_of(left.future, "future post"),
        )
    }
}

/// The main menu with the pages that add themselves to it (`menu: main`),
/// in Hugo's order; a `quire.toml` menu keeps its written order.
fn menu_with_pages(
    site: &Site,
    content: &ContentSettings,
    loaded: &[post::LoadedPost],
    address_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<Link> {
    let pages: Vec<MenuEntry> = loaded.iter().filter_map(|post| post.menu.clone()).collect();
    let page_refs = content.menu.iter().any(|entry| entry.page_ref.is_some());
    if pages.is_empty() && !page_refs {
        return site.menu.clone();
    }
    // `pageRef: /posts/first` names a file: it leads to that page's address.
    let mut entries: Vec<MenuEntry> = content
        .menu
        .iter()
        .cloned()
        .map(|mut entry| {
            if let Some(address) = entry.page_ref.as_deref().and_then(address_of) {
                entry.link.url = format!("/{}", quire_core::route::encode_path(&address));
            }
            entry
        })
        .collect();
    if entries.is_empty() {
        entries = site
            .menu
            .iter()
            .zip(1..)
            .map(|(link, weight)| MenuEntry {
                weight,
                link: link.clone(),
                page_ref: None,
            })
            .collect();
    }
    entries.extend(pages);
    menu_links(entries)
}

/// Reads and checks the whole blog at `root`; the error lists every
/// problem found, each with its file and line.
pub(crate) fn load_site(
    root: &Path,
    options: &LoadOptions,
    mut memo: Option<&mut Memo>,
) -> Result<LoadedSite, Vec<Problem>> {
    let SiteConfig {
        mut site,
        content,
        hugo,
    } = config::read(root, options.base_url.as_deref()).map_err(|problem| vec![problem])?;
    // Under `quire watch`, when the watcher saw only files the last build
    // read written, the files are those of the last build, and only those
    // written are looked at again.
    let last_found = memo.as_deref().and_then(|memo| memo.found.clone());
    let only_written = memo.as_deref().and_then(|memo| memo.only_written.as_ref());
    let kept_found = last_found.zip(only_written).and_then(|(found, files)| {
        let written: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
        let read_before = found
            .sources
            .iter()
            .filter(|source| written.contains(relative_to(root, &source.path)))
            .count();
        (read_before == written.len()).then_some((found, written))
    });
    let (found, written) = match kept_found {
        Some((found, written)) => (found, Some(written)),
        None => {
            let found = sources::find(root, &content).map_err(|problem| vec![problem])?;
            (std::sync::Arc::new(found), None)
        }
    };
    let main_sections = post::main_sections(&content, &found.sources);
    let mut posts = post::Posts::new(root, &site, &content, options, main_sections.clone());
    // Under `quire watch`, a file whose size and time are as in the last
    // build is not read again.
    let kept = memo.as_deref().map(|memo| &memo.read);
    let stamp = |path: &Path| {
        kept?;
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    };
    let read: Vec<_> = found
        .sources
        .par_iter()
        .map(|source| {
            let unwritten = written
                .as_ref()
                .is_some_and(|written| !written.contains(relative_to(root, &source.path)));
            let known = kept.and_then(|kept| kept.get(&source.path));
            if let (true, Some((stamp, file))) = (unwritten, known) {
                return (*stamp, Ok(std::sync::Arc::clone(file)));
            }
            let stamp = stamp(&source.path);
            let known = known.filter(|(known, _)| stamp.is_some() && *known == stamp);
            let read = match known {
                Some((_, file)) => Ok(file.clone()),
                None => post::read(root, source),
            };
            (stamp, read)
        })
        .collect();
    if let Some(memo) = memo.as_deref_mut() {
        memo.found = Some(std::sync::Arc::clone(&found));
        memo.read = found
            .sources
            .iter()
            .zip(&read)
            .filter_map(|(source, (stamp, read))| {
                Some((source.path.clone(), (*stamp, read.as_ref().ok()?.clone())))
            })
            .collect();
    }
    let read = read.into_iter().map(|(_, read)| read);
    for (source, read) in found.sources.iter().zip(read) {
        posts.add(source, read);
    }
    posts.finish(
        &root.join(content.default_content_dir()),
        memo.as_deref_mut().map(|memo| &mut memo.finished),
    );
    let post::Posts {
        loaded,
        section_texts,
        mut assets,
        left_out,
        problems,
        warnings,
        shortcodes,
        raw_html_pages,
        math,
        address_clashes,
        addresses_by_ref,
        ..
    } = posts;
    let mut warnings = warnings;
    warnings.extend(accented_terms(&content, &loaded));
    warnings.extend(unread_pages(root, &found.unread));
    // A post folder's own images first: a static file at the same place wins.
    assets.extend(found.loose.iter().cloned());
    assets
        .extend(assets::static_files(root, &content.static_dirs).map_err(|problem| vec![problem])?);
    if !problems.is_empty() {
        return Err(problems);
    }
    // A section's list page is where no page is.
    let taken: Vec<&str> = loaded
        .iter()
        .map(|post| post.summary.path.as_str())
        .collect();
    let sections = post::sections(&loaded, &section_texts, &taken, &content);
    let address_of = |target: &str| post::address_by_ref(&addresses_by_ref, target);
    site.menu = menu_with_pages(&site, &content, &loaded, &address_of);
    let (manifest, data_files) = data::assemble(
        site,
        loaded,
        sections,
        options.release,
        memo.map(|memo| &mut memo.words),
    );
    Ok(LoadedSite {
        manifest,
        data_files,
        assets,
        warnings,
        report: Report {
            hugo,
            main_sections,
            left_out,
            translations: found.translations.clone(),
            ignored: found.ignored,
            shortcodes,
            raw_html_pages,
            math,
            address_clashes,
        },
    })
}

/// One warning for the pages in formats Quire does not read, which Hugo
/// renders: they are left out.
fn unread_pages(root: &Path, unread: &[PathBuf]) -> Option<Problem> {
    if unread.is_empty() {
        return None;
    }
    let named: Vec<String> = unread
        .iter()
        .take(3)
        .map(|path| format!("`{}`", shown(root, path).display()))
        .collect();
    let more = and_others(unread.len() - named.len());
    Some(Problem::new(format!(
        "{} left out: {}{more}: Quire reads Markdown and HTML pages, not Org mode, AsciiDoc, reStructuredText or Pandoc, which Hugo renders; convert them to Markdown to keep them",
        count_of(unread.len(), "page"),
        named.join(", ")
    )))
}

/// " and 2 others" after the things a warning names, for `count` it does
/// not; nothing for none.
fn and_others(count: usize) -> String {
    match count {
        0 => String::new(),
        count => format!(" and {}", count_of(count, "other")),
    }
}

/// Under `removePathAccents`, one warning for the terms whose pages keep
/// their accents: the app makes a term's address from its name, and
/// carries no Unicode tables to take accents off.
fn accented_terms(content: &ContentSettings, loaded: &[post::LoadedPost]) -> Option<Problem> {
    if !content.remove_path_accents {
        return None;
    }
    let mut accented: Vec<&str> = loaded
        .iter()
        .flat_map(|post| {
            post.summary
                .tags
                .iter()
                .chain(post.summary.terms.values().flatten())
        })
        .map(String::as_str)
        .filter(|term| {
            let slug = quire_core::slug::term_slug(term);
            quire_core::slug::without_accents(&slug) != slug
        })
        .collect();
    accented.sort_unstable();
    accented.dedup();
    let (first, others) = accented.split_first()?;
    let more = and_others(others.len());
    Some(Problem::new(format!(
        "`removePathAccents`: the page of the term `{first}`{more} keeps its accents (`{}`), where Hugo takes them off",
        quire_core::slug::term_slug(first)
    )))
}

/// The folders whose files a build reads besides the configuration at the
/// top: each language's content folder, the static folders and Hugo's
/// `config/` folder, those that exist.
pub(crate) fn source_folders(root: &Path) -> Result<Vec<PathBuf>, Problem> {
    let content = config::read(root, None)?.content;
    let folders = std::iter::once(content.content_dir.clone())
        .chain(
            content
                .languages
                .iter()
                .filter_map(|language| language.content_dir.clone()),
        )
        .chain(content.static_dirs.iter().cloned())
        .chain(["config".to_owned()])
        .map(|folder| root.join(folder))
        .filter(|folder| folder.is_dir());
    let mut unique: Vec<PathBuf> = Vec::new();
    for folder in folders {
        if !unique.contains(&folder) {
            unique.push(folder);
        }
    }
    Ok(unique)
}

/// `path` below `root`, or `path` when it is not there.
fn relative_to<'a>(root: &Path, path: &'a Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// A path as the author would find it: below the blog's folder when it is.
pub(crate) fn shown(root: &Path, path: &Path) -> PathBuf {
    relative_to(root, path).to_path_buf()
}
