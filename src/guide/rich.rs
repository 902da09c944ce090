//! Guide text: a small subset of Markdown, and placeholders.
//!
//! Every text of a guide that is shown to the interviewer (what is said and what is for
//! them only) is read the same way:
//!
//! - `*emphasis*` or `_emphasis_`, `**strong**` or `__strong__`, and `[words](link)`, where
//!   the link passes the one rule for links ([`Link`]). A backslash before punctuation
//!   makes it plain text (`\*`, `\{`).
//! - `{id}`: a placeholder (an ASCII letter, then letters, digits, `_` or `-`): filled from
//!   the setup screen, the command line or the plan; shown as `{id}` while unfilled.
//! - Anything else shows as written: code spans, HTML, images, entities, autolinks, and a
//!   text Markdown would read as more than one paragraph (a list, a heading, …). A line
//!   break is kept (the screen starts a new line; Markdown exports read it as a space).
//!
//! Parsed with `pulldown-cmark`; a text is kept as written in the guide and parsed where it
//! is shown, so what a person reads ([`RichText::plain`]) is compared with the source in the
//! verbatim tests.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::link::{BadLink, Link};

/// A guide text, parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RichText {
    runs: Vec<Run>,
}

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub piece: Piece,
    pub emphasis: bool,
    pub strong: bool,
    /// The link it is the words of, if any.
    pub link: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A placeholder's id, without the braces.
    Placeholder(String),
}

/// A link in a text that breaks the rule for links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTextLink {
    pub url: String,
    pub why: BadLink,
}

/// What fills placeholders: an id in, its value out when there is one.
pub trait Fill {
    fn fill(&self, id: &str) -> Option<&str>;
}

/// Nothing filled: every placeholder shows as `{id}`.
pub struct Unfilled;

impl Fill for Unfilled {
    fn fill(&self, _: &str) -> Option<&str> {
        None
    }
}

impl RichText {
    /// Parses a text; a link that breaks the rule is kept as written, as plain text.
    pub fn parse(source: &str) -> RichText {
        parse(source).0
    }

    /// Parses a text and says which links break the rule (for checking a guide).
    pub fn parse_checked(source: &str) -> (RichText, Vec<BadTextLink>) {
        parse(source)
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The placeholders' ids, in order, each as often as it is used.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.runs.iter().filter_map(|r| match &r.piece {
            Piece::Placeholder(id) => Some(id.as_str()),
            Piece::Text(_) => None,
        })
    }

    /// What a person reads: the words without the marks, placeholders filled (or `{id}`).
    pub fn plain(&self, fills: &dyn Fill) -> String {
        self.runs
            .iter()
            .map(|run| match &run.piece {
                Piece::Text(text) => text.clone(),
                Piece::Placeholder(id) => fills
                    .fill(id)
                    .map_or_else(|| format!("{{{id}}}"), str::to_string),
            })
            .collect()
    }
}

/// The ids a text's `{…}` may hold: an ASCII letter, then letters, digits, `_` and `-`.
pub fn is_placeholder_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Whether Markdown reads the text as one paragraph (so its inline marks count).
pub fn is_one_paragraph(source: &str) -> bool {
    let events: Vec<Event> = Parser::new_ext(source, Options::empty()).collect();
    one_paragraph(&events)
}

fn one_paragraph(events: &[Event]) -> bool {
    matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && events[1..events.len() - 1]
            .iter()
            .all(|e| !matches!(e, Event::Start(Tag::Paragraph)))
}

