//! Any Markdown, its Hugo shortcodes expanded as the build does, renders
//! without a panic, for pages and feeds alike and in each raw-HTML mode,
//! into HTML the independent oracle (`quire-oracle`) would not strip a
//! thing from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::{
    manifest::RawHtml,
    markdown::{PageContext, Prepared, render, render_for_feed},
    shortcode,
};

const BASE: PageContext<'static> = PageContext {
    site_root: "/blog/",
    page_path: "posts/fuzz/",
    raw_html: RawHtml::Escape,
};

fuzz_target!(|markdown: &str| {
    let expanded = shortcode::expand(
        markdown,
        &shortcode::Context {
            resolve: &|target| Some(format!("posts/{target}/")),
            param: &|name| Some(name.to_owned()),
        },
    );
    // One raw-HTML mode per input, picked by its length, so each run stays
    // fast enough to explore; over a run every mode is tried.
    let raw_html = [RawHtml::Escape, RawHtml::Omit, RawHtml::Sanitize][markdown.len() % 3];
    let page = PageContext { raw_html, ..BASE };
    let text = expanded.text.as_str();
    for html in [
        render(text, page).html,
        render_for_feed(text, page, &Prepared::default()).html,
    ] {
        if let Err(difference) = quire_oracle::check(&html) {
            panic!("{difference}\nfrom Markdown ({raw_html:?}): {text:?}");
        }
    }
});
