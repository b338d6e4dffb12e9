//! Reading and checking one content file: its front matter, whether it is
//! published, its address, its cover and body, and what lists and search
//! need of it.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    fs,
    path::{Path, PathBuf},
    sync::Arc,
};

use jiff::tz::TimeZone;
use quire_core::{
    date::{Date, Timestamp},
    front_matter::{self, FrontMatter},
    hugo::{ContentSettings, MenuEntry},
    manifest::{Cover, Link, PostDisplay, PostSummary, PostSummaryFields, Section, Site},
    permalink::{self, AddressStyle, Facts},
    problem::Problem,
    route::{ListNames, Route, address_problem, decode_path, encode_path, names_file},
    text::{plain_text, reading_minutes, summary_of, word_count},
};
use rayon::prelude::*;

use super::{
    LoadOptions,
    assets::{Asset, bundle_files, cover, in_static},
    data::DataFile,
    rewrite,
    shortcodes::{self, Expansion},
    shown,
    sources::Source,
};
use crate::{
    image_size::image_size,
    watch::{fingerprint, keep_printed},
};

/// What a page is to the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    /// A post of a main section: on the home page, in feeds and search.
    Post,
    /// Any other page: an about page, a page of another section.
    Page,
}

/// A page read and checked: its manifest entry and its files.
#[derive(Clone)]
pub(super) struct LoadedPost {
    /// The manifest entry.
    pub(super) summary: PostSummary,
    /// The body's file and, for posts with code, its highlighting.
    pub(super) files: Vec<DataFile>,
    /// A post or a page.
    pub(super) kind: Kind,
    /// Left out of lists, feeds, the sitemap and search.
    pub(super) hidden: bool,
    /// Left out of search.
    pub(super) search_hidden: bool,
    /// The body without Markdown, for the search index (shared, as
    /// `quire watch` keeps every page's).
    pub(super) plain: Arc<str>,
    /// When it was published, in Unix seconds, for ordering a day's posts.
    pub(super) published: i64,
    /// Its entry in the main menu, when its front matter asks for one.
    pub(super) menu: Option<MenuEntry>,
}

/// Why pages were left out, with counts, for the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct LeftOut {
    /// Drafts.
    pub(crate) drafts: usize,
    /// Dated in the future.
    pub(crate) future: usize,
    /// Past their `expiryDate`.
    pub(crate) expired: usize,
    /// `headless` bundles.
    pub(crate) headless: usize,
}

/// The pages of a blog as they are read, and what was found wrong.
pub(super) struct Posts<'a> {
    root: &'a Path,
    site: &'a Site,
    settings: &'a ContentSettings,
    options: &'a LoadOptions,
    /// The main sections: their pages are posts.
    main_sections: Vec<String>,
    /// Each address taken so far, and by which file.
    addresses: HashMap<String, PathBuf>,
    /// Pages read and published, their bodies not yet expanded: a `ref`
    /// may name any page, so every address must be known first.
    pending: Vec<Pending>,
    /// The pages that will be published.
    pub(super) loaded: Vec<LoadedPost>,
    /// The sections' list pages' own front matter (`_index` files), by section.
    pub(super) section_texts: BTreeMap<String, (String, String)>,
    /// The `_index` files of sections and nested sections, each with its
    /// (top) section, for `ref`s that name a section.
    section_files: Vec<(PathBuf, String)>,
    /// The pages' names (their data files' and the app's keys) so far.
    keys: HashSet<String>,
    /// Each page's and section's address by the names a `ref` may use
    /// (`posts/a.md`, `posts/a`, `a`), once [`Posts::finish`] has run.
    pub(super) addresses_by_ref: HashMap<String, String>,
    /// Their bundles' files.
    pub(super) assets: Vec<Asset>,
    /// Pages left out, by reason.
    pub(super) left_out: LeftOut,
    /// What stops the build.
    pub(super) problems: Vec<Problem>,
    /// What the author should fix, but does not stop it.
    pub(super) warnings: Vec<Problem>,
    /// What shortcodes did, for the report.
    pub(super) shortcodes: Expansion,
    /// Pages with raw HTML, for the report.
    pub(super) raw_html_pages: usize,
    /// Covers without alt text: one warning for them all.
    covers_without_alt: Vec<Problem>,
    /// What became of math, for the report.
    pub(super) math: MathCounts,
    /// The site's `timeZone`, for dates written without an offset.
    time_zone: Option<TimeZone>,
    /// Pages left out because another page, or one of Quire's own, has
    /// their address.
    pub(super) address_clashes: usize,
}

impl<'a> Posts<'a> {
    /// Nothing read yet. `main_sections` are the sections whose pages are posts.
    pub(super) fn new(
        root: &'a Path,
        site: &'a Site,
        settings: &'a ContentSettings,
        options: &'a LoadOptions,
        main_sections: Vec<String>,
    ) -> Self {
        let mut problems = Vec::new();
        let time_zone = settings
            .time_zone
            .as_deref()
            .and_then(|name| match TimeZone::get(name) {
                Ok(zone) => Some(zone),
                Err(_) => {
                    problems.push(Problem::new(format!(
                        "the site's timeZone `{name}` is not a time zone name; write one such as `Europe/Paris` or `America/New_York`"
                    )));
                    None
                }
            });
        Self {
            root,
            site,
            settings,
            options,
            main_sections,
            time_zone,
            addresses: HashMap::new(),
            pending: Vec::new(),
            loaded: Vec::new(),
            section_texts: BTreeMap::new(),
            section_files: Vec::new(),
            keys: HashSet::new(),
            addresses_by_ref: HashMap::new(),
            assets: Vec::new(),
            left_out: LeftOut::default(),
            problems,
            warnings: Vec::new(),
            shortcodes: Expansion::default(),
            raw_html_pages: 0,
            math: MathCounts::default(),
            address_clashes: 0,
            covers_without_alt: Vec::new(),
        }
    }

