//! What a line of a Markdown guide says about itself: a question, a condition on a
//! follow-up, a cue to say what follows, the candidate's turn, a choice of questions, a list
//! of signs, the roles a heading names. Word lists, all lower case, matched on whole words
//! at the start of the text or as phrases anywhere.

/// Words a question put to the candidate starts with.
const ASKING: &[&str] = &[
    "tell me",
    "tell us",
    "describe",
    "walk me",
    "walk us",
    "explain",
    "talk to me",
    "talk me",
    "talk about",
    "give me",
    "give an example",
    "share",
    "pick a",
    "imagine",
    "let's say",
    "let’s say",
    "suppose",
    "how ",
    "what ",
    "what's",
    "what’s",
    "why ",
    "when ",
    "where ",
    "who ",
    "which ",
    "can you",
    "could you",
    "would you",
    "will you",
    "have you",
    "has there",
    "do you",
    "did you",
    "are you",
    "were you",
    "is there",
    "if you",
    "i see you",
    "i’ve asked",
    "i've asked",
    "in your",
    "thinking ",
    "you're tasked",
    "you’re tasked",
    "as a result",
];

/// Whether the words read as something said to the candidate to answer.
pub fn looks_like_question(text: &str) -> bool {
    let text = text.trim();
    if quoted(text).is_some() {
        return true;
    }
    let lower = text.to_lowercase();
    lower.ends_with('?') || ASKING.iter().any(|a| lower.starts_with(a))
}

/// How many characters of quote marks wrap the whole text (`"…"`, `“…”`), if they do:
/// (at the start, at the end).
pub fn quoted(text: &str) -> Option<(usize, usize)> {
    let trimmed = text.trim();
    let first = trimmed.chars().next()?;
    let last = trimmed.chars().last()?;
    let opens = matches!(first, '"' | '“');
    let closes = matches!(last, '"' | '”');
    (opens && closes && trimmed.chars().count() > 2).then(|| {
        let leading = text.chars().take_while(|c| c.is_whitespace()).count();
        let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
        (leading + 1, trailing + 1)
    })
}

/// A condition label at the start of a follow-up, and how many characters it takes with
/// what separates it from the question: `If yes: …`, `(Based on their answer) …`.
pub fn condition(text: &str) -> Option<(String, usize)> {
    const LONGEST: usize = 48;
    let trimmed = text.trim_start();
    let leading = text.chars().count() - trimmed.chars().count();
    if let Some(rest) = trimmed.strip_prefix('(') {
        let label: String = rest.chars().take_while(|c| *c != ')').collect();
        let after = rest.chars().nth(label.chars().count())?;
        let remaining: String = rest.chars().skip(label.chars().count() + 1).collect();
        if after == ')'
            && !label.trim().is_empty()
            && label.chars().count() <= LONGEST
            && !remaining.trim().is_empty()
        {
            let spaces = remaining.chars().take_while(|c| c.is_whitespace()).count();
            return Some((
                label.trim().to_string(),
                leading + label.chars().count() + 2 + spaces,
            ));
        }
        return None;
    }
    let lower = trimmed.to_lowercase();
    if !lower.starts_with("if ") {
        return None;
    }
    let label: String = trimmed.chars().take_while(|c| *c != ':').collect();
    let count = label.chars().count();
    let remaining: String = trimmed.chars().skip(count + 1).collect();
    if count == trimmed.chars().count()
        || count > LONGEST
        || label.contains('?')
        || remaining.trim().is_empty()
    {
        return None;
    }
    let spaces = remaining.chars().take_while(|c| c.is_whitespace()).count();
    Some((label.trim().to_string(), leading + count + 1 + spaces))
}

