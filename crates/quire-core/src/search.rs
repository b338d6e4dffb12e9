//! Full-text search: the build tool indexes the posts and writes the index
//! in pieces; the app fetches, as a reader types, only the pieces that hold
//! the words typed and the posts it shows, so a search over 10,000 posts
//! downloads a small part of the index (as Pagefind does).
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
//! # Pieces
//!
//! [`SearchIndex::split`] cuts the index into what the app fetches:
//! - a [`SearchMeta`], named by the manifest: how many posts there are, the
//!   first word of each term piece, and the name of every piece;
//! - term pieces ([`TermPiece`]): runs of consecutive words, about
//!   [`TERM_PIECE_BYTES`] of JSON each, with the posts each word is in;
//! - doc pieces: [`DOCS_PER_PIECE`] posts each, oldest first, with what a
//!   result shows ([`SearchDoc`]).
//!
//! Posts are numbered oldest first, so a new post takes the next number and
//! leaves the others', and so the lists and pieces that do not name it,
//! alone: a deploy of a new post renames the few pieces it is in.
//!
//! A query needs the term pieces [`SearchMeta::term_pieces`] names, added to
//! a [`Terms`]; [`Terms::search`] then ranks exactly as the whole index
//! would, and the hits shown need their doc pieces. A last word of one or
//! two letters begins a good part of all words, too many pieces to fetch on
//! a large blog: for each such beginning `p`, the index keeps one more list
//! under `p*` (never a word: `*` is not a word character), the best place in
//! each post of any longer word `p` begins, so that such a word costs two
//! lists, side by side in the same piece or the next.
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
//!
//! // The app's way: only the pieces the query needs.
//! let split = index.split();
//! let meta = split.to_files().meta;
//! let mut terms = meta.terms();
//! for piece in meta.term_pieces("cafe vie") {
//!     terms.add(split.term_pieces[piece].clone()).unwrap();
//! }
//! assert_eq!(terms.search("cafe vie", 10), hits);
//! ```

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
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
const FORMAT_VERSION: u32 = 3;

/// Posts per doc piece: a page of results needs up to this many times more
/// posts than it shows, and each piece is one request.
pub const DOCS_PER_PIECE: usize = 8;

/// About how much JSON a term piece holds (from three quarters of it to
/// five quarters, see [`SearchIndex::split`]): a few round trips' worth on
/// a slow phone network once compressed, and few pieces on a small blog. A
/// word whose list alone is longer than five quarters gets a piece of its own.
pub const TERM_PIECE_BYTES: usize = 24 * 1024;

/// Query words this short (in characters) that a reader is still typing
/// match through their `p*` list rather than every word they begin.
const SHORT_PREFIX_CHARS: usize = 2;

/// Marks a `p*` list: sorts before every word character, so `p*` comes
/// right after `p` among the words.
const PREFIX_MARK: char = '*';

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
    /// The whole text without Markdown, from [`crate::text::plain_text`]
    /// (shared: a build keeps every post's).
    pub plain_text: std::sync::Arc<str>,
}

/// A post that matched a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The post's number in the index, oldest first; [`SearchIndex::doc`]
    /// gives the post, and its doc piece is `doc / DOCS_PER_PIECE`.
    pub doc: u32,
    /// How well it matched; only the order of scores means anything.
    pub score: u32,
}

/// The best hits of a query, and how many posts matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranked {
    /// How many posts contain every word of the query.
    pub matched: usize,
    /// The best of them, best first, as many as asked for.
    pub hits: Vec<Hit>,
}

/// The whole index, as the build tool makes it: the posts, oldest first,
/// and the words they contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
    terms: Terms,
}

impl SearchIndex {
    /// Indexes the posts; hits number them oldest first (of equal dates,
    /// the first given has the highest number, and ranks first).
    ///
    /// # Panics
    ///
    /// With more than 2³⁰ posts.
    pub fn build(docs: impl IntoIterator<Item = SearchInput>) -> Self {
        Self::build_from(docs.into_iter().map(|input| {
            let words = PostWords::of(&input);
            (input, words)
        }))
    }