    /// Reads one content file, keeping it, leaving it out, or noting its problems.
    pub(super) fn add(&mut self, source: &Source, read: Result<Arc<ReadFile>, Vec<Problem>>) {
        let file = shown(self.root, &source.path).display().to_string();
        let read = match read {
            Ok(read) => read,
            // A list page's own file only names its section (jonocarroll's
            // `_index.md` holds `{}` and a line of TOML, which Hugo builds
            // past): the section keeps its name, and the author is told.
            Err(problems) if source.list_page => {
                self.warnings
                    .extend(problems.into_iter().map(|problem| Problem {
                        message: format!(
                            "{}; the list page keeps its default title",
                            problem.message
                        ),
                        ..problem
                    }));
                return;
            }
            Err(problems) => {
                self.problems.extend(problems);
                return;
            }
        };
        if read.plain_html {
            self.assets.push(Asset {
                source: source.path.clone(),
                target: plain_html_target(source),
            });
            return;
        }
        let front = in_time_zone(read.front_matter.clone(), self.time_zone.as_ref());
        if source.list_page {
            let section = source.sections.first().cloned().unwrap_or_default();
            // A section's own `_index` file, not a nested folder's.
            if source.sections.len() <= 1 {
                let description = front.description.clone().unwrap_or_default();
                self.section_texts
                    .insert(section.clone(), (front.title.clone(), description));
            } else {
                // DLatreyte's `ref "../chap-8"` named such a folder, and
                // failed the build.
                self.warnings.push(
                    Problem::at_line(
                        1,
                        format!(
                            "Quire has no list page for the nested section `{}`; a `ref` to it leads to the list of `{section}`",
                            source.sections.join("/")
                        ),
                    )
                    .in_path(&file),
                );
            }
            if !section.is_empty() {
                self.section_files.push((source.path.clone(), section));
            }
            return;
        }
        if !self.is_published(&front) {
            return;
        }
        self.warnings.extend(read.warnings.iter().cloned());
        let section = source.sections.first().cloned().unwrap_or_default();
        // A post keeps its place whatever its `layout` (Jekyll's `post`),
        // unless it stands for PaperMod's archive or search page.
        let stands_for_built_in = matches!(front.layout.as_deref(), Some("archives" | "search"));
        let kind = if self.main_sections.contains(&section) && !stands_for_built_in {
            Kind::Post
        } else {
            Kind::Page
        };
        let date = front.date.unwrap_or_else(|| {
            // A post is listed by its date; a page (about, search) needs none.
            if kind == Kind::Post {
                self.warnings.push(
                    Problem::at_line(
                        1,
                        "no date: the file's last change is used; add `date: YYYY-MM-DD`",
                    )
                    .in_path(&file),
                );
            }
            file_time(&source.path)
        });
        // Hugo's date for an undated page is year 1: its `:year` is `0001`,
        // whatever day the file last changed.
        let address_date = front.date.map_or_else(
            || Date::new(1, 1, 1).unwrap_or(date.date),
            |stamp| stamp.date,
        );
        let path = self.address(source, &front, address_date);
        let lists = ListNames {
            taxonomies: self.site.taxonomies.clone(),
            sections: Vec::new(),
        };
        let built_in = Route::parse(&path, &lists);
        let stands_for_it = front.layout.as_deref().is_some_and(|layout| {
            matches!(
                (layout, &built_in),
                ("archives", Route::Archives) | ("search", Route::Search)
            )
        });
        if !matches!(built_in, Route::Content { .. }) && !stands_for_it {
            self.warnings.push(
                Problem::at_line(
                    front.slug.as_ref().map_or(1, |(_, line)| *line),
                    format!(
                        "`/{path}` is the address of Quire's own {} page; this page is left out (give it another `url` or `slug`)",
                        built_in_name(&built_in)
                    ),
                )
                .in_path(&file),
            );
            self.address_clashes += 1;
            return;
        }
        if let Some(problem) = address_problem(&path) {
            // It would be written outside the site, or over Quire's own files.
            self.problems.push(
                Problem::at_line(
                    front.slug.as_ref().map_or(1, |(_, line)| *line),
                    format!("the address `/{path}` {problem}; change the page's `url` or `slug`"),
                )
                .in_path(&file),
            );
            return;
        }
        if let Some(first) = self.addresses.get(&path) {
            self.warnings.push(
                Problem::at_line(
                    front.slug.as_ref().map_or(1, |(_, line)| *line),
                    format!(
                        "`/{path}` is also the address of {}; this page is left out, as Hugo would overwrite one with the other",
                        shown(self.root, first).display()
                    ),
                )
                .in_path(&file),
            );
            self.address_clashes += 1;
            return;
        }
        self.addresses.insert(path.clone(), source.path.clone());
        let cover = front.cover.as_ref().and_then(|spec| {
            match cover(
                self.root,
                &self.settings.static_dirs,
                &self.root.join(self.settings.default_content_dir()),
                source.bundle.as_deref(),
                &path,
                spec,
            ) {
                Ok(found) => {
                    if found.cover.alt.is_empty() {
                        self.covers_without_alt
                            .push(Problem::at_line(spec.line, "").in_path(&file));
                    }
                    self.warnings.extend(
                        found
                            .warnings
                            .into_iter()
                            .map(|message| Problem::at_line(spec.line, message).in_path(&file)),
                    );
                    Some(found.cover)
                }
                Err(message) => {
                    // Hugo builds the page; the cover is lost.
                    self.warnings.push(
                        Problem::at_line(spec.line, format!("{message}; the page has no cover"))
                            .in_path(&file),
                    );
                    None
                }
            }
        });
        if let Some(bundle) = &source.bundle {
            match bundle_files(bundle, &path) {
                Ok(files) => self.assets.extend(files),
                Err(error) => {
                    self.problems.push(Problem::in_file(
                        shown(self.root, bundle).display(),
                        error.to_string(),
                    ));
                    return;
                }
            }
        }
        let text = &read.text;
        let body = text[read.body_start..].trim_start_matches(['\n', '\r']);
        let first_line = text[..text.len() - body.len()].matches('\n').count() + 1;
        self.pending.push(Pending {
            source: source.clone(),
            front,
            file,
            body: body.to_owned(),
            first_line,
            print: read.print,
            what: Summarised {
                path,
                date,
                kind,
                cover,
            },
        });
    }

