//! Full-text search: what matches, in which order, how matches are shown,
//! and that the pieces a query fetches find what the whole index would.

use std::collections::BTreeSet;

use quire_core::{
    date::Date,
    page_text,
    route_data::short_hash,
    search::{Hit, SearchIndex, SearchInput, SearchMeta, TermPiece, highlight, highlight_html},
};

fn post(
    slug: &str,
    date: &str,
    title: &str,
    tags: &[&str],
    summary: &str,
    body: &str,
) -> SearchInput {
    SearchInput {
        path: slug.into(),
        title: title.into(),
        summary: summary.into(),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        date: date.parse().unwrap(),
        plain_text: body.into(),
    }
}

fn slugs(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, 100)
        .iter()
        .map(|hit| index.doc(hit.doc).unwrap().path.clone())
        .collect()
}

fn blog() -> SearchIndex {
    SearchIndex::build([
        post(
            "body-only",
            "2026-03-01",
            "Notes from the week",
            &[],
            "",
            "I spent the week learning Rust and WebRTC.",
        ),
        post(
            "title",
            "2025-01-01",
            "Why Rust",
            &[],
            "",
            "A language story.",
        ),
        post(
            "tagged",
            "2025-06-01",
            "Memory safety",
            &["rust"],
            "",
            "Ownership explained.",
        ),
        post(
            "summarised",
            "2025-09-01",
            "Systems programming",
            &[],
            "A look at Rust for systems work.",
            "Long text.",
        ),
        post(
            "webrtc",
            "2024-05-05",
            "WebRTC Fundamentals",
            &["networking", "webrtc"],
            "Peers, STUN and TURN.",
            "How two browsers find each other before media flows.",
        ),
        post(
            "cafe",
            "2024-02-02",
            "Café culture in München",
            &["Straße"],
            "",
            "Cafe\u{301} au lait, Œuvres and naïve coffee.",
        ),
    ])
}

#[test]
fn title_outranks_tag_outranks_summary_outranks_body() {
    assert_eq!(
        slugs(&blog(), "rust"),
        ["title", "tagged", "summarised", "body-only"]
    );
}

#[test]
fn every_query_word_must_match() {
    let index = blog();
    assert_eq!(slugs(&index, "rust webrtc"), ["body-only"]);
    assert_eq!(slugs(&index, "webrtc rust"), ["body-only"]);
    assert!(slugs(&index, "rust zebra").is_empty());
}

#[test]
fn last_word_matches_as_a_prefix() {
    let index = blog();
    assert_eq!(slugs(&index, "fundam"), ["webrtc"]);
    assert_eq!(slugs(&index, "webrtc fun"), ["webrtc"]);
    assert_eq!(slugs(&index, "r"), slugs(&index, "rust"));
}

#[test]
fn earlier_words_match_whole_words_only() {
    let index = blog();
    assert!(slugs(&index, "fundam webrtc").is_empty());
    assert_eq!(slugs(&index, "fundamentals webrtc"), ["webrtc"]);
}

#[test]
fn a_trailing_space_or_mark_finishes_the_last_word() {
    let index = blog();
    assert_eq!(slugs(&index, "fundam"), ["webrtc"]);
    assert!(slugs(&index, "fundam ").is_empty());
    assert!(slugs(&index, "fundam.").is_empty());
    assert_eq!(slugs(&index, "fundamentals "), ["webrtc"]);
}

#[test]
fn the_word_itself_outranks_longer_words_it_begins() {
    let index = SearchIndex::build([
        post("go-on", "2026-01-01", "Going on", &[], "", ""),
        post("go", "2020-01-01", "Go", &[], "", ""),
        post("body", "2026-01-01", "Other", &[], "", "go"),
    ]);
    assert_eq!(slugs(&index, "go"), ["go", "go-on", "body"]);
}

#[test]
fn equal_scores_list_the_newest_first() {
    let index = SearchIndex::build([
        post("old", "2020-01-01", "Rust", &[], "", ""),
        post("new", "2024-01-01", "Rust", &[], "", ""),
        post("newest", "2026-01-01", "Rust", &[], "", ""),
    ]);
    assert_eq!(slugs(&index, "rust"), ["newest", "new", "old"]);
}

#[test]
fn scores_add_up_over_query_words() {
    let index = blog();
    let hits = index.search("webrtc networking", 10);
    // title (10) and tag (6), each the word itself (×2)
    assert_eq!(hits, [Hit { doc: 1, score: 32 }]);
}

