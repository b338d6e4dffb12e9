//! Reading and checking one post: its front matter, its address, its cover
//! and body, and what lists and search need of it.

use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
};

use quire_core::{
    front_matter::{self, FrontMatter},
    manifest::{PostSummary, Site},
    problem::Problem,
    route::{Route, decode_path},
    slug::is_valid_slug,
    text::{plain_text, reading_minutes, summary, word_count},
};

use super::{
    LoadOptions,
    assets::{Asset, bundle_files, cover},
    data::DataFile,
    shown,
    sources::Source,
};

/// A post read and checked: its manifest entry and its files.
pub(super) struct LoadedPost {
    /// The manifest entry.
    pub(super) summary: PostSummary,
    /// The body's Markdown file and, for posts with code, its highlighting.
    pub(super) files: Vec<DataFile>,
    /// Left out of lists, feeds, the sitemap and search.
    pub(super) hidden: bool,
    /// The body without Markdown, for the search index.
    pub(super) plain: String,
    /// When it was published, in Unix seconds, for ordering a day's posts.
    pub(super) published: i64,
}

/// The posts of a blog as they are read, and what was found wrong.
pub(super) struct Posts<'a> {
    root: &'a Path,
    site: &'a Site,
    options: &'a LoadOptions,
    /// Each slug taken so far, and by which file.
    slugs: HashMap<String, PathBuf>,
    /// The posts that will be published.
    pub(super) loaded: Vec<LoadedPost>,
    /// Their bundles' files.
    pub(super) assets: Vec<Asset>,
    /// Posts left out: (drafts, future-dated).
    pub(super) left_out: (usize, usize),
    /// What stops the build.
    pub(super) problems: Vec<Problem>,
    /// What the author should fix, but does not stop it.
    pub(super) warnings: Vec<Problem>,
}

impl<'a> Posts<'a> {
    /// Nothing read yet.
    pub(super) fn new(root: &'a Path, site: &'a Site, options: &'a LoadOptions) -> Self {
        Self {
            root,
            site,
            options,
            slugs: HashMap::new(),
            loaded: Vec::new(),
            assets: Vec::new(),
            left_out: (0, 0),
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Reads one post file, keeping it, leaving it out, or noting its problems.
    pub(super) fn add(&mut self, source: &Source) {
        let file = shown(self.root, &source.path).display().to_string();
        let text = match fs::read_to_string(&source.path) {
            Ok(text) => text,
            Err(error) => {
                self.problems
                    .push(Problem::in_file(&file, format!("cannot read: {error}")));
                return;
            }
        };
        let document = match front_matter::parse(&text) {
            Ok(document) => document,
            Err(found) => {
                self.problems
                    .extend(found.into_iter().map(|problem| problem.in_path(&file)));
                return;
            }
        };
        let front = document.front_matter;
        let Some(slug) = self.claim_slug(source, &front, &file) else {
            return;
        };
        if front.draft && !self.options.drafts {
            self.left_out.0 += 1;
            return;
        }
        if front.date.unix_seconds > self.options.now_unix_seconds && !self.options.future {
            self.left_out.1 += 1;
            return;
        }
        let path = Route::default_post_path(&slug);
        let cover = match &front.cover {
            None => None,
            Some(spec) => match cover(self.root, source.bundle.as_deref(), &path, spec) {
                Ok(found) => {
                    self.warnings.extend(
                        found
                            .warnings
                            .into_iter()
                            .map(|message| Problem::at_line(spec.line, message).in_path(&file)),
                    );
                    Some(found.cover)
                }
                Err(message) => {
                    self.problems
                        .push(Problem::at_line(spec.line, message).in_path(&file));
                    return;
                }
            },
        };
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
        let body = document.body.trim_start_matches(['\n', '\r']);
        self.loaded
            .push(self.summarise(front, slug, path, cover, body));
    }

    /// The post's slug, if it is valid and no other post has it.
    fn claim_slug(&mut self, source: &Source, front: &FrontMatter, file: &str) -> Option<String> {
        let (slug, line) = match &front.slug {
            Some((slug, line)) => (slug.clone(), *line),
            None => (source.name_slug.clone(), 1),
        };
        if !is_valid_slug(&slug) {
            self.problems.push(
                Problem::at_line(
                    line,
                    format!(
                        "slug `{slug}` cannot be a URL segment; use letters, digits, `-` and `_`"
                    ),
                )
                .in_path(file),
            );
            return None;
        }
        if let Some(first) = self.slugs.get(&slug) {
            self.problems.push(
                Problem::at_line(
                    line,
                    format!(
                        "duplicate slug `{slug}`: {} has it too",
                        shown(self.root, first).display()
                    ),
                )
                .in_path(file),
            );
            return None;
        }
        self.slugs.insert(slug.clone(), source.path.clone());
        Some(slug)
    }

    /// The manifest entry, body files and search text of a checked post.
    fn summarise(
        &self,
        front: FrontMatter,
        slug: String,
        path: String,
        cover: Option<quire_core::manifest::Cover>,
        body: &str,
    ) -> LoadedPost {
        let plain = plain_text(body);
        let words = word_count(&plain);
        let summary_text = summary(front.summary.as_deref(), body);
        let authors = if front.authors.is_empty() && !self.site.author.is_empty() {
            vec![self.site.author.clone()]
        } else {
            front.authors
        };
        let body_file = DataFile::hashed(&format!("posts/{slug}"), "md", body.to_owned());
        let code_file = super::data::highlighted_code(body)
            .map(|code| DataFile::hashed(&format!("posts/{slug}"), "code.json", code));
        let summary = PostSummary {
            body: body_file.path.clone(),
            code: code_file.as_ref().map(|file| file.path.clone()),
            description: front.description.unwrap_or_else(|| summary_text.clone()),
            summary: summary_text,
            title: front.title,
            date: front.date.date,
            lastmod: front.lastmod.map(|stamp| stamp.date),
            authors,
            tags: front.tags,
            categories: front.categories,
            cover,
            reading_minutes: reading_minutes(words),
            word_count: words,
            weight: front.weight,
            aliases: front
                .aliases
                .iter()
                .map(|alias| decode_path(alias.trim_matches('/')) + "/")
                .collect(),
            draft: front.draft,
            toc: front.toc,
            slug,
            path,
        };
        LoadedPost {
            summary,
            files: [Some(body_file), code_file].into_iter().flatten().collect(),
            hidden: front.hidden,
            plain,
            published: front.date.unix_seconds,
        }
    }
}