    /// Expands every page's shortcodes, now that every address is known,
    /// and makes the pages' manifest entries and files.
    pub(super) fn finish(&mut self, content_dir: &Path, memo: Option<&mut FinishMemo>) {
        self.warn_about_alt_text();
        let mut addresses: HashMap<String, String> = self
            .pending
            .iter()
            .flat_map(|page| {
                ref_keys(&page.source.path, content_dir)
                    .into_iter()
                    .map(|key| (key, page.what.path.clone()))
            })
            .collect();
        // `ref "posts"`, `relref "/posts/_index.md"`: a section's list page
        // (for a nested section's folder, the list of the section it is in).
        for (file, section) in &self.section_files {
            let address = section_address(section, self.settings);
            let relative = file
                .strip_prefix(content_dir)
                .unwrap_or(file)
                .to_string_lossy()
                .replace('\\', "/");
            let without_extension = relative
                .rsplit_once('.')
                .map_or(relative.as_str(), |(stem, _)| stem);
            let folder = relative.rsplit_once('/').map_or("", |(folder, _)| folder);
            for key in [
                relative.clone(),
                without_extension.to_owned(),
                folder.to_owned(),
                format!("{folder}/"),
            ] {
                addresses.entry(key).or_insert_with(|| address.clone());
            }
        }
        // A section without an `_index` file has its list page too.
        for section in self
            .pending
            .iter()
            .filter_map(|page| page.source.sections.first())
        {
            let address = section_address(section, self.settings);
            for key in [section.clone(), format!("{section}/")] {
                addresses.entry(key).or_insert_with(|| address.clone());
            }
        }
        // Hugo 0.123 and later also find a page by its path lowercased, with
        // hyphens for spaces: `posts/on-ai` for `content/posts/On AI/`.
        let newer: Vec<(String, String)> = addresses
            .iter()
            .map(|(key, address)| (newer_hugo_ref(key), address.clone()))
            .collect();
        for (key, address) in newer {
            addresses.entry(key).or_insert(address);
        }
        let pending = std::mem::take(&mut self.pending);
        // Names are given in page order, so they do not depend on which
        // page is finished first.
        let keys: Vec<String> = pending
            .iter()
            .map(|page| self.unique_key(&page.what.path))
            .collect();
        // Each page is finished on its own (its shortcodes, links,
        // highlighting, math, text), on every core; what they found is
        // then gathered in page order, so messages and counts come out as
        // from one page after another.
        let this = &*self;
        // Under `quire watch`, a page whose file and name are as in the
        // last build, and whose links lead where they led, is finished as
        // it was: a new post finishes itself, not every page again.
        let kept = memo.as_deref().map(|memo| &memo.0);
        let site_wide = kept
            .map(|_| fingerprint(&(format!("{:?}{:?}", this.settings, this.site), content_dir)));
        let finished: Vec<(Option<u64>, Arc<FinishedPage>)> = pending
            .into_par_iter()
            .zip(keys)
            .map(|(page, key)| {
                let print = site_wide.map(|site_wide| {
                    fingerprint(&(site_wide, &page.source, &page.what, page.print, &key))
                });
                let done = print.and_then(|print| kept?.get(&print)).filter(|done| {
                    done.asked
                        .iter()
                        .all(|(asked, found)| asked.answer(&addresses, &this.addresses) == *found)
                });
                let page = match done {
                    Some(done) => Arc::clone(done),
                    None => Arc::new(this.finish_page(page, key, content_dir, &addresses)),
                };
                (print, page)
            })
            .collect();
        if let Some(memo) = memo {
            memo.0 = keep_printed(&finished);
        }
        for (_, page) in finished {
            // A copy only when the memo keeps the page too.
            let page = Arc::unwrap_or_clone(page);
            self.warnings
                .extend(self.shortcodes.record(page.shortcodes));
            self.warnings.extend(page.warnings);
            self.problems.extend(page.problems);
            self.raw_html_pages += usize::from(page.raw_html);
            self.math.pages += usize::from(page.formulas + page.unreadable > 0);
            self.math.formulas += page.formulas;
            self.math.unreadable += page.unreadable;
            self.math.tex_left_pages +=
                usize::from(page.tex && page.formulas + page.unreadable == 0);
            self.loaded.push(page.loaded);
        }
        self.addresses_by_ref = addresses;
    }

