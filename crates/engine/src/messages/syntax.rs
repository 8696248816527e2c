//! The messages' syntax, a small subset of ICU MessageFormat: `{name}`
//! placeholders and `{name, plural|select, …}` choices. `check` holds each
//! translation to its English original's placeholders; `Format` writes a
//! message with its figures.

use super::*;

/// Why `text` cannot stand for `id`: a malformed message, or a placeholder
/// the program never fills (English's own placeholders are the ones).
pub fn check(id: Msg, text: &str) -> Result<(), String> {
    let names = placeholders(text)?;
    let english = placeholders(Catalogue::english().text(id)).unwrap_or_default();
    match names.iter().find(|name| !english.contains(name)) {
        Some(name) => Err(format!(
            "{{{name}}} is not one of this message's figures ({})",
            if english.is_empty() {
                "it has none".to_string()
            } else {
                english
                    .iter()
                    .map(|name| format!("{{{name}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        )),
        None => Ok(()),
    }
}

/// The names of the figures a message uses, or why it is malformed.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut scan = Scan { text, at: 0 };
    scan.body(0, &mut |name, _| {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    })?;
    Ok(names)
}

/// The branches' keys of each `plural` or `select` in a message, for the
/// catalogue tests: `[("sessions", "plural", ["one", "other"])]`.
pub fn choices(text: &str) -> Result<Vec<(String, String, Vec<String>)>, String> {
    let mut found = Vec::new();
    let mut scan = Scan { text, at: 0 };
    scan.body(0, &mut |name, choice| {
        if let Some((kind, keys)) = choice {
            found.push((name.to_string(), kind.to_string(), keys.to_vec()));
        }
    })?;
    Ok(found)
}

/// A message's structure, read without figures: what [`check`] and the
/// tests use.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

type Visit<'v> = dyn FnMut(&str, Option<(&str, &[String])>) + 'v;

impl<'a> Scan<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// Text up to the `}` that closes this level (or the end at level 0).
    fn body(&mut self, depth: usize, visit: &mut Visit) -> Result<(), String> {
        while let Some(offset) = self.rest().find(['{', '}']) {
            self.at += offset;
            if self.rest().starts_with('}') {
                return if depth > 0 {
                    Ok(())
                } else {
                    Err(format!("a }} at character {} closes nothing", self.at + 1))
                };
            }
            self.at += 1;
            self.argument(visit)?;
        }
        if depth > 0 {
            Err("a { is never closed".into())
        } else {
            Ok(())
        }
    }

    fn argument(&mut self, visit: &mut Visit) -> Result<(), String> {
        let end = self.rest().find([',', '}']).ok_or("a { is never closed")?;
        let name = self.rest()[..end].trim().to_string();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!(
                "{{{name}}} is not a figure's name (lower-case letters and _)"
            ));
        }
        self.at += end;
        if self.rest().starts_with('}') {
            self.at += 1;
            visit(&name, None);
            return Ok(());
        }
        self.at += 1;
        let kind_end = self.rest().find(',').ok_or("a { is never closed")?;
        let kind = self.rest()[..kind_end].trim().to_string();
        if kind != "plural" && kind != "select" {
            return Err(format!(
                "{{{name}, {kind}…}} must be {{{name}, plural, …}} or {{{name}, select, …}}"
            ));
        }
        self.at += kind_end + 1;
        let mut keys = Vec::new();
        loop {
            let trimmed = self.rest().trim_start();
            self.at = self.text.len() - trimmed.len();
            if trimmed.starts_with('}') {
                self.at += 1;
                break;
            }
            let open = trimmed
                .find('{')
                .ok_or_else(|| format!("{{{name}, {kind}, …}} is never closed"))?;
            let key = trimmed[..open].trim().to_string();
            if key.is_empty() || key.contains(['}', ',']) {
                return Err(format!("{{{name}, {kind}, …}} has a branch without a key"));
            }
            keys.push(key);
            self.at += open + 1;
            self.body(1, visit)?;
            self.at += 1;
        }
        if !keys.iter().any(|key| key == "other") {
            return Err(format!("{{{name}, {kind}, …}} has no \"other\" branch"));
        }
        visit(&name, Some((&kind, &keys)));
        Ok(())
    }
}

/// Writing one message with its figures.
pub(super) struct Format<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) values: &'a [(&'a str, Figure)],
    pub(super) writer: &'a dyn Writer,
}

