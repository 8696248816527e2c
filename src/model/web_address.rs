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
//! (`%`-escapes, forbidden characters), is refused rather than guessed at.
//! Written here instead of using the `url` crate: the engine is compiled
//! into the widget's WebAssembly, and this check needs a few hundred bytes,
//! not an IDNA table.

/// The parts of an accepted address that decide where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress<'a> {
    /// `https://` rather than `http://`.
    pub secure: bool,
    /// The host as written: a name, an IPv4 address or a bracketed IPv6 one.
    pub host: &'a str,
}

impl WebAddress<'_> {
    /// The machine the address is read on (`localhost`, `127.0.0.1`,
    /// `[::1]`), in any letter case, and nothing a browser might resolve
    /// elsewhere.
    pub fn is_loopback(&self) -> bool {
        ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .any(|name| self.host.eq_ignore_ascii_case(name))
    }
}

/// Why an address was refused; each caller words it for its own field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    /// It does not start with `https://` or `http://`.
    Scheme,
    /// Nothing names a host after the scheme.
    NoHost,
    /// A user name or password (`name@`, `name:secret@`) before the host.
    UserInfo,
    /// The host holds a character a browser would refuse or rewrite.
    Host,
    /// The port is not a number from 0 to 65535.
    Port,
}

/// The clinic's message for an address with user info, the same for each
/// field: the one case where the address leads somewhere else than it seems.
pub const USER_INFO_REFUSED: &str =
    "must not have a name and @ before the host: a browser goes to the host after the @";

/// The WHATWG standard's forbidden host code points, plus `%` (a browser
/// decodes `%6c` to `l`, so `%6cocalhost` would be `localhost`).
const FORBIDDEN_IN_HOST: &[char] = &[
    ' ', '#', '%', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|',
];

/// Reads `url` as a browser would and returns where it leads, or why it is
/// refused. Only the scheme and authority are read: the path, query and
/// fragment are the caller's to check (length, spaces).
pub fn parse_web_address(url: &str) -> Result<WebAddress<'_>, AddressProblem> {
    let (secure, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err(AddressProblem::Scheme),
    };
    // A browser ends the authority of an http(s) address at any of these;
    // `\` counts as `/` there.
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(AddressProblem::UserInfo);
    }
    let (host, port) = if authority.starts_with('[') {
        // An IPv6 literal, `[::1]:8080`: its colons are not the port's.
        let end = authority.find(']').ok_or(AddressProblem::Host)? + 1;
        let (host, after) = authority.split_at(end);
        let inside = &host[1..host.len() - 1];
        if inside.is_empty()
            || !inside
                .chars()
                .all(|c| c.is_ascii_hexdigit() || ".:".contains(c))
        {
            return Err(AddressProblem::Host);
        }
        match after.strip_prefix(':') {
            Some(port) => (host, Some(port)),
            None if after.is_empty() => (host, None),
            None => return Err(AddressProblem::Host),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(AddressProblem::NoHost);
    }
    if !host.starts_with('[')
        && host
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || FORBIDDEN_IN_HOST.contains(&c))
    {
        return Err(AddressProblem::Host);
    }
    // An empty port (`https://clinic.example:/`) is the default one.
    if let Some(port) = port.filter(|port| !port.is_empty()) {
        if !port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u16>().is_err() {
            return Err(AddressProblem::Port);
        }
    }
    Ok(WebAddress { secure, host })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(url: &str) -> Result<&str, AddressProblem> {
        parse_web_address(url).map(|address| address.host)
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
        assert_eq!(host("https://clinic.example?book"), Ok("clinic.example"));
        assert_eq!(host("https://clinic.example#book"), Ok("clinic.example"));
        assert_eq!(host("https://clinic.example:/book"), Ok("clinic.example"));
        assert_eq!(
            host("https://münchen-haar.example/"),
            Ok("münchen-haar.example")
        );
        // `\` ends the authority in a browser, so what follows is the path.
        assert_eq!(
            host("https://clinic.example\\evil.example"),
            Ok("clinic.example")
        );
        assert!(parse_web_address("https://clinic.example").unwrap().secure);
        assert!(!parse_web_address("http://clinic.example").unwrap().secure);
    }

    #[test]
    fn user_info_is_refused_wherever_it_hides() {
        for url in [
            "http://localhost:80@evil.example/",
            "https://clinic.example@evil.example",
            "https://user:secret@clinic.example/",
            "https://@clinic.example/",
            "http://127.0.0.1@evil.example:8080/leads",
        ] {
            assert_eq!(host(url), Err(AddressProblem::UserInfo), "{url}");
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
        assert_eq!(host("javascript:alert(1)"), Err(AddressProblem::Scheme));
        assert_eq!(host("JAVASCRIPT://x"), Err(AddressProblem::Scheme));
        assert_eq!(host("https:clinic.example"), Err(AddressProblem::Scheme));
        assert_eq!(host("//clinic.example"), Err(AddressProblem::Scheme));
        assert_eq!(host("https://"), Err(AddressProblem::NoHost));
        assert_eq!(host("https://:443/"), Err(AddressProblem::NoHost));
        // A browser skips the extra slashes and goes to evil.example.
        assert_eq!(host("https:///evil.example"), Err(AddressProblem::NoHost));
        assert_eq!(host("https://\\evil.example"), Err(AddressProblem::NoHost));
        assert_eq!(host("http://%6cocalhost/"), Err(AddressProblem::Host));
        assert_eq!(host("https://a b.example/"), Err(AddressProblem::Host));
        assert_eq!(host("https://clinic.example^/"), Err(AddressProblem::Host));
        assert_eq!(host("http://[::1/"), Err(AddressProblem::Host));
        assert_eq!(host("http://[]/"), Err(AddressProblem::Host));
        assert_eq!(host("http://[::1]x/"), Err(AddressProblem::Host));
        assert_eq!(host("http://[evil.example]/"), Err(AddressProblem::Host));
        assert_eq!(
            host("https://clinic.example:65536/"),
            Err(AddressProblem::Port)
        );
        assert_eq!(
            host("https://clinic.example:+443/"),
            Err(AddressProblem::Port)
        );
        assert_eq!(
            host("https://clinic.example:44x3/"),
            Err(AddressProblem::Port)
        );
    }

    #[test]
    fn loopback_means_this_machine_only() {
        let loopback = |url| parse_web_address(url).unwrap().is_loopback();
        assert!(loopback("http://localhost:8080"));
        assert!(loopback("http://LocalHost/"));
        assert!(loopback("http://127.0.0.1/"));
        assert!(loopback("http://[::1]:9000/"));
        assert!(!loopback("http://localhost.evil.example/"));
        assert!(!loopback("http://127.0.0.1.evil.example/"));
        assert!(!loopback("http://evil.example/localhost"));
    }
}
