//! Lists of posts: order, pages, tags, archives and neighbours.

use crate::{manifest::PostSummary, slug::term_slug};

/// Puts posts in list order: pinned posts (weight above 0) first, lightest
/// first, then the rest newest first; equal dates by time, then title.
/// `entry` gives each item's post and its publication time in Unix seconds.
pub fn sort_for_listing<T>(items: &mut [T], entry: impl Fn(&T) -> (&PostSummary, i64)) {
    let pinned = |p: &PostSummary| if p.weight > 0 { (0, p.weight) } else { (1, 0) };
    items.sort_by(|a, b| {
        let ((a, a_time), (b, b_time)) = (entry(a), entry(b));
        pinned(a)
            .cmp(&pinned(b))
            .then(b_time.cmp(&a_time))
            .then_with(|| a.title.cmp(&b.title))
    });
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub fn term_counts(posts: &[PostSummary], taxonomy: &str) -> Vec<TermCount> {
    let mut counts: Vec<TermCount> = Vec::new();
    for (name, slug) in posts
        .iter()
        .flat_map(|post| unique_term_slugs(post, taxonomy))
    {
        match counts.iter_mut().find(|known| known.slug == slug) {
            Some(known) => known.count += 1,
            None => counts.push(TermCount {
                taxonomy: taxonomy.to_owned(),
                name: name.to_owned(),
                slug,
                count: 1,
            }),
        }
    }
    counts.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    counts
}

/// A post's terms of a taxonomy with their URL forms, each once.
fn unique_term_slugs<'a>(post: &'a PostSummary, taxonomy: &str) -> Vec<(&'a str, String)> {
    let mut terms: Vec<(&str, String)> = Vec::new();
    for name in post.terms_of(taxonomy) {
        let slug = term_slug(name);
        if !slug.is_empty() && !terms.iter().any(|(_, known)| *known == slug) {
            terms.push((name, slug));
        }
    }
    terms
}

/// The posts carrying a term, in list order, with the term and its count;
/// `None` for a term no post carries.
pub fn posts_with_term<'a>(
    posts: &'a [PostSummary],
    taxonomy: &str,
    slug: &str,
) -> Option<(TermCount, Vec<&'a PostSummary>)> {
    let mut name = None;
    let carrying: Vec<&PostSummary> = posts
        .iter()
        .filter(|post| {
            let found = post
                .terms_of(taxonomy)
                .iter()
                .find(|term| term_slug(term) == slug);
            if name.is_none() {
                name = found.cloned();
            }
            found.is_some()
        })
        .collect();
    name.map(|name| {
        let term = TermCount {
            taxonomy: taxonomy.to_owned(),
            name,
            slug: slug.to_owned(),
            count: carrying.len(),
        };
        (term, carrying)
    })
}

/// A series a post is part of: its term and its posts, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Series<'a> {
    /// The series' term in the `series` taxonomy.
    pub term: TermCount,
    /// Its posts in reading order: oldest first.
    pub posts: Vec<&'a PostSummary>,
}

/// The series `post` is part of (PaperMod's `series` taxonomy), each with
/// its posts oldest first; none for a post in no series.
pub fn series_of<'a>(posts: &'a [PostSummary], post: &PostSummary) -> Vec<Series<'a>> {
    unique_term_slugs(post, "series")
        .into_iter()
        .filter_map(|(_, slug)| {
            let (term, mut members) = posts_with_term(posts, "series", &slug)?;
            members.sort_by_key(|member| member.date);
            (members.len() > 1).then_some(Series {
                term,
                posts: members,
            })
        })
        .collect()
}

/// Posts published in one month.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveMonth<'a> {
    /// The month, 1 to 12.
    pub month: u8,
    /// Its English name.
    pub name: &'static str,
    /// Its posts, newest first.
    pub posts: Vec<&'a PostSummary>,
}

/// Posts published in one year, by month.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveYear<'a> {
    /// The year.
    pub year: i32,
    /// Months with posts, newest first.
    pub months: Vec<ArchiveMonth<'a>>,
}

impl ArchiveYear<'_> {
    /// How many posts the year has.
    pub fn post_count(&self) -> usize {
        self.months.iter().map(|month| month.posts.len()).sum()
    }
}

/// Posts by date, newest first, pinned or not. The sort is stable, so posts of
/// one day keep their list order, which has their times.
fn newest_first(posts: &[PostSummary]) -> Vec<&PostSummary> {
    let mut by_date: Vec<&PostSummary> = posts.iter().collect();
    by_date.sort_by_key(|post| std::cmp::Reverse(post.date));
    by_date
}

/// Every post by year and month, newest first, pinned or not.
pub fn archive(posts: &[PostSummary]) -> Vec<ArchiveYear<'_>> {
    let mut years: Vec<ArchiveYear<'_>> = Vec::new();
    for post in newest_first(posts) {
        if years
            .last()
            .is_none_or(|year| year.year != post.date.year())
        {
            years.push(ArchiveYear {
                year: post.date.year(),
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("pushed above");
        if year
            .months
            .last()
            .is_none_or(|month| month.month != post.date.month())
        {
            year.months.push(ArchiveMonth {
                month: post.date.month(),
                name: post.date.month_name(),
                posts: Vec::new(),
            });
        }
        year.months
            .last_mut()
            .expect("pushed above")
            .posts
            .push(post);
    }
    years
}

/// How many related posts a post names.
pub const RELATED_POSTS: usize = 3;

/// Up to `limit` other posts sharing the most tags with `post`, newest first
/// among equals; posts sharing none are not related.
pub fn related<'a>(
    posts: &'a [PostSummary],
    post: &PostSummary,
    limit: usize,
) -> Vec<&'a PostSummary> {
    let tags: Vec<String> = post.tags.iter().map(|tag| term_slug(tag)).collect();
    let mut scored: Vec<(usize, &PostSummary)> = posts
        .iter()
        .filter(|other| other.slug != post.slug)
        .map(|other| {
            // One tag written twice ("Rust", "rust") is one tag.
            let shared = unique_term_slugs(other, "tags")
                .into_iter()
                .filter(|(_, slug)| tags.contains(slug))
                .count();
            (shared, other)
        })
        .filter(|(shared, _)| *shared > 0)
        .collect();
    scored.sort_by(|(a_shared, a), (b_shared, b)| b_shared.cmp(a_shared).then(b.date.cmp(&a.date)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, other)| other)
        .collect()
}

/// The posts published just before and just after a post, by date:
/// `(older, newer)`.
pub fn neighbours<'a>(
    posts: &'a [PostSummary],
    slug: &str,
) -> (Option<&'a PostSummary>, Option<&'a PostSummary>) {
    let by_date = newest_first(posts);
    let Some(at) = by_date.iter().position(|post| post.slug == slug) else {
        return (None, None);
    };
    let newer = at.checked_sub(1).map(|i| by_date[i]);
    (by_date.get(at + 1).copied(), newer)
}