fn parse(source: &str) -> (RichText, Vec<BadTextLink>) {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(source, Options::empty())
        .into_offset_iter()
        .collect();
    let mut builder = Builder::default();
    let kinds: Vec<Event> = events.iter().map(|(e, _)| e.clone()).collect();
    if !one_paragraph(&kinds) {
        builder.push(source, None);
        return (builder.finish(), Vec::new());
    }
    let mut bad_links = Vec::new();
    let mut previous_end = 0;
    let mut inner = events[1..events.len() - 1].iter();
    while let Some((event, range)) = inner.next() {
        match event {
            Event::Text(text) => {
                let written = &source[range.clone()];
                // An entity shows as written; an escape, as the character it escapes.
                let shown = if written.starts_with('&') {
                    written
                } else {
                    text.as_ref()
                };
                let escaped = source[previous_end.min(range.start)..range.start].ends_with('\\');
                builder.push(shown, escaped.then_some(1));
            }
            // A line break the guide wrote is kept: the screen starts a new line there.
            Event::SoftBreak | Event::HardBreak => builder.push("\n", None),
            Event::Start(Tag::Emphasis) => builder.emphasis += 1,
            Event::End(TagEnd::Emphasis) => builder.emphasis = builder.emphasis.saturating_sub(1),
            Event::Start(Tag::Strong) => builder.strong += 1,
            Event::End(TagEnd::Strong) => builder.strong = builder.strong.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                ..
            }) if builder.link.is_none() => match Link::parse(dest_url) {
                Ok(link) => builder.link = Some(link),
                Err(why) => {
                    bad_links.push(BadTextLink {
                        url: dest_url.to_string(),
                        why,
                    });
                    as_written(&mut builder, source, range, &mut inner);
                }
            },
            Event::End(TagEnd::Link) => builder.link = None,
            Event::Start(_) => as_written(&mut builder, source, range, &mut inner),
            _ => builder.push_literal(&source[range.clone()]),
        }
        previous_end = match event {
            // The words inside come right after the opening marks.
            Event::Start(Tag::Emphasis | Tag::Strong) => range.start,
            Event::Start(Tag::Link { .. }) if builder.link.is_some() => range.start,
            _ => range.end,
        };
    }
    (builder.finish(), bad_links)
}

/// Shows an element as written (an image, an autolink, a refused link) and skips what is
/// inside it.
fn as_written<'a>(
    builder: &mut Builder,
    source: &str,
    range: &Range<usize>,
    inner: &mut impl Iterator<Item = &'a (Event<'a>, Range<usize>)>,
) {
    builder.push_literal(&source[range.clone()]);
    let mut depth = 1usize;
    for (event, _) in inner.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            break;
        }
    }
}

/// Gathers text in the current style, with which characters cannot start or be part of a
/// placeholder (escaped, or inside something shown as written).
#[derive(Default)]
struct Builder {
    emphasis: usize,
    strong: usize,
    link: Option<Link>,
    pending: String,
    /// One entry a character of `pending`: true when it is only text.
    literal: Vec<bool>,
    pending_style: Option<(bool, bool, Option<Link>)>,
    runs: Vec<Run>,
}

impl Builder {
    fn style(&self) -> (bool, bool, Option<Link>) {
        (self.emphasis > 0, self.strong > 0, self.link.clone())
    }

    /// Text; its first `literal_chars` characters are only text.
    fn push(&mut self, text: &str, literal_chars: Option<usize>) {
        self.restyle();
        for (i, c) in text.chars().enumerate() {
            self.pending.push(c);
            self.literal.push(literal_chars.is_some_and(|n| i < n));
        }
    }

    fn push_literal(&mut self, text: &str) {
        self.push(text, Some(usize::MAX));
    }

    fn restyle(&mut self) {
        let style = self.style();
        if self.pending_style.as_ref() != Some(&style) {
            self.flush();
            self.pending_style = Some(style);
        }
    }

