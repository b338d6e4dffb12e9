//! Full-text search: the build tool writes a [`SearchIndex`] of the posts, and
//! the app loads it on first use and queries it on every keystroke.
//!
//! Words are cut and folded here once for both sides, and [`highlight`] uses
//! the same rule, so the words a reader sees marked are the words that made
//! the post a hit.
//!
//! A word is a run of letters, digits and combining marks; each CJK character
//! is a word of its own, as in [`crate::text::word_count`]. Words are
//! lowercased and common Latin diacritics are dropped (`Café` and `cafe` are
//! the same word, `Straße` is `strasse`). There is no stemming.
//!
//! Every query word must match. The last one matches any word it begins
//! (results as you type) unless the query ends after it with a space or a
//! punctuation mark: the reader has finished that word. Earlier words match
//! whole words only, as they too are finished.
//!
//! A post scores, for each query word, the weight of the best place a
//! matching word appears in it (title 10, tag 6, summary 3, body 1), doubled
//! when the word is the query word itself rather than a longer one; the
//! post's score is the sum over the query words. Only the best place counts,
//! not how often the word occurs, so a long post does not outrank a short one
//! by repeating itself. Equal scores list the newest post first.
//!
//! ```
//! use quire_core::search::{SearchIndex, SearchInput};
//! let index = SearchIndex::build([SearchInput {
//!     path: "posts/vienna/".into(),
//!     title: "Café culture".into(),
//!     summary: String::new(),
//!     tags: vec!["travel".into()],
//!     date: "2026-03-09".parse().unwrap(),
//!     plain_text: "Where to drink coffee in Vienna.".into(),
//! }]);
//! let hits = index.search("cafe vie", 10);
//! assert_eq!(index.doc(hits[0].doc).unwrap().path, "posts/vienna/");
//! ```

use std::{
    collections::HashMap,
    hash::{BuildHasherDefault, Hasher},
    ops::Range,
};

use serde::{
    Deserialize, Serialize,
    ser::{SerializeSeq, SerializeStruct},
};

use crate::{date::Date, html::SafeHtml};

/// Bumped when the JSON shape changes, so an app never misreads an index
/// written by another version of the build tool.
const FORMAT_VERSION: u32 = 1;

// A posting is `doc << 2 | field`: one `u32`, and the fields are numbered in
// order of weight, so the better of two postings is the larger number.
const BODY: u32 = 0;
const SUMMARY: u32 = 1;
const TAG: u32 = 2;
const TITLE: u32 = 3;
const WEIGHTS: [u8; 4] = [1, 3, 6, 10];
const MAX_DOCS: usize = 1 << 30;

/// Longer "words" are hashes, base64 or minified code; they would bloat the
/// index and nobody types them, so they are not indexed.
const MAX_TERM_BYTES: usize = 64;

/// One post as the index holds it: what a search result shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The post's address below the site root (see [`crate::route::Route::Content`]).
    #[serde(rename = "s")]
    pub path: String,
    /// The title.
    #[serde(rename = "t")]
    pub title: String,
    /// The list card's summary.
    #[serde(rename = "m", default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Tags as the author wrote them.
    #[serde(rename = "g", default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The publication date.
    #[serde(rename = "d")]
    pub date: Date,
}

/// One post as the build tool hands it to [`SearchIndex::build`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchInput {
    /// The post's address below the site root.
    pub path: String,
    /// The title.
    pub title: String,
    /// The list card's summary.
    pub summary: String,
    /// Tags as the author wrote them.
    pub tags: Vec<String>,
    /// The publication date.
    pub date: Date,
    /// The whole text without Markdown, from [`crate::text::plain_text`].
    pub plain_text: String,
}

/// A post that matched a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The post's number in the index; [`SearchIndex::doc`] gives the post.
    pub doc: u32,
    /// How well it matched; only the order of scores means anything.
    pub score: u32,
}