#[test]
fn case_and_accents_are_folded() {
    let index = blog();
    for query in [
        "cafe", "CAFÉ", "Café", "munchen", "MÜNCHEN", "strasse", "oeuvres", "naive", "cafe au",
    ] {
        assert_eq!(slugs(&index, query), ["cafe"], "{query}");
    }
    // a decomposed accent is part of its word, not a break in it
    assert_eq!(highlight("Cafe\u{301} au lait", "cafe"), [(0, 6)]);
}

#[test]
fn blank_queries_find_nothing() {
    let index = blog();
    for query in ["", "   ", "\t\n", "!!! ---", "\u{301}"] {
        assert!(index.search(query, 10).is_empty(), "{query:?}");
    }
    assert!(index.search("rust", 0).is_empty());
    assert!(SearchIndex::build([]).search("rust", 10).is_empty());
}

#[test]
fn limit_keeps_the_best_hits() {
    let index = blog();
    let all = index.search("rust", 10);
    assert_eq!(index.search("rust", 2), all[..2]);
}

#[test]
fn the_number_found_counts_every_match_not_only_those_shown() {
    let index = blog();
    let split = index.split();
    let meta = split.to_files().meta;
    let mut terms = meta.terms();
    for piece in meta.term_pieces("rust") {
        terms.add(split.term_pieces[piece].clone()).unwrap();
    }
    let ranked = terms.ranked("rust", 2);
    assert_eq!(ranked.hits, index.search("rust", 2));
    assert_eq!(ranked.matched, index.search("rust", 100).len());
    assert!(ranked.matched > 2);
    assert_eq!(
        page_text::search_status("rust", ranked.matched, 2),
        format!("{} posts found; the best 2 are shown.", ranked.matched)
    );
    assert_eq!(page_text::search_status("rust", 2, 2), "2 posts found.");
    assert_eq!(page_text::search_status("zz", 0, 0), "No posts match “zz”.");
}

#[test]
fn cjk_characters_are_words_of_their_own() {
    let index = SearchIndex::build([
        post("ja", "2026-01-01", "日本語の本", &[], "", ""),
        post("other", "2026-01-01", "中文", &[], "", ""),
    ]);
    assert_eq!(slugs(&index, "日本"), ["ja"]);
    assert_eq!(slugs(&index, "本"), ["ja"]);
    assert!(slugs(&index, "日中").is_empty());
    assert_eq!(highlight("日本語の本", "日本"), [(0, 6), (12, 15)]);
}

#[test]
fn highlight_marks_whole_words_by_the_search_rule() {
    let text = "WebRTC fundamentals: webrtc, WEBRTCs and web.";
    assert_eq!(highlight(text, "webrtc"), [(0, 6), (21, 27), (29, 36)]);
    // earlier words whole, the last as a prefix
    assert_eq!(highlight(text, "webrtc fund"), [(0, 6), (7, 19), (21, 27)]);
    assert_eq!(highlight(text, "fund webrtc "), [(0, 6), (21, 27)]);
    assert_eq!(highlight("Ça va, ÇA VA", "ca"), [(0, 3), (8, 11)]);
    assert!(highlight(text, "  ").is_empty());
    assert!(highlight("", "web").is_empty());
}

#[test]
fn highlight_html_escapes_hostile_text() {
    let text = r#"<script>alert("x")</script> & 'rust' <b>"#;
    assert_eq!(
        highlight_html(text, "alert rust"),
        "&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt; &amp; &#39;<mark>rust</mark>&#39; &lt;b&gt;"
    );
    assert_eq!(
        highlight_html(text, "<script>"),
        "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &#39;rust&#39; &lt;b&gt;"
    );
    assert_eq!(highlight_html(text, ""), quire_core::html::escape(text));
}

