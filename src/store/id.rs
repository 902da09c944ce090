//! Session ids: the one grammar every id is checked against before it can name a file.
//!
//! The console makes ids like `20261127-1402-sam-lee`: the start time to the minute, the
//! candidate's name as lower-case ASCII words joined by `-`, and `-2`, `-3`… for another
//! interview of the same name in the same minute. An id read from a session file, an
//! export or the command line is a `SessionId` only once it matches that grammar, and the
//! store's paths take nothing else: no `/`, `..`, control character or anything but
//! `[a-z0-9-]` after the time stamp can reach a file name.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Local, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How many characters of the candidate's name the id keeps.
const SLUG_CHARS: usize = 40;
/// `YYYYMMDD-HHMM`.
const STAMP_CHARS: usize = 13;
/// The stamp, `-` and the name, `-` and a ten-digit count, with room to spare.
const MAX_CHARS: usize = 80;

/// A checked session id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionId(String);

/// Why a string is not a session id. It does not repeat the string: that may come from a
/// hostile file, and the message goes to a terminal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an id the console would not make: ids are like 20261127-1402-sam-lee")]
pub struct NotASessionId;

impl SessionId {
    /// `20261127-1402-sam-lee`: readable, and sorts by start time.
    pub fn base(candidate: &str, started: DateTime<Local>) -> SessionId {
        let slug = slug(candidate);
        let stamp = started.format("%Y%m%d-%H%M");
        if slug.is_empty() {
            SessionId(stamp.to_string())
        } else {
            SessionId(format!("{stamp}-{slug}"))
        }
    }

    /// The `n`th id of a name and minute: the base itself for 1, then `-2`, `-3`…
    pub fn nth(&self, n: u32) -> SessionId {
        if n <= 1 {
            self.clone()
        } else {
            SessionId(format!("{}-{n}", self.0))
        }
    }

    pub fn parse(text: &str) -> Result<SessionId, NotASessionId> {
        let Some((stamp, words)) = text.split_at_checked(STAMP_CHARS) else {
            return Err(NotASessionId);
        };
        let stamp_ok = stamp.bytes().enumerate().all(|(i, b)| {
            if i == 8 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        }) && NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M").is_ok();
        let words_ok = words.is_empty()
            || words.strip_prefix('-').is_some_and(|words| {
                words
                    .split('-')
                    .all(|word| !word.is_empty() && word.bytes().all(is_slug_byte))
            });
        if text.len() <= MAX_CHARS && stamp_ok && words_ok {
            Ok(SessionId(text.to_string()))
        } else {
            Err(NotASessionId)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_slug_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// Lower-case ASCII letters and digits, words joined by `-`, at most `SLUG_CHARS` long.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.chars()
        .take(SLUG_CHARS)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SessionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for SessionId {
    type Err = NotASessionId;

    fn from_str(text: &str) -> Result<SessionId, NotASessionId> {
        SessionId::parse(text)
    }
}

impl TryFrom<String> for SessionId {
    type Error = NotASessionId;

    fn try_from(text: String) -> Result<SessionId, NotASessionId> {
        SessionId::parse(&text)
    }
}

impl From<SessionId> for String {
    fn from(id: SessionId) -> String {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn started() -> DateTime<Local> {
        Local.with_ymd_and_hms(2026, 11, 27, 14, 2, 0).unwrap()
    }

    #[test]
    fn ids_the_console_makes_parse() {
        for id in [
            "20261127-1402",
            "20261127-1402-sam-lee",
            "20261127-1402-sam-lee-2",
            "20261127-1402-zo-o-brien-smith",
            "20261231-2359-a1-b2-10",
        ] {
            assert_eq!(SessionId::parse(id).unwrap().as_str(), id);
        }
        let base = SessionId::base("Sam Lee", started());
        assert_eq!(base.as_str(), "20261127-1402-sam-lee");
        assert_eq!(base.nth(1), base);
        assert_eq!(base.nth(3).as_str(), "20261127-1402-sam-lee-3");
        assert_eq!(SessionId::base("  ", started()).as_str(), "20261127-1402");
    }

    #[test]
    fn paths_and_anything_else_are_refused() {
        for id in [
            "",
            "x",
            "../../../victim/x",
            "/tmp/victim/important",
            "20261127-1402/../../x",
            "20261127-1402-..",
            "20261127-1402-sam/lee",
            "20261127-1402-Sam",
            "20261127-1402-sam--lee",
            "20261127-1402-sam-",
            "20261127-1402sam",
            "20261127-1402-sam\0",
            "20261127-1402-sam\x1b[2J",
            "20261127-1402-sam.json",
            "20261327-1402-sam",
            "20261127-2502-sam",
            "2026112a-1402",
            "２０261127-1402",
            "20261127-1402-é",
        ] {
            assert_eq!(SessionId::parse(id), Err(NotASessionId), "{id:?}");
        }
        let long = format!("20261127-1402-{}", "a".repeat(MAX_CHARS));
        assert_eq!(SessionId::parse(&long), Err(NotASessionId));
    }

    #[test]
    fn a_bad_id_in_json_is_refused_without_being_repeated() {
        let error = serde_json::from_str::<SessionId>("\"../\\u001b]0;pwned\\u0007\"").unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("an id the console would not make"),
            "{message}"
        );
        assert!(!message.contains("pwned"), "{message}");
        let id: SessionId = serde_json::from_str("\"20261127-1402-sam\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"20261127-1402-sam\"");
    }

    proptest! {
        #[test]
        fn every_name_makes_an_id_that_parses(name in any::<String>(), n in 1u32..) {
            let id = SessionId::base(&name, started()).nth(n);
            prop_assert_eq!(SessionId::parse(id.as_str()), Ok(id.clone()));
        }

        #[test]
        fn what_parses_is_a_plain_file_name(
            text in "2026[01][0-9][0-3][0-9]-[0-2][0-9][0-5][0-9][-a-zA-Z0-9./\\\\\u{0}\u{1b}é]{0,12}"
        ) {
            if let Ok(id) = SessionId::parse(&text) {
                prop_assert!(id.as_str().bytes().all(|b| b == b'-' || is_slug_byte(b)));
                prop_assert!(!id.as_str().contains(".."));
            }
        }
    }
}