    /// Finishes one page: expands its shortcodes, rewrites its links,
    /// prepares its code and math and makes its manifest entry and files.
    /// `addresses` are every page's by the names a `ref` may use.
    fn finish_page(
        &self,
        page: Pending,
        key: String,
        content_dir: &Path,
        addresses: &HashMap<String, String>,
    ) -> FinishedPage {
        // What the page asks of other pages' addresses, and the answers,
        // so that `quire watch` knows when they change.
        let asked = std::cell::RefCell::new(Vec::new());
        let ask = |question: Question| {
            let found = question.answer(addresses, &self.addresses);
            asked.borrow_mut().push((question, found.clone()));
            found
        };
        // `ref "#heading"` names a heading of this page, as in Hugo. Any
        // other name is looked for from the page's folder first (for a
        // bundle, the folder it is in, unless the name goes up with `../`),
        // then from the content folder.
        let folder = content_folder(&page.source.path, content_dir);
        let resolve = |target: &str| {
            if target.is_empty() {
                return Some(page.what.path.clone());
            }
            let near = if page.source.bundle.is_some() && !target.starts_with("../") {
                folder.rsplit_once('/').map_or("", |(parent, _)| parent)
            } else {
                folder.as_str()
            };
            (!target.starts_with('/'))
                .then(|| ask(Question::Ref(rewrite::joined(near, target))))
                .flatten()
                .or_else(|| ask(Question::Ref(target.to_owned())))
        };
        // The page's front matter, else the site's params, as Hugo's `param`.
        let site_params = &self.settings.params;
        let param = |name: &str| {
            page.front
                .text(name)
                .or_else(|| site_params.get(&name.to_lowercase()).cloned())
        };
        // Themes' math partials read `math` (PaperMod's guide), `katex`
        // or `mathjax`, from the page or the site.
        let with_math = self.settings.math.everywhere
            || ["math", "katex", "mathjax"]
                .iter()
                .any(|name| param(name).is_some_and(|value| value == "true"));
        let is_file = |path: PathBuf| ask(Question::File(path)).is_some();
        let beside_page = |src: &str| {
            page.source
                .bundle
                .as_ref()
                .is_some_and(|bundle| is_file(bundle.join(src)))
        };
        let site_file = |src: &str| {
            if src.split('/').any(|part| part == "..") || src.contains(['?', '#']) {
                return None;
            }
            let at_root = in_static(self.root, &self.settings.static_dirs, src);
            (!beside_page(src) && is_file(at_root)).then(|| src.to_owned())
        };
        // An image's width and height, read from its file: beside the page
        // (its bundle or its folder), else in the static folders.
        let size_of_image = |src: &str| -> Option<(u32, u32)> {
            let path = decode_path(src.split(['?', '#']).next()?);
            if path.contains(':') || path.starts_with("//") {
                return None;
            }
            let candidates = match path.strip_prefix('/') {
                Some(rooted) if !rooted.split('/').any(|part| part == "..") => vec![
                    in_static(self.root, &self.settings.static_dirs, rooted),
                    content_dir.join(rooted),
                ],
                Some(_) => Vec::new(),
                None => {
                    let relative = path.trim_start_matches("./");
                    vec![
                        content_dir.join(&folder).join(relative),
                        in_static(self.root, &self.settings.static_dirs, relative),
                    ]
                }
            };
            let file = candidates.into_iter().find(|file| is_file(file.clone()))?;
            image_size(&std::fs::read(file).ok()?)
        };
        let context = shortcodes::Page {
            file: &page.file,
            first_line: page.first_line,
            resolve: &resolve,
            param: &param,
            site_file: &site_file,
            image_size: &size_of_image,
        };
        let expanded = shortcodes::expand(&page.body, &context);
        let mut warnings = expanded.warnings;
        let address_of = |path: &str| ask(Question::Path(path.to_owned()));
        let (text, link_warnings) = rewrite::rewrite(
            &expanded.text,
            &rewrite::Rewrites {
                folder: &folder,
                address_of: &address_of,
                emoji: self.settings.emoji,
                math: if with_math {
                    &self.settings.math.delimiters
                } else {
                    &[]
                },
                dollar_math_escaped: with_math && self.settings.math.dollar_escaped,
                site_file: &site_file,
                from_root: self.settings.links_from_root,
                beside_page: &beside_page,
            },
        );
        for message in link_warnings {
            warnings.push(Problem::at_line(page.first_line, message).in_path(&page.file));
        }
        let Pending {
            source,
            front,
            what,
            file,
            first_line,
            ..
        } = page;
        let (raw_html, tex) = features(&text);
        let html_kept = self.site.raw_html == quire_core::manifest::RawHtml::Sanitize;
        let prepared =
            super::data::prepare(&text, source.html, with_math, html_kept, &size_of_image);
        let (formulas, unreadable) = (prepared.formulas, prepared.unreadable);
        for (lines_before, message) in &prepared.messages {
            warnings
                .push(Problem::at_line(first_line + lines_before, message.clone()).in_path(&file));
        }
        let mut loaded = self.summarise(&source, front, what, &text, key, prepared);
        // An alias at another page's address: that page stays there, as
        // under Hugo, which writes the page over the alias.
        let own = loaded.summary.path.clone();
        loaded.summary.aliases.retain(|alias| {
            let Some(owner) = ask(Question::PageAt(alias.clone())).filter(|_| *alias != own)
            else {
                return true;
            };
            warnings.push(
                Problem::new(format!(
                    "alias `/{alias}` is the address of {}, which stays there; the alias is left out",
                    shown(self.root, Path::new(&owner)).display()
                ))
                .in_path(&file),
            );
            false
        });
        FinishedPage {
            loaded,
            asked: asked.into_inner(),
            shortcodes: expanded.uses,
            warnings,
            problems: expanded.problems,
            raw_html,
            tex,
            formulas,
            unreadable,
        }
    }

