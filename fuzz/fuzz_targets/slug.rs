//! Any text gives a slug that is empty or a valid URL segment, and a route
//! built from it reads back from its own address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::{
    route::Route,
    slug::{is_valid_slug, slugify},
};

fuzz_target!(|text: &str| {
    let slug = slugify(text);
    assert!(slug.is_empty() || is_valid_slug(&slug), "{text:?} gave {slug:?}");
    if !slug.is_empty() {
        let tag = Route::Tag { slug: slug.clone(), page: 2 };
        assert_eq!(Route::parse(&tag.path()), tag);
        let post = Route::Content { path: format!("posts/{slug}/") };
        assert_eq!(Route::parse(&post.path()), post);
    }
});