#[test]
fn pieces_are_compact_json_and_round_trip() {
    let index = SearchIndex::build([
        post("a", "2026-03-09", "Rust", &["Lang"], "", "rust and go"),
        post("b", "2026-03-10", "Go", &[], "Short.", "rust"),
    ]);
    let split = index.split();
    assert_eq!(split.term_pieces.len(), 1, "a small blog is one piece");
    let piece = serde_json::to_string(&split.term_pieces[0]).unwrap();
    // Post 0 is a, the older; `g*`, `r*` and the like hold the longer words' best places.
    assert_eq!(
        piece,
        r#"{"t":["a*","an*","and","g*","go","l*","la*","lang","r*","ru*","rust","s*","sh*","short"],"p":[[0],[0],[0],[0,7],[0,7],[2],[2],[2],[3,4],[3,4],[3,4],[5],[5],[5]]}"#
    );
    assert_eq!(
        serde_json::from_str::<TermPiece>(&piece).unwrap(),
        split.term_pieces[0]
    );
    let docs = serde_json::to_string(&split.doc_pieces).unwrap();
    assert_eq!(
        docs,
        r#"[[{"s":"a","t":"Rust","g":["Lang"],"d":"2026-03-09"},{"s":"b","t":"Go","m":"Short.","d":"2026-03-10"}]]"#
    );
    // Each piece is named after its content; the meta names them all.
    let files = split.to_files();
    let term_name = short_hash(piece.as_bytes());
    let doc_name = short_hash(&serde_json::to_vec(&split.doc_pieces[0]).unwrap());
    let json = serde_json::to_string(&files.meta).unwrap();
    assert_eq!(
        json,
        format!(r#"{{"v":3,"n":2,"f":["a*"],"t":["{term_name}"],"d":["{doc_name}"]}}"#)
    );
    assert_eq!(
        serde_json::from_str::<SearchMeta>(&json).unwrap(),
        files.meta
    );
    let term_path = format!("data/search/t{term_name}.json");
    let doc_path = format!("data/search/d{doc_name}.json");
    assert_eq!(files.meta.term_piece_path(0), Some(term_path.clone()));
    assert_eq!(files.meta.doc_piece_path(0), Some(doc_path.clone()));
    assert_eq!(files.meta.doc_piece_path(1), None);
    assert_eq!(
        files.pieces,
        [
            (term_path, piece),
            (doc_path, docs[1..docs.len() - 1].to_owned())
        ]
    );
}

#[test]
fn damaged_pieces_are_refused_when_loaded() {
    let good = r#"{"t":["a","b"],"p":[[3],[0,4]]}"#;
    assert!(serde_json::from_str::<TermPiece>(good).is_ok());
    for bad in [
        // the same post twice
        r#"{"t":["a","b"],"p":[[3,3],[0]]}"#,
        // words out of order
        r#"{"t":["b","a"],"p":[[3],[0]]}"#,
        // postings missing
        r#"{"t":["a","b"],"p":[[3]]}"#,
    ] {
        assert!(serde_json::from_str::<TermPiece>(bad).is_err(), "{bad}");
    }
    // A post the index does not have: refused when added, and nothing added.
    let meta: SearchMeta =
        serde_json::from_str(r#"{"v":3,"n":1,"f":["a"],"t":["ab12"],"d":["cd34"]}"#).unwrap();
    let mut terms = meta.terms();
    let beyond: TermPiece = serde_json::from_str(r#"{"t":["a","b"],"p":[[0],[4]]}"#).unwrap();
    assert!(terms.add(beyond).is_err());
    assert_eq!(terms.search("a", 10), []);
    for bad in [
        // another format
        r#"{"v":2,"h":"ab12","n":1,"f":["a"]}"#,
        // a name that would leave the folder
        r#"{"v":3,"n":1,"f":["a"],"t":["../x"],"d":["cd34"]}"#,
        // a piece without a name
        r#"{"v":3,"n":1,"f":["a","b"],"t":["ab12"],"d":["cd34"]}"#,
        r#"{"v":3,"n":9,"f":["a"],"t":["ab12"],"d":["cd34"]}"#,
        // pieces out of order
        r#"{"v":3,"n":1,"f":["b","a"],"t":["ab12","ef56"],"d":["cd34"]}"#,
    ] {
        assert!(serde_json::from_str::<SearchMeta>(bad).is_err(), "{bad}");
    }
}

/// A deterministic corpus: posts drawn from a made-up vocabulary, common
/// words far more often than rare ones, as in real text.
struct Corpus {
    vocabulary: Vec<String>,
    posts: Vec<[Vec<u16>; 4]>,
    dates: Vec<Date>,
}

const TITLE: usize = 0;
const TAGS: usize = 1;
const SUMMARY: usize = 2;
const BODY: usize = 3;

impl Corpus {
    fn new(posts: usize, body_words: usize) -> Self {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "an", "el", "or", "ix", "um", "pe",
            "za", "do", "gu", "ri", "ba", "te",
        ];
        let mut vocabulary: Vec<String> = (0..4000)
            .map(|n| {
                [n / 400, n / 20 % 20, n % 20]
                    .iter()
                    .map(|&s| SYLLABLES[s])
                    .collect()
            })
            .collect();
        let quokka = vocabulary.len() as u16;
        vocabulary.push("quokka".into());
        let narwhal = vocabulary.len() as u16;
        vocabulary.push("narwhal".into());
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = move |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        let mut all = Vec::with_capacity(posts);
        let mut dates = Vec::with_capacity(posts);
        for post in 0..posts {
            let mut fields: [Vec<u16>; 4] = Default::default();
            for (field, len) in [(TITLE, 5), (TAGS, 2), (SUMMARY, 15), (BODY, body_words)] {
                // The product of two uniform draws favours small numbers: a few common words.
                fields[field] = (0..len)
                    .map(|_| (random(4000) * random(4000) / 4000) as u16)
                    .collect();
            }
            if post == 4321 {
                fields[TITLE].push(quokka);
            }
            if post % 1000 == 7 {
                let at = random(body_words);
                fields[BODY][at] = narwhal;
            }
            all.push(fields);
            // 3,650 days for 10,000 posts: some share a date.
            dates.push(Date::from_days_since_epoch(
                10_000 + (post * 7 % 3650) as i64,
            ));
        }
        Self {
            vocabulary,
            posts: all,
            dates,
        }
    }

    fn text(&self, words: &[u16], capitalise: bool, punctuate: bool) -> String {
        let mut text = String::new();
        for (at, &word) in words.iter().enumerate() {
            if at > 0 {
                text.push_str(if punctuate && at % 9 == 0 { ". " } else { " " });
            }
            let word = &self.vocabulary[usize::from(word)];
            if capitalise {
                text.push_str(&word[..1].to_uppercase());
                text.push_str(&word[1..]);
            } else {
                text.push_str(word);
            }
        }
        text
    }

    fn inputs(&self) -> impl Iterator<Item = SearchInput> + '_ {
        self.posts
            .iter()
            .zip(&self.dates)
            .enumerate()
            .map(|(n, (fields, date))| SearchInput {
                path: format!("posts/post-{n}/"),
                title: self.text(&fields[TITLE], true, false),
                summary: self.text(&fields[SUMMARY], false, true),
                tags: fields[TAGS]
                    .iter()
                    .map(|&tag| self.vocabulary[usize::from(tag)].clone())
                    .collect(),
                date: *date,
                plain_text: self.text(&fields[BODY], false, true).into(),
            })
    }

    /// The search's rule, computed the slow way: every word of every post.
    fn expected(&self, query: &str) -> Vec<(u32, u32)> {
        const WEIGHTS: [u32; 4] = [10, 6, 3, 1];
        let wanted: Vec<&str> = query.split_whitespace().collect();
        // For each query word and each vocabulary word: 2 the word itself, 1 a longer word it begins.
        let kinds: Vec<Vec<u32>> = wanted
            .iter()
            .enumerate()
            .map(|(at, wanted)| {
                let last = at + 1 == query.split_whitespace().count();
                self.vocabulary
                    .iter()
                    .map(|word| {
                        if word == wanted {
                            2
                        } else {
                            u32::from(last && word.starts_with(wanted))
                        }
                    })
                    .collect()
            })
            .collect();
        let mut hits = Vec::new();
        'posts: for (doc, fields) in self.posts.iter().enumerate() {
            let mut score = 0;
            for kind in &kinds {
                let mut best = 0;
                for (field, ids) in fields.iter().enumerate() {
                    for &id in ids {
                        best = best.max(WEIGHTS[field] * kind[usize::from(id)]);
                    }
                }
                if best == 0 {
                    continue 'posts;
                }
                score += best;
            }
            hits.push((doc as u32, score));
        }
        hits.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(self.dates[b.0 as usize].cmp(&self.dates[a.0 as usize]))
                .then(a.0.cmp(&b.0))
        });
        hits
    }
}

