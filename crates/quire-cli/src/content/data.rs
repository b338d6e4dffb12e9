//! What the app fetches: the manifest, each post's body and what the build
//! prepared for it (highlighted code, math), and the search index, each
//! named after its content.

use std::{collections::HashMap, ops::Range, sync::Arc};

use rayon::prelude::*;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use quire_core::{
    highlight,
    listing::sort_for_listing,
    manifest::{Manifest, Section, Site},
    markdown::{
        FORMULA_MARK, FORMULA_MARK_END, HighlightedCode, Prepared, code_blocks, formula_mark,
        image_sources, math_parser_options, math_spans,
    },
    math::{self, HtmlFormula, formulas_in_html},
    route_data::short_hash,
    search::{PostWords, SearchIndex, SearchInput},
};

use super::post::{Kind, LoadedPost};
use crate::watch::{fingerprint, keep_printed};

/// A file of the data folder besides the manifest: a post body, a post's
/// highlighted code, the search index.
#[derive(Clone)]
pub(crate) struct DataFile {
    /// Where it goes, relative to the site root; its name carries its content's hash.
    pub(crate) path: String,
    /// The contents (shared, as `quire watch` keeps every page's).
    pub(crate) text: Arc<str>,
}

impl DataFile {
    /// A file named `<stem>.<hash of text>.<extension>` under `data/`.
    pub(super) fn hashed(stem: &str, extension: &str, text: String) -> Self {
        Self {
            path: format!("data/{stem}.{}.{extension}", short_hash(text.as_bytes())),
            text: text.into(),
        }
    }
}

/// The manifest (posts in list order, versioned by its content unless
/// `release` names it) and the data files: every page's, and the search
/// index (of the posts).
pub(super) fn assemble(
    site: Site,
    mut posts: Vec<LoadedPost>,
    sections: Vec<Section>,
    release: Option<&str>,
    memo: Option<&mut WordsMemo>,
) -> (Manifest, Vec<DataFile>) {
    sort_for_listing(&mut posts, |post| (&post.summary, post.published));
    let inputs: Vec<SearchInput> = posts
        .iter()
        .filter(|post| post.kind == Kind::Post && !post.hidden && !post.search_hidden)
        .map(|post| SearchInput {
            path: post.summary.path.clone(),
            title: post.summary.title.clone(),
            summary: post.summary.summary.clone(),
            tags: post.summary.tags.clone(),
            date: post.summary.date,
            plain_text: Arc::clone(&post.plain),
        })
        .collect();
    // Each post's words on every core; under `quire watch`, a post whose
    // text, title, summary and tags are as in the last build keeps its words.
    let kept = memo.as_deref().map(|memo| &memo.0);
    let words: Vec<(Option<u64>, PostWords)> = inputs
        .par_iter()
        .map(|input| {
            let print = kept.map(|_| {
                fingerprint(&(&input.plain_text, &input.title, &input.summary, &input.tags))
            });
            let words = print
                .and_then(|print| kept?.get(&print).cloned())
                .unwrap_or_else(|| PostWords::of(input));
            (print, words)
        })
        .collect();
    if let Some(memo) = memo {
        memo.0 = keep_printed(&words);
    }
    let search = SearchIndex::build_from(
        inputs
            .into_iter()
            .zip(words.into_iter().map(|(_, words)| words)),
    );
    let search_files = search_files(&search);
    let search_meta = search_files.last().map(|meta| meta.path.clone());
    let mut manifest = Manifest {
        version: String::new(),
        site,
        posts: Vec::new(),
        unlisted: Vec::new(),
        pages: Vec::new(),
        sections,
        search: search_meta,
    };
    let mut data_files = Vec::new();
    for post in posts {
        data_files.extend(post.files);
        match (post.kind, post.hidden) {
            // Hidden posts and pages alike: a page of their own, in no list.
            (_, true) => manifest.unlisted.push(post.summary),
            (Kind::Page, false) => manifest.pages.push(post.summary),
            (Kind::Post, false) => manifest.posts.push(post.summary),
        }
    }
    // The version is a hash of everything else, unless it is given.
    manifest.version = match release {
        Some(release) => release.to_owned(),
        None => short_hash(&serde_json::to_vec(&manifest).unwrap_or_default()),
    };
    data_files.extend(search_files);
    (manifest, data_files)
}