/// The posts and an inverted index of their words, sorted so that the words
/// a prefix begins are one binary search away.
///
/// In JSON it is `{"v":1,"d":[docs],"t":[terms],"p":[[postings]]}`: `p[i]`
/// lists the posts that contain `t[i]`, each as `gap << 2 | field`, where
/// `gap` is the post's number minus the previous posting's, or the number
/// itself for the first (small numbers are short in JSON), and `field` is
/// 0 body, 1 summary, 2 tag, 3 title.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "WireIndex")]
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
    terms: Vec<String>,
    /// Term `t`'s postings are `postings[starts[t]..starts[t + 1]]`: one flat
    /// array, so a query walks memory in order and the app allocates once.
    starts: Vec<usize>,
    postings: Vec<u32>,
}

impl SearchIndex {
    /// Indexes the posts; hits name them by their position in `docs`.
    ///
    /// # Panics
    ///
    /// With more than 2³⁰ posts.
    pub fn build(docs: impl IntoIterator<Item = SearchInput>) -> Self {
        let mut builder = Builder::default();
        let mut indexed = Vec::new();
        for input in docs {
            assert!(indexed.len() < MAX_DOCS, "too many posts to index");
            let doc = indexed.len() as u32;
            builder.add(doc, &input.title, TITLE);
            for tag in &input.tags {
                builder.add(doc, tag, TAG);
            }
            builder.add(doc, &input.summary, SUMMARY);
            builder.add(doc, &input.plain_text, BODY);
            indexed.push(SearchDoc {
                path: input.path,
                title: input.title,
                summary: input.summary,
                tags: input.tags,
                date: input.date,
            });
        }
        builder.finish(indexed)
    }

    /// The best `limit` posts containing every word of `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        // Two arrays of one slot per post, reused for every word: a query
        // allocates nothing per posting.
        let mut total = vec![0u32; self.docs.len()];
        let mut best = vec![0u8; self.docs.len()];
        for (at, word) in words.iter().enumerate() {
            let terms = self.matching_terms(word);
            if terms.is_empty() {
                return Vec::new();
            }
            best.fill(0);
            for term in terms.clone() {
                // Sorted terms put the word itself first among those it begins.
                let bonus = if term == terms.start && self.terms[term] == word.text {
                    2
                } else {
                    1
                };
                for &posting in self.postings_of(term) {
                    let weight = WEIGHTS[(posting & 3) as usize] * bonus;
                    let slot = &mut best[(posting >> 2) as usize];
                    *slot = (*slot).max(weight);
                }
            }
            let mut any = false;
            for (sum, &weight) in total.iter_mut().zip(&best) {
                // A post that missed an earlier word stays out: AND.
                *sum = if weight == 0 || (at > 0 && *sum == 0) {
                    0
                } else {
                    *sum + u32::from(weight)
                };
                any |= *sum > 0;
            }
            if !any {
                return Vec::new();
            }
        }
        let mut hits: Vec<Hit> = total
            .iter()
            .enumerate()
            .filter(|(_, score)| **score > 0)
            .map(|(doc, &score)| Hit {
                doc: doc as u32,
                score,
            })
            .collect();
        let order = |a: &Hit, b: &Hit| {
            b.score
                .cmp(&a.score)
                .then_with(|| {
                    self.docs[b.doc as usize]
                        .date
                        .cmp(&self.docs[a.doc as usize].date)
                })
                .then(a.doc.cmp(&b.doc))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits
    }

    /// The post a [`Hit`] names, if this index has it.
    pub fn doc(&self, doc: u32) -> Option<&SearchDoc> {
        self.docs.get(doc as usize)
    }

    /// How many distinct words the index knows.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    fn matching_terms(&self, word: &QueryWord) -> Range<usize> {
        let start = self
            .terms
            .partition_point(|term| term.as_str() < word.text.as_str());
        let len = if word.prefix {
            self.terms[start..].partition_point(|term| term.starts_with(word.text.as_str()))
        } else {
            usize::from(self.terms.get(start) == Some(&word.text))
        };
        start..start + len
    }

    fn postings_of(&self, term: usize) -> &[u32] {
        &self.postings[self.starts[term]..self.starts[term + 1]]
    }
}

#[derive(Default)]
struct Builder {
    ids: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    lists: Vec<Vec<u32>>,
    word: String,
}

