//! Lists of posts: order, pages, tags, archives and neighbours.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::{date::Date, manifest::PostSummary, route::Route, slug::term_slug};

/// Puts posts in list order: pinned posts (weight above 0) first, lightest
/// first, then the rest newest first; equal dates by time, then title.
/// `entry` gives each item's post and its publication time in Unix seconds.
pub fn sort_for_listing<T>(items: &mut [T], entry: impl Fn(&T) -> (&PostSummary, i64)) {
    items.sort_by(|a, b| {
        let ((a, a_time), (b, b_time)) = (entry(a), entry(b));
        pinned(a)
            .cmp(&pinned(b))
            .then(b_time.cmp(&a_time))
            .then_with(|| a.title.cmp(&b.title))
    });
}

/// Where a post stands among the pinned ones: pinned posts (a `weight`)
/// first, lightest first, then the rest.
pub fn pinned(post: &PostSummary) -> (u8, i64) {
    if post.weight > 0 {
        (0, post.weight)
    } else {
        (1, 0)
    }
}

/// One page of a paginated list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page<'a, T> {
    /// The items on this page.
    pub items: &'a [T],
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the list has (at least 1).
    pub total: usize,
}

/// Cuts a list into pages of `per_page`; `None` when `number` is past the
/// end. Page 1 of an empty list exists (and is empty).
pub fn paginate<T>(items: &[T], per_page: usize, number: usize) -> Option<Page<'_, T>> {
    let per_page = per_page.max(1);
    let total = items.len().div_ceil(per_page).max(1);
    if number == 0 || number > total {
        return None;
    }
    let start = (number - 1) * per_page;
    let end = (start + per_page).min(items.len());
    Some(Page {
        items: &items[start..end],
        number,
        total,
    })
}

/// A term of a taxonomy (a tag, a category, a series) with the number of
/// posts that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    /// The taxonomy, by its plural name: `tags`.
    pub taxonomy: String,
    /// The name as first written by an author.
    pub name: String,
    /// The URL form.
    pub slug: String,
    /// How many posts carry it.
    pub count: usize,
}

/// Every term of a taxonomy with its post count, most used first, then by
/// name. Terms that differ only in case or punctuation ("Web RTC",
/// "web-rtc") are one term.
pub fn term_counts<'a>(
    posts: impl IntoIterator<Item = &'a PostSummary>,
    taxonomy: &str,
) -> Vec<TermCount> {
    counts_most_used_first(&posts_by_term(posts, taxonomy))
}

/// [`term_counts`], from a taxonomy's terms gathered by [`posts_by_term`].
pub fn counts_most_used_first(terms: &[(TermCount, Vec<&PostSummary>)]) -> Vec<TermCount> {
    let mut counts: Vec<TermCount> = terms.iter().map(|(term, _)| term.clone()).collect();
    counts.sort_by(most_used_first);
    counts
}

/// The order of a taxonomy's index: most used first, then by name.
pub fn most_used_first(a: &TermCount, b: &TermCount) -> std::cmp::Ordering {
    b.count
        .cmp(&a.count)
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
}

/// Every term of a taxonomy with the posts carrying it, in list order, in
/// one pass over the posts; terms in the order first met. A term is named
/// as the first post carrying it writes it.
pub fn posts_by_term<'a>(
    posts: impl IntoIterator<Item = &'a PostSummary>,
    taxonomy: &str,
) -> Vec<(TermCount, Vec<&'a PostSummary>)> {
    let mut terms: Vec<(TermCount, Vec<&PostSummary>)> = Vec::new();
    let mut place: HashMap<String, usize> = HashMap::new();
    let mut slugs = TermSlugs::default();
    for post in posts {
        for (name, slug) in slugs.unique(post, taxonomy) {
            let at = *place.entry(slug.clone()).or_insert_with(|| {
                let term = TermCount {
                    taxonomy: taxonomy.to_owned(),
                    name: name.to_owned(),
                    slug,
                    count: 0,
                };
                terms.push((term, Vec::new()));
                terms.len() - 1
            });
            let (term, carrying) = &mut terms[at];
            term.count += 1;
            carrying.push(post);
        }
    }
    terms
}

/// A post's terms of a taxonomy with their URL forms, each once.
fn unique_term_slugs<'a>(post: &'a PostSummary, taxonomy: &str) -> Vec<(&'a str, String)> {
    TermSlugs::default().unique(post, taxonomy)
}

/// Terms' URL forms by the names as written, each worked out once: a large
/// blog writes each of its tags thousands of times.
#[derive(Default)]
struct TermSlugs<'a>(HashMap<&'a str, String>);