    /// Indexes posts whose words were worked out already (by
    /// [`PostWords::of`], which a build runs on every core and keeps for
    /// the posts an edit leaves alone); the same index as [`Self::build`].
    ///
    /// # Panics
    ///
    /// With more than 2³⁰ posts.
    pub fn build_from(docs: impl IntoIterator<Item = (SearchInput, PostWords)>) -> Self {
        let mut inputs: Vec<(SearchInput, PostWords)> = docs.into_iter().collect();
        assert!(inputs.len() < MAX_DOCS, "too many posts to index");
        // Numbered oldest first, so that equal scores need no dates to be
        // ordered (the higher number is the newer post).
        inputs.sort_by_key(|(input, _)| std::cmp::Reverse(input.date));
        inputs.reverse();
        let mut builder = Builder::default();
        let mut indexed = Vec::with_capacity(inputs.len());
        for (doc, (input, words)) in inputs.into_iter().enumerate() {
            builder.add(doc as u32, &words);
            indexed.push(SearchDoc {
                path: input.path,
                title: input.title,
                summary: input.summary,
                tags: input.tags,
                date: input.date,
            });
        }
        Self {
            terms: builder.finish(indexed.len()),
            docs: indexed,
        }
    }

    /// The best `limit` posts containing every word of `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.terms.search(query, limit)
    }

    /// The post a [`Hit`] names, if this index has it.
    pub fn doc(&self, doc: u32) -> Option<&SearchDoc> {
        self.docs.get(doc as usize)
    }

    /// How many lists the index holds: one per distinct word, and the `p*` lists.
    pub fn term_count(&self) -> usize {
        self.terms.lists.len()
    }

    /// The index cut into the pieces the app fetches (see the module's doc).
    ///
    /// A term piece ends, once it holds [`TERM_PIECE_BYTES`] `* 3 / 4`,
    /// before the next word whose hash picks it (one word in eight), or
    /// before a word that would take it past `* 5 / 4`. As the words
    /// choose where pieces start, an edit that grows or shrinks one piece
    /// moves where a later piece starts only until the two cuttings meet
    /// again at such a word, usually the next piece or the one after.
    pub fn split(&self) -> SplitIndex {
        let mut term_pieces = Vec::new();
        let mut piece = TermPiece::default();
        let mut bytes = 0;
        for (term, list) in &self.terms.lists {
            let size = term.len() + 4 + wire_size(list);
            let full = bytes + size > TERM_PIECE_BYTES * 5 / 4
                || bytes >= TERM_PIECE_BYTES * 3 / 4 && starts_a_piece(term);
            if bytes > 0 && full {
                term_pieces.push(std::mem::take(&mut piece));
                bytes = 0;
            }
            piece.terms.push(term.clone());
            piece.lists.push(list.clone());
            bytes += size;
        }
        if !piece.terms.is_empty() {
            term_pieces.push(piece);
        }
        SplitIndex {
            doc_count: self.docs.len(),
            term_pieces,
            doc_pieces: self
                .docs
                .chunks(DOCS_PER_PIECE)
                .map(<[SearchDoc]>::to_vec)
                .collect(),
        }
    }
}

/// Whether a term piece may start at `term`: one word in eight, chosen by
/// the top bits of the word's hash (FNV's low bits depend only on the
/// bytes' low bits).
fn starts_a_piece(term: &str) -> bool {
    crate::route_data::fnv1a(term.as_bytes()) >> 61 == 0
}

/// A [`SearchIndex`] cut into pieces, for the build tool to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitIndex {
    /// How many posts the index holds.
    pub doc_count: usize,
    /// Runs of consecutive words with their posts, in word order.
    pub term_pieces: Vec<TermPiece>,
    /// [`DOCS_PER_PIECE`] posts each, oldest first.
    pub doc_pieces: Vec<Vec<SearchDoc>>,
}

