//! The playground page: one HTML file and its script, embedded in the
//! binary (no CDN, no build step).

use crate::omniq::OmniqIndex;

/// The page's script, served at `/playground.js`.
pub(crate) const SCRIPT: &str = include_str!("page/playground.js");

/// The page, with the OmniQ indexes in its "read as" menu after RingCX
/// (the names are the library's, so the menu cannot drift from them).
pub(crate) fn html() -> String {
    let mut options = String::from("<option value=\"\" selected>RingCX content_threads</option>");
    for index in OmniqIndex::ALL {
        let name = index.as_str();
        options.push_str(&format!("<option value=\"{name}\">OmniQ {name}</option>"));
    }
    include_str!("page/index.html").replace("<!--INDEXES-->", &options)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_menu_lists_every_index() {
        let html = super::html();
        for index in crate::omniq::OmniqIndex::ALL {
            assert!(html.contains(&format!("<option value=\"{}\"", index.as_str())));
        }
        assert!(!html.contains("<!--INDEXES-->"));
    }
}