impl Builder {
    fn add(&mut self, doc: u32, text: &str, field: u32) {
        for range in words(text) {
            normalise_into(&text[range], &mut self.word);
            if self.word.is_empty() || self.word.len() > MAX_TERM_BYTES {
                continue;
            }
            let id = match self.ids.get(self.word.as_str()) {
                Some(&id) => id,
                None => {
                    self.ids.insert(self.word.clone(), self.lists.len());
                    self.lists.push(Vec::new());
                    self.lists.len() - 1
                }
            };
            // Posts arrive in order, so a post's posting is the list's last.
            let posting = doc << 2 | field;
            let list = &mut self.lists[id];
            match list.last_mut() {
                Some(last) if *last >> 2 == doc => *last = (*last).max(posting),
                _ => list.push(posting),
            }
        }
    }

    fn finish(self, docs: Vec<SearchDoc>) -> SearchIndex {
        let mut sorted: Vec<(String, usize)> = self.ids.into_iter().collect();
        sorted.sort_unstable();
        let mut terms = Vec::with_capacity(sorted.len());
        let mut starts = Vec::with_capacity(sorted.len() + 1);
        let mut postings = Vec::with_capacity(self.lists.iter().map(Vec::len).sum());
        starts.push(0);
        for (term, id) in sorted {
            terms.push(term);
            postings.extend_from_slice(&self.lists[id]);
            starts.push(postings.len());
        }
        SearchIndex {
            docs,
            terms,
            starts,
            postings,
        }
    }
}

/// FNV-1a: building hashes every word of every post, and SipHash's defence
/// against chosen keys buys nothing on the author's own posts.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Serialize for SearchIndex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut index = serializer.serialize_struct("SearchIndex", 4)?;
        index.serialize_field("v", &FORMAT_VERSION)?;
        index.serialize_field("d", &self.docs)?;
        index.serialize_field("t", &self.terms)?;
        index.serialize_field("p", &WirePostings(self))?;
        index.end()
    }
}

struct WirePostings<'a>(&'a SearchIndex);

impl Serialize for WirePostings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut lists = serializer.serialize_seq(Some(self.0.terms.len()))?;
        for term in 0..self.0.terms.len() {
            lists.serialize_element(&WireList(self.0.postings_of(term)))?;
        }
        lists.end()
    }
}

struct WireList<'a>(&'a [u32]);

impl Serialize for WireList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.0.len()))?;
        let mut previous = 0;
        for &posting in self.0 {
            let doc = posting >> 2;
            list.serialize_element(&((doc - previous) << 2 | posting & 3))?;
            previous = doc;
        }
        list.end()
    }
}

#[derive(Deserialize)]
struct WireIndex {
    #[serde(rename = "v")]
    version: u32,
    #[serde(rename = "d")]
    docs: Vec<SearchDoc>,
    #[serde(rename = "t")]
    terms: Vec<String>,
    #[serde(rename = "p")]
    postings: Vec<Vec<u32>>,
}

impl TryFrom<WireIndex> for SearchIndex {
    type Error = String;

    /// Checks everything a query indexes by, so a damaged file is an error
    /// when loaded rather than a panic in the middle of typing.
    fn try_from(wire: WireIndex) -> Result<Self, String> {
        if wire.version != FORMAT_VERSION {
            return Err(format!(
                "search index format {} is not {FORMAT_VERSION}",
                wire.version
            ));
        }
        if wire.docs.len() > MAX_DOCS {
            return Err("search index has too many posts".to_owned());
        }
        if wire.postings.len() != wire.terms.len() {
            return Err("search index has not one postings list per term".to_owned());
        }
        if wire.terms.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("search index terms are not sorted".to_owned());
        }
        let mut starts = Vec::with_capacity(wire.terms.len() + 1);
        let mut postings = Vec::with_capacity(wire.postings.iter().map(Vec::len).sum());
        starts.push(0);
        for list in wire.postings {
            let mut doc = 0u32;
            for (at, packed) in list.into_iter().enumerate() {
                let gap = packed >> 2;
                doc = doc
                    .checked_add(gap)
                    .filter(|doc| (*doc as usize) < wire.docs.len() && (at == 0 || gap > 0))
                    .ok_or("search index postings name a missing post")?;
                postings.push(doc << 2 | packed & 3);
            }
            starts.push(postings.len());
        }
        Ok(Self {
            docs: wire.docs,
            terms: wire.terms,
            starts,
            postings,
        })
    }
}

