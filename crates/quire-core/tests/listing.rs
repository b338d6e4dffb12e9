//! List order, pagination, tags, archives and neighbours.

use quire_core::{
    listing::{
        Relations, archive, counts_most_used_first, paginate, posts_by_term, posts_with_term,
        series_among, series_of, sort_for_listing, term_counts,
    },
    manifest::{PostDisplay, PostSummary, PostSummaryFields},
};

fn post(slug: &str, date: &str, tags: &[&str], weight: i64) -> PostSummary {
    PostSummary::from(PostSummaryFields {
        slug: slug.into(),
        path: format!("posts/{slug}/"),
        section: "posts".into(),
        layout: None,
        canonical: None,
        keywords: vec![],
        title: slug.to_uppercase(),
        date: date.parse().unwrap(),
        lastmod: None,
        summary: String::new(),
        description: String::new(),
        authors: vec![],
        tags: tags.iter().map(|t| t.to_string()).collect(),
        terms: Default::default(),
        cover: None,
        reading_minutes: 1,
        word_count: 10,
        weight,
        body: format!("data/posts/{slug}.md"),
        aliases: vec![],
        draft: false,
        display: PostDisplay::default(),
        prepared: None,
    })
}

fn stamped(p: PostSummary) -> (PostSummary, i64) {
    let seconds = p.date.days_since_epoch() * 86_400;
    (p, seconds)
}

fn slugs(posts: &[(PostSummary, i64)]) -> Vec<&str> {
    posts.iter().map(|(p, _)| p.slug.as_str()).collect()
}

#[test]
fn newest_first_with_pinned_posts_on_top() {
    let mut posts = vec![
        stamped(post("old", "2024-01-01", &[], 0)),
        stamped(post("new", "2026-01-01", &[], 0)),
        stamped(post("pinned-second", "2020-01-01", &[], 2)),
        stamped(post("pinned-first", "2019-01-01", &[], 1)),
    ];
    sort_for_listing(&mut posts, |(post, time)| (post, *time));
    assert_eq!(
        slugs(&posts),
        ["pinned-first", "pinned-second", "new", "old"]
    );
}

#[test]
fn same_day_posts_order_by_time() {
    let mut posts = vec![
        (post("morning", "2025-02-07", &[], 0), 100),
        (post("evening", "2025-02-07", &[], 0), 900),
    ];
    sort_for_listing(&mut posts, |(post, time)| (post, *time));
    assert_eq!(slugs(&posts), ["evening", "morning"]);
}

#[test]
fn pagination_bounds() {
    let items: Vec<u32> = (1..=12).collect();
    let first = paginate(&items, 5, 1).unwrap();
    assert_eq!(
        (first.items, first.number, first.total),
        (&items[0..5], 1, 3)
    );
    let last = paginate(&items, 5, 3).unwrap();
    assert_eq!((last.items, last.number), (&items[10..12], 3));
    assert!(paginate(&items, 5, 4).is_none());
    assert!(paginate(&items, 5, 0).is_none());
    assert_eq!(paginate::<u32>(&[], 5, 1).unwrap().total, 1);
}

