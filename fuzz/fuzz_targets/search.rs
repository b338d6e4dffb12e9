//! Any posts and any query: the index builds, reads back from its JSON, and
//! a search returns hits for posts it holds, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::search::{SearchIndex, SearchInput};

fuzz_target!(|input: (Vec<(String, String, String)>, String)| {
    let (posts, query) = input;
    let index = SearchIndex::build(posts.iter().take(32).enumerate().map(|(n, (title, summary, text))| SearchInput {
        path: format!("posts/{n}/"),
        title: title.clone(),
        summary: summary.clone(),
        tags: vec![summary.clone()],
        date: "2026-01-01".parse().expect("a date"),
        plain_text: text.clone(),
    }));
    let json = serde_json::to_string(&index).expect("the index writes as JSON");
    let again: SearchIndex = serde_json::from_str(&json).expect("the index reads back");
    for hit in again.search(&query, 20) {
        assert!(again.doc(hit.doc).is_some());
    }
    let _ = quire_core::search::highlight_html(&query, &query);
});