/// The search index as files: its meta, and each piece as `(path, JSON)`.
#[cfg(feature = "authoring")]
pub struct SearchFiles {
    /// What the app reads first, which names every piece.
    pub meta: SearchMeta,
    /// Every piece, each named after its content: an edit renames only
    /// the pieces it changes, and a reader's cache keeps the rest.
    pub pieces: Vec<(String, String)>,
}

impl SplitIndex {
    /// The meta file and the pieces as JSON, each piece named after its content.
    #[cfg(feature = "authoring")]
    pub fn to_files(&self) -> SearchFiles {
        fn named<T: Serialize>(pieces: &[T]) -> Vec<(String, String)> {
            pieces
                .iter()
                .map(|piece| {
                    let json = serde_json::to_string(piece).unwrap_or_default();
                    (crate::route_data::short_hash(json.as_bytes()), json)
                })
                .collect()
        }
        let terms = named(&self.term_pieces);
        let docs = named(&self.doc_pieces);
        let meta = SearchMeta {
            doc_count: self.doc_count,
            first_terms: self
                .term_pieces
                .iter()
                .filter_map(|piece| piece.terms.first().cloned())
                .collect(),
            term_names: terms.iter().map(|(name, _)| name.clone()).collect(),
            doc_names: docs.iter().map(|(name, _)| name.clone()).collect(),
        };
        let pieces = terms
            .into_iter()
            .map(|(name, json)| (term_piece_path(&name), json))
            .chain(
                docs.into_iter()
                    .map(|(name, json)| (doc_piece_path(&name), json)),
            )
            .collect();
        SearchFiles { meta, pieces }
    }
}

/// Where the term piece of this name is, relative to the site root.
fn term_piece_path(name: &str) -> String {
    format!("data/search/t{name}.json")
}

/// Where the doc piece of this name is, relative to the site root.
fn doc_piece_path(name: &str) -> String {
    format!("data/search/d{name}.json")
}

/// What the app reads first when search opens: enough to know which pieces
/// a query needs, and where they are.
///
/// In JSON `{"v":3,"n":posts,"f":[first word of each term piece],
/// "t":[name of each term piece],"d":[name of each doc piece]}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "WireMeta")]
pub struct SearchMeta {
    /// How many posts the index holds.
    doc_count: usize,
    /// Term piece `i` holds the words from `first_terms[i]` up to, not
    /// including, `first_terms[i + 1]`.
    first_terms: Vec<String>,
    /// Term piece `i` is at `data/search/t<term_names[i]>.json`.
    term_names: Vec<String>,
    /// Doc piece `i` is at `data/search/d<doc_names[i]>.json`.
    doc_names: Vec<String>,
}

impl SearchMeta {
    /// Where term piece `piece` is, relative to the site root; `None` for
    /// a piece the index does not have.
    pub fn term_piece_path(&self, piece: usize) -> Option<String> {
        self.term_names.get(piece).map(|name| term_piece_path(name))
    }

    /// Where doc piece `piece` is, relative to the site root; `None` for a
    /// piece the index does not have.
    pub fn doc_piece_path(&self, piece: usize) -> Option<String> {
        self.doc_names.get(piece).map(|name| doc_piece_path(name))
    }

    /// How many posts the index holds.
    pub fn doc_count(&self) -> usize {
        self.doc_count
    }

    /// An empty [`Terms`] for this index, for the pieces to be added to.
    pub fn terms(&self) -> Terms {
        Terms {
            doc_count: self.doc_count,
            lists: BTreeMap::new(),
            slots: 0,
        }
    }

    /// The term pieces `query` needs, in order: with them all added to
    /// [`SearchMeta::terms`], [`Terms::search`] finds what the whole index would.
    pub fn term_pieces(&self, query: &str) -> Vec<usize> {
        if self.first_terms.is_empty() {
            return Vec::new();
        }
        let holding = |term: &str| {
            self.first_terms
                .partition_point(|first| first.as_str() <= term)
                .saturating_sub(1)
        };
        let mut needed = BTreeSet::new();
        for word in query_words(query) {
            if !word.prefix {
                needed.insert(holding(&word.text));
            } else if let Some(list) = word.prefix_list() {
                needed.insert(holding(&word.text));
                needed.insert(holding(&list));
            } else {
                let start = holding(&word.text);
                let end = self.first_terms.partition_point(|first| {
                    first.as_str() < word.text.as_str() || first.starts_with(word.text.as_str())
                });
                needed.extend(start..end.max(start + 1));
            }
        }
        needed.into_iter().collect()
    }
}

