//! `quire`: the build tool of a Quire blog.
//!
//! It reads `quire.toml` and `content/`, checks every post, and writes what
//! the reader app fetches (the site's and each route's data, one Markdown
//! file per post body, the posts' images) and what readers without the app get: a pre-rendered page
//! for every route, feeds, a sitemap and the rules files of static hosts.
//! It runs as a Trunk hook, or on its own to refresh a built site folder.

mod content;
mod csp;
mod feeds;
mod head;
mod image_size;
mod output;
mod pages;
mod preview;
mod publish;
mod service_worker;
mod shell;
mod watch;

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
    time::{SystemTime, UNIX_EPOCH},
};

use clap::{Args, Parser, Subcommand};
use quire_core::{problem::Problem, route::root_path, text::count_of};

use content::{LoadOptions, LoadedSite, load_site};

/// Builds the data and pages of a Quire blog.
#[derive(Debug, Parser)]
#[command(name = "quire", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
enum Command {
    /// Check the content and report every problem; write nothing.
    Check(Blog),
    /// Write the site's pages, feeds and data into a folder.
    Build {
        #[command(flatten)]
        blog: Blog,
        /// Where to write; as a Trunk hook, Trunk's staging folder.
        #[arg(long, value_name = "DIR", env = "TRUNK_STAGING_DIR")]
        out: PathBuf,
    },
    /// Build into a folder, then republish what each edit of the blog
    /// changes, as soon as it is saved (`scripts/serve.sh` runs it beside
    /// `trunk serve`).
    Watch {
        #[command(flatten)]
        blog: Blog,
        /// The folder `trunk serve` serves.
        #[arg(long, value_name = "DIR", default_value = "dist")]
        out: PathBuf,
    },
    /// Start a new post in content/posts/<slug>/index.md.
    New {
        /// The post's title.
        #[arg(required = true, num_args = 1..)]
        title: Vec<String>,
        /// The blog's folder, holding quire.toml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

/// Which blog, and which of its posts, for which address.
#[derive(Debug, Args)]
struct Blog {
    /// The blog's folder: a Quire blog (quire.toml and content/) or a Hugo
    /// site's folder (its config and content/). A Trunk hook's arguments
    /// are fixed, so the environment can say it too.
    #[arg(long, value_name = "DIR", default_value = ".", env = "QUIRE_ROOT")]
    root: PathBuf,
    /// Include posts marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Include posts dated in the future.
    #[arg(long)]
    future: bool,
    /// Publish for this address instead of quire.toml's base_url (a Trunk
    /// hook's arguments are fixed, so the environment can say it too).
    #[arg(long, value_name = "URL", env = "QUIRE_BASE_URL")]
    base_url: Option<String>,
}

impl Blog {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            drafts: self.drafts,
            future: self.future,
            now_unix_seconds: now(),
            base_url: self.base_url.clone().filter(|url| !url.is_empty()),
            release: None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "quire: {} found; nothing was written",
                count_of(problems.len(), "problem")
            );
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Vec<Problem>> {
    match command {
        Command::Check(blog) => {
            let site = load_site(&blog.root, &blog.options(), None)?;
            site.print_warnings();
            for line in site.report.lines(&site.manifest) {
                eprintln!("quire: {line}");
            }
            eprintln!("quire: {}", site.summary_line());
            Ok(())
        }
        Command::Build { blog, out } => build(&blog, &out),
        Command::Watch { blog, out } => watch::watch(&blog, &out),
        Command::New { title, root } => {
            let path = content::new_post(&root, &title.join(" "), now()).map_err(|p| vec![p])?;
            eprintln!("quire: wrote {}", path.display());
            Ok(())
        }
    }
}

/// `quire build`: checks the blog, then writes it into `out`.
fn build(blog: &Blog, out: &Path) -> Result<(), Vec<Problem>> {
    let in_folder =
        |error: std::io::Error| vec![Problem::in_file(out.display(), error.to_string())];
    let drawn = match draw(blog, out, None) {
        Ok(drawn) => drawn,
        // As the hook of `trunk serve`, a problem in the blog must not
        // fail Trunk's build: Trunk watches only the app, so fixing the
        // post would never start another. `quire watch` reports the
        // problems too, and publishes the blog once they are fixed.
        Err(problems) if out_is_preview(out) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "quire: {} found; the preview shows them until they are fixed",
                count_of(problems.len(), "problem")
            );
            let root = root_path(&std::env::var("TRUNK_PUBLIC_URL").unwrap_or_default());
            return preview::show_problems(out, &root, &problems);
        }
        Err(problems) => return Err(problems),
    };
    output::write_site(&drawn.site, &drawn.files, out).map_err(in_folder)?;
    if drawn.preview {
        // Open preview pages reload (Trunk reloads them too after its own
        // builds; this is for a hook run by hand).
        preview::touch_stamp(out).map_err(in_folder)?;
    }
    eprintln!("quire: {} → {}", drawn.site.summary_line(), out.display());
    Ok(())
}

