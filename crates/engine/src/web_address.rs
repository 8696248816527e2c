//! Where an `http://` or `https://` address leads, read the way a browser
//! reads it (the WHATWG URL standard), for the settings that name one (the
//! booking link, the consultation endpoint).
//!
//! A prefix check is not enough: in `http://localhost:80@evil.example/` the
//! browser takes `localhost:80` as a user name and goes to `evil.example`,
//! and `https://clinic.example\@evil.example` goes to `clinic.example` in a
//! browser but reads as `evil.example` to a parser that knows only `/`. So
//! the authority ends where a browser ends it (`/`, `\`, `?` or `#`), and an
//! address with user info (an `@` in it), or a host a browser would rewrite
//! (`%`-escapes, forbidden signs), is refused rather than guessed at.
//! Written here instead of using the `url` crate: the engine is compiled
//! into the widget's WebAssembly, and this check needs a few hundred bytes,
//! not IDNA tables.

/// The clinic's message for an address with user info, the same for each
/// field: the one case where the address leads somewhere else than it seems.
pub const USER_INFO_REFUSED: &str =
    "must not have a name@ before the host: a browser goes to the host after the @";

/// The clinic's message for a host or port a browser would refuse or
/// rewrite.
pub const HOST_REFUSED: &str =
    "must name a plain host after https:// (no spaces or signs such as % \\ ^ |), with a port up to 65535";

/// The host that `rest`, what follows an address's `https://` or
/// `http://`, leads to: a name, an IPv4 address or a bracketed IPv6 one, as
/// written. Only the authority is read: the path, query and fragment are
/// the caller's to check (length, spaces).
pub fn authority_host(rest: &str) -> Result<&str, &'static str> {
    // A browser ends the authority of an http(s) address at any of these;
    // `\` counts as `/` there.
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains('@') {
        return Err(USER_INFO_REFUSED);
    }
    // The port follows the last colon, unless that colon is inside an IPv6
    // literal (`[::1]`, `[::1]:8080`).
    let (host, port) = match authority.rfind(':') {
        Some(colon) if !authority[colon..].contains(']') => {
            (&authority[..colon], &authority[colon + 1..])
        }
        _ => (authority, ""),
    };
    if host.is_empty() {
        return Err("must name a host after https://");
    }
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(inside) => {
            !inside.is_empty()
                && inside
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        }
        // The WHATWG standard's forbidden host code points, plus `%` (a
        // browser decodes `%6c` to `l`: `%6cocalhost` is `localhost`).
        None => !host
            .bytes()
            .any(|b| b <= b' ' || b == 0x7f || b"#%/:<>?@[\\]^|".contains(&b)),
    };
    // An empty port (`https://clinic.example:/`) is the default one.
    let port_ok = port.is_empty()
        || (port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|port| port <= 65535));
    if host_ok && port_ok {
        Ok(host)
    } else {
        Err(HOST_REFUSED)
    }
}

/// The machine the address is read on (`localhost`, `127.0.0.1`, `[::1]`),
/// in any letter case, and nothing a browser might resolve elsewhere.
pub fn is_loopback(host: &str) -> bool {
    ["localhost", "127.0.0.1", "[::1]"]
        .iter()
        .any(|name| host.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(url: &str) -> Result<&str, &'static str> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .expect("an http(s) address");
        authority_host(rest)
    }

    #[test]
    fn the_host_is_the_one_a_browser_goes_to() {
        assert_eq!(
            host("https://clinic.example/book?x=1#top"),
            Ok("clinic.example")
        );
        assert_eq!(host("http://localhost:8080"), Ok("localhost"));
        assert_eq!(host("http://127.0.0.1:9000/leads"), Ok("127.0.0.1"));
        assert_eq!(host("http://[::1]:8080/x"), Ok("[::1]"));
        assert_eq!(host("http://[::1]/x"), Ok("[::1]"));
        assert_eq!(host("https://clinic.example?book"), Ok("clinic.example"));
        assert_eq!(host("https://clinic.example#book"), Ok("clinic.example"));
        assert_eq!(host("https://clinic.example:/book"), Ok("clinic.example"));
        assert_eq!(host("https://clinic.example:65535/"), Ok("clinic.example"));
        assert_eq!(
            host("https://münchen-haar.example/"),
            Ok("münchen-haar.example")
        );
        // `\` ends the authority in a browser, so what follows is the path.
        assert_eq!(
            host("https://clinic.example\\evil.example"),
            Ok("clinic.example")
        );
    }

    #[test]
    fn user_info_is_refused_wherever_it_hides() {
        for url in [
            "http://localhost:80@evil.example/",
            "https://clinic.example@evil.example",
            "https://user:secret@clinic.example/",
            "https://@clinic.example/",
            "http://127.0.0.1@evil.example:8080/leads",
            "http://[::1]@evil.example/",
        ] {
            assert_eq!(host(url), Err(USER_INFO_REFUSED), "{url}");
        }
        // An `@` after the authority is the path's or the query's; after a
        // `\` too, where a browser goes to clinic.example.
        assert_eq!(
            host("https://clinic.example/@team?by=a@b"),
            Ok("clinic.example")
        );
        assert_eq!(
            host("https://clinic.example\\@evil.example"),
            Ok("clinic.example")
        );
    }

    #[test]
    fn anything_else_a_browser_would_read_differently_is_refused() {
        let no_host = Err("must name a host after https://");
        assert_eq!(host("https://"), no_host);
        assert_eq!(host("https://:443/"), no_host);
        // A browser skips the extra slashes and goes to evil.example.
        assert_eq!(host("https:///evil.example"), no_host);
        assert_eq!(host("https://\\evil.example"), no_host);
        for url in [
            "http://%6cocalhost/",
            "https://a b.example/",
            "https://clinic.example^/",
            "https://clinic.example|x/",
            "http://[::1/",
            "http://[]/",
            "http://[::1]x/",
            "http://[evil.example]/",
            "http://a:b:80/",
            "https://clinic.example:65536/",
            "https://clinic.example:+443/",
            "https://clinic.example:44x3/",
            "https://clinic.example:000443/",
        ] {
            assert_eq!(host(url), Err(HOST_REFUSED), "{url}");
        }
    }

    #[test]
    fn loopback_means_this_machine_only() {
        for name in ["localhost", "LocalHost", "127.0.0.1", "[::1]"] {
            assert!(is_loopback(name), "{name}");
        }
        for name in [
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "127.1",
            "evil.example",
        ] {
            assert!(!is_loopback(name), "{name}");
        }
    }
}