/// Byte ranges `(start, end)` in `text` of the words of `query` by the
/// search's rule, sorted, with touching ranges merged.
pub fn highlight(text: &str, query: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for range in matches(text, &query_words(query)) {
        match ranges.last_mut() {
            // Only CJK words touch; one mark reads better than one per character.
            Some(last) if last.1 == range.start => last.1 = range.end,
            _ => ranges.push((range.start, range.end)),
        }
    }
    ranges
}

/// `text` as HTML, with the words of `query` in `<mark>`.
pub fn highlight_html(text: &str, query: &str) -> SafeHtml {
    let mut html = SafeHtml::empty();
    let mut at = 0;
    for (start, end) in highlight(text, query) {
        html.push(&text[at..start]);
        html.push(crate::html!("<mark>{}</mark>", &text[start..end]));
        at = end;
    }
    html.push(&text[at..]);
    html
}

struct QueryWord {
    text: String,
    prefix: bool,
}

impl QueryWord {
    fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(self.text.as_str())
        } else {
            word == self.text
        }
    }
}

fn query_words(query: &str) -> Vec<QueryWord> {
    let mut last_end = 0;
    let mut found: Vec<QueryWord> = words(query)
        .filter_map(|range| {
            last_end = range.end;
            let text = normalise(&query[range]);
            (!text.is_empty()).then_some(QueryWord {
                text,
                prefix: false,
            })
        })
        .collect();
    if let Some(last) = found.last_mut() {
        last.prefix = last_end == query.len();
    }
    found
}

/// The ranges of the words in `text` that match any of `query`.
fn matches<'a>(text: &'a str, query: &'a [QueryWord]) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut word = String::new();
    words(text).filter(move |range| {
        if query.is_empty() {
            return false;
        }
        normalise_into(&text[range.clone()], &mut word);
        query.iter().any(|wanted| wanted.matches(&word))
    })
}

/// The byte ranges of the words of `text`.
fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Steps through bytes rather than `char_indices`, as nearly all text is
/// ASCII and the build runs this over every word of every post.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Words<'_> {
    /// The character at `self.at`, which is always on a character boundary.
    fn peek(&self) -> Option<char> {
        let byte = *self.text.as_bytes().get(self.at)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            self.text[self.at..].chars().next()
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let first = loop {
            let ch = self.peek()?;
            if is_word_char(ch) {
                break ch;
            }
            self.at += ch.len_utf8();
        };
        let start = self.at;
        self.at += first.len_utf8();
        if !is_cjk(first) {
            while let Some(ch) = self.peek() {
                if !is_word_char(ch) || is_cjk(ch) {
                    break;
                }
                self.at += ch.len_utf8();
            }
        }
        Some(start..self.at)
    }
}

fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else {
        ch.is_alphanumeric() || is_combining_mark(ch)
    }
}

/// Decomposed accents (`e` + U+0301) belong to their letter and are dropped
/// with the precomposed ones.
fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{300}'..='\u{36F}')
}

/// The same ranges as `text::word_count`: scripts written without spaces,
/// whose words can only be found one character at a time without a dictionary.
fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn normalise(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    normalise_into(word, &mut folded);
    folded
}

fn normalise_into(word: &str, folded: &mut String) {
    folded.clear();
    if word.is_ascii() {
        folded.push_str(word);
        folded.make_ascii_lowercase();
        return;
    }
    for ch in word.chars() {
        if ch.is_ascii() {
            folded.push(ch.to_ascii_lowercase());
        } else {
            for lower in ch.to_lowercase() {
                fold_into(lower, folded);
            }
        }
    }
}

/// Drops the diacritics of lowercase Latin-1 and Latin Extended-A letters,
/// as a reader who types `cafe` or `munchen` means `café` and `München`. A
/// table rather than Unicode decomposition, which would cost the app a
/// dependency and its tables.
fn fold_into(ch: char, folded: &mut String) {
    let plain = match ch {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ß' => "ss",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ if is_combining_mark(ch) => "",
        _ => {
            folded.push(ch);
            return;
        }
    };
    folded.push_str(plain);
}
