//! The site config: `quire.toml`, and the address to publish for.

use std::{fs, path::Path};

use quire_core::{
    manifest::Site,
    problem::Problem,
    site::{CONFIG_FILE, checked_base_url, parse_config},
};

/// Reads `quire.toml` at `root`; `base_url`, when given (`--base-url`,
/// `$QUIRE_BASE_URL`), replaces the config's address.
pub(super) fn read(root: &Path, base_url: Option<&str>) -> Result<Site, Problem> {
    let text = fs::read_to_string(root.join(CONFIG_FILE)).map_err(|error| {
        Problem::in_file(CONFIG_FILE, format!("cannot read the site config: {error}"))
    })?;
    let mut site = parse_config(&text).map_err(|problem| problem.in_path(CONFIG_FILE))?;
    if let Some(url) = base_url {
        site.base_url = checked_base_url(url)
            .map_err(|message| Problem::new(format!("--base-url: {message}")))?;
    }
    Ok(site)
}
