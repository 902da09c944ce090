//! The one rule for a link taken from a guide or a session file (a question's
//! `guidelines_url`), checked when either is loaded.
//!
//! The console makes a link clickable with an OSC 8 escape, opens it with the desktop's
//! opener and writes it into Markdown, so a link must be something a browser opens and must
//! not be able to end any of those early: `http`, `https` (with a host) or `mailto`, and no
//! whitespace, control character or bidi control (see [`crate::safe_text`]), nor any of
//! `<`, `>`, `"`, `` ` `` and `\`, which no URL holds unencoded and which would end a
//! Markdown link or an HTML attribute.

use crate::safe_text;

/// A link that passed the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link(String);

/// Why a link was refused; the message follows "the link …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadLink {
    #[error("is not an http, https or mailto link")]
    Scheme,
    #[error("has no host after `//`")]
    NoHost,
    #[error(
        "holds a space, a control character, a bidi control or one of < > \" ` \\, which no URL holds unencoded"
    )]
    Character,
}

impl Link {
    pub fn parse(text: &str) -> Result<Link, BadLink> {
        if text
            .chars()
            .any(|c| c.is_whitespace() || safe_text::is_unsafe(c) || "<>\"`\\".contains(c))
        {
            return Err(BadLink::Character);
        }
        let (scheme, rest) = text.split_once(':').ok_or(BadLink::Scheme)?;
        if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            let host = rest.strip_prefix("//").ok_or(BadLink::NoHost)?;
            if host.is_empty() || host.starts_with(['/', '?', '#']) {
                return Err(BadLink::NoHost);
            }
        } else if !scheme.eq_ignore_ascii_case("mailto") || rest.is_empty() {
            return Err(BadLink::Scheme);
        }
        Ok(Link(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_pass() {
        for good in [
            "https://docs.google.com/document/d/1oYmx_93/edit#heading=h.5z8517vrmoea",
            "http://intranet/guide",
            "HTTPS://EXAMPLE.COM",
            "mailto:hiring@example.com",
            "https://example.com/a(b)?q=é",
        ] {
            assert_eq!(
                Link::parse(good).map(|l| l.as_str().to_string()),
                Ok(good.into())
            );
        }
    }

    #[test]
    fn other_schemes_and_escapes_are_refused() {
        for (bad, why) in [
            ("javascript:alert(1)", BadLink::Scheme),
            ("file:///etc/passwd", BadLink::Scheme),
            ("docs.google.com/x", BadLink::Scheme),
            ("", BadLink::Scheme),
            ("mailto:", BadLink::Scheme),
            ("https:example.com", BadLink::NoHost),
            ("https:///path", BadLink::NoHost),
            ("https://", BadLink::NoHost),
            ("https://x.com/\x1b]8;;\x07", BadLink::Character),
            ("https://x.com/\x07", BadLink::Character),
            ("https://x.com/\u{9c}", BadLink::Character),
            ("https://x.com/\u{202e}", BadLink::Character),
            ("https://x.com/a b", BadLink::Character),
            ("https://x.com/\n", BadLink::Character),
            ("https://x.com/<script>", BadLink::Character),
            ("https://x.com/\"", BadLink::Character),
            ("-https://x.com", BadLink::Scheme),
        ] {
            assert_eq!(Link::parse(bad), Err(why), "{bad:?}");
        }
    }
}