impl Format<'_> {
    /// Writes `text` (a message or one branch of it) into `out`; `count` is
    /// what `#` stands for inside a plural branch.
    pub(super) fn write(
        &mut self,
        out: &mut String,
        text: &str,
        count: Option<&str>,
    ) -> Result<(), ()> {
        let mut rest = text;
        while let Some(offset) = rest.find(['{', '#']) {
            out.push_str(&rest[..offset]);
            if rest[offset..].starts_with('#') {
                out.push_str(count.unwrap_or("#"));
                rest = &rest[offset + 1..];
                continue;
            }
            let (name, choice, after) = split_argument(&rest[offset + 1..]).ok_or(())?;
            let figure = self
                .values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|v| &v.1);
            match choice {
                None => match figure {
                    Some(figure) => out.push_str(&self.figure(figure)),
                    // A figure the engine did not give: shown as written,
                    // which a test would catch.
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Some((kind, branches)) => {
                    let (branch, shown) = self.branch(kind, branches, figure).ok_or(())?;
                    // `#` keeps meaning the enclosing plural's number
                    // inside a select.
                    let inner = if kind == "plural" {
                        shown.as_deref()
                    } else {
                        count
                    };
                    self.write(out, branch, inner)?;
                }
            }
            rest = after;
        }
        out.push_str(rest);
        Ok(())
    }

    fn figure(&self, figure: &Figure) -> String {
        match figure {
            Figure::Text(text) => text.clone(),
            Figure::Word(word) => word.to_string(),
            Figure::Message(id) => self.catalogue.text(*id).to_string(),
            Figure::Area(cm2) => self.writer.area(*cm2),
            Figure::List(ids) => self.writer.list(
                ids.iter()
                    .map(|id| self.catalogue.text(*id).to_string())
                    .collect(),
            ),
            number => self.writer.number(number),
        }
    }

    /// The branch chosen by `figure`, and for a plural the number `#`
    /// stands for.
    fn branch<'t>(
        &self,
        kind: &str,
        branches: &'t str,
        figure: Option<&Figure>,
    ) -> Option<(&'t str, Option<String>)> {
        let list = branch_list(branches)?;
        let find = |key: &str| list.iter().find(|(k, _)| *k == key).map(|(_, b)| *b);
        let other = find("other")?;
        if kind == "select" {
            let key = match figure {
                Some(Figure::Word(word)) => word,
                _ => "other",
            };
            return Some((find(key).unwrap_or(other), None));
        }
        let value = match figure {
            Some(Figure::Count(count)) => *count as f64,
            Some(Figure::Money(amount)) => *amount as f64,
            Some(
                Figure::Decimal(value)
                | Figure::Percent(value)
                | Figure::Price(value)
                | Figure::Area(value),
            ) => *value,
            _ => return Some((other, None)),
        };
        let shown = figure.map(|figure| self.writer.number(figure));
        let exact = list
            .iter()
            .find(|(key, _)| key.strip_prefix('=').and_then(number::parse) == Some(value));
        let branch = exact
            .map(|(_, branch)| *branch)
            .or_else(|| find(&self.writer.plural(value)))
            .unwrap_or(other);
        Some((branch, shown))
    }
}

/// An argument as written: its name, its kind and branches if it has a
/// choice, and the text after it.
type Argument<'t> = (&'t str, Option<(&'t str, &'t str)>, &'t str);

/// Splits `name}rest` or `name, kind, branches}rest` (after a `{`).
fn split_argument(text: &str) -> Option<Argument<'_>> {
    let end = text.find([',', '}'])?;
    let name = text[..end].trim();
    if text[end..].starts_with('}') {
        return Some((name, None, &text[end + 1..]));
    }
    let after_name = &text[end + 1..];
    let comma = after_name.find(',')?;
    let kind = after_name[..comma].trim();
    let branches = &after_name[comma + 1..];
    let close = matching_close(branches)?;
    Some((
        name,
        Some((kind, &branches[..close])),
        &branches[close + 1..],
    ))
}

/// The index of the `}` that closes the level `text` starts in.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(index),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `one {…} other {…}` as its keys and branch texts.
fn branch_list(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut list = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let open = rest.find('{')?;
        let key = rest[..open].trim();
        let inner = &rest[open + 1..];
        let close = matching_close(inner)?;
        list.push((key, &inner[..close]));
        rest = inner[close + 1..].trim_start();
    }
    Some(list)
}