/// Whether `out` holds Trunk's page of a `trunk serve` preview.
fn out_is_preview(out: &Path) -> bool {
    std::fs::read_to_string(out.join("index.html"))
        .is_ok_and(|page| csp::is_live_reload_preview(&page))
}

/// A blog checked and drawn: what a build writes.
struct Drawn {
    /// The blog as read.
    site: LoadedSite,
    /// Every file besides the site's data files and assets: `(path, contents)`.
    files: Vec<publish::SiteFile>,
    /// Whether `out` holds a `trunk serve` preview (see [`preview`]).
    preview: bool,
}

/// What one build keeps for the next under `quire watch`.
#[derive(Default)]
struct Memo {
    /// Pages finished and posts' words.
    content: content::Memo,
    /// Pages drawn.
    pages: publish::PageMemo,
}

/// Reads and checks the blog, and draws what `out` will hold, in Trunk's
/// page found there (or plain pages without the app).
fn draw(blog: &Blog, out: &Path, memo: Option<&mut Memo>) -> Result<Drawn, Vec<Problem>> {
    output::check_outside_sources(&blog.root, out).map_err(|problem| vec![problem])?;
    let shell = std::fs::read_to_string(out.join("index.html")).ok();
    let preview = shell.as_deref().is_some_and(csp::is_live_reload_preview);
    let options = LoadOptions {
        release: preview.then_some(preview::RELEASE),
        ..blog.options()
    };
    let (content_memo, page_memo) = match memo {
        Some(memo) => (Some(&mut memo.content), Some(&mut memo.pages)),
        None => (None, None),
    };
    let site = load_site(&blog.root, &options, content_memo)?;
    site.print_warnings();
    check_public_url(&site.manifest.site.base_url).map_err(|problem| vec![problem])?;
    if shell.is_none() {
        eprintln!(
            "quire: no index.html from Trunk in {}; writing plain pages without the reader app",
            out.display()
        );
    }
    let hashed_files = output::hashed_files(out);
    let app_scripts = hashed_files
        .iter()
        .filter(|name| name.ends_with(".js"))
        .filter_map(|name| Some((name.clone(), std::fs::read_to_string(out.join(name)).ok()?)))
        .collect();
    let inputs = publish::PublishInputs {
        data_files: site
            .data_files
            .iter()
            .map(|file| (file.path.as_str(), &*file.text))
            .collect(),
        shell: shell.as_deref(),
        hashed_files,
        app_scripts,
        year: quire_core::date::Date::from_days_since_epoch(
            options.now_unix_seconds.div_euclid(86_400),
        )
        .year(),
        memo: page_memo,
    };
    let mut files = publish::site_files(&site.manifest, inputs)?;
    // A file the author put in static/ (their own robots.txt or _headers)
    // replaces the one the build would write.
    files.retain(|(path, _)| {
        let replaced = site.assets.iter().any(|asset| asset.target == *path);
        if replaced {
            eprintln!("quire: static/{path} replaces the generated {path}");
        }
        !replaced
    });
    Ok(Drawn {
        site,
        files,
        preview,
    })
}

/// Under Trunk, the app's files are served from `--public-url`; the pages'
/// links come from `base_url`. They must name the same path, or every
/// pre-rendered link would lead outside the app.
fn check_public_url(base_url: &str) -> Result<(), Problem> {
    let Ok(public_url) = std::env::var("TRUNK_PUBLIC_URL") else {
        return Ok(());
    };
    let (app, pages) = (root_path(&public_url), root_path(base_url));
    if public_url.is_empty() || app == pages {
        return Ok(());
    }
    Err(Problem::new(format!(
        "quire: Trunk builds the app for {app} but base_url ({base_url}) publishes the site at {pages}; \
         run Trunk with --public-url {pages}, or set base_url (or $QUIRE_BASE_URL) to match"
    )))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("quire").chain(line.split_whitespace()))
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_build_with_options() {
        let Command::Build { blog, out } = parse("build --out dist --drafts --root blog")
            .unwrap()
            .command
        else {
            panic!("a build");
        };
        assert_eq!(out, PathBuf::from("dist"));
        assert_eq!(blog.root, PathBuf::from("blog"));
        assert!(blog.drafts && !blog.future);
    }

    #[test]
    fn new_takes_the_rest_as_title() {
        let Command::New { title, .. } = parse("new Hello big world").unwrap().command else {
            panic!("a new post");
        };
        assert_eq!(title.join(" "), "Hello big world");
        assert!(parse("new").is_err());
    }

    #[test]
    fn rejects_unknown_words() {
        assert!(parse("publish").is_err());
        assert!(parse("check --fast").is_err());
    }
}