/// A hit as the corpus numbers posts (`posts/post-<n>/`), with its score.
fn numbered(index: &SearchIndex, hits: &[Hit]) -> Vec<(u32, u32)> {
    hits.iter()
        .map(|hit| {
            let path = &index.doc(hit.doc).unwrap().path;
            let number = path["posts/post-".len()..path.len() - 1].parse().unwrap();
            (number, hit.score)
        })
        .collect()
}

#[test]
fn ten_thousand_posts_give_the_same_hits_as_a_full_scan() {
    let corpus = Corpus::new(10_000, 150);
    let index = SearchIndex::build(corpus.inputs());
    assert!(index.doc(9_999).is_some() && index.doc(10_000).is_none());

    let quokka = index.search("quokka", 10);
    assert_eq!(quokka.len(), 1);
    assert_eq!(index.doc(quokka[0].doc).unwrap().path, "posts/post-4321/");
    let narwhal: Vec<u32> = numbered(&index, &index.search("narw", 100))
        .iter()
        .map(|(number, _)| *number)
        .collect();
    let mut planted: Vec<u32> = (0..10).map(|n| n * 1000 + 7).collect();
    planted.sort_by_key(|&doc| std::cmp::Reverse(corpus.dates[doc as usize]));
    assert_eq!(narwhal, planted);

    let split = index.split();
    let meta = split.to_files().meta;
    for query in corpus_queries(&corpus) {
        let expected = corpus.expected(&query);
        assert!(
            !expected.is_empty() || query.contains("quokka"),
            "{query:?} finds nothing"
        );
        // The app's way: only the pieces the query needs.
        let mut terms = meta.terms();
        for piece in meta.term_pieces(&query) {
            terms.add(split.term_pieces[piece].clone()).unwrap();
        }
        for limit in [1, 20, usize::MAX] {
            let hits = index.search(&query, limit);
            assert_eq!(
                numbered(&index, &hits),
                expected[..expected.len().min(limit)],
                "{query:?} limit {limit}"
            );
            assert_eq!(terms.search(&query, limit), hits, "{query:?} from pieces");
        }
    }
}

