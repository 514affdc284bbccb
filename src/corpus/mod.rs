//! Pure helpers for questions across articles: near-duplicate quote text
//! (a quote's spread), document dates and time buckets (timelines), speakers'
//! gender evidence and role categories (source diversity). They depend on
//! `model` only; the store and the reports call them.

pub mod dates;
pub mod gender;
pub mod near_dup;

use std::collections::BTreeMap;
use std::sync::LazyLock;

static ROLE_CATEGORIES: LazyLock<BTreeMap<String, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/lexicon/role_categories.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, c)| (w.trim().to_lowercase(), c.trim()))
        .collect()
});

/// The category of a role ("senior Hamas official" -> `official`), from its
/// last word listed in `data/lexicon/role_categories.tsv`; `other` when none is.
pub fn role_category(role: &str) -> &'static str {
    role.split_whitespace()
        .rev()
        .find_map(|w| ROLE_CATEGORIES.get(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).copied())
        .unwrap_or("other")
}

/// The outlet of a URL: its host, lower case, without `www.` (`None` without a host).
pub fn outlet_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_fall_into_categories() {
        assert_eq!(role_category("senior Hamas official"), "official");
        assert_eq!(role_category("spokeswoman"), "spokesperson");
        assert_eq!(role_category("juggler"), "other");
    }

    #[test]
    fn outlets_are_url_hosts() {
        assert_eq!(outlet_of_url("https://www.BBC.co.uk/news/x").as_deref(), Some("bbc.co.uk"));
        assert_eq!(outlet_of_url("https://en.wikinews.org//wiki/X").as_deref(), Some("en.wikinews.org"));
        assert_eq!(outlet_of_url("not a url"), None);
    }
}