#[test]
fn tags_merge_spellings_and_count() {
    let posts = [
        post("a", "2026-01-01", &["WebRTC", "networking"], 0),
        post("b", "2026-01-02", &["webrtc", "WebRTC"], 0),
        post("c", "2026-01-03", &["Distributed Systems"], 0),
    ];
    let counts = term_counts(&posts, "tags");
    assert_eq!(
        counts_most_used_first(&posts_by_term(&posts, "tags")),
        counts
    );
    let summary: Vec<(&str, &str, usize)> = counts
        .iter()
        .map(|t| (t.name.as_str(), t.slug.as_str(), t.count))
        .collect();
    assert_eq!(
        summary,
        [
            ("WebRTC", "webrtc", 2),
            ("Distributed Systems", "distributed-systems", 1),
            ("networking", "networking", 1)
        ]
    );
    let (term, tagged) = posts_with_term(&posts, "tags", "distributed-systems").unwrap();
    assert_eq!(
        (term.name.as_str(), tagged.len()),
        ("Distributed Systems", 1)
    );
    assert!(posts_with_term(&posts, "tags", "nope").is_none());
    assert!(posts_with_term(&posts, "categories", "webrtc").is_none());
    // Every term at once: in the order first met, each post once per term.
    let grouped = posts_by_term(&posts, "tags");
    let by_term: Vec<(&str, Vec<&str>)> = grouped
        .iter()
        .map(|(term, carrying)| {
            (
                term.slug.as_str(),
                carrying.iter().map(|post| post.slug.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        by_term,
        [
            ("webrtc", vec!["a", "b"]),
            ("networking", vec!["a"]),
            ("distributed-systems", vec!["c"])
        ]
    );
}

#[test]
fn other_taxonomies_count_apart_from_tags() {
    let mut a = post("a", "2026-01-01", &["rust"], 0);
    a.terms.insert("categories".into(), vec!["Web Dev".into()]);
    let mut b = post("b", "2026-01-02", &[], 0);
    b.terms
        .insert("categories".into(), vec!["web dev".into(), "Ops".into()]);
    let posts = [a, b];
    let categories: Vec<(String, usize)> = term_counts(&posts, "categories")
        .into_iter()
        .map(|term| (term.slug, term.count))
        .collect();
    assert_eq!(
        categories,
        [("web-dev".to_owned(), 2), ("ops".to_owned(), 1)]
    );
    assert_eq!(term_counts(&posts, "tags").len(), 1);
    assert!(term_counts(&posts, "series").is_empty());
}

#[test]
fn a_series_lists_its_posts_oldest_first() {
    let in_series = |slug: &str, date: &str| {
        let mut post = post(slug, date, &[], 0);
        post.terms
            .insert("series".into(), vec!["Rust in Anger".into()]);
        post
    };
    // List order: newest first.
    let posts = [
        in_series("part-3", "2026-03-01"),
        post("other", "2026-02-15", &[], 0),
        in_series("part-2", "2026-02-01"),
        in_series("part-1", "2026-01-01"),
    ];
    let series = series_of(&posts, &posts[2]);
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].term.name, "Rust in Anger");
    let parts: Vec<&str> = series[0]
        .posts
        .iter()
        .map(|post| post.path.as_str())
        .collect();
    assert_eq!(parts, ["posts/part-1/", "posts/part-2/", "posts/part-3/"]);
    assert!(series_of(&posts, &posts[1]).is_empty());
    // Gathered once for every post, as the build and the app do, the same.
    let gathered = posts_by_term(&posts, "series");
    for post in &posts {
        assert_eq!(series_among(&gathered, post), series_of(&posts, post));
    }
}

#[test]
fn archive_groups_by_year_and_month() {
    let posts = [
        post("mar", "2026-03-09", &[], 0),
        post("mar2", "2026-03-03", &[], 0),
        post("feb", "2026-02-08", &[], 0),
        post("old", "2025-06-29", &[], 0),
    ];
    let years = archive(&posts);
    assert_eq!(
        years.iter().map(|y| (y.year, y.count)).collect::<Vec<_>>(),
        [(2026, 3), (2025, 1)]
    );
    assert_eq!(
        years[0].months.iter().map(|m| m.name()).collect::<Vec<_>>(),
        ["March", "February"]
    );
}

#[test]
fn neighbours_are_older_and_newer() {
    let posts = [
        post("c", "2026-03-01", &[], 0),
        post("b", "2026-02-01", &[], 0),
        post("a", "2026-01-01", &[], 0),
    ];
    let (older, newer) = Relations::new(&posts).neighbours("b");
    assert_eq!(
        (older.unwrap().slug.as_str(), newer.unwrap().slug.as_str()),
        ("a", "c")
    );
    assert_eq!(Relations::new(&posts).neighbours("c").1, None);
    assert_eq!(Relations::new(&posts).neighbours("missing"), (None, None));
}

#[test]
fn paths_match_hugo() {
    use quire_core::route::{Route, root_path};
    assert_eq!(Route::Home { page: 1 }.path(), "");
    assert_eq!(Route::Home { page: 2 }.path(), "page/2/");
    assert_eq!(Route::default_post_path("x"), "posts/x/");
    let tag = |page| Route::Term {
        taxonomy: "tags".into(),
        slug: "rust".into(),
        page,
    };
    assert_eq!(tag(1).path(), "tags/rust/");
    assert_eq!(tag(3).path(), "tags/rust/page/3/");
    assert_eq!(root_path("https://example.org"), "/");
    assert_eq!(root_path("https://example.org/blog"), "/blog/");
    assert_eq!(root_path("http://127.0.0.1:8080/blog/"), "/blog/");
}

#[test]
fn in_site_prefixes_paths_and_keeps_urls() {
    use quire_core::route::in_site;
    assert_eq!(in_site("/blog/", "/archives/"), "/blog/archives/");
    assert_eq!(
        in_site("/blog/", "posts/a/cover.png"),
        "/blog/posts/a/cover.png"
    );
    assert_eq!(in_site("/", "https://github.com/"), "https://github.com/");
    assert_eq!(
        in_site("/blog/", "//cdn.example/x.png"),
        "//cdn.example/x.png"
    );
    assert_eq!(
        in_site("/", "mailto:me@example.org"),
        "mailto:me@example.org"
    );
}

#[test]
fn related_posts_share_the_most_tags_then_are_newest() {
    let posts = vec![
        post("a", "2026-01-05", &["Rust", "web", "wasm"], 0),
        post("b", "2026-01-04", &["rust", "web"], 0),
        post("c", "2026-01-03", &["web"], 0),
        post("d", "2026-01-06", &["web"], 0),
        post("e", "2026-01-07", &["go"], 0),
    ];
    let found: Vec<&str> = Relations::new(&posts)
        .related(&posts[0], 3)
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    assert_eq!(found, ["b", "d", "c"]);
    assert!(
        Relations::new(&posts).related(&posts[4], 3).is_empty(),
        "no shared tag, no relation"
    );
}

/// A tag written twice in different case ("Rust", "rust") once counted
/// twice, so such a post outranked one that really shared two tags.
#[test]
fn related_counts_a_tag_written_twice_once() {
    let this = post("this", "2026-01-01", &["rust", "wasm"], 0);
    let posts = vec![
        this.clone(),
        post("twice", "2026-01-03", &["Rust", "rust", "RUST"], 0),
        post("both", "2026-01-02", &["rust", "wasm"], 0),
    ];
    let found: Vec<&str> = Relations::new(&posts)
        .related(&this, 3)
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    assert_eq!(found, ["both", "twice"]);
}

/// Related posts found through sets of tags are those a pass over every
/// post finds: the most shared tags, then newest, then in list order.
#[test]
fn related_posts_found_through_tag_sets_match_a_pass_over_every_post() {
    const NAMES: [&str; 8] = ["Rust", "rust", "Web", "Go", "CSS", "SQL", "Ops", "AI"];
    let mut seed: u64 = 20_261_129;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    let posts: Vec<PostSummary> = (0..400)
        .map(|at| {
            let tags: Vec<&str> = (0..next(5)).map(|_| NAMES[next(8) as usize]).collect();
            post(
                &format!("p{at}"),
                &format!("2026-01-{:02}", 1 + next(20)),
                &tags,
                0,
            )
        })
        .collect();
    let slugs = |post: &PostSummary| -> Vec<String> {
        let mut slugs: Vec<String> = post.tags.iter().map(|tag| tag.to_lowercase()).collect();
        slugs.sort();
        slugs.dedup();
        slugs
    };
    let by_pass = |this: &PostSummary| -> Vec<String> {
        let wanted = slugs(this);
        let mut ranked: Vec<(usize, &PostSummary, usize)> = posts
            .iter()
            .enumerate()
            .filter(|(_, other)| other.slug != this.slug)
            .map(|(at, other)| {
                (
                    slugs(other)
                        .iter()
                        .filter(|slug| wanted.contains(slug))
                        .count(),
                    other,
                    at,
                )
            })
            .filter(|(shared, _, _)| *shared > 0)
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.date.cmp(&a.1.date))
                .then(a.2.cmp(&b.2))
        });
        ranked
            .into_iter()
            .take(3)
            .map(|(_, other, _)| other.slug.clone())
            .collect()
    };
    let relations = Relations::new(&posts);
    let foreign = post("elsewhere", "2026-01-10", &["Rust", "Go", "AI"], 0);
    for this in posts.iter().chain([&foreign]) {
        let found: Vec<String> = relations
            .related(this, 3)
            .iter()
            .map(|post| post.slug.clone())
            .collect();
        assert_eq!(found, by_pass(this), "related posts of {}", this.slug);
    }
}
