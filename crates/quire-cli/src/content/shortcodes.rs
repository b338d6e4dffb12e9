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
    /// Shortcodes Quire does not know, the first time each is met.
    pub(super) warnings: Vec<Problem>,
    /// Broken `ref`s.
    pub(super) problems: Vec<Problem>,
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
}

/// Expands `body`'s shortcodes.
pub(super) fn expand(body: &str, page: &Page<'_>, site: &mut Expansion) -> Expanded {
    let context = shortcode::Context {
        resolve: page.resolve,
        param: page.param,
    };
    let found = shortcode::expand(body, &context);
    let line =
        |offset: usize| page.first_line + body[..offset.min(body.len())].matches('\n').count();
    let mut warnings = Vec::new();
    for (name, offset) in &found.used {
        let bucket = if found.unknown.iter().any(|(unknown, _)| unknown == name) {
            &mut site.shown_as_inner
        } else {
            &mut site.expanded
        };
        *bucket.entry(name.clone()).or_default() += 1;
        if bucket_is_unknown(&found, name) && site.warned.insert(name.clone()) {
            warnings.push(
                Problem::at_line(
                    line(*offset),
                    format!(
                        "shortcode `{name}` is the site's or its theme's own; Quire shows its inner content (warned once)"
                    ),
                )
                .in_path(page.file),
            );
        }
    }
    for (name, offset) in &found.reduced {
        warnings.push(
            Problem::at_line(
                line(*offset),
                format!("shortcode `{name}` is shown as its text"),
            )
            .in_path(page.file),
        );
    }
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
        warnings,
        problems,
    }
}

fn bucket_is_unknown(found: &shortcode::Expanded, name: &str) -> bool {
    found.unknown.iter().any(|(unknown, _)| unknown == name)
}