    /// A page's name from its address, made unique: `posts/2024/recap/`
    /// and `posts/2024-recap/` would both be `posts-2024-recap`.
    fn unique_key(&mut self, path: &str) -> String {
        let base = file_key(path);
        let key = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|key| !self.keys.contains(key))
            .unwrap_or(base);
        self.keys.insert(key.clone());
        key
    }

    /// One warning for the covers without alt text: Hugo does not ask for
    /// it, so a migrated blog may have many; the images are then marked
    /// decorative (alt="").
    fn warn_about_alt_text(&mut self) {
        let covers = std::mem::take(&mut self.covers_without_alt);
        let Some((first, others)) = covers.split_first() else {
            return;
        };
        let message = if others.is_empty() {
            "the cover has no alt text; add `alt:` describing what it shows".to_owned()
        } else {
            let places: Vec<String> = others
                .iter()
                .take(3)
                .map(|cover| {
                    format!(
                        "{}:{}",
                        cover.path.clone().unwrap_or_default(),
                        cover.line.unwrap_or(1)
                    )
                })
                .collect();
            let more = others.len() - places.len();
            format!(
                "this cover and {} more have no alt text ({}{}); add `alt:` describing what each shows",
                others.len(),
                places.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            )
        };
        self.warnings.push(Problem {
            message,
            ..first.clone()
        });
    }

    /// Whether a page is published in this build: not a draft, not in the
    /// future, not expired, not a headless bundle (each counted).
    fn is_published(&mut self, front: &FrontMatter) -> bool {
        let now = self.options.now_unix_seconds;
        let drafts = self.options.drafts || self.settings.build_drafts;
        let future = self.options.future || self.settings.build_future;
        let published = front.publish_date.or(front.date);
        if front.headless {
            self.left_out.headless += 1;
        } else if front.draft && !drafts {
            self.left_out.drafts += 1;
        } else if published.is_some_and(|at| at.unix_seconds > now) && !future {
            self.left_out.future += 1;
        } else if front.expiry_date.is_some_and(|at| at.unix_seconds <= now)
            && !self.settings.build_expired
        {
            self.left_out.expired += 1;
        } else {
            return true;
        }
        false
    }

    /// The page's address, decoded: Hugo's, from its file, front matter and
    /// the site's `permalinks` and `uglyURLs`.
    fn address(&self, source: &Source, front: &FrontMatter, date: Date) -> String {
        let section = source.sections.first().map(String::as_str).unwrap_or("");
        let facts = Facts {
            sections: source.sections.clone(),
            file_name: source.file_name.clone(),
            title: front.title.clone(),
            slug: front.slug.as_ref().map(|(slug, _)| slug.clone()),
            url: front.url.clone(),
            date,
        };
        // A page at the top has no section, so no section's pattern.
        let pattern = (!section.is_empty())
            .then(|| self.settings.permalinks.get(section))
            .flatten()
            .map(String::as_str);
        let style = AddressStyle {
            ugly_urls: self.settings.ugly_urls.for_section(section),
            keep_case: self.settings.keep_case,
        };
        without_accents_if_asked(
            decode_path(&permalink::address(&facts, pattern, style)),
            self.settings,
        )
    }

    /// The manifest entry, body files and search text of a checked page.
    fn summarise(
        &self,
        source: &Source,
        front: FrontMatter,
        what: Summarised,
        body: &str,
        key: String,
        prepared: super::data::PreparedBody,
    ) -> LoadedPost {
        let Summarised {
            path,
            date,
            kind,
            cover,
        } = what;
        let plain = if source.html {
            quire_core::html::text_of(body)
        } else {
            plain_text(body)
        };
        let words = word_count(&plain);
        let summary_text = if source.html {
            // An HTML page's summary is its text (before `<!--more-->`).
            let before = body.split("<!--more-->").next().unwrap_or(body);
            summary_of(
                front.summary.as_deref(),
                &quire_core::html::text_of(before),
                self.settings.summary_length,
            )
        } else {
            summary_of(front.summary.as_deref(), body, self.settings.summary_length)
        };
        let authors = if front.authors.is_empty() && !self.site.author.is_empty() {
            vec![self.site.author.clone()]
        } else {
            front.authors.clone()
        };
        let title = if front.title.is_empty() {
            source.file_name.clone()
        } else {
            front.title.clone()
        };
        let extension = if source.html { "html" } else { "md" };
        let body_file = DataFile::hashed(&format!("posts/{key}"), extension, prepared.body);
        let prepared_file = prepared
            .json
            .map(|json| DataFile::hashed(&format!("posts/{key}"), "prepared.json", json));
        let mut display = front.display.clone();
        if kind == Kind::Page {
            // A page is not dated news: no meta line, sharing or neighbours
            // unless it asks for them.
            let off = |own: Option<bool>| own.or(Some(false));
            display = PostDisplay {
                meta: off(display.meta),
                share: off(display.share),
                neighbours: off(display.neighbours),
                breadcrumbs: off(display.breadcrumbs),
                ..display
            };
        }
        let terms: BTreeMap<String, Vec<String>> = self
            .settings
            .taxonomies
            .iter()
            .filter(|taxonomy| taxonomy.plural != "tags")
            .map(|taxonomy| {
                (
                    taxonomy.plural.clone(),
                    front.terms(&taxonomy.plural, &taxonomy.singular),
                )
            })
            .filter(|(_, terms)| !terms.is_empty())
            .collect();
        let tags = self
            .settings
            .taxonomies
            .iter()
            .find(|taxonomy| taxonomy.plural == "tags")
            .map(|taxonomy| front.terms(&taxonomy.plural, &taxonomy.singular))
            .unwrap_or_default();
        let menu = front.main_menu().map(|(name, weight)| MenuEntry {
            weight,
            link: Link {
                name: name.unwrap_or_else(|| title.clone()),
                url: format!("/{}", encode_path(&path)),
            },
            page_ref: None,
        });
        let summary = PostSummary::from(PostSummaryFields {
            body: body_file.path.clone(),
            prepared: prepared_file.as_ref().map(|file| file.path.clone()),
            description: front
                .description
                .clone()
                .unwrap_or_else(|| summary_text.clone()),
            summary: summary_text,
            title,
            date: date.date,
            lastmod: front.lastmod.map(|stamp| stamp.date),
            authors,
            tags,
            terms,
            cover,
            reading_minutes: reading_minutes(words),
            word_count: words,
            weight: front.weight,
            aliases: front
                .aliases
                .iter()
                .map(|alias| alias_path(alias))
                .filter(|alias| !alias.is_empty())
                .collect(),
            draft: front.draft,
            display,
            slug: key,
            section: source.sections.first().cloned().unwrap_or_default(),
            layout: front
                .layout
                .clone()
                .filter(|layout| matches!(layout.as_str(), "archives" | "search")),
            canonical: front.canonical_url.clone(),
            keywords: front.keywords.clone(),
            path,
        });
        LoadedPost {
            summary,
            files: [Some(body_file), prepared_file]
                .into_iter()
                .flatten()
                .collect(),
            kind,
            hidden: front.hidden,
            search_hidden: front.search_hidden,
            plain: plain.into(),
            published: date.unix_seconds,
            menu,
        }
    }
}

