//! Any posts and any query: the index builds and splits into pieces that
//! read back from their JSON, and the pieces a query needs find exactly
//! what the whole index finds, for posts it holds, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quire_core::search::{SearchIndex, SearchInput, SearchMeta, TermPiece};

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
    let split = index.split();
    let json = serde_json::to_string(&split.meta("f00d".into())).expect("the meta file writes as JSON");
    let meta: SearchMeta = serde_json::from_str(&json).expect("the meta file reads back");
    let mut terms = meta.terms();
    for piece in meta.term_pieces(&query) {
        let json = serde_json::to_string(&split.term_pieces[piece]).expect("a piece writes as JSON");
        let piece: TermPiece = serde_json::from_str(&json).expect("a piece reads back");
        terms.add(piece).expect("a piece of this index adds");
    }
    let hits = index.search(&query, 20);
    assert_eq!(terms.search(&query, 20), hits);
    for hit in hits {
        assert!(index.doc(hit.doc).is_some());
    }
    let _ = quire_core::search::highlight_html(&query, &query);
});