#[derive(Deserialize)]
struct WireMeta {
    #[serde(rename = "v")]
    format: u32,
    #[serde(rename = "n")]
    doc_count: usize,
    #[serde(rename = "f")]
    first_terms: Vec<String>,
    #[serde(rename = "t")]
    term_names: Vec<String>,
    #[serde(rename = "d")]
    doc_names: Vec<String>,
}

impl TryFrom<WireMeta> for SearchMeta {
    type Error = String;

    /// The names become part of paths, so they must be plain names, one
    /// for each piece.
    fn try_from(wire: WireMeta) -> Result<Self, String> {
        if wire.format != FORMAT_VERSION {
            return Err(format!(
                "search index format {} is not {FORMAT_VERSION}",
                wire.format
            ));
        }
        let plain =
            |name: &String| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric());
        if !wire.term_names.iter().chain(&wire.doc_names).all(plain) {
            return Err("search index piece names are not plain names".to_owned());
        }
        if wire.doc_count >= MAX_DOCS {
            return Err("search index has too many posts".to_owned());
        }
        if wire.term_names.len() != wire.first_terms.len()
            || wire.doc_names.len() != wire.doc_count.div_ceil(DOCS_PER_PIECE)
        {
            return Err("search index pieces are not all named".to_owned());
        }
        if wire.first_terms.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("search index pieces are not in order".to_owned());
        }
        Ok(Self {
            doc_count: wire.doc_count,
            first_terms: wire.first_terms,
            term_names: wire.term_names,
            doc_names: wire.doc_names,
        })
    }
}

impl Serialize for SearchMeta {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut meta = serializer.serialize_struct("SearchMeta", 5)?;
        meta.serialize_field("v", &FORMAT_VERSION)?;
        meta.serialize_field("n", &self.doc_count)?;
        meta.serialize_field("f", &self.first_terms)?;
        meta.serialize_field("t", &self.term_names)?;
        meta.serialize_field("d", &self.doc_names)?;
        meta.end()
    }
}

/// Consecutive words and the posts each is in.
///
/// In JSON `{"t":[words],"p":[[postings]]}`: `p[i]` lists the posts that
/// contain `t[i]`, each as `gap << 2 | field`, where `gap` is the post's
/// number minus the previous posting's, or the number itself for the first
/// (small numbers are short in JSON), and `field` is 0 body, 1 summary, 2
/// tag, 3 title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "WirePiece")]
pub struct TermPiece {
    terms: Vec<String>,
    /// Postings (`doc << 2 | field`), one list per word, by post.
    lists: Vec<Vec<u32>>,
}

impl Serialize for TermPiece {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut piece = serializer.serialize_struct("TermPiece", 2)?;
        piece.serialize_field("t", &self.terms)?;
        piece.serialize_field("p", &WireLists(&self.lists))?;
        piece.end()
    }
}

struct WireLists<'a>(&'a [Vec<u32>]);

impl Serialize for WireLists<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut lists = serializer.serialize_seq(Some(self.0.len()))?;
        for list in self.0 {
            lists.serialize_element(&gaps(list).collect::<Vec<u32>>())?;
        }
        lists.end()
    }
}

/// A list's postings as written: each post's number as the gap from the last.
fn gaps(list: &[u32]) -> impl Iterator<Item = u32> + '_ {
    let mut previous = 0;
    list.iter().map(move |&posting| {
        let doc = posting >> 2;
        let gap = (doc - previous) << 2 | posting & 3;
        previous = doc;
        gap
    })
}

