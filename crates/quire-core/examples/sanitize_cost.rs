//! Prints what keeping an author's raw HTML costs the renderer: the time to
//! render a post full of raw HTML with the sanitiser (`raw_html =
//! "sanitize"`) against the same post with its HTML shown as text, and the
//! sanitiser's throughput on the HTML alone. Native figures; the app runs the
//! same code in wasm, a small factor slower.
//!
//!     cargo run --release -p quire-core --example sanitize_cost
use std::time::Instant;

use quire_core::{
    html::sanitize::{CONTENT, sanitize},
    manifest::RawHtml,
    markdown::{PageContext, render},
};

/// A stretch of a Hugo post as real blogs write it: a figure, a table, a
/// details box, an embed, inline tags, and some Markdown between.
const STRETCH: &str = r#"<figure class="wide"><a href="big.png"><img src="photo.jpg" alt="A roll of film" width="800" height="533" loading="lazy"></a><figcaption>Drying <em>overnight</em>.</figcaption></figure>

Some **Markdown** between, with a [link](https://example.org/) and `code`.

<table><thead><tr><th>Film</th><th>Time</th></tr></thead><tbody><tr><td>HP5+</td><td>11 min</td></tr><tr><td>Tri-X</td><td>9 min</td></tr></tbody></table>

<details><summary>Notes</summary><p>Agitate <kbd>4</kbd> times a minute; <span onclick="x()">not this</span>.</p></details>

<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>

<div><p>Plain <b>bold</b>, <i>italic</i>, H<sub>2</sub>O and <script>alert(1)</script> gone.</p></div>

"#;

/// The best of `runs` timings of `work`, in milliseconds.
fn best_of(runs: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut size = 0;
    for _ in 0..runs {
        let started = Instant::now();
        size = work();
        best = best.min(started.elapsed().as_secs_f64() * 1000.0);
    }
    (best, size)
}

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let body = STRETCH.repeat(repeats);
    let page = |raw_html| PageContext {
        site_root: "/",
        page_path: "posts/cost/",
        raw_html,
    };
    let (escaped, _) = best_of(9, || {
        render(&body, page(RawHtml::Escape)).html.as_str().len()
    });
    let (sanitised, _) = best_of(9, || {
        render(&body, page(RawHtml::Sanitize)).html.as_str().len()
    });
    let html_only: String = body
        .split("\n\n")
        .filter(|part| part.starts_with('<'))
        .collect::<Vec<_>>()
        .join("\n");
    let (alone, _) = best_of(9, || sanitize(&html_only, &CONTENT).as_str().len());
    let kb = |text: &str| text.len() as f64 / 1024.0;
    println!(
        "figure: a {:.0} KB post, {:.0} KB of it raw HTML: rendered in {escaped:.1} ms with its HTML as text, {sanitised:.1} ms with it sanitised ({:+.0}%)",
        kb(&body),
        kb(&html_only),
        (sanitised / escaped - 1.0) * 100.0
    );
    println!(
        "figure: the sanitiser alone: {:.0} KB in {alone:.1} ms ({:.0} MB/s)",
        kb(&html_only),
        kb(&html_only) / 1024.0 / (alone / 1000.0)
    );
}
