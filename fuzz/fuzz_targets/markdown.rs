//! Any Markdown renders without a panic, for pages and feeds alike, into
//! HTML the independent oracle (`quire-oracle`) would not strip a thing from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::markdown::{LinkBase, render, render_for_feed};

const BASE: LinkBase<'static> = LinkBase {
    site_root: "/blog/",
    page_path: "posts/fuzz/",
};

fuzz_target!(|markdown: &str| {
    for html in [render(markdown, BASE).html, render_for_feed(markdown, BASE).html] {
        if let Err(difference) = quire_oracle::check(&html) {
            panic!("{difference}\nfrom Markdown: {markdown:?}");
        }
    }
});