/// How many bytes a list takes in JSON, within a byte or two.
fn wire_size(list: &[u32]) -> usize {
    gaps(list)
        .map(|gap| gap.checked_ilog10().unwrap_or(0) as usize + 2)
        .sum()
}

#[derive(Deserialize)]
struct WirePiece {
    #[serde(rename = "t")]
    terms: Vec<String>,
    #[serde(rename = "p")]
    lists: Vec<Vec<u32>>,
}

impl TryFrom<WirePiece> for TermPiece {
    type Error = String;

    /// Checks the order of words and posts; [`Terms::add`] checks the posts
    /// are there.
    fn try_from(wire: WirePiece) -> Result<Self, String> {
        if wire.lists.len() != wire.terms.len() {
            return Err("search index has not one postings list per word".to_owned());
        }
        if wire.terms.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("search index words are not sorted".to_owned());
        }
        let mut lists = Vec::with_capacity(wire.lists.len());
        for list in wire.lists {
            let mut doc = 0u32;
            let mut postings = Vec::with_capacity(list.len());
            for (at, packed) in list.into_iter().enumerate() {
                let gap = packed >> 2;
                doc = doc
                    .checked_add(gap)
                    .filter(|doc| (*doc as usize) < MAX_DOCS && (at == 0 || gap > 0))
                    .ok_or("search index postings are out of order")?;
                postings.push(doc << 2 | packed & 3);
            }
            lists.push(postings);
        }
        Ok(Self {
            terms: wire.terms,
            lists,
        })
    }
}

/// Words and the posts they are in: the whole index's (the build), or those
/// of the pieces fetched so far (the app).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    doc_count: usize,
    /// Postings (`doc << 2 | field`) by word; sorted, so the words a prefix
    /// begins are one range.
    lists: BTreeMap<String, Vec<u32>>,
    /// One more than the highest post any list names: a query's arrays have
    /// a slot for each post up to there, however many the meta file claims.
    slots: usize,
}

impl Terms {
    /// Adds a piece's words; a piece added twice changes nothing.
    ///
    /// # Errors
    ///
    /// When the piece names a post the index does not have (a damaged or
    /// foreign file); nothing is added then.
    pub fn add(&mut self, piece: TermPiece) -> Result<(), String> {
        let beyond = |list: &Vec<u32>| {
            list.last()
                .is_some_and(|last| (last >> 2) as usize >= self.doc_count)
        };
        if piece.lists.iter().any(beyond) {
            return Err("search index postings name a missing post".to_owned());
        }
        let highest = piece.lists.iter().filter_map(|list| list.last()).max();
        if let Some(highest) = highest {
            self.slots = self.slots.max((highest >> 2) as usize + 1);
        }
        self.lists.extend(piece.terms.into_iter().zip(piece.lists));
        Ok(())
    }

