#!/usr/bin/env python3
"""Builds real Hugo blogs with Quire and compares them with Hugo.

    scripts/hugo-blogs.py DIR [DIR ...]

Each DIR is a Hugo site folder (its config and content/). For each, this
asks Hugo (`hugo list all`, Debian's Hugo: `apt-get install hugo`) which
pages it would publish and where, builds the site with Quire's `quire build`
into a temporary folder, and prints one row per blog:

  hugo      pages Hugo publishes (regular pages of the published language)
  same      of those, pages Quire publishes at the same address (its own
            archive or search page counts for the blog's)
  moved     Hugo's pages Quire has elsewhere or not at all (the first few
            are listed below the table)
  sc        shortcodes left as literal text in Quire's pages
  html      raw HTML printed as text in Quire's pages
  tex       pages with TeX math left as written
  img       images in Quire's pages that point inside the site at a missing file
  links     links in Quire's pages that point inside the site at nothing

Hugo runs on a copy of the folder, with empty theme folders where a theme
is missing (a git submodule, a Hugo module): listing pages needs no theme.
Blogs are not part of the repository; fetch them yourself. Nothing here is
a test: the figures are for the README's table.
"""

import csv
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parent.parent
QUIRE = REPO / "target" / "release" / "quire"
# The shortcodes Hugo 0.111 has built in (`x`, `details` and `qr` came later).
HUGO_SHORTCODES = {"figure", "gist", "highlight", "instagram", "param", "ref", "relref", "tweet",
                   "twitter", "twitter_simple", "vimeo", "vimeo_simple", "youtube"}


def hugo_pages(site: Path) -> dict:
    """Hugo's published regular pages: {address path: content file}."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy, symlinks=True, ignore=shutil.ignore_patterns(".git", "public", "resources"))
        config_text = ""
        language_codes = set()
        for config in list(copy.glob("*.toml")) + list(copy.glob("*.yaml")) + list(copy.glob("*.yml")) + list(copy.glob("config/_default/*")):
            if config.is_file():
                text = config.read_text(errors="replace")
                # config/_default/languages.fr.toml, and languages.toml's tables.
                named = re.match(r"languages\.([\w-]+)\.(toml|ya?ml|json)$", config.name)
                if named:
                    language_codes.add(named.group(1).lower())
                elif config.stem == "languages":
                    language_codes.update(code.lower() for code in re.findall(r"(?m)^\[([\w-]+)\]", text))
                    language_codes.update(code.lower() for code in re.findall(r"(?m)^([a-z]{2}(?:-[a-z]+)?):\s*$", text))
                # Hugo modules cannot be fetched here: drop their imports.
                text = re.sub(r"\[\[module\.imports\]\][^\[]*", "", text)
                # Hugo 0.111 predates `:contentbasename`; `:filename` is its
                # nearest (the same for single files and bundles).
                text = text.replace(":contentbasename", ":filename")
                config.write_text(text)
                config_text += text
        # `theme = "a"` or a list of themes, `theme = ["a", "b"]`.
        for value in re.findall(r"""(?im)^\s*theme\s*[:=]\s*(.+)$""", config_text):
            for name in re.findall(r"[\w.-]+", value.split("#")[0]):
                (copy / "themes" / name / "layouts").mkdir(parents=True, exist_ok=True)
        # The theme's shortcodes are missing with the theme: Hugo refuses a
        # page that calls one it cannot find, so each (but Hugo's own) gets
        # a stand-in that shows its inner content.
        shortcodes = copy / "layouts" / "shortcodes"
        shortcodes.mkdir(parents=True, exist_ok=True)
        used, closed = set(), set()
        for content in copy.rglob("*"):
            if content.suffix in (".md", ".markdown", ".html") and "content" in content.parts and content.is_file():
                text = content.read_text(errors="replace")
                used.update(re.findall(r"\{\{[<%]\s*([\w-]+)", text))
                closed.update(re.findall(r"\{\{[<%]\s*/\s*([\w-]+)", text))
        for name in used - HUGO_SHORTCODES:
            stand_in = shortcodes / f"{name}.html"
            if not stand_in.exists():
                # Hugo wants a shortcode called with a closing tag to use
                # its inner content, and one called without not to.
                stand_in.write_text("{{ .Inner }}" if name in closed else "")
        # The copies have no Git history for `enableGitInfo` to read.
        environment = {**os.environ, "HUGO_ENABLEGITINFO": "false"}
        result = subprocess.run(["hugo", "list", "all"], cwd=copy, capture_output=True, text=True, env=environment)
        if result.returncode != 0:
            errors = [line for line in result.stderr.splitlines() if "ERROR" in line or "Error" in line]
            raise RuntimeError(errors[0][:300] if errors else "hugo failed")
        # Hugo may print warnings before the CSV: it starts at its header.
        table = result.stdout[result.stdout.find("path,"):]
        rows = list(csv.DictReader(io.StringIO(table)))
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    default = (re.findall(r"""(?im)^\s*defaultContentLanguage\s*[:=]\s*["']?([\w-]+)""", config_text) or ["en"])[0].lower()
    languages = {code.lower() for code in re.findall(r"(?im)^\s*\[languages\.([\w-]+)\]", config_text)}
    # YAML's `languages:` block: its keys (`ja:`, `toki-pona:`) up to the next top-level key.
    block = re.search(r"(?ms)^languages:\s*\n(.*?)(?=^\S|\Z)", config_text)
    if block:
        # The keys at the block's own indentation (two spaces, or four).
        indent = re.search(r"(?m)^( +)[\w-]+:\s*$", block.group(1))
        if indent:
            keys = re.findall(rf"(?m)^{indent.group(1)}([\w-]+):\s*$", block.group(1))
            languages |= {code.lower() for code in keys}
    languages |= language_codes
    languages.discard(default)
    pages = {}
    for row in rows:
        if row.get("draft") == "true" or row.get("publishDate", "")[:19] > now:
            continue
        # Quire publishes the default language: other languages' pages
        # (`post.fr.md`, a language's own content folder) are not compared.
        suffix = re.search(r"\.([\w-]+)\.(md|markdown|html)$", row["path"])
        if suffix and suffix.group(1).lower() in languages:
            continue
        first = unquote(urlparse(row["permalink"]).path).strip("/").split("/")[0].lower()
        if first in languages:
            continue
        expiry = row.get("expiryDate", "")
        if expiry and not expiry.startswith("0001") and expiry[:19] <= now:
            continue
        if Path(row["path"]).stem.startswith("_index"):
            continue
        path = unquote(urlparse(row["permalink"]).path)
        pages[path] = row["path"]
    return pages


