//! `quire watch`: keeps the folder `trunk serve` serves in step with the
//! blog. It builds once, then after each saved edit republishes what the
//! edit changed and nothing else: a page whose file did not change is not
//! finished again, a page whose data did not change is not drawn again, and
//! only files whose bytes changed are written (the memos in `content` and
//! `publish`, and [`output::write_changes`]). Open preview pages then reload.
//!
//! Trunk rebuilds the app and runs `quire build` as its hook when the app's
//! sources change; `scripts/serve.sh` tells it to leave the blog's files to
//! this watcher.

use std::{
    path::{Path, PathBuf},
    sync::mpsc::{Receiver, RecvTimeoutError, channel},
    time::{Duration, Instant, SystemTime},
};

use notify::{EventKind, RecursiveMode, Watcher};
use quire_core::{problem::Problem, text::count_of};

use crate::{
    Blog, Memo, content, draw,
    output::{self, Written},
    preview,
};

/// How long the blog's files must stay still before a republish: an editor
/// saving writes a file in several steps, and `git checkout` many files.
const SETTLE: Duration = Duration::from_millis(100);

/// The longest wait for files to settle.
const SETTLE_AT_MOST: Duration = Duration::from_secs(1);

/// How long Trunk's stage may stay unchanged before the watcher takes it
/// for a failed build rather than one under way.
const STALE_STAGE: Duration = Duration::from_secs(10);

/// A hash of `value`, the same on every thread and in every run: how
/// `quire watch` tells what changed from one build to the next.
pub(crate) fn fingerprint(value: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    // xxh3: a watch compares hundreds of megabytes of pages per edit.
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// What a build keeps for the next, by fingerprint: each item that has one
/// (a plain build computes none and keeps nothing).
pub(crate) fn keep_printed<T: Clone>(
    items: &[(Option<u64>, T)],
) -> std::collections::HashMap<u64, T> {
    items
        .iter()
        .filter_map(|(print, item)| Some(((*print)?, item.clone())))
        .collect()
}

/// What the folder holds, as the last republish left it.
struct Published {
    /// The size and time of the folder's list of files as this watcher
    /// left it: when they differ, Trunk's own build has replaced the
    /// folder (its hook wrote the list), and the folder is read again.
    list: Option<(u64, SystemTime)>,
    /// Each file's fingerprint.
    written: Written,
}

/// Builds the blog into `out`, then republishes it after every edit, until
/// stopped. Problems with the blog are printed and leave the folder as it
/// was; the next edit is tried again.
pub(crate) fn watch(blog: &Blog, out: &Path) -> Result<(), Vec<Problem>> {
    // Events name files by their whole path.
    let root = blog
        .root
        .canonicalize()
        .map_err(|error| vec![Problem::in_file(blog.root.display(), error.to_string())])?;
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .map_err(|error| {
        vec![Problem::new(format!(
            "quire watch: cannot watch files: {error}"
        ))]
    })?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|error| {
            vec![Problem::in_file(
                root.display(),
                format!("cannot watch: {error}"),
            )]
        })?;
    let mut folders = Vec::new();
    let mut memo = Memo::default();
    let mut published: Option<Published> = None;
    loop {
        // The configuration names the folders: a new `static/`, or a
        // changed `contentDir`, is watched from the next edit on.
        for folder in content::source_folders(&root).unwrap_or_default() {
            if !folders.contains(&folder) {
                match watcher.watch(&folder, RecursiveMode::Recursive) {
                    Ok(()) => folders.push(folder),
                    Err(error) => {
                        eprintln!("quire watch: cannot watch {}: {error}", folder.display())
                    }
                }
            }
        }
        wait_for_trunk(out);
        let started = Instant::now();
        let failed = match republish(blog, out, &mut memo, published.take()) {
            Ok((now, changed)) => {
                eprintln!(
                    "quire watch: {} written in {} ms",
                    count_of(changed, "file"),
                    started.elapsed().as_millis()
                );
                published = Some(now);
                false
            }
            Err((problems, before)) => {
                for problem in &problems {
                    eprintln!("{problem}");
                }
                eprintln!(
                    "quire watch: nothing was written; fix the {} and save again",
                    if problems.len() == 1 {
                        "problem"
                    } else {
                        "problems"
                    }
                );
                published = before;
                true
            }
        };
        // After a failed build, files written before it may not have been
        // read: the next build looks at every file.
        let written = wait_for_edit(&events, &root, &folders)?;
        memo.content.only_written(written.filter(|_| !failed));
    }
}