fn corpus_queries(corpus: &Corpus) -> Vec<String> {
    let common = corpus.vocabulary[0].clone();
    let middling = corpus.vocabulary[700].clone();
    let rare = corpus.vocabulary[3900].clone();
    vec![
        common.clone(),
        middling.clone(),
        rare.clone(),
        common[..2].to_owned(),
        middling[..3].to_owned(),
        format!("{common} {middling}"),
        format!("{middling} {common}"),
        format!("{common} {}", &middling[..4]),
        format!("{common} {middling} {}", &corpus.vocabulary[1][..2]),
        format!("{rare} quokka"),
        "k".to_owned(),
    ]
}

/// The pieces of an index as `quire build` names them.
fn piece_paths(inputs: Vec<SearchInput>) -> BTreeSet<String> {
    let files = SearchIndex::build(inputs).split().to_files();
    files.pieces.into_iter().map(|(path, _)| path).collect()
}

#[test]
fn an_edit_to_one_post_renames_only_the_search_pieces_it_changes() {
    // Every piece was renamed by any edit (its folder was named after the
    // whole index): `quire watch` wrote 1,454 files for one added line on
    // a 10,000-post blog, and each deploy made readers fetch every piece again.
    let corpus = Corpus::new(3_000, 150);
    let before = piece_paths(corpus.inputs().collect());
    assert!(before.len() > 40, "{} pieces", before.len());
    // One post gains a paragraph of new words, which grow one piece by
    // far more than a word's worth.
    let mut inputs: Vec<SearchInput> = corpus.inputs().collect();
    let new_words: Vec<String> = (0..400).map(|n| format!("kanewword{n}")).collect();
    inputs[1234].plain_text = format!("{} {}", inputs[1234].plain_text, new_words.join(" ")).into();
    let after = piece_paths(inputs);
    // The pieces that hold the new words and the `k*` and `ka*` lists
    // change; those after them keep where they start (pieces cut where
    // they fill up would all move: 58 of 446 renamed).
    let renamed = after.difference(&before).count();
    assert!(renamed <= 10, "{renamed} of {} pieces renamed", after.len());
}