/// A line that tells the interviewer to say the quote after it.
pub fn says_what_follows(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "say this",
        "saying this",
        "say something like",
        "say the following",
        "by saying",
        "following statement",
        "read this",
        "read aloud",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// The candidate's turn, asked: "What questions can I answer for you?".
pub fn is_candidate_turn(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim().trim_matches(['"', '“', '”']);
    lower.contains("question")
        && lower.ends_with('?')
        && [
            "for me",
            "for you",
            "do you have",
            "have you got",
            "you may have",
            "you might have",
            "any questions",
        ]
        .iter()
        .any(|cue| lower.contains(cue))
}

/// An instruction about the candidate's turn: "Make sure to leave time for the candidate
/// to ask you any questions".
pub fn is_candidate_turn_instruction(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "time for the candidate",
        "candidate to ask",
        "candidate if they have any questions",
        "questions they might have",
        "questions they may have",
        "the candidate's questions",
        "the candidate’s questions",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// "Ask one (or more) of the following": how many to ask.
pub fn pick(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let at = lower.find("ask ")?;
    let rest = &lower[at + 4..];
    let count = [
        ("one", 1),
        ("1 ", 1),
        ("two", 2),
        ("2 ", 2),
        ("three", 3),
        ("3 ", 3),
        ("a couple", 2),
    ]
    .iter()
    .find_map(|(word, n)| rest.starts_with(word).then_some(*n))?;
    rest.contains(" of ").then_some(count)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signs {
    Strong,
    Weak,
}

/// A short label over a list of what a good or a bad answer shows.
pub fn signs(text: &str) -> Option<Signs> {
    let lower = text.to_lowercase();
    let lower = lower.trim().trim_end_matches(':').trim();
    if lower.chars().count() > 40 {
        return None;
    }
    let weak = [
        "warning sign",
        "red flag",
        "bad sign",
        "weak answer",
        "concerns",
    ];
    let strong = [
        "great sign",
        "good sign",
        "green flag",
        "strong answer",
        "positive sign",
    ];
    if weak.iter().any(|w| lower.contains(w)) {
        Some(Signs::Weak)
    } else if strong.iter().any(|s| lower.contains(s)) {
        Some(Signs::Strong)
    } else {
        None
    }
}

/// The roles a "Questions for …" heading names, one a name, in the singular; none for
/// "Questions for all roles" and headings of other words.
pub fn roles_in_heading(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let rest_at = lower.find("questions for ")? + "questions for ".len();
    let rest = text[rest_at..].trim();
    let rest_lower = rest.to_lowercase();
    if ["all", "every", "any", "candidates", "everyone"]
        .iter()
        .any(|w| rest_lower.starts_with(w))
    {
        return None;
    }
    let names: Vec<String> = rest
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(|name| singular(name.trim().trim_end_matches(['.', ':'])))
        .filter(|name| !name.is_empty())
        .collect();
    (!names.is_empty()).then_some(names)
}

/// A heading whose sub-headings are roles: "Position-specific questions", "Other job role
/// questions", "Role-oriented questions" (not "Describe the role").
pub fn heads_roles(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.contains("role") || lower.contains("position"))
        && ["question", "specific", "oriented"]
            .iter()
            .any(|w| lower.contains(w))
}

/// A heading for the end of the conversation: "Closing", "Wrap-up", "Next steps".
pub fn is_closing(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    ["clos", "wrap", "conclu", "goodbye", "next step", "ending"]
        .iter()
        .any(|w| lower.contains(w))
}

/// "Penetration Testers" → "Penetration Tester".
pub fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.ends_with('s') && !name.ends_with("ss") {
        name[..name.len() - 1].to_string()
    } else {
        name.to_string()
    }
}

/// What a heading's part of the guide is for, when it is not questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Before the call: `prepare`.
    Prepare,
    /// After it: `after`.
    After,
    /// Background for the interviewer: left out, and said so.
    Background,
}

pub fn part(heading: &str) -> Option<Part> {
    let lower = heading.to_lowercase();
    if lower.starts_with("before") || lower.starts_with("prepar") {
        Some(Part::Prepare)
    } else if lower.starts_with("after") {
        Some(Part::After)
    } else if ["purpose", "overview", "about", "background", "goal"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        Some(Part::Background)
    } else {
        None
    }
}

/// The heading's words without its numbering: "1. ", "2) ", "Question 3: ", "Q3. ".
pub fn numbering(heading: &str) -> usize {
    let trimmed = heading.trim_start();
    let lead = heading.len() - trimmed.len();
    let lower = trimmed.to_lowercase();
    let after_word = ["question ", "q"]
        .iter()
        .find_map(|w| lower.strip_prefix(w).map(|_| w.len()))
        .unwrap_or(0);
    let digits = trimmed[after_word..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return 0;
    }
    let at = after_word + digits;
    let rest = &trimmed[at..];
    let marker = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ')' | ':' | '-'))
        .map_or(0, char::len_utf8);
    // A bare number needs its mark: "2020 retrospective" is no numbering.
    if marker == 0 && (after_word == 0 || !rest.starts_with(' ')) {
        return 0;
    }
    let spaces = rest[marker..].len() - rest[marker..].trim_start().len();
    let bytes = lead + at + marker + spaces;
    heading[..bytes].chars().count()
}

/// A heading numbered as a question: "Question 3: …", "Q3. …".
pub fn numbered_as_question(heading: &str) -> bool {
    let lower = heading.trim_start().to_lowercase();
    numbering(heading) > 0 && (lower.starts_with("question") || lower.starts_with('q'))
}

/// The sentences of a text that give time: minutes or hours.
pub fn timing_sentences(text: &str) -> Vec<String> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| {
            let lower = s.to_lowercase();
            lower.contains("minute") || lower.contains(" hour")
        })
        .map(ToString::to_string)
        .collect()
}