/// Whether a Markdown body has raw HTML of the author's (not a comment, not
/// what shortcodes wrote), and whether its text looks like TeX math.
fn features(markdown: &str) -> (bool, bool) {
    use pulldown_cmark::{Event, Parser};
    let mut raw_html = false;
    let mut math = false;
    for event in Parser::new_ext(markdown, quire_core::markdown::parser_options()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let html = html.trim();
                raw_html |= !html.is_empty()
                    && !html.starts_with("<!--")
                    && !html.contains(quire_core::markdown::GENERATED_HTML);
            }
            Event::Text(text) => {
                math |= text.contains("$$") || text.contains("\\(") || text.contains("\\[");
            }
            _ => {}
        }
    }
    (raw_html, math)
}

/// What became of the pages' TeX math.
#[derive(Debug, Clone, Default)]
pub(crate) struct MathCounts {
    /// Pages with formulas.
    pub(crate) pages: usize,
    /// Formulas drawn as MathML.
    pub(crate) formulas: usize,
    /// Formulas whose TeX could not be read, shown as written.
    pub(crate) unreadable: usize,
    /// Pages whose text looks like TeX, with no formula drawn.
    pub(crate) tex_left_pages: usize,
}

/// A content file read, its front matter parsed: what loading a page needs
/// of no other page, so every file is read at once, on every core.
#[derive(Clone)]
pub(super) struct ReadFile {
    /// The file's text, with Windows line ends made `\n` (shared, as
    /// `quire watch` keeps every file's).
    text: Arc<str>,
    /// Its front matter.
    front_matter: FrontMatter,
    /// Where its body starts in `text`.
    body_start: usize,
    /// What the front matter's reader warns about, with the file named.
    warnings: Vec<Problem>,
    /// A fingerprint of `text`, for `quire watch`.
    print: u64,
    /// An `.html` content file that starts with HTML rather than front
    /// matter (a whole document, a fragment), which Hugo publishes as it
    /// is, where it is: no page.
    plain_html: bool,
}