impl<'a> TermSlugs<'a> {
    /// [`unique_term_slugs`], from the forms worked out so far.
    fn unique(&mut self, post: &'a PostSummary, taxonomy: &str) -> Vec<(&'a str, String)> {
        let mut terms: Vec<(&str, String)> = Vec::new();
        for name in post.terms_of(taxonomy) {
            let slug = self.0.entry(name).or_insert_with(|| term_slug(name));
            if !slug.is_empty() && !terms.iter().any(|(_, known)| known == slug) {
                terms.push((name, slug.clone()));
            }
        }
        terms
    }
}

/// The posts carrying a term, in list order, with the term and its count;
/// `None` for a term no post carries.
pub fn posts_with_term<'a>(
    posts: impl IntoIterator<Item = &'a PostSummary>,
    taxonomy: &str,
    slug: &str,
) -> Option<(TermCount, Vec<&'a PostSummary>)> {
    find_term(&posts_by_term(posts, taxonomy), slug).cloned()
}

/// The term `slug` among a taxonomy's terms gathered by [`posts_by_term`].
pub fn find_term<'t, 'a>(
    terms: &'t [(TermCount, Vec<&'a PostSummary>)],
    slug: &str,
) -> Option<&'t (TermCount, Vec<&'a PostSummary>)> {
    terms.iter().find(|(term, _)| term.slug == slug)
}

/// A series a post is part of: its term and its posts, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The series' term in the `series` taxonomy.
    pub term: TermCount,
    /// Its posts in reading order: oldest first.
    pub posts: Vec<PostLink>,
}

/// What a link to a post shows: its title, and its date where one is
/// shown (archive rows, related posts, a series).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLink {
    /// The post's address below the site root, as [`PostSummary::path`].
    pub path: String,
    /// Its title.
    pub title: String,
    /// Its publication date.
    pub date: Date,
}

impl PostLink {
    /// The link to `post`.
    pub fn to(post: &PostSummary) -> Self {
        Self {
            path: post.path.clone(),
            title: post.title.clone(),
            date: post.date,
        }
    }

    /// The post's route.
    pub fn route(&self) -> Route {
        Route::Content {
            path: self.path.clone(),
        }
    }
}

/// The series `post` is part of (PaperMod's `series` taxonomy), each with
/// its posts oldest first; none for a post in no series.
pub fn series_of(posts: &[PostSummary], post: &PostSummary) -> Vec<Series> {
    series_among(&posts_by_term(posts, "series"), post)
}

/// [`series_of`], from every series' posts gathered once by
/// [`posts_by_term`], rather than from every post at each post's page.
pub fn series_among(series: &[(TermCount, Vec<&PostSummary>)], post: &PostSummary) -> Vec<Series> {
    unique_term_slugs(post, "series")
        .into_iter()
        .filter_map(|(_, slug)| {
            let (term, members) = find_term(series, &slug)?;
            let mut members = members.clone();
            members.sort_by_key(|member| member.date);
            (members.len() > 1).then(|| Series {
                term: term.clone(),
                posts: members.into_iter().map(PostLink::to).collect(),
            })
        })
        .collect()
}

/// Posts published in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveMonth {
    /// The month, 1 to 12.
    pub month: u8,
    /// Its posts, newest first.
    pub posts: Vec<PostLink>,
}

impl ArchiveMonth {
    /// The month's English name.
    pub fn name(&self) -> &'static str {
        self.posts.first().map_or("", |post| post.date.month_name())
    }
}

/// Posts published in one year, by month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveYear {
    /// The year.
    pub year: i32,
    /// How many posts the year has.
    pub count: usize,
    /// Months with posts, newest first. Empty in the archive's data for a
    /// year it names without its rows, which are on the year's own page
    /// ([`crate::route::Route::ArchiveYear`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<ArchiveMonth>,
}

impl ArchiveYear {
    /// Whether the year's rows are here, not only on the year's own page.
    pub fn has_rows(&self) -> bool {
        self.count == 0 || !self.months.is_empty()
    }
}

/// Posts by date, newest first, pinned or not. The sort is stable, so posts of
/// one day keep their list order, which has their times.
fn newest_first(posts: &[PostSummary]) -> Vec<&PostSummary> {
    let mut by_date: Vec<&PostSummary> = posts.iter().collect();
    by_date.sort_by_key(|post| std::cmp::Reverse(post.date));
    by_date
}

/// The posts of each year with posts, oldest year first.
pub fn posts_by_year<'a>(
    posts: impl IntoIterator<Item = &'a PostSummary>,
) -> std::collections::BTreeMap<i32, Vec<&'a PostSummary>> {
    let mut years: std::collections::BTreeMap<i32, Vec<&PostSummary>> = Default::default();
    for post in posts {
        years.entry(post.date.year()).or_default().push(post);
    }
    years
}

