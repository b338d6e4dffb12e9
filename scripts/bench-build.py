#!/usr/bin/env python3
"""Times full builds of generated blogs with Quire and with Hugo + PaperMod.

    scripts/bench-build.py [--posts 1000,10000] [--papermod DIR] [--no-hugo]

For each size, writes a generated blog (scripts/generate-blog.py: posts of
300 to 3,000 words with 12 tags) under target/bench-build/, builds it with
Debian's Hugo (`apt-get install hugo`, 0.111) and PaperMod at commit
87df659c (a checkout or git dir given with --papermod, else cloned from
GitHub), then with Quire's release build tool into a copy of dist/'s shell,
and prints for each: wall time, CPU time and peak memory. It then edits one
post and builds with Quire again, as `trunk serve` does after a save.

Nothing here is a test: the figures are for the README. Run it after
`cargo build --release -p quire-cli` and `trunk build --release`.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "target" / "bench-build"
QUIRE = REPO / "target" / "release" / "quire"
PAPERMOD_COMMIT = "87df659c185b91ab09f8eb978b3aab5945b0f8b5"


def timed(command: list[str]) -> tuple[float, float, float]:
    """Runs `command`; returns its wall seconds, CPU seconds and peak memory in MiB."""
    # Messages go to a file: a pipe read only at the end could fill and stall the build.
    with tempfile.TemporaryFile() as messages:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=messages)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            messages.seek(0)
            sys.exit(f"{command[0]} failed: {messages.read().decode(errors='replace')[-2000:]}")
    # ru_maxrss is in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def papermod_git_dir(given: str | None) -> Path:
    if given:
        path = Path(given)
        for candidate in (path / ".git", path / "repo", path):
            if (candidate / "HEAD").exists():
                return candidate
        sys.exit(f"{given} is not a git checkout or git dir")
    clone = WORK / "papermod.git"
    if not clone.exists():
        subprocess.run(["git", "clone", "--quiet", "--bare",
                        "https://github.com/adityatelange/hugo-PaperMod", str(clone)], check=True)
    return clone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", default="1000,10000")
    parser.add_argument("--papermod")
    parser.add_argument("--no-hugo", action="store_true", help="time Quire alone (e.g. at 100,000 posts)")
    args = parser.parse_args()
    if not QUIRE.is_file():
        sys.exit("build the tool first: cargo build --release -p quire-cli")
    dist = REPO / "dist"
    if not (dist / "index.html").is_file():
        sys.exit("no dist/index.html: run `trunk build --release --offline` first")
    git_dir = None if args.no_hugo else papermod_git_dir(args.papermod)
    rows = []
    for posts in [int(size) for size in args.posts.split(",")]:
        here = WORK / str(posts)
        site = here / "site"
        if not (site / "content" / "posts").is_dir() or \
                len(os.listdir(site / "content" / "posts")) != posts:
            subprocess.run([sys.executable, str(REPO / "scripts" / "generate-blog.py"), str(posts), str(site)],
                           check=True)
        row = {"posts": posts}
        if git_dir:
            themes = site / "themes"
            shutil.rmtree(themes, ignore_errors=True)
            themes.mkdir(parents=True)
            subprocess.run(f'git --git-dir="{git_dir}" archive --prefix=PaperMod/ {PAPERMOD_COMMIT} | tar -x -C "{themes}"',
                           shell=True, check=True)
            out = here / "hugo"
            shutil.rmtree(out, ignore_errors=True)
            row["hugo"] = timed(["hugo", "--quiet", "-s", str(site), "-d", str(out)])
        out = here / "quire"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        for name in os.listdir(dist):
            if name == "index.html" or name.endswith((".wasm", ".js", ".css", ".svg")):
                shutil.copy(dist / name, out / name)
        command = [str(QUIRE), "build", "--root", str(site), "--out", str(out)]
        row["quire"] = timed(command)
        # One post edited, as an author saves it under `trunk serve`.
        edited = site / "content" / "posts" / "post-00000.md"
        original = edited.read_text()
        edited.write_text(original + "\nOne more sentence, added while the preview runs.\n")
        try:
            row["edit"] = timed(command)
        finally:
            edited.write_text(original)
        rows.append(row)

    def cell(figures):
        wall, cpu, memory = figures
        return f"{wall:.2f} s ({cpu:.2f} s CPU, {memory:.0f} MiB)"

    print(f"{os.cpu_count()} cores; wall time (CPU time, peak memory)\n")
    print("| posts | Hugo + PaperMod | Quire | Quire after editing one post | Hugo / Quire |")
    print("|---|---|---|---|---|")
    for row in rows:
        hugo = row.get("hugo")
        ratio = f"{hugo[0] / row['quire'][0]:.1f}x" if hugo else ""
        print(f"| {row['posts']:,} | {cell(hugo) if hugo else ''} | {cell(row['quire'])} | {cell(row['edit'])} | {ratio} |")


if __name__ == "__main__":
    main()
