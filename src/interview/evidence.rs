//! Evidence over impressions: finding the words in notes that record an impression
//! ("seems smart") rather than what the candidate said or did.
//!
//! Nothing is blocked or rewritten; the words are marked as they are typed and listed at
//! wrap-up, so the interviewer can rewrite them as observed behavior.

use regex::Regex;

/// An impression word found in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The phase whose notes hold it.
    pub phase: usize,
    /// The line, counted from 1.
    pub line: usize,
    /// The words as typed.
    pub text: String,
}

/// Finds a guide's impression words: whole words only, any case, a phrase's words
/// separated by any run of spaces.
#[derive(Debug, Clone)]
pub struct ImpressionMatcher {
    regex: Option<Regex>,
}

impl ImpressionMatcher {
    pub fn new(words: &[String]) -> ImpressionMatcher {
        let regex = pattern(words).and_then(|p| Regex::new(&p).ok());
        ImpressionMatcher { regex }
    }

    /// The pattern as a regular expression, for highlighting; `None` without words.
    pub fn pattern(&self) -> Option<&str> {
        self.regex.as_ref().map(Regex::as_str)
    }

    /// Every match in one phase's lines.
    pub fn find_in<'a>(
        &self,
        phase: usize,
        lines: impl IntoIterator<Item = &'a String>,
    ) -> Vec<Mark> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        lines
            .into_iter()
            .enumerate()
            .flat_map(|(i, line)| {
                regex.find_iter(line).map(move |m| Mark {
                    phase,
                    line: i + 1,
                    text: m.as_str().to_string(),
                })
            })
            .collect()
    }
}

/// `(?i)` and the words, longest first so a phrase wins over a word it starts with; `\b`
/// only at edges that are word characters, so "I feel" and "good fit" match as phrases.
fn pattern(words: &[String]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alternatives: Vec<String> = words
        .iter()
        .map(|word| {
            let body = word
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let edge = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let start = if edge(word.chars().next()) { r"\b" } else { "" };
            let end = if edge(word.chars().last()) { r"\b" } else { "" };
            format!("{start}{body}{end}")
        })
        .collect();
    Some(format!("(?i)(?:{})", alternatives.join("|")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(words: &[&str]) -> ImpressionMatcher {
        ImpressionMatcher::new(&words.iter().map(ToString::to_string).collect::<Vec<_>>())
    }

    fn found(m: &ImpressionMatcher, line: &str) -> Vec<String> {
        m.find_in(0, &[line.to_string()])
            .into_iter()
            .map(|mark| mark.text)
            .collect()
    }

    #[test]
    fn whole_words_only_in_any_case() {
        let m = matcher(&["seems", "smart", "nice"]);
        assert_eq!(found(&m, "She Seems SMART"), ["Seems", "SMART"]);
        assert!(found(&m, "smartcard rollout, seemsly, Nicely done").is_empty());
        assert_eq!(found(&m, "nice."), ["nice"]);
    }

    #[test]
    fn phrases_match_across_spaces_and_beat_their_first_word() {
        let m = matcher(&["good", "good fit", "I feel"]);
        assert_eq!(found(&m, "a good  fit for the team"), ["good  fit"]);
        assert_eq!(found(&m, "i feel he knew"), ["i feel"]);
        assert_eq!(found(&m, "good logs"), ["good"]);
    }

    #[test]
    fn special_characters_are_taken_literally() {
        let m = matcher(&["10x", "c++ guru", "(sic)"]);
        assert_eq!(found(&m, "a 10x engineer"), ["10x"]);
        assert_eq!(found(&m, "real C++ guru"), ["C++ guru"]);
        assert_eq!(found(&m, "said (sic) twice"), ["(sic)"]);
        assert!(found(&m, "10xer").is_empty());
    }

    #[test]
    fn marks_name_the_phase_and_line() {
        let m = matcher(&["seems"]);
        let lines = vec!["ok".to_string(), "seems fine, seems calm".to_string()];
        let marks = m.find_in(3, &lines);
        assert_eq!(
            marks,
            [
                Mark {
                    phase: 3,
                    line: 2,
                    text: "seems".into()
                },
                Mark {
                    phase: 3,
                    line: 2,
                    text: "seems".into()
                }
            ]
        );
    }

    #[test]
    fn no_words_no_pattern() {
        let m = matcher(&[]);
        assert_eq!(m.pattern(), None);
        assert!(found(&m, "seems").is_empty());
    }
}
