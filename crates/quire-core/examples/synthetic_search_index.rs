//! Writes the search index of a made-up blog, in the pieces a build writes,
//! for the search benchmark in the browser (the search figure in
//! tests/e2e/figures.spec.mjs).
//!
//! `cargo run --release -p quire-core --example synthetic_search_index -- 10000 600 out`
//! indexes 10,000 posts of about 600 words each, from a 6,000-word vocabulary
//! used with a Zipf-like skew, as real prose is, and writes what a build
//! would put in `data/`: `out/search.json` (the meta file) and the pieces in
//! `out/search/`.

use std::{env, fs, path::Path, process::ExitCode};

use quire_core::{
    date::Date,
    search::{SearchIndex, SearchInput},
};

/// A small deterministic generator, so every run benchmarks the same blog.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `bound`, skewed toward 0 like word frequencies.
    fn skewed(&mut self, bound: usize) -> usize {
        let uniform = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((uniform * uniform * uniform) * bound as f64) as usize
    }
}

fn vocabulary(random: &mut XorShift, size: usize) -> Vec<String> {
    const SYLLABLES: [&str; 24] = [
        "ka", "ro", "mi", "ten", "sa", "lor", "vi", "qua", "del", "no", "ship", "ar", "tel", "mo",
        "ri", "gen", "pa", "lu", "cor", "ex", "na", "tor", "bi", "st",
    ];
    let mut words: Vec<String> = Vec::with_capacity(size);
    while words.len() < size {
        let syllables = 1 + (random.next() % 4) as usize;
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[(random.next() % SYLLABLES.len() as u64) as usize])
            .collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let (Some(posts), Some(words), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synthetic_search_index <posts> <words per post> <out folder>");
        return ExitCode::from(2);
    };
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    let vocabulary = vocabulary(&mut random, 6000);
    let sentence = |random: &mut XorShift, length: usize| {
        (0..length)
            .map(|_| vocabulary[random.skewed(vocabulary.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let start = Date::new(2000, 1, 1)
        .expect("a real date")
        .days_since_epoch();
    let inputs: Vec<SearchInput> = (0..posts)
        .map(|n| SearchInput {
            path: format!("posts/post-{n}/"),
            title: sentence(&mut random, 6),
            summary: sentence(&mut random, 30),
            tags: (0..3).map(|_| sentence(&mut random, 1)).collect(),
            date: Date::from_days_since_epoch(start + (n as i64) / 3),
            plain_text: sentence(&mut random, words).into(),
        })
        .collect();
    let index = SearchIndex::build(inputs);
    let written = index.split().to_files();
    let mut files = vec![("search.json".to_owned(), to_json(&written.meta))];
    for (path, json) in written.pieces {
        files.push((path.trim_start_matches("data/").to_owned(), json));
    }
    let out = Path::new(out);
    let _ = fs::remove_dir_all(out);
    let mut bytes = 0;
    for (path, json) in &files {
        let path = out.join(path);
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&path, json));
        if let Err(error) = written {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += json.len();
    }
    println!(
        "wrote {}: {posts} posts, {} lists, {} files, {bytes} bytes",
        out.display(),
        index.term_count(),
        files.len(),
    );
    ExitCode::SUCCESS
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("an index serialises")
}