/// Reads `source` below the blog at `root` and parses its front matter;
/// the problems name the file.
pub(super) fn read(root: &Path, source: &Source) -> Result<Arc<ReadFile>, Vec<Problem>> {
    let file = shown(root, &source.path).display().to_string();
    let bytes = fs::read(&source.path)
        .map_err(|error| vec![Problem::in_file(&file, format!("cannot read: {error}"))])?;
    // Hugo publishes bytes that are not UTF-8 as they are; a browser shows
    // them as U+FFFD, and so does Quire, with a warning.
    let (text, not_utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let line = 1 + bytes[..at].iter().filter(|&&byte| byte == b'\n').count();
            let warning = Problem::at_line(
                line,
                "this line is not valid UTF-8 text; what cannot be read is shown as \u{fffd}",
            )
            .in_path(&file);
            (String::from_utf8_lossy(&bytes).into_owned(), Some(warning))
        }
    };
    let text = text.replace("\r\n", "\n");
    let plain_html = source.html && is_plain_html(&text);
    let (front_matter, body_start, mut warnings) = if plain_html {
        (FrontMatter::default(), 0, Vec::new())
    } else {
        let document = front_matter::parse(&text).map_err(|found| {
            found
                .into_iter()
                .map(|problem| problem.in_path(&file))
                .collect::<Vec<_>>()
        })?;
        let warnings = document
            .warnings
            .into_iter()
            .map(|warning| warning.in_path(&file))
            .collect();
        (
            document.front_matter,
            text.len() - document.body.len(),
            warnings,
        )
    };
    warnings.extend(not_utf8);
    Ok(Arc::new(ReadFile {
        front_matter,
        body_start,
        warnings,
        print: fingerprint(&text),
        text: text.into(),
        plain_html,
    }))
}

/// Whether an HTML content file starts with HTML (other than a comment,
/// which Hugo reads past) rather than with front matter.
fn is_plain_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    start.starts_with('<') && !start.starts_with("<!--")
}

