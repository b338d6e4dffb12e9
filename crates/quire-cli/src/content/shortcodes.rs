//! Expanding a page's shortcodes ([`quire_core::shortcode`]) and saying
//! what happened: a warning per shortcode Quire does not know, a problem
//! per `ref` to a missing page (Hugo fails on those too), and counts for
//! the migration report.

use std::collections::{BTreeMap, BTreeSet};

use quire_core::{problem::Problem, shortcode};

/// What shortcodes did across the site, for the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expansion {
    /// Pages using each shortcode Quire writes itself.
    pub(crate) expanded: BTreeMap<String, usize>,
    /// Pages using each shortcode Quire does not know, shown as its inner content.
    pub(crate) shown_as_inner: BTreeMap<String, usize>,
    /// Names already warned about: one warning per name.
    warned: BTreeSet<String>,
}

/// A page's body, expanded.
pub(super) struct Expanded {
    /// The Markdown.
    pub(super) text: String,
    /// Each shortcode used, in the page's order, for [`Expansion::record`].
    pub(super) uses: Vec<Use>,
    /// Shortcodes shown as their text.
    pub(super) warnings: Vec<Problem>,
    /// Broken `ref`s.
    pub(super) problems: Vec<Problem>,
}

/// A shortcode a page uses.
#[derive(Clone)]
pub(super) struct Use {
    /// Its name.
    name: String,
    /// Whether it is the site's or its theme's own, which Quire does not know.
    unknown: bool,
    /// The page's file, as shown in messages.
    file: String,
    /// The line it is on.
    line: usize,
}

/// Where a page's body is, and what its shortcodes can see.
pub(super) struct Page<'a> {
    /// The file, as shown in messages.
    pub(super) file: &'a str,
    /// The line the body starts on.
    pub(super) first_line: usize,
    /// A `ref` target's address.
    pub(super) resolve: &'a dyn Fn(&str) -> Option<String>,
    /// A `param`'s value.
    pub(super) param: &'a dyn Fn(&str) -> Option<String>,
    /// A `figure`'s file from the site root, when only the static folder has it.
    pub(super) site_file: &'a dyn Fn(&str) -> Option<String>,
    /// An image's width and height, read from its file.
    pub(super) image_size: &'a dyn Fn(&str) -> Option<(u32, u32)>,
}

impl Expansion {
    /// Counts a page's shortcodes, in page order, and returns the warning
    /// for each unknown one met for the first time in the site.
    pub(super) fn record(&mut self, uses: Vec<Use>) -> Vec<Problem> {
        let mut warnings = Vec::new();
        for Use {
            name,
            unknown,
            file,
            line,
        } in uses
        {
            let bucket = if unknown {
                &mut self.shown_as_inner
            } else {
                &mut self.expanded
            };
            *bucket.entry(name.clone()).or_default() += 1;
            if unknown && self.warned.insert(name.clone()) {
                warnings.push(
                    Problem::at_line(
                        line,
                        format!(
                            "shortcode `{name}` is the site's or its theme's own; Quire shows its inner content, or draws it as Hugo's `figure` when it names an image's `src` (warned once)"
                        ),
                    )
                    .in_path(file),
                );
            }
        }
        warnings
    }
}

/// Expands `body`'s shortcodes. Pages are independent of each other here,
/// so they can be expanded at once; [`Expansion::record`] then counts them.
pub(super) fn expand(body: &str, page: &Page<'_>) -> Expanded {
    let context = shortcode::Context {
        resolve: page.resolve,
        param: page.param,
        site_file: page.site_file,
        image_size: page.image_size,
    };
    let found = shortcode::expand(body, &context);
    let line =
        |offset: usize| page.first_line + body[..offset.min(body.len())].matches('\n').count();
    let uses = found
        .used
        .iter()
        .map(|(name, offset)| Use {
            name: name.clone(),
            unknown: bucket_is_unknown(&found, name),
            file: page.file.to_owned(),
            line: line(*offset),
        })
        .collect();
    let warnings = found
        .reduced
        .iter()
        .map(|(name, offset)| {
            Problem::at_line(
                line(*offset),
                format!("shortcode `{name}` is shown as its text"),
            )
            .in_path(page.file)
        })
        .collect();
    let problems = found
        .broken_refs
        .iter()
        .map(|(target, offset)| {
            Problem::at_line(
                line(*offset),
                format!("`ref` to `{target}`: no page has that file"),
            )
            .in_path(page.file)
        })
        .collect();
    Expanded {
        text: found.text,
        uses,
        warnings,
        problems,
    }
}

fn bucket_is_unknown(found: &shortcode::Expanded, name: &str) -> bool {
    found.unknown.iter().any(|(unknown, _)| unknown == name)
}