#[test]
fn a_new_post_leaves_the_other_posts_doc_pieces_alone() {
    // Posts were numbered newest first: a new post renumbered every other
    // one, and every piece of the index was renamed by each deploy of one.
    let corpus = Corpus::new(3_000, 150);
    let mut inputs: Vec<SearchInput> = corpus.inputs().collect();
    let before = piece_paths(inputs.clone());
    let newest = inputs.iter().map(|input| input.date).max().unwrap();
    let mut new_post = inputs[7].clone();
    new_post.path = "posts/new/".into();
    new_post.date = Date::from_days_since_epoch(newest.days_since_epoch() + 1);
    inputs.push(new_post);
    let after = piece_paths(inputs);
    // Only the last doc piece gains the post (or a new piece holds it).
    // The term pieces that hold its words change too: on an index this
    // small, most of them.
    let renamed_docs = after
        .difference(&before)
        .filter(|path| path.starts_with("data/search/d"))
        .count();
    assert_eq!(renamed_docs, 1);
}

#[test]
fn typing_a_three_word_query_over_ten_thousand_posts_fetches_a_tenth_of_the_index_at_most() {
    let corpus = Corpus::new(10_000, 150);
    let split = SearchIndex::build(corpus.inputs()).split();
    let meta = split.to_files().meta;
    let sizes: Vec<usize> = split
        .term_pieces
        .iter()
        .map(|piece| serde_json::to_string(piece).unwrap().len())
        .collect();
    let whole: usize = sizes.iter().sum();
    let typed = format!(
        "{} {} {}",
        corpus.vocabulary[0], corpus.vocabulary[700], corpus.vocabulary[3900]
    );
    // Every keystroke's pieces, as the app fetches them while the reader types.
    let fetched: BTreeSet<usize> = (1..=typed.len())
        .flat_map(|end| meta.term_pieces(&typed[..end]))
        .collect();
    let bytes: usize = fetched.iter().map(|&piece| sizes[piece]).sum();
    println!(
        "typing {typed:?} fetched {bytes} of {whole} bytes ({} of {} pieces)",
        fetched.len(),
        sizes.len()
    );
    assert!(
        bytes * 10 <= whole,
        "typing {typed:?} fetched {bytes} of {whole} bytes ({} of {} pieces)",
        fetched.len(),
        sizes.len()
    );
}

/// `cargo test -p quire-core --features authoring --release -- --ignored --nocapture`
#[test]
#[ignore = "timing; run in release mode"]
fn ten_thousand_posts_query_time() {
    use std::time::Instant;
    let corpus = Corpus::new(10_000, 600);
    let started = Instant::now();
    let index = SearchIndex::build(corpus.inputs());
    let built = started.elapsed();
    let split = index.split();
    let pieces: Vec<String> = split
        .term_pieces
        .iter()
        .map(|piece| serde_json::to_string(piece).unwrap())
        .collect();
    let started = Instant::now();
    for piece in &pieces {
        std::hint::black_box(serde_json::from_str::<TermPiece>(piece).unwrap());
    }
    let parsed = started.elapsed();
    println!(
        "built in {built:?}; {} lists in {} pieces, {} bytes of JSON, all parsed in {parsed:?}",
        index.term_count(),
        pieces.len(),
        pieces.iter().map(String::len).sum::<usize>()
    );
    let typed = format!(
        "{} {} {}",
        corpus.vocabulary[0], corpus.vocabulary[700], corpus.vocabulary[1]
    );
    let mut queries: Vec<&str> = (1..=typed.len()).map(|end| &typed[..end]).collect();
    queries.extend(["k", "a", "t", "quokka", "e"]);
    let rounds = 20;
    let mut total = std::time::Duration::ZERO;
    let mut slowest = (std::time::Duration::ZERO, "");
    for query in &queries {
        let started = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(index.search(query, 20));
        }
        let each = started.elapsed() / rounds;
        total += each;
        if each > slowest.0 {
            slowest = (each, query);
        }
        // Postings the query walks: every post's distinct words that the last word begins.
        let last = query.split_whitespace().last().unwrap_or("");
        let walked: usize = corpus
            .posts
            .iter()
            .map(|fields| {
                let mut ids: Vec<u16> = fields.iter().flatten().copied().collect();
                ids.sort_unstable();
                ids.dedup();
                ids.iter()
                    .filter(|&&id| corpus.vocabulary[usize::from(id)].starts_with(last))
                    .count()
            })
            .sum();
        println!("{query:>24}: {each:>10?}, last word walks {walked} postings");
    }
    println!(
        "{} queries: {:?} each on average, slowest {:?} ({:?})",
        queries.len(),
        total / queries.len() as u32,
        slowest.0,
        slowest.1
    );
}
