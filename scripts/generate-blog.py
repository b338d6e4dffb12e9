#!/usr/bin/env python3
"""Writes a generated Hugo blog for benchmarks: the same content for Quire and for Hugo.

    scripts/generate-blog.py POSTS DIR [--long WORDS] [--theme NAME]

DIR gets a Hugo site folder: `hugo.toml` and `content/posts/post-NNNNN.md`.
Posts have 300 to 3,000 words of prose (headings, lists, a code block now and
then), two or three of 12 tags, a summary and a date one day apart, newest
first. `--long WORDS` adds one more post of that many words, oldest of all
(so the home page's first card is an ordinary post), at
`/posts/a-very-long-post/`. `--theme` names the Hugo theme in the config
(PaperMod's settings are written either way; Quire ignores them).

The text is drawn from a fixed word list by a seeded generator, so a run
writes the same blog every time. Nothing here is a test.
"""

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

WORDS = """
system data cache request server client latency packet stream buffer queue
thread process memory network protocol browser render layout paint frame
index query table column commit branch merge build deploy release version
module crate function value type trait error result option vector string
signal effect route manifest post author reader editor theme style font
image cover summary archive search token ranking shard replica leader
follower consensus quorum partition failure retry timeout backoff budget
the a of to and in is that for on with as by it this be are from at or
an which one can will more when we all there their has been its but not
""".split()

TAGS = ["rust", "web", "databases", "networking", "distributed-systems", "performance",
        "security", "devops", "frontend", "testing", "career", "tooling"]

LANGUAGES = ["rust", "python", "javascript", "go", "bash"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, words: int) -> str:
    out, count = [], 0
    while count < words:
        text = sentence(rng)
        out.append(text)
        count += len(text.split())
    return " ".join(out)


def body(rng: random.Random, words: int) -> str:
    """Prose of about `words` words, in sections of about 300."""
    parts, written, section = [], 0, 1
    while written < words:
        if written and written // 300 >= section:
            section += 1
            parts.append("## " + sentence(rng).rstrip(".").title()[:60])
        roll = rng.random()
        if roll < 0.08:
            items = [sentence(rng) for _ in range(rng.randint(3, 5))]
            parts.append("\n".join("- " + item for item in items))
            written += sum(len(item.split()) for item in items)
        elif roll < 0.14:
            language = rng.choice(LANGUAGES)
            lines = [f"let {rng.choice(WORDS)}_{n} = {rng.choice(WORDS)}({n});" for n in range(rng.randint(3, 9))]
            parts.append(f"```{language}\n" + "\n".join(lines) + "\n```")
            written += 4 * len(lines)
        else:
            size = min(rng.randint(40, 120), words - written + 10)
            parts.append(paragraph(rng, size))
            written += size
    return "\n\n".join(parts) + "\n"


def post(rng: random.Random, title: str, day: date, words: int, slug: str | None = None) -> str:
    tags = rng.sample(TAGS, rng.randint(2, 3))
    front = [
        "---",
        f'title: "{title}"',
        f"date: {day.isoformat()}T09:00:00+00:00",
        f"tags: [{', '.join(repr(tag).replace(chr(39), chr(34)) for tag in tags)}]",
        f'summary: "{sentence(rng)}"',
    ]
    if slug:
        front.append(f'slug: "{slug}"')
    front.append("---")
    return "\n".join(front) + "\n\n" + body(rng, words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=int)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--long", type=int, default=0, metavar="WORDS")
    parser.add_argument("--theme", default="PaperMod")
    args = parser.parse_args()
    rng = random.Random(20260309)
    posts = args.dir / "content" / "posts"
    shutil.rmtree(args.dir / "content", ignore_errors=True)
    posts.mkdir(parents=True)
    (args.dir / "hugo.toml").write_text(f"""baseURL = "http://127.0.0.1/"
languageCode = "en-us"
title = "Generated Blog"
theme = "{args.theme}"
paginate = 10

[params]
author = "Bench Author"
ShowReadingTime = true
ShowPostNavLinks = true
defaultTheme = "auto"

[taxonomies]
tag = "tags"
""")
    newest = date(2026, 11, 1)
    for n in range(args.posts):
        title = sentence(rng).rstrip(".").title()[:70]
        words = rng.randint(300, 3000)
        (posts / f"post-{n:05}.md").write_text(post(rng, title, newest - timedelta(days=n + 1), words))
    if args.long:
        (posts / "a-very-long-post.md").write_text(
            post(rng, "A Very Long Post", newest - timedelta(days=args.posts + 1), args.long, slug="a-very-long-post"))


if __name__ == "__main__":
    main()