/// Draws the blog and writes what differs from `before` (or, when there is
/// no `before` or Trunk's build replaced the folder, from what it holds).
/// A problem with the blog gives `before` back, as the folder is as it was;
/// a failed write does not, as the folder is then partly written.
fn republish(
    blog: &Blog,
    out: &Path,
    memo: &mut Memo,
    before: Option<Published>,
) -> Result<(Published, usize), (Vec<Problem>, Option<Published>)> {
    let drawn = match draw(blog, out, Some(memo)) {
        Ok(drawn) => drawn,
        Err(problems) => return Err((problems, before)),
    };
    let in_folder = |error: std::io::Error| {
        (
            vec![Problem::in_file(out.display(), error.to_string())],
            None,
        )
    };
    // After Trunk's own build, the folder is what its hook wrote (or only
    // the app, when the blog had a problem), not what this watcher last did.
    let before = match before.filter(|before| before.list == output::file_list_stamp(out)) {
        Some(before) => before.written,
        None => output::written_on_disk(&drawn.site, &drawn.files, out).map_err(in_folder)?,
    };
    let (written, changed) =
        output::write_changes(&drawn.site, &drawn.files, out, &before).map_err(in_folder)?;
    if drawn.preview && changed > 0 {
        preview::touch_stamp(out).map_err(in_folder)?;
    }
    Ok((
        Published {
            list: output::file_list_stamp(out),
            written,
        },
        changed,
    ))
}

/// Waits while Trunk builds into `out` (its `.stage` folder is there and
/// changing) or has not yet written its page: writing meanwhile would race
/// Trunk's own swap of the folder. A stage left still for
/// [`STALE_STAGE`] is a failed build of the app, which Trunk leaves there
/// until the next one; the folder is then the last good build's.
fn wait_for_trunk(out: &Path) {
    let building = || {
        let stage_changing = std::fs::metadata(out.join(".stage"))
            .and_then(|meta| meta.modified())
            .is_ok_and(|at| at.elapsed().unwrap_or_default() < STALE_STAGE);
        stage_changing || !out.join("index.html").exists()
    };
    if !building() {
        return;
    }
    eprintln!(
        "quire watch: waiting for Trunk to build {} (to watch without Trunk, run `quire build --out {}` first)",
        out.display(),
        out.display()
    );
    while building() {
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits for a change to one of the blog's files, then for the files to
/// settle (at most [`SETTLE_AT_MOST`]: an editor that keeps writing its
/// swap file must not hold the republish back). Gives the files written,
/// relative to `root`, when the events say that only files were written
/// (none made, moved or removed); `None` when anything may have changed.
fn wait_for_edit(
    events: &Receiver<notify::Result<notify::Event>>,
    root: &Path,
    folders: &[PathBuf],
) -> Result<Option<Vec<PathBuf>>, Vec<Problem>> {
    let stopped = || vec![Problem::new("quire watch: the file watcher stopped")];
    let mut written = Some(Vec::new());
    loop {
        let event = events.recv().map_err(|_| stopped())?;
        if is_edit(&event, root, folders) {
            note_written(&mut written, &event, root);
            break;
        }
    }
    let started = Instant::now();
    while started.elapsed() < SETTLE_AT_MOST {
        match events.recv_timeout(SETTLE) {
            Ok(event) => {
                if is_edit(&event, root, folders) {
                    note_written(&mut written, &event, root);
                }
            }
            Err(RecvTimeoutError::Timeout) => return Ok(written),
            Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
        }
    }
    // Events may still be coming: the next wait sees them.
    Ok(None)
}

/// Adds the files an edit wrote to `written`, or makes it `None` when the
/// edit did more than write files (or the watcher lost track).
fn note_written(
    written: &mut Option<Vec<PathBuf>>,
    event: &notify::Result<notify::Event>,
    root: &Path,
) {
    use notify::event::ModifyKind;
    let Some(files) = written else {
        return;
    };
    let only_written = event.as_ref().is_ok_and(|event| {
        !event.need_rescan()
            && matches!(
                event.kind,
                EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_) | ModifyKind::Any)
            )
    });
    let paths = event.iter().flat_map(|event| &event.paths);
    let relative: Option<Vec<PathBuf>> = paths
        .map(|path| Some(path.strip_prefix(root).ok()?.to_path_buf()))
        .collect();
    match relative {
        Some(relative) if only_written => files.extend(relative),
        _ => *written = None,
    }
}

/// Whether an event changes what a build reads: a file written, made,
/// moved or removed in the content or static folders, a configuration
/// file at the top of the blog, or a folder there that a build reads (not
/// the other files and folders beside them, such as `target/`).
fn is_edit(event: &notify::Result<notify::Event>, root: &Path, folders: &[PathBuf]) -> bool {
    let Ok(event) = event else {
        return true;
    };
    // The system lost events (its queue overflowed): anything may have changed.
    if event.need_rescan() {
        return true;
    }
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|path| {
        if path.parent() != Some(root) {
            return true;
        }
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        ["quire.", "hugo.", "config."]
            .iter()
            .any(|start| name.starts_with(start))
            || ["content", "static", "config"].contains(&name)
            || folders.iter().any(|folder| folder == path)
    })
}