/// Each post's words as the last build found them, by a fingerprint of
/// what they are read from, for `quire watch`.
#[derive(Default)]
pub(crate) struct WordsMemo(HashMap<u64, PostWords>);

/// The search index in the pieces the app fetches (see
/// [`quire_core::search`]), each named after its content, and its meta
/// file last.
fn search_files(search: &SearchIndex) -> Vec<DataFile> {
    let files = search.split().to_files();
    let mut data_files: Vec<DataFile> = files
        .pieces
        .into_iter()
        .map(|(path, text)| DataFile {
            path,
            text: text.into(),
        })
        .collect();
    data_files.push(DataFile::hashed("search", "json", to_json(&files.meta)));
    data_files
}

/// Data the build made itself, which always serialises.
fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// What the build prepared for a body, and what it could not do.
pub(super) struct PreparedBody {
    /// The body as published: formulas found in its HTML replaced by their
    /// [`formula_mark`].
    pub(super) body: String,
    /// The [`Prepared`] as JSON; `None` when the body has no code block in a
    /// known language and no math.
    pub(super) json: Option<String>,
    /// Formulas drawn as MathML.
    pub(super) formulas: usize,
    /// Formulas whose TeX could not be read, shown as written.
    pub(super) unreadable: usize,
    /// A message for each formula not wholly drawn, after the number of
    /// the body's lines before it.
    pub(super) messages: Vec<(usize, String)>,
}

impl PreparedBody {
    /// One formula as MathML, or `None` (with a message) when its TeX
    /// cannot be read; `offset` is where it starts in `text`. `macros` are
    /// those the page's formulas before it defined.
    fn convert(
        &mut self,
        macros: &mut math::PageMacros,
        text: &str,
        tex: &str,
        display: bool,
        offset: usize,
    ) -> Option<String> {
        let lines_before = text[..offset].matches('\n').count();
        match macros.to_mathml(tex, display) {
            Ok(formula) => {
                self.formulas += 1;
                if !formula.unknown_commands.is_empty() {
                    self.messages.push((
                        lines_before,
                        format!(
                            "the math renderer does not know {}; shown in red as written",
                            formula.unknown_commands.join(", ")
                        ),
                    ));
                }
                Some(formula.mathml)
            }
            Err(error) => {
                self.unreadable += 1;
                self.messages.push((
                    lines_before,
                    format!(
                        "the formula `{}` could not be read ({}); it is shown as TeX",
                        first_line_of(tex),
                        error.trim_end_matches('.').to_lowercase()
                    ),
                ));
                None
            }
        }
    }
}

