//! Reading the site config file, `quire.toml`.

use crate::{manifest::Site, problem::Problem};

/// The config file's name, at the root of the blog.
pub const CONFIG_FILE: &str = "quire.toml";

/// Reads and checks the site config; a problem names its line.
pub fn parse_config(text: &str) -> Result<Site, Problem> {
    let mut site: Site = toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
        Problem::at_line(line, error.message())
    })?;
    let line_of = |key: &str| {
        text.lines()
            .position(|line| line.trim_start().starts_with(key))
            .map_or(1, |at| at + 1)
    };
    site.base_url = checked_base_url(&site.base_url)
        .map_err(|message| Problem::at_line(line_of("base_url"), message))?;
    if site.title.trim().is_empty() {
        return Err(Problem::at_line(
            line_of("title"),
            "title must not be empty",
        ));
    }
    if site.posts_per_page == 0 {
        return Err(Problem::at_line(
            line_of("posts_per_page"),
            "posts_per_page must be at least 1",
        ));
    }
    Ok(site)
}

/// The address the site is published at, checked with the `url` crate and
/// ending in `/`: an absolute `http` or `https` URL with a host, and no
/// query or fragment.
pub fn checked_base_url(written: &str) -> Result<String, String> {
    let refuse = |why: &str| {
        format!(
            "base_url `{written}` {why}; write an absolute URL such as https://example.org/ or https://example.org/blog/"
        )
    };
    let url = url::Url::parse(written.trim())
        .map_err(|error| refuse(&format!("is not a URL ({error})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("must start with https:// or http://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(refuse("names no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(refuse("must not have a query or a fragment"));
    }
    let mut base = url.to_string();
    if !base.ends_with('/') {
        base.push('/');
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::checked_base_url;

    #[test]
    fn base_urls_are_absolute_with_a_host() {
        assert_eq!(
            checked_base_url("https://example.org").unwrap(),
            "https://example.org/"
        );
        assert_eq!(
            checked_base_url("https://example.org/blog").unwrap(),
            "https://example.org/blog/"
        );
        assert_eq!(
            checked_base_url("http://127.0.0.1:8080/blog/").unwrap(),
            "http://127.0.0.1:8080/blog/"
        );
        for bad in [
            "https://",
            "https:///",
            "example.org",
            "/blog/",
            "ftp://example.org/",
            "https://x.org/?a=1",
        ] {
            assert!(checked_base_url(bad).is_err(), "{bad}");
        }
    }
}