    /// The best `limit` posts containing every word of `query`, best first,
    /// from the words added so far.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.ranked(query, limit).hits
    }

    /// [`Terms::search`], with how many posts matched in all.
    pub fn ranked(&self, query: &str, limit: usize) -> Ranked {
        let words = query_words(query);
        if words.is_empty() || limit == 0 || self.slots == 0 {
            return Ranked::default();
        }
        // Two arrays of one slot per post, reused for every word: a query
        // allocates nothing per posting.
        let mut total = vec![0u32; self.slots];
        let mut best = vec![0u8; self.slots];
        for (at, word) in words.iter().enumerate() {
            let lists = self.matching(word);
            if lists.is_empty() {
                return Ranked::default();
            }
            best.fill(0);
            for (term, list) in lists {
                let bonus = if *term == word.text { 2 } else { 1 };
                for &posting in list {
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
                return Ranked::default();
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
        let matched = hits.len();
        // Posts are numbered oldest first: of equal scores, the newer first.
        let order = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(b.doc.cmp(&a.doc));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        Ranked { matched, hits }
    }

    /// The lists a query word matches: the word's own, and those of the
    /// longer words it begins when the reader is still typing it.
    fn matching(&self, word: &QueryWord) -> Vec<(&String, &Vec<u32>)> {
        if !word.prefix {
            return self.lists.get_key_value(&word.text).into_iter().collect();
        }
        if let Some(list) = word.prefix_list() {
            return [&word.text, &list]
                .into_iter()
                .filter_map(|term| self.lists.get_key_value(term))
                .collect();
        }
        self.lists
            .range(word.text.clone()..)
            .take_while(|(term, _)| term.starts_with(word.text.as_str()))
            .collect()
    }
}

/// A post's distinct words, each with the best place it appears in (its
/// posting's field): what indexing needs of one post, worked out from that
/// post alone. Shared, not copied, when cloned: a build keeps every post's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostWords(std::sync::Arc<[(String, u32)]>);

impl PostWords {
    /// The words of a post's title, tags, summary and text.
    pub fn of(input: &SearchInput) -> Self {
        let mut best: HashMap<String, u32, BuildHasherDefault<Fnv>> = HashMap::default();
        let mut word = String::new();
        let mut add = |text: &str, field: u32| {
            for range in words(text) {
                normalise_into(&text[range], &mut word);
                if word.is_empty() || word.len() > MAX_TERM_BYTES {
                    continue;
                }
                match best.get_mut(word.as_str()) {
                    Some(kept) => *kept = (*kept).max(field),
                    None => {
                        best.insert(word.clone(), field);
                    }
                }
            }
        };
        add(&input.title, TITLE);
        for tag in &input.tags {
            add(tag, TAG);
        }
        add(&input.summary, SUMMARY);
        add(&input.plain_text, BODY);
        Self(best.into_iter().collect())
    }
}

#[derive(Default)]
struct Builder {
    ids: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    lists: Vec<Vec<u32>>,
}

impl Builder {
    /// Adds post `doc`'s words; posts arrive in order.
    fn add(&mut self, doc: u32, words: &PostWords) {
        for (word, field) in words.0.iter() {
            let id = match self.ids.get(word.as_str()) {
                Some(&id) => id,
                None => {
                    self.ids.insert(word.clone(), self.lists.len());
                    self.lists.push(Vec::new());
                    self.lists.len() - 1
                }
            };
            self.lists[id].push(doc << 2 | field);
        }
    }

    /// The words' lists, and the `p*` list of every beginning of one or two
    /// characters: each post's best posting among the longer words it begins.
    fn finish(mut self, doc_count: usize) -> Terms {
        let mut prefixed: HashMap<String, Vec<u32>, BuildHasherDefault<Fnv>> = HashMap::default();
        for (term, &id) in &self.ids {
            let beginnings = term.char_indices().skip(1).take(SHORT_PREFIX_CHARS);
            for (at, _) in beginnings {
                let mut list_name = term[..at].to_owned();
                list_name.push(PREFIX_MARK);
                prefixed
                    .entry(list_name)
                    .or_default()
                    .extend_from_slice(&self.lists[id]);
            }
        }
        let mut lists: BTreeMap<String, Vec<u32>> = self
            .ids
            .into_iter()
            .map(|(term, id)| (term, std::mem::take(&mut self.lists[id])))
            .collect();
        for (name, mut list) in prefixed {
            list.sort_unstable();
            // Sorted by post, then field: each post's last posting is its best.
            list.dedup_by(|later, kept| {
                let same_post = *later >> 2 == *kept >> 2;
                if same_post {
                    *kept = (*kept).max(*later);
                }
                same_post
            });
            lists.insert(name, list);
        }
        Terms {
            doc_count,
            lists,
            slots: doc_count,
        }
    }
}

/// FNV-1a: building hashes every word of every post, and SipHash's defence
/// against chosen keys buys nothing on the author's own posts.
pub(crate) struct Fnv(u64);

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

    /// The name of the `p*` list that stands for the longer words this
    /// word begins, when the reader is still typing a short one.
    fn prefix_list(&self) -> Option<String> {
        (self.prefix && self.text.chars().count() <= SHORT_PREFIX_CHARS)
            .then(|| format!("{}{PREFIX_MARK}", self.text))
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
