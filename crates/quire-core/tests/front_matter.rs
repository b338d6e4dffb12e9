//! Front matter in both formats, with Hugo's field names, and every error an author can make.

use quire_core::{date::Date, front_matter::parse, problem::Problem};

fn problems(source: &str) -> Vec<Problem> {
    parse(source).expect_err("should be rejected")
}

#[test]
fn yaml_with_every_field() {
    let source = "---\ntitle: \"CAP Theorem\"\ndate: 2026-03-09T10:00:00+01:00\nlastmod: 2026-03-10\ndraft: false\n\
tags: [distributed-systems, databases]\ncategories: engineering\nsummary: Short.\ndescription: For search engines.\n\
author: Maya\ncover:\n  image: cover.svg\n  alt: A triangle\n  caption: The three corners\nslug: cap\naliases: [/old/cap/]\nweight: 2\nShowToc: true\n---\nBody.\n";
    let document = parse(source).unwrap();
    let fm = document.front_matter;
    assert_eq!(fm.title, "CAP Theorem");
    assert_eq!(fm.date.unwrap().date, Date::new(2026, 3, 9).unwrap());
    assert_eq!(fm.lastmod.unwrap().date, Date::new(2026, 3, 10).unwrap());
    assert_eq!(
        fm.terms("tags", "tag"),
        ["distributed-systems", "databases"]
    );
    assert_eq!(fm.terms("categories", "category"), ["engineering"]);
    assert_eq!(fm.summary.as_deref(), Some("Short."));
    assert_eq!(fm.description.as_deref(), Some("For search engines."));
    assert_eq!(fm.authors, ["Maya"]);
    let cover = fm.cover.unwrap();
    assert_eq!(
        (
            cover.image.as_str(),
            cover.alt.as_str(),
            cover.caption.as_str()
        ),
        ("cover.svg", "A triangle", "The three corners")
    );
    assert_eq!(fm.slug, Some(("cap".to_owned(), 15)));
    assert_eq!(fm.aliases, ["/old/cap/"]);
    assert_eq!(fm.weight, 2);
    assert_eq!(document.body, "Body.\n");
}

#[test]
fn toml_with_bare_datetime_and_tables() {
    let source = "+++\ntitle = \"ARM64 images\"\ndate = 2024-05-11T10:00:00Z\ntags = [\"docker\"]\nauthors = [\"Ann\", \"Bob\"]\n\
draft = true\n[cover]\nimage = \"cover.svg\"\nalt = \"Chips\"\n+++\n\nText";
    let fm = parse(source).unwrap().front_matter;
    assert_eq!(fm.date.unwrap().date, Date::new(2024, 5, 11).unwrap());
    assert_eq!(fm.authors, ["Ann", "Bob"]);
    assert!(fm.draft);
    assert_eq!(fm.cover.unwrap().alt, "Chips");
}

#[test]
fn keys_are_case_insensitive_like_hugo() {
    let fm = parse("---\nTitle: Upper\nDate: 2026-01-02\nTags: one\n---\n")
        .unwrap()
        .front_matter;
    assert_eq!(
        (fm.title.as_str(), fm.terms("tags", "tag").as_slice()),
        ("Upper", ["one".to_owned()].as_slice())
    );
}

#[test]
fn lastmod_stands_in_for_a_missing_date() {
    let fm = parse("---\ntitle: T\nlastmod: 2026-01-02\n---\n")
        .unwrap()
        .front_matter;
    assert_eq!(fm.date.unwrap().date, Date::new(2026, 1, 2).unwrap());
}

/// A real blog's empty `content/_index.md` failed the build; Hugo reads a
/// file without front matter as a page with none.
#[test]
fn a_file_without_front_matter_is_a_page_without_fields_as_in_hugo() {
    let document = parse("# Just markdown\n").unwrap();
    assert_eq!(document.body, "# Just markdown\n");
    assert_eq!(document.front_matter.title, "");
    assert!(
        document
            .warnings
            .iter()
            .any(|warning| warning.message.contains("no title")),
        "{:?}",
        document.warnings
    );
    assert_eq!(parse("").unwrap().body, "");
}

#[test]
fn unclosed_front_matter() {
    assert!(
        problems("---\ntitle: x\n\nbody")[0]
            .message
            .contains("not closed")
    );
}

/// A real blog's post closed its front matter with `---` and text on the
/// same line; Hugo publishes it, with that text as the start of the body.
#[test]
fn a_closing_delimiter_with_text_after_it_closes_the_front_matter_as_in_hugo() {
    let document = parse("---\ntitle: x\ndate: 2026-06-01\n---more text\n---\nbody\n").unwrap();
    assert_eq!(document.front_matter.title, "x");
    assert_eq!(document.body, "more text\n---\nbody\n");
    let document = parse("+++\ntitle = 'x'\n+++\r\nbody").unwrap();
    assert_eq!(document.body, "body");
    let document = parse("---\ntitle: x\n----\nbody").unwrap();
    assert_eq!(document.body, "-\nbody");
}

