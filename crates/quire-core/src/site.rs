//! Reading the site config file, `quire.toml`.

use crate::manifest::Site;

/// The config file's name, at the root of the blog.
pub const CONFIG_FILE: &str = "quire.toml";

/// Reads and checks the site config; the error is a `line: message` text.
pub fn parse_config(text: &str) -> Result<Site, (usize, String)> {
    let mut site: Site = toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
        (line, error.message().to_owned())
    })?;
    let line_of = |key: &str| {
        text.lines()
            .position(|line| line.trim_start().starts_with(key))
            .map_or(1, |at| at + 1)
    };
    let scheme_ok = site.base_url.starts_with("https://") || site.base_url.starts_with("http://");
    let path_start = site
        .base_url
        .find("://")
        .map(|at| at + 3)
        .and_then(|at| site.base_url[at..].find('/').map(|p| p + at));
    if !scheme_ok || path_start.is_none() && site.base_url.matches('/').count() < 2 {
        return Err((
            line_of("base_url"),
            format!(
                "base_url `{}` must be an absolute http(s) URL such as https://example.org/",
                site.base_url
            ),
        ));
    }
    if !site.base_url.ends_with('/') {
        site.base_url.push('/');
    }
    if site.title.trim().is_empty() {
        return Err((line_of("title"), "title must not be empty".into()));
    }
    if site.posts_per_page == 0 {
        return Err((
            line_of("posts_per_page"),
            "posts_per_page must be at least 1".into(),
        ));
    }
    Ok(site)
}
