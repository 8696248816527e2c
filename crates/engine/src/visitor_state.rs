//! The visitor's answers outside the widget: in a share link's URL fragment
//! and in the browser's storage, namespaced per widget so that two widgets
//! on one page keep their own. Only the estimate input travels (pattern,
//! area, options): nothing personal. Pure, so native tests cover it.

/// The fragment key for the widget named `key`: `smp-<key>`.
pub fn fragment_key(key: &str) -> String {
    format!("smp-{key}")
}

/// The storage key for the widget named `key` on the page at `path`: a
/// clinic's pages share one storage, and each page's widgets are its own.
pub fn storage_key(path: &str, key: &str) -> String {
    format!("smp-estimator:{path}:{key}")
}

/// `fragment` without this widget's part.
pub fn without_fragment_part(fragment: &str, key: &str) -> String {
    let name = fragment_key(key);
    fragment
        .split('&')
        .filter(|part| !part.is_empty() && part.split('=').next() != Some(name.as_str()))
        .collect::<Vec<_>>()
        .join("&")
}

/// `fragment` (without `#`) with this widget's part set to `encoded` (an
/// already percent-encoded input) and every other widget's part kept.
pub fn with_fragment_part(fragment: &str, key: &str, encoded: &str) -> String {
    let others = without_fragment_part(fragment, key);
    let own = format!("{}={encoded}", fragment_key(key));
    if others.is_empty() {
        own
    } else {
        format!("{others}&{own}")
    }
}

/// The longest share-link part read, percent-encoded. The longest input
/// there is (every region, a scar, an age) is about 200 characters of JSON,
/// about 330 as a share link encodes it and under 700 with every character
/// escaped; a crafted link of 2 MB would hold the visitor's tab for seconds
/// while it is decoded and read. Longer parts are ignored before any of
/// that, and the widget starts as if there were none.
pub const MAX_FRAGMENT_PART: usize = 4 * 1024;

/// This widget's part of `fragment`, still percent-encoded; none if it is
/// longer than [`MAX_FRAGMENT_PART`].
pub fn fragment_part<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    let name = fragment_key(key);
    fragment
        .split('&')
        .find_map(|part| {
            let (part_name, value) = part.split_once('=')?;
            (part_name == name).then_some(value)
        })
        .filter(|value| value.len() <= MAX_FRAGMENT_PART)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_widget_keeps_its_own_part_of_the_fragment() {
        let fragment = with_fragment_part("top&smp-a=1", "b", "2");
        assert_eq!(fragment, "top&smp-a=1&smp-b=2");
        let fragment = with_fragment_part(&fragment, "a", "3");
        assert_eq!(fragment, "top&smp-b=2&smp-a=3");
        assert_eq!(fragment_part(&fragment, "a"), Some("3"));
        assert_eq!(fragment_part(&fragment, "b"), Some("2"));
        assert_eq!(fragment_part(&fragment, "c"), None);
        assert_eq!(with_fragment_part("", "a", "1"), "smp-a=1");
        assert_eq!(
            without_fragment_part("top&smp-a=1&smp-b=2", "a"),
            "top&smp-b=2"
        );
        assert_eq!(storage_key("/smp", "1"), "smp-estimator:/smp:1");
    }
}