/// Where a plain HTML file is published: at its place below the content
/// folder, with its own name (`guide.html`), as Hugo does.
fn plain_html_target(source: &Source) -> String {
    let mut parts = source.sections.clone();
    if source.bundle.is_some() {
        parts.push(source.file_name.clone());
    }
    parts.extend(
        source
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The pages the last build finished, by a fingerprint of all that
/// finishing a page reads, for `quire watch` to finish only what an edit
/// changed (see [`Posts::finish`]).
#[derive(Default)]
pub(crate) struct FinishMemo(HashMap<u64, Arc<FinishedPage>>);

/// What a page asks while it is finished whose answer can change without
/// its own file changing: other pages' addresses, and which files exist.
#[derive(Clone)]
enum Question {
    /// A `ref` or `relref` target.
    Ref(String),
    /// A link's path below the content folder.
    Path(String),
    /// Whether a file is there (an image beside the page or in the static
    /// folder): `Some("")` if it is.
    File(PathBuf),
    /// Which page's file has this address (an alias's).
    PageAt(String),
}

impl Question {
    /// The answer, from every page's address by the names a `ref` may use
    /// (`addresses`), every page's file by its address (`pages`), and the
    /// file system.
    fn answer(
        &self,
        addresses: &HashMap<String, String>,
        pages: &HashMap<String, PathBuf>,
    ) -> Option<String> {
        match self {
            Self::Ref(target) => address_by_ref(addresses, target),
            Self::Path(path) => addresses.get(path).cloned(),
            Self::File(path) => path.is_file().then(String::new),
            Self::PageAt(address) => pages
                .get(address)
                .map(|file| file.to_string_lossy().into_owned()),
        }
    }
}

/// One page finished by [`Posts::finish_page`], and what it found.
#[derive(Clone)]
pub(super) struct FinishedPage {
    loaded: LoadedPost,
    /// The addresses it asked for, and what it was told.
    asked: Vec<(Question, Option<String>)>,
    /// Its shortcodes, for [`Expansion::record`].
    shortcodes: Vec<shortcodes::Use>,
    /// Its warnings, but for unknown shortcodes (counted site-wide).
    warnings: Vec<Problem>,
    /// Its broken `ref`s.
    problems: Vec<Problem>,
    /// Whether it has raw HTML.
    raw_html: bool,
    /// Whether its text looks like TeX math.
    tex: bool,
    /// Its formulas drawn, and those left as written.
    formulas: usize,
    unreadable: usize,
}

struct Pending {
    source: Source,
    /// Its file's [`ReadFile::print`]: the front matter, the body and the
    /// line it starts on are read from the file alone.
    print: u64,
    front: FrontMatter,
    /// The file, as shown in messages.
    file: String,
    body: String,
    /// The line of the file the body starts on.
    first_line: usize,
    what: Summarised,
}

/// The address a `ref` target names (`posts/a.md`, `/posts/a`, `./a`), if
/// one of `addresses` does.
pub(super) fn address_by_ref(addresses: &HashMap<String, String>, target: &str) -> Option<String> {
    let target = target
        .trim()
        .trim_start_matches("./")
        .trim_start_matches('/');
    // `chain-waxing.md` for a bundle `chain-waxing/index.md`: Hugo looks a
    // name up without its extension.
    let without_extension = target
        .rsplit_once('.')
        .filter(|(_, extension)| !extension.contains('/'))
        .map(|(stem, _)| stem);
    addresses
        .get(target)
        .or_else(|| addresses.get(target.trim_end_matches('/')))
        .or_else(|| addresses.get(&newer_hugo_ref(target.trim_end_matches('/'))))
        .or_else(|| without_extension.and_then(|stem| addresses.get(stem)))
        .cloned()
}

/// A `ref` name as Hugo 0.123 and later compare them: lowercased, spaces
/// as hyphens.
fn newer_hugo_ref(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

/// The folder of a page's file below the content folder: `posts/a`.
fn content_folder(file: &Path, content_dir: &Path) -> String {
    file.strip_prefix(content_dir)
        .unwrap_or(file)
        .parent()
        .map(|folder| folder.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default()
}

fn ref_keys(file: &Path, content_dir: &Path) -> Vec<String> {
    let relative = file
        .strip_prefix(content_dir)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/");
    let mut keys = vec![relative.clone()];
    let without_extension = relative
        .rsplit_once('.')
        .map_or(relative.as_str(), |(stem, _)| stem);
    keys.push(without_extension.to_owned());
    if let Some(folder) = without_extension.strip_suffix("/index") {
        keys.push(folder.to_owned());
        keys.push(format!("{folder}/"));
        keys.extend(folder.rsplit('/').next().map(str::to_owned));
    } else {
        keys.extend(relative.rsplit('/').next().map(str::to_owned));
        keys.extend(without_extension.rsplit('/').next().map(str::to_owned));
    }
    keys
}

/// What [`Posts::summarise`] is told besides the front matter.
#[derive(Debug, Hash)]
struct Summarised {
    path: String,
    date: Timestamp,
    kind: Kind,
    cover: Option<Cover>,
}

/// The sections the home page lists: `mainSections` when set, else Hugo's
/// rule, the section with the most pages.
pub(super) fn main_sections(settings: &ContentSettings, sources: &[Source]) -> Vec<String> {
    if let Some(sections) = &settings.main_sections {
        return sections.clone();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for source in sources.iter().filter(|source| !source.list_page) {
        if let Some(section) = source.sections.first() {
            *counts.entry(section).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(name, count)| (*count, std::cmp::Reverse(*name)))
        .map(|(name, _)| vec![name.to_owned()])
        .unwrap_or_default()
}

/// The sections with list pages: every top folder with pages, at the
/// address Hugo gives it, titled by its `_index` file when it has one.
pub(super) fn sections(
    loaded: &[LoadedPost],
    texts: &BTreeMap<String, (String, String)>,
    taken: &[&str],
    settings: &ContentSettings,
) -> Vec<Section> {
    let mut names: Vec<&str> = loaded
        .iter()
        .map(|post| post.summary.section.as_str())
        .filter(|name| !name.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let (title, description) = texts.get(name).cloned().unwrap_or_default();
            Section {
                name: name.to_owned(),
                path: section_address(name, settings),
                title: if title.is_empty() {
                    quire_core::page_text::taxonomy_title(name)
                } else {
                    title
                },
                description,
            }
        })
        .filter(|section| !taken.contains(&section.path.as_str()))
        .collect()
}

/// What a built-in page is, in a warning: "archive", "tags".
fn built_in_name(route: &Route) -> String {
    match route {
        Route::Home { .. } => "home".to_owned(),
        Route::Terms { taxonomy } | Route::Term { taxonomy, .. } => taxonomy.clone(),
        Route::Archives | Route::ArchiveYear { .. } => "archive".to_owned(),
        Route::Search => "search".to_owned(),
        Route::Section { .. } | Route::Content { .. } => "list".to_owned(),
    }
}

/// A section's list address, as Hugo writes it: `Notes & Ideas` is
/// `notes-ideas/`.
fn section_address(name: &str, settings: &ContentSettings) -> String {
    let path = format!(
        "{}/",
        quire_core::slug::hugo_address_path(name, settings.keep_case)
    );
    without_accents_if_asked(path, settings)
}

/// A page's or section's address as `removePathAccents` has Hugo write it,
/// when the site asks for that.
fn without_accents_if_asked(path: String, settings: &ContentSettings) -> String {
    if settings.remove_path_accents {
        quire_core::slug::without_accents(&path)
    } else {
        path
    }
}

/// A page's data-file name: its address, folders joined with `-`.
fn file_key(path: &str) -> String {
    let key: String = path
        .trim_matches('/')
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '.' | ' ') {
                '-'
            } else {
                c
            }
        })
        .collect();
    if key.is_empty() {
        "home".to_owned()
    } else {
        key
    }
}

/// An alias as a decoded path below the site root, ending in `/` unless
/// it names a file.
fn alias_path(alias: &str) -> String {
    let trimmed = decode_path(alias.trim().trim_matches('/'));
    if trimmed.is_empty() || names_file(&trimmed) {
        trimmed
    } else {
        trimmed + "/"
    }
}

/// The day a file last changed, for a page without a date.
fn file_time(path: &Path) -> Timestamp {
    let seconds = fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| i64::try_from(since.as_secs()).unwrap_or(0));
    Timestamp {
        date: Date::from_days_since_epoch(seconds.div_euclid(86_400)),
        unix_seconds: seconds,
        zoned: true,
    }
}

/// Front matter whose dates, where written without an offset, are read in
/// the site's `timeZone` (Hugo's rule; UTC when the site sets none).
fn in_time_zone(mut front: FrontMatter, zone: Option<&TimeZone>) -> FrontMatter {
    let Some(zone) = zone else {
        return front;
    };
    for stamp in [
        &mut front.date,
        &mut front.lastmod,
        &mut front.publish_date,
        &mut front.expiry_date,
    ]
    .into_iter()
    .flatten()
    {
        if stamp.zoned {
            continue;
        }
        // The seconds hold the clock as written, as if it were UTC.
        let written = jiff::Timestamp::from_second(stamp.unix_seconds)
            .map(|moment| TimeZone::UTC.to_datetime(moment));
        // A clock time that a change to summer time skips is read an hour
        // on, one it repeats as its first (RFC 5545's rule).
        if let Ok(instant) =
            written.and_then(|clock| zone.to_ambiguous_timestamp(clock).compatible())
        {
            stamp.unix_seconds = instant.as_second();
            stamp.zoned = true;
        }
    }
    front
}
