//! Any text gives a slug that is empty or a valid URL segment, and a route
//! built from it reads back from its own address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::{
    route::{ListNames, Route},
    slug::{is_valid_slug, slugify, term_slug},
};

fuzz_target!(|text: &str| {
    // A term's URL form, Hugo's way, is one segment that reads back too.
    let term = term_slug(text);
    if !term.is_empty() {
        let lists = ListNames::default();
        let route = Route::Term { taxonomy: "categories".into(), slug: term.clone(), page: 1 };
        assert_eq!(Route::parse(&route.path(), &lists), route, "{text:?} gave {term:?}");
    }
    let slug = slugify(text);
    assert!(slug.is_empty() || is_valid_slug(&slug), "{text:?} gave {slug:?}");
    if !slug.is_empty() {
        let lists = ListNames {
            sections: vec![format!("{slug}/")],
            ..ListNames::default()
        };
        let tag = Route::Term { taxonomy: "tags".into(), slug: slug.clone(), page: 2 };
        assert_eq!(Route::parse(&tag.path(), &lists), tag);
        let post = Route::Content { path: format!("posts/{slug}/") };
        assert_eq!(Route::parse(&post.path(), &lists), post);
        if !matches!(slug.as_str(), "page" | "archives" | "search" | "tags" | "categories" | "series") {
            let section = Route::Section { path: format!("{slug}/"), page: 3 };
            assert_eq!(Route::parse(&section.path(), &lists), section);
        }
    }
});