/// The years with posts, newest first: those the archive lists.
pub fn archive_years(posts: &[PostSummary]) -> Vec<i32> {
    posts_by_year(posts).into_keys().rev().collect()
}

/// Every post by year and month, newest first, pinned or not.
pub fn archive(posts: &[PostSummary]) -> Vec<ArchiveYear> {
    let mut years: Vec<ArchiveYear> = Vec::new();
    for post in newest_first(posts) {
        if years
            .last()
            .is_none_or(|year| year.year != post.date.year())
        {
            years.push(ArchiveYear {
                year: post.date.year(),
                count: 0,
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("pushed above");
        year.count += 1;
        if year
            .months
            .last()
            .is_none_or(|month| month.month != post.date.month())
        {
            year.months.push(ArchiveMonth {
                month: post.date.month(),
                posts: Vec::new(),
            });
        }
        year.months
            .last_mut()
            .expect("pushed above")
            .posts
            .push(PostLink::to(post));
    }
    years
}

/// How many related posts a post names.
pub const RELATED_POSTS: usize = 3;

/// The most tags a post may have for related posts to be found through
/// sets of tags (each post is filed under every set of its tags: 63 at 6).
const INDEXED_TAGS: usize = 6;

/// Each set of tags some post carries, with the posts carrying all of
/// them, best first (see [`Relations::related`]); `None` when a post has
/// more than [`INDEXED_TAGS`] tags.
fn tag_set_index(posts: &[PostSummary], tags: &[Vec<u32>]) -> Option<HashMap<Vec<u32>, Vec<u32>>> {
    if tags.iter().any(|own| own.len() > INDEXED_TAGS) {
        return None;
    }
    let mut index: HashMap<Vec<u32>, Vec<u32>> = HashMap::new();
    for (at, own) in tags.iter().enumerate() {
        let mut own = own.clone();
        own.sort_unstable();
        for shared in 1..=own.len() {
            for set in subsets_of_size(&own, shared) {
                index.entry(set).or_default().push(u32::try_from(at).ok()?);
            }
        }
    }
    // In list order already: a stable sort by date makes it newest first,
    // then in list order.
    for carrying in index.values_mut() {
        carrying.sort_by(|&a, &b| posts[b as usize].date.cmp(&posts[a as usize].date));
    }
    Some(index)
}

/// Every subset of `size` of the (at most [`INDEXED_TAGS`]) sorted `tags`.
fn subsets_of_size(tags: &[u32], size: usize) -> impl Iterator<Item = Vec<u32>> + '_ {
    (1_u32..1 << tags.len())
        .filter(move |mask| mask.count_ones() as usize == size)
        .map(move |mask| {
            tags.iter()
                .enumerate()
                .filter(|(at, _)| mask & (1 << at) != 0)
                .map(|(_, tag)| *tag)
                .collect()
        })
}

/// What relating posts to each other needs of every post, worked out once:
/// their tags' URL forms and their order by date. The build keeps one for
/// the whole site, so that a post's page does not slug every post's tags
/// or sort every post again; the app makes one for the post it shows.
pub struct Relations<'a> {
    /// The posts, in list order.
    posts: &'a [PostSummary],
    /// Each tag's number, by its URL form.
    tag_numbers: HashMap<String, u32>,
    /// Each tag's number, by its name as a post writes it.
    tag_numbers_by_name: HashMap<&'a str, u32>,
    /// Each post's tags by number, each once, in `posts` order: one tag
    /// written twice ("Rust", "rust") is one tag.
    tags: Vec<Vec<u32>>,
    /// The posts carrying every tag of a set, by the set (its tag numbers,
    /// sorted), best first: newest, then in list order. `None` when a post
    /// has more than [`INDEXED_TAGS`] tags: every post is then related by
    /// a pass over all the others.
    by_tag_set: Option<HashMap<Vec<u32>, Vec<u32>>>,
    /// The posts by date, newest first, pinned or not.
    by_date: Vec<&'a PostSummary>,
    /// Each post's place in `by_date`, by its slug.
    date_rank: HashMap<&'a str, usize>,
}

impl<'a> Relations<'a> {
    /// Works out what relating `posts` needs.
    pub fn new(posts: &'a [PostSummary]) -> Self {
        let mut tag_numbers: HashMap<String, u32> = HashMap::new();
        let mut slugs = TermSlugs::default();
        let tags: Vec<Vec<u32>> = posts
            .iter()
            .map(|post| {
                slugs
                    .unique(post, "tags")
                    .into_iter()
                    .map(|(_, slug)| {
                        let next = u32::try_from(tag_numbers.len()).unwrap_or(u32::MAX);
                        *tag_numbers.entry(slug).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let tag_numbers_by_name = slugs
            .0
            .into_iter()
            .filter_map(|(name, slug)| Some((name, *tag_numbers.get(&slug)?)))
            .collect();
        let by_tag_set = tag_set_index(posts, &tags);
        let by_date = newest_first(posts);
        let date_rank = by_date
            .iter()
            .enumerate()
            .map(|(rank, post)| (post.slug.as_str(), rank))
            .collect();
        Self {
            posts,
            tag_numbers,
            tag_numbers_by_name,
            tags,
            by_tag_set,
            by_date,
            date_rank,
        }
    }

    /// Up to `limit` other posts sharing the most tags with `post`, newest
    /// first among equals, then in list order; posts sharing none are not
    /// related.
    ///
    /// From the posts sharing all of its tags down to those sharing one,
    /// only the best few of each set of tags are looked at, so a post's
    /// related posts cost about the same on a blog of any size.
    pub fn related(&self, post: &PostSummary, limit: usize) -> Vec<&'a PostSummary> {
        let mut wanted = self.tag_numbers_of(post);
        wanted.sort_unstable();
        let Some(index) = self
            .by_tag_set
            .as_ref()
            .filter(|_| wanted.len() <= INDEXED_TAGS)
        else {
            return self.related_by_scan(post, &wanted, limit);
        };
        let mut picked: Vec<usize> = Vec::with_capacity(limit);
        for shared in (1..=wanted.len()).rev() {
            if picked.len() >= limit {
                break;
            }
            let room = limit - picked.len();
            // A post sharing exactly `shared` of the tags is in the list of
            // that set alone; one sharing more was picked before, as room
            // was left.
            let mut found: Vec<usize> = Vec::new();
            for set in subsets_of_size(&wanted, shared) {
                let Some(carrying) = index.get(&set) else {
                    continue;
                };
                found.extend(
                    carrying
                        .iter()
                        .map(|&at| at as usize)
                        .filter(|&at| self.posts[at].slug != post.slug && !picked.contains(&at))
                        .take(room),
                );
            }
            found.sort_by(|&a, &b| self.posts[b].date.cmp(&self.posts[a].date).then(a.cmp(&b)));
            found.dedup();
            picked.extend(found.into_iter().take(room));
        }
        picked.into_iter().map(|at| &self.posts[at]).collect()
    }

    /// The numbers of a post's tags, each once.
    fn tag_numbers_of(&self, post: &PostSummary) -> Vec<u32> {
        let mut numbers = Vec::new();
        for name in post.terms_of("tags") {
            let number = self.tag_numbers_by_name.get(name.as_str()).copied();
            let number = number.or_else(|| self.tag_numbers.get(&term_slug(name)).copied());
            if let Some(number) = number.filter(|number| !numbers.contains(number)) {
                numbers.push(number);
            }
        }
        numbers
    }

    /// [`Relations::related`] by a pass over every post.
    fn related_by_scan(
        &self,
        post: &PostSummary,
        wanted: &[u32],
        limit: usize,
    ) -> Vec<&'a PostSummary> {
        // The best `limit` so far, best first: a pass over the posts, with
        // no sort of all of them (thousands share a tag on a large blog).
        let mut best: Vec<(usize, &PostSummary)> = Vec::with_capacity(limit + 1);
        for (other, tags) in self.posts.iter().zip(&self.tags) {
            if other.slug == post.slug {
                continue;
            }
            let shared = tags.iter().filter(|tag| wanted.contains(tag)).count();
            if shared == 0 {
                continue;
            }
            // After every held post that ranks as high: equals keep list order.
            let at = best
                .iter()
                .position(|(held, held_post)| (shared, other.date) > (*held, held_post.date))
                .unwrap_or(best.len());
            if at < limit {
                best.insert(at, (shared, other));
                best.truncate(limit);
            }
        }
        best.into_iter().map(|(_, other)| other).collect()
    }

    /// The posts published just before and just after the post `slug`, by
    /// date: `(older, newer)`.
    pub fn neighbours(&self, slug: &str) -> (Option<&'a PostSummary>, Option<&'a PostSummary>) {
        let Some(&at) = self.date_rank.get(slug) else {
            return (None, None);
        };
        let newer = at.checked_sub(1).map(|i| self.by_date[i]);
        (self.by_date.get(at + 1).copied(), newer)
    }
}