/// A blank for a name or a number: `___`, words in brackets that are no link, a word in
/// capitals (`PROJECT`), or `X` alone (`Module X`).
pub fn blanks(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains("___") {
        found.push("___".to_string());
    }
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let capitals = word.chars().count() >= 5 && word.chars().all(|c| c.is_ascii_uppercase());
        if (capitals || word == "X") && !found.iter().any(|f| f == word) {
            found.push(word.to_string());
        }
    }
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        found.push(rest[open..=open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    found
}

/// Words an id can do without: how a question is put, not what it is about.
const FILLER: &[&str] = &[
    "a", "about", "an", "and", "any", "are", "can", "could", "describe", "did", "do", "does",
    "for", "have", "how", "i", "in", "is", "it", "me", "of", "on", "or", "s", "that", "the",
    "this", "time", "to", "us", "was", "we", "were", "what", "when", "where", "which", "who",
    "why", "with", "would", "you", "your", "tell", "ve", "ll", "d", "m", "re", "t", "but",
];

/// An id from words: at most four lower-case ASCII words that say what it is about, joined
/// by `-` (all of them when every word is filler).
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let meaningful: Vec<&String> = words
        .iter()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect();
    let chosen: Vec<&str> = if meaningful.is_empty() {
        words.iter().map(String::as_str).take(4).collect()
    } else {
        meaningful.iter().map(|w| w.as_str()).take(4).collect()
    };
    if chosen.is_empty() {
        "question".to_string()
    } else {
        chosen.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_told_from_instructions() {
        for question in [
            "Tell me about a time you failed.",
            "\"Walk me through how your code works.\"",
            "Thinking both technically and non-technically, what do you consider?",
            "Have you worked directly with customers or clients before",
        ] {
            assert!(looks_like_question(question), "{question}");
        }
        for instruction in [
            "Take a few minutes to familiarize yourself with the resume.",
            "Ask the other interviewers if there are any areas to probe.",
            "Remember to be as pleasant and friendly as you can be!",
            "Determine if a candidate can break down complex problems.",
        ] {
            assert!(!looks_like_question(instruction), "{instruction}");
        }
    }

    #[test]
    fn conditions_are_labels_before_a_question() {
        assert_eq!(
            condition("If yes: Could you speak about it?"),
            Some(("If yes".into(), 8))
        );
        assert_eq!(
            condition("(Based on their answer) What would differ?"),
            Some(("Based on their answer".into(), 24))
        );
        assert_eq!(condition("If you could change one thing, what?"), None);
        assert_eq!(condition("What challenges did you face?"), None);
        assert_eq!(condition("(Where applicable)"), None);
    }

    #[test]
    fn cues_picks_signs_and_roles() {
        assert!(says_what_follows(
            "Begin by introducing yourself by saying this or something similar to it:"
        ));
        assert!(is_candidate_turn(
            "I’ve asked all of the questions on my list, and the rest of the time is yours. What questions can I answer for you?"
        ));
        assert!(!is_candidate_turn(
            "Tell me about your questions on testing."
        ));
        assert_eq!(pick("Ask one (or more) of the following:"), Some(1));
        assert_eq!(pick("Ask two of these, as appropriate."), Some(2));
        assert_eq!(
            pick("Ask the other interviewers if there are areas to probe."),
            None
        );
        assert_eq!(signs("Warning signs:"), Some(Signs::Weak));
        assert_eq!(signs("**Great signs**"), Some(Signs::Strong));
        assert_eq!(
            roles_in_heading(
                "Questions for Application Security Engineers and Security Operations Engineers"
            ),
            Some(vec![
                "Application Security Engineer".to_string(),
                "Security Operations Engineer".to_string()
            ])
        );
        assert_eq!(roles_in_heading("Questions for all three roles"), None);
        assert_eq!(roles_in_heading("General questions"), None);
        assert_eq!(singular("Libraries"), "Library");
    }

    #[test]
    fn numbering_and_slugs() {
        assert_eq!(numbering("1. Problem solving"), 3);
        assert_eq!(numbering("Question 3: Tell me"), 12);
        assert_eq!(numbering("Q2. Design"), 4);
        assert_eq!(numbering("18F values"), 0);
        assert_eq!(numbering("2020 retrospective"), 0);
        assert_eq!(numbering("Question 4 Tell me"), 11);
        assert_eq!(slug("Tell me about a time you failed, and why?"), "failed");
        assert_eq!(
            slug("Tell me about an existing security practice or process that you helped improve."),
            "existing-security-practice-process"
        );
        assert_eq!(slug("What do you do?"), "what-do-you-do");
        assert_eq!(slug("¿?"), "question");
    }
}