    /// Splits what is pending into text and placeholders.
    fn flush(&mut self) {
        let Some((emphasis, strong, link)) = self.pending_style.take() else {
            return;
        };
        let chars: Vec<char> = self.pending.chars().collect();
        let mut text = String::new();
        let mut at = 0;
        let mut pieces = Vec::new();
        while at < chars.len() {
            if let Some(end) = placeholder_end(&chars, &self.literal, at) {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Placeholder(chars[at + 1..end].iter().collect()));
                at = end + 1;
            } else {
                text.push(chars[at]);
                at += 1;
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        for piece in pieces {
            self.runs.push(Run {
                piece,
                emphasis,
                strong,
                link: link.clone(),
            });
        }
        self.pending.clear();
        self.literal.clear();
    }

    fn finish(mut self) -> RichText {
        self.flush();
        RichText { runs: self.runs }
    }
}

/// Where the `}` is when a placeholder starts at `at`.
fn placeholder_end(chars: &[char], literal: &[bool], at: usize) -> Option<usize> {
    if chars[at] != '{' || literal[at] {
        return None;
    }
    let close = at + 1 + chars[at + 1..].iter().position(|c| *c == '}')?;
    let id: String = chars[at + 1..close].iter().collect();
    (is_placeholder_id(&id) && !literal[at..=close].iter().any(|l| *l)).then_some(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Piece {
        Piece::Text(t.into())
    }

    fn pieces(source: &str) -> Vec<(Piece, bool, bool, Option<String>)> {
        RichText::parse(source)
            .runs()
            .iter()
            .map(|r| {
                (
                    r.piece.clone(),
                    r.emphasis,
                    r.strong,
                    r.link.as_ref().map(|l| l.as_str().to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn plain_words_are_one_run_as_written() {
        let source = "Tell me about an innovative idea (i.e. a tool, practice, or policy) that you helped introduce.";
        assert_eq!(pieces(source), [(text(source), false, false, None)]);
        assert_eq!(RichText::parse(source).plain(&Unfilled), source);
    }

    #[test]
    fn emphasis_strong_and_links_are_read() {
        assert_eq!(
            pieces("Tell me *when* it **broke**, see [the notes](https://example.com/n)."),
            [
                (text("Tell me "), false, false, None),
                (text("when"), true, false, None),
                (text(" it "), false, false, None),
                (text("broke"), false, true, None),
                (text(", see "), false, false, None),
                (
                    text("the notes"),
                    false,
                    false,
                    Some("https://example.com/n".into())
                ),
                (text("."), false, false, None),
            ]
        );
    }

    #[test]
    fn placeholders_are_found_and_filled_or_shown() {
        let rich = RichText::parse("Hello {candidate}, I am {interviewer} on *{project_name}*.");
        assert_eq!(
            rich.placeholders().collect::<Vec<_>>(),
            ["candidate", "interviewer", "project_name"]
        );
        struct Sam;
        impl Fill for Sam {
            fn fill(&self, id: &str) -> Option<&str> {
                (id == "candidate").then_some("Sam")
            }
        }
        assert_eq!(
            rich.plain(&Sam),
            "Hello Sam, I am {interviewer} on {project_name}."
        );
    }

    #[test]
    fn escaped_code_and_other_braces_are_text() {
        for source in [
            r"A \{candidate} brace",
            "In `{candidate}` code",
            "A { candidate } spaced",
            "JSON {\"a\": 1}",
            "An {1st} id",
        ] {
            let rich = RichText::parse(source);
            assert_eq!(rich.placeholders().count(), 0, "{source}");
        }
        assert_eq!(
            RichText::parse(r"A \{candidate} brace").plain(&Unfilled),
            "A {candidate} brace"
        );
        assert_eq!(
            RichText::parse(r"Two \\{candidate}").placeholders().count(),
            1,
            "an escaped backslash does not escape the brace"
        );
    }

    #[test]
    fn what_is_not_in_the_subset_shows_as_written() {
        for source in [
            "- a list item",
            "# a heading",
            "1. numbered",
            "Use `git rebase` here",
            "An <b>html</b> tag",
            "Fish &amp; chips",
            "An ![image](https://x.com/i.png)",
            "An <https://x.com> autolink",
            "First\n\nsecond paragraph",
        ] {
            assert_eq!(RichText::parse(source).plain(&Unfilled), source, "{source}");
        }
        assert_eq!(RichText::parse("one\ntwo").plain(&Unfilled), "one\ntwo");
    }

    #[test]
    fn a_bad_link_is_reported_and_shown_as_written() {
        let (rich, bad) = RichText::parse_checked("See [this](javascript:alert(1)) now");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].url, "javascript:alert(1)");
        assert_eq!(bad[0].why, BadLink::Scheme);
        assert_eq!(rich.plain(&Unfilled), "See [this](javascript:alert(1)) now");
        assert!(rich.runs().iter().all(|r| r.link.is_none()));
    }
}