class PageParser(html.parser.HTMLParser):
    """The links and images of a page's main area."""

    def __init__(self):
        super().__init__()
        self.links, self.images, self.depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth += 1
        if self.depth and tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if self.depth and tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1


def quire_build(site: Path, out: Path) -> dict:
    """Builds with Quire; the manifest's pages: {address path: body}."""
    command = [str(QUIRE), "build", "--root", str(site), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 and "or pass --base-url" in result.stderr:
        # `baseURL = "/"`: Hugo writes links from the root; so does Quire
        # when told an address.
        result = subprocess.run(command + ["--base-url", "https://example.org/"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-2] if result.stderr.strip() else "quire failed")
    manifest = json.loads(next((out / "data").glob("manifest.*.json")).read_text())
    root = urlparse(manifest["site"]["base_url"]).path
    pages = {}
    for group in ("posts", "unlisted", "pages"):
        for page in manifest.get(group, []):
            pages[root + page["path"]] = page
    return pages, root


def exists(out: Path, root: str, href: str) -> bool:
    """Whether a link inside the site leads to a file of the build."""
    path = unquote(urlparse(href).path)
    if not path.startswith(root):
        return True
    relative = path[len(root):]
    target = out / relative
    return target.is_file() or (target / "index.html").is_file()


def built_in(out: Path, root: str, path: str) -> bool:
    """Whether Quire serves a page of its own at a path (its archive or
    search, standing for the blog's), rather than a redirect or nothing."""
    page = out / path[len(root):] / "index.html"
    return page.is_file() and 'http-equiv="refresh"' not in page.read_text(errors="replace")


def audit(out: Path, root: str):
    """Counts in the built pages: literal shortcodes, HTML as text, TeX, broken images and links."""
    counts = {"sc": 0, "html": 0, "tex": 0, "img": 0, "links": 0}
    examples = {"img": [], "links": []}
    # Every page: `index.html` in a folder, or a file of its own with ugly URLs.
    for page in (path for path in out.rglob("*.html") if path.name != "404.html" and "data" not in path.relative_to(out).parts[:1]):
        text = page.read_text(errors="replace")
        main = text[text.find("<main"): text.find("</main>")]
        # Code shows markup and dollar signs on purpose, and so does a
        # card's summary, plain text as PaperMod's is, of a post about HTML.
        prose = re.sub(r"(?s)<pre\b.*?</pre>|<code\b.*?</code>|<p class=\"card-summary\">.*?</p>", "", main)
        if re.search(r"\{\{[<%]", prose):
            counts["sc"] += 1
        if 'class="raw-html"' in main or re.search(r"&lt;(div|img|iframe|figure|table|a |p>|center|video|span)", prose):
            counts["html"] += 1
        if "$$" in prose or "\\(" in prose or "\\[" in prose:
            counts["tex"] += 1
        parser = PageParser()
        parser.feed(main)
        for src in parser.images:
            if src.startswith("/") and not src.startswith("//") and not exists(out, root, src):
                counts["img"] += 1
                examples["img"].append(src)
        for href in parser.links:
            if href.startswith("/") and not href.startswith("//") and not exists(out, root, href):
                counts["links"] += 1
                examples["links"].append(href)
    return counts, examples


def main(folders):
    if not QUIRE.is_file():
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "quire-cli"], cwd=REPO, check=True)
    if not shutil.which("hugo"):
        sys.exit("hugo is missing: apt-get install hugo")
    header = f"{'blog':<24}{'hugo':>6}{'same':>6}{'moved':>7}{'sc':>5}{'html':>6}{'tex':>5}{'img':>6}{'links':>7}  quire build"
    print(header)
    notes = []
    for folder in folders:
        site = Path(folder).resolve()
        name = site.name
        try:
            hugo = hugo_pages(site)
        except RuntimeError as error:
            print(f"{name:<24} hugo could not list the pages: {error}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            started = time.time()
            try:
                quire, root = quire_build(site, out)
            except RuntimeError as error:
                print(f"{name:<24}{len(hugo):>6} quire build failed: {error}")
                continue
            took = time.time() - started
            same = [path for path in hugo if path in quire or built_in(out, root, path)]
            moved = sorted(path for path in hugo if path not in same)
            counts, examples = audit(out, root)
        print(f"{name:<24}{len(hugo):>6}{len(same):>6}{len(moved):>7}{counts['sc']:>5}{counts['html']:>6}{counts['tex']:>5}{counts['img']:>6}{counts['links']:>7}  {took:.1f} s")
        if moved:
            notes.append(f"{name}: not at Hugo's address: " + ", ".join(f"{path} ({hugo[path]})" for path in moved[:4]))
        for kind in ("img", "links"):
            if examples[kind]:
                notes.append(f"{name}: {kind}: " + ", ".join(sorted(set(examples[kind]))[:4]))
    for note in notes:
        print(note)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