/// Highlights a body's code blocks and, on a page with math, converts its
/// formulas to MathML: in Markdown (`$…$`, `$$…$$`) and in its HTML (raw
/// HTML blocks when the site keeps them, a `.html` page), where each is
/// replaced by its mark. A `.html` page that marks its math as Pandoc does
/// (`class="math inline"`) has math without asking.
pub(super) fn prepare(
    text: &str,
    is_html: bool,
    with_math: bool,
    html_kept: bool,
    image_size: &dyn Fn(&str) -> Option<(u32, u32)>,
) -> PreparedBody {
    // Marks are the build's alone.
    let text = text.replace([FORMULA_MARK, FORMULA_MARK_END], "");
    let with_math = with_math || (is_html && text.contains("class=\"math "));
    let code: Vec<Option<HighlightedCode>> = if is_html {
        Vec::new()
    } else {
        code_blocks(&text)
            .into_iter()
            .map(|(info, code)| {
                highlight::language(&info).map(|language| HighlightedCode {
                    label: language.label(),
                    html: highlight::highlight(&code, &language),
                })
            })
            .collect()
    };
    let mut prepared = PreparedBody {
        body: String::new(),
        json: None,
        formulas: 0,
        unreadable: 0,
        messages: Vec::new(),
    };
    let mut math: Vec<Option<String>> = Vec::new();
    let mut marked: Vec<(Range<usize>, String)> = Vec::new();
    let mut macros = math::PageMacros::default();
    if with_math {
        let html_parts: Vec<Vec<Range<usize>>> = if is_html {
            vec![vec![0..text.len()]]
        } else {
            for span in math_spans(&text) {
                math.push(prepared.convert(
                    &mut macros,
                    &text,
                    &span.tex,
                    span.display,
                    span.offset,
                ));
            }
            if html_kept {
                html_blocks(&text)
            } else {
                Vec::new()
            }
        };
        for pieces in html_parts {
            for formula in formulas_in_pieces(&text, &pieces) {
                let range = formula.range;
                if let Some(mathml) = prepared.convert(
                    &mut macros,
                    &text,
                    &formula.tex,
                    formula.display,
                    range.start,
                ) {
                    marked.push((range, formula_mark(math.len())));
                    math.push(Some(mathml));
                }
            }
        }
    }
    let mut body = String::with_capacity(text.len());
    let mut done = 0;
    for (range, mark) in marked {
        body.push_str(&text[done..range.start]);
        body.push_str(&mark);
        done = range.end;
    }
    body.push_str(&text[done..]);
    prepared.body = body;
    let code = if code.iter().any(Option::is_some) {
        code
    } else {
        Vec::new()
    };
    let mut data = Prepared {
        code,
        math,
        images: Vec::new(),
    };
    if !is_html {
        data.images = image_sources(&text, data.parser_options())
            .iter()
            .flat_map(|src| {
                let (width, height) = image_size(src).unwrap_or_default();
                [width, height]
            })
            .collect();
        if data.images.iter().all(|&size| size == 0) {
            data.images.clear();
        }
    }
    if data != Prepared::default() {
        prepared.json = serde_json::to_string(&data).ok();
    }
    prepared
}

/// A Markdown body's raw HTML blocks, each as the places of its lines'
/// HTML: inside a quote or a list, each line's `>` or indent is not HTML
/// and lies between them.
fn html_blocks(markdown: &str) -> Vec<Vec<Range<usize>>> {
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut in_block = false;
    for (event, range) in Parser::new_ext(markdown, math_parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                in_block = true;
                blocks.push(Vec::new());
            }
            Event::End(TagEnd::HtmlBlock) => in_block = false,
            Event::Html(_) if in_block => blocks.last_mut().into_iter().for_each(|lines| {
                lines.push(range.clone());
            }),
            _ => {}
        }
    }
    blocks
}

/// The formulas in HTML made of `pieces` of `text`, each with its place in
/// `text`: from its first mark to its last, the line starts between them
/// included.
fn formulas_in_pieces(text: &str, pieces: &[Range<usize>]) -> Vec<HtmlFormula> {
    let joined: String = pieces.iter().map(|piece| &text[piece.clone()]).collect();
    // Where each piece starts in `joined`.
    let starts: Vec<usize> = pieces
        .iter()
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some(start)
        })
        .collect();
    let to_source = |at: usize, is_end: bool| {
        let index = starts
            .partition_point(|start| if is_end { *start < at } else { *start <= at })
            .saturating_sub(1);
        pieces[index].start + (at - starts[index])
    };
    formulas_in_html(&joined)
        .into_iter()
        .map(|formula| HtmlFormula {
            range: to_source(formula.range.start, false)..to_source(formula.range.end, true),
            ..formula
        })
        .collect()
}

/// A formula's first line, shortened, to name it in a message.
fn first_line_of(tex: &str) -> String {
    let line = tex.trim().lines().next().unwrap_or_default();
    match line.char_indices().nth(48) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None if tex.trim().contains('\n') => format!("{line}…"),
        None => line.to_owned(),
    }
}