#[test]
fn unparsable_yaml_points_at_its_line() {
    let found = problems("---\ntitle: ok\ndate: 2026-01-01\ntags: [a, b\n---\n");
    assert!(
        found[0]
            .message
            .starts_with("front matter is not valid YAML"),
        "{found:?}"
    );
    assert!(found[0].line >= Some(4), "{found:?}");
}

#[test]
fn unparsable_toml_points_at_its_line() {
    let found = problems("+++\ntitle = \"ok\"\ndate = \n+++\n");
    assert_eq!(found[0].line, Some(3), "{found:?}");
    assert!(
        found[0]
            .message
            .starts_with("front matter is not valid TOML")
    );
}

#[test]
fn missing_title_and_date_are_warnings_as_hugo_builds_the_page() {
    let document = parse("---\ntags: [a]\n---\n").unwrap();
    assert_eq!(document.front_matter.title, "");
    assert_eq!(document.front_matter.date, None);
    assert!(
        document.warnings[0].message.starts_with("no title"),
        "{:?}",
        document.warnings
    );
}

#[test]
fn unparsable_date_points_at_its_line() {
    let found = problems("---\ntitle: T\ndate: March 9th\n---\n");
    assert_eq!(found, [Problem::at_line(3, found[0].message.clone())]);
    assert!(
        found[0].message.contains("`March 9th` is not a date"),
        "{found:?}"
    );
}

#[test]
fn wrong_types_are_named() {
    let found = problems("---\ntitle: T\ndate: 2026-01-01\ntags: {a: 1}\nweight: heavy\n---\n");
    let lines: Vec<usize> = found.iter().filter_map(|p| p.line).collect();
    assert_eq!(lines, [4, 5], "{found:?}");
}

/// steveyiyo's `draft: flase` failed the build; Hugo reads it as false and
/// publishes the page.
#[test]
fn a_switch_that_is_neither_true_nor_false_failed_the_build() {
    let document = parse("---\ntitle: T\ndraft: flase\nShowToc: 1\n---\n").unwrap();
    assert!(!document.front_matter.draft);
    assert_eq!(document.front_matter.display.toc, Some(true));
    assert_eq!(document.warnings.len(), 1, "{:?}", document.warnings);
    assert_eq!(document.warnings[0].line, Some(3));
    // LoveIt's `toc: { auto: false }` leaves the site's choice.
    let document = parse("---\ntitle: T\ntoc:\n  auto: false\n---\n").unwrap();
    assert_eq!(document.front_matter.display.toc, None);
    assert!(document.warnings.is_empty(), "{:?}", document.warnings);
}

/// A real LoveIt blog's `toc: {enable: true}` failed the build as "not
/// true or false".
#[test]
fn a_table_of_contents_asked_for_as_loveit_does_is_shown() {
    let document = parse("---\ntitle: T\ntoc:\n  enable: true\n---\n").unwrap();
    assert_eq!(document.front_matter.display.toc, Some(true));
    let document = parse("---\ntitle: T\ntoc:\n  enable: false\n---\n").unwrap();
    assert_eq!(document.front_matter.display.toc, Some(false));
    // Blowfish's and Congo's spelling.
    let document = parse("---\ntitle: T\nshowTableOfContents: true\n---\n").unwrap();
    assert_eq!(document.front_matter.display.toc, Some(true));
}

#[test]
fn a_page_joins_the_main_menu_in_each_of_hugos_spellings() {
    let menu = |yaml: &str| {
        parse(&format!("---\ntitle: About\n{yaml}\n---\n"))
            .unwrap()
            .front_matter
            .main_menu()
    };
    assert_eq!(menu("menu: main"), Some((None, 0)));
    assert_eq!(
        menu("menu: [footer, main]\nlinkTitle: Me"),
        Some((Some("Me".into()), 0))
    );
    assert_eq!(
        menu("menu:\n  main:\n    name: Who\n    weight: 5"),
        Some((Some("Who".into()), 5))
    );
    assert_eq!(menu("menu: footer"), None);
    assert_eq!(menu("tags: [a]"), None);
}

#[test]
fn an_empty_entry_in_a_list_of_terms_failed_the_build() {
    // melroy89's blog: `categories:` with a lone `-`, which Hugo passes over.
    let fm = parse("---\ntitle: Go\ncategories:\n  -\ntags:\n  - Go\n  -\n---\n")
        .unwrap()
        .front_matter;
    assert!(fm.terms("categories", "category").is_empty());
    assert_eq!(fm.terms("tags", "tag"), ["Go"]);
}

/// blog.yuanpei.me: 20 posts begin with two byte order marks; Hugo reads
/// past both, and they kept their slugs.
#[test]
fn a_file_beginning_with_two_byte_order_marks_lost_its_front_matter() {
    let fm = parse("\u{feff}\u{feff}---\ntitle: T\nslug: 1085014581\n---\nx\n")
        .unwrap()
        .front_matter;
    assert_eq!(fm.title, "T");
    assert_eq!(fm.slug.map(|(slug, _)| slug).as_deref(), Some("1085014581"));
}
