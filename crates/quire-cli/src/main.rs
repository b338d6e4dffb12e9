//! `quire`: the build tool of a Quire blog.
//!
//! It reads `quire.toml` and `content/`, checks every post, and writes what
//! the reader app fetches (the manifest, one Markdown file per post body, the
//! posts' images) and what readers without the app get: a pre-rendered page
//! for every route, feeds, a sitemap and the rules files of static hosts.
//! It runs as a Trunk hook, or on its own to refresh a built site folder.

mod content;
mod feeds;
mod head;
mod image_size;
mod output;
mod pages;
mod publish;
mod shell;

use std::{
    path::PathBuf,
    process::ExitCode,
    time::{SystemTime, UNIX_EPOCH},
};

use content::{LoadOptions, load_site};

const USAGE: &str = "\
quire: builds the data of a Quire blog

Usage:
  quire check [options]            check the content and report every problem
  quire build [options] [--out DIR] write the site's pages, feeds and data into DIR
  quire new <title> [options]      start a new post in content/posts/<slug>/index.md

Options:
  --root DIR     the blog's folder, holding quire.toml and content/ (default: .)
  --out DIR      where to write; as a Trunk hook the default is $TRUNK_STAGING_DIR
  --drafts       include posts marked `draft: true`
  --future       include posts dated in the future
  --base-url URL publish for this address instead of quire.toml's base_url
                 (also read from $QUIRE_BASE_URL, for Trunk hooks)
  -h, --help     show this help
";

/// What the author asked for on the command line.
struct Command {
    action: Action,
    root: PathBuf,
    out: Option<PathBuf>,
    load: LoadOptions,
}

enum Action {
    Check,
    Build,
    New(String),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let action = match args.next().as_deref() {
        Some("check") => Action::Check,
        Some("build") => Action::Build,
        Some("new") => Action::New(String::new()),
        Some("-h" | "--help" | "help") | None => Action::Help,
        Some(other) => return Err(format!("unknown command `{other}`")),
    };
    let mut command = Command {
        action,
        root: PathBuf::from("."),
        out: None,
        load: LoadOptions {
            drafts: false,
            future: false,
            now_unix_seconds: now(),
            base_url: std::env::var("QUIRE_BASE_URL")
                .ok()
                .filter(|url| !url.is_empty()),
        },
    };
    let mut title_words = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--root" => command.root = PathBuf::from(value("--root")?),
            "--out" => command.out = Some(PathBuf::from(value("--out")?)),
            "--drafts" => command.load.drafts = true,
            "--future" => command.load.future = true,
            "--base-url" => command.load.base_url = Some(value("--base-url")?),
            "-h" | "--help" => command.action = Action::Help,
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            word if matches!(command.action, Action::New(_)) => title_words.push(word.to_owned()),
            word => return Err(format!("unexpected argument `{word}`")),
        }
    }
    if let Action::New(title) = &mut command.action {
        *title = title_words.join(" ");
        if title.trim().is_empty() {
            return Err(
                "`quire new` needs the post's title, e.g. quire new \"My first post\"".into(),
            );
        }
    }
    Ok(command)
}

/// Under Trunk, the app's files are served from `--public-url`; the pages'
/// links come from `base_url`. They must name the same path, or every
/// pre-rendered link would lead outside the app.
fn check_public_url(base_url: &str) -> Result<(), String> {
    let Ok(public_url) = std::env::var("TRUNK_PUBLIC_URL") else {
        return Ok(());
    };
    let (app, pages) = (
        quire_core::listing::paths::root_path(&public_url),
        quire_core::listing::paths::root_path(base_url),
    );
    if public_url.is_empty() || app == pages {
        return Ok(());
    }
    Err(format!(
        "quire: Trunk builds the app for {app} but base_url ({base_url}) publishes the site at {pages}; \
         run Trunk with --public-url {pages}, or set base_url (or $QUIRE_BASE_URL) to match"
    ))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("quire: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "quire: {} found; nothing was written",
                quire_core::text::count_of(problems.len(), "problem")
            );
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Vec<String>> {
    match command.action {
        Action::Help => {
            print!("{USAGE}");
            Ok(())
        }
        Action::Check => {
            let site = load_site(&command.root, &command.load)?;
            site.print_warnings();
            eprintln!("quire: {}", site.report());
            Ok(())
        }
        Action::Build => {
            let out = command
                .out
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
                .ok_or_else(|| vec!["quire: say where to write with --out DIR (Trunk hooks get $TRUNK_STAGING_DIR)".to_owned()])?;
            output::check_outside_sources(&command.root, &out).map_err(|message| vec![message])?;
            let site = load_site(&command.root, &command.load)?;
            site.print_warnings();
            check_public_url(&site.manifest.site.base_url).map_err(|message| vec![message])?;
            let shell = std::fs::read_to_string(out.join("index.html")).ok();
            if shell.is_none() {
                eprintln!(
                    "quire: no index.html from Trunk in {}; writing plain pages without the reader app",
                    out.display()
                );
            }
            let inputs = publish::PublishInputs {
                data_files: site
                    .data_files
                    .iter()
                    .map(|file| (file.path.as_str(), file.text.as_str()))
                    .collect(),
                shell: shell.as_deref(),
                hashed_files: output::hashed_files(&out),
                year: quire_core::date::Date::from_days_since_epoch(
                    command.load.now_unix_seconds.div_euclid(86_400),
                )
                .year,
            };
            let mut files = publish::site_files(&site.manifest, inputs)?;
            // A file the author put in static/ (their own robots.txt or
            // _headers) replaces the one the build would write.
            files.retain(|(path, _)| {
                let replaced = site.assets.iter().any(|asset| asset.target == *path);
                if replaced {
                    eprintln!("quire: static/{path} replaces the generated {path}");
                }
                !replaced
            });
            output::write_site(&site, &files, &out)
                .map_err(|error| vec![format!("{}: {error}", out.display())])?;
            eprintln!("quire: {} → {}", site.report(), out.display());
            Ok(())
        }
        Action::New(title) => {
            let path = content::new_post(&command.root, &title, command.load.now_unix_seconds)
                .map_err(|e| vec![e])?;
            eprintln!("quire: wrote {}", path.display());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_build_with_options() {
        let command = parse_args(args("build --out dist --drafts --root blog")).unwrap();
        assert!(matches!(command.action, Action::Build));
        assert_eq!(command.out, Some(PathBuf::from("dist")));
        assert_eq!(command.root, PathBuf::from("blog"));
        assert!(command.load.drafts && !command.load.future);
    }

    #[test]
    fn new_takes_the_rest_as_title() {
        let command = parse_args(args("new Hello big world")).unwrap();
        assert!(matches!(command.action, Action::New(ref title) if title == "Hello big world"));
        assert!(parse_args(args("new")).is_err());
    }

    #[test]
    fn rejects_unknown_words() {
        assert!(parse_args(args("publish")).is_err());
        assert!(parse_args(args("build --fast")).is_err());
        assert!(parse_args(args("build --out")).is_err());
    }
}
