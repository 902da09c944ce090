//! Text from outside (guides, session files, names, file names) made safe to show on a
//! terminal. The one place that says which characters a terminal must not be handed raw.
//!
//! A terminal obeys some characters instead of showing them: C0 controls (ESC starts the
//! sequences that set the window title, write the clipboard or clear the screen; BEL ends
//! some; CR goes back over a line already printed), DEL, and C1 controls (U+0080–U+009F:
//! U+009B is CSI, an escape sequence without the ESC). Bidi embeddings, overrides and
//! isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them, so text can read
//! differently from what it is ("Trojan Source"). All of these are shown visibly instead:
//! `\e` for ESC, `\n`, `\r`, `\t`, `\x07` for the other C0 controls and DEL, `\u{9b}` and
//! `\u{202e}` for C1 controls and bidi controls.
//!
//! The bidi marks (U+200E, U+200F, U+061C) are kept: they only set the direction of the
//! punctuation beside them, cannot reorder a run of text, and a right-to-left guide may need
//! them to read right. Text without any of these characters comes back byte for byte, so a
//! verbatim question is never changed. A backslash is not escaped: the visible forms are for
//! a person to see that something was there, not to be read back.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a terminal would obey `c` rather than show it (see the module's doc).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Writes `c` as it is shown in place of the character itself: `\e`, `\n`, `\x07`,
/// `\u{202e}`.
pub fn push_visible(out: &mut String, c: char) {
    let _ = match c {
        '\u{1b}' => write!(out, "\\e"),
        '\n' => write!(out, "\\n"),
        '\r' => write!(out, "\\r"),
        '\t' => write!(out, "\\t"),
        '\0'..='\u{1f}' | '\u{7f}' => write!(out, "\\x{:02x}", u32::from(c)),
        _ => write!(out, "\\u{{{:x}}}", u32::from(c)),
    };
}

/// One line for a terminal: every unsafe character shown visibly, line breaks and tabs too,
/// so the text cannot start a line of its own.
pub fn line(text: &str) -> Cow<'_, str> {
    cleaned(text, |_| false)
}

/// Several lines for a terminal: as [`line`], but `\n` and `\t` are kept. A tab only moves
/// the cursor forward to the next stop, so it cannot overwrite or hide what was printed.
pub fn block(text: &str) -> Cow<'_, str> {
    cleaned(text, |c| c == '\n' || c == '\t')
}

/// JSON text for a terminal: serde_json escapes C0 controls but writes C1 controls, DEL and
/// bidi controls as they are. Each is written as a `\uXXXX` escape instead, which inside a
/// JSON string is the same character, so the JSON still reads back to the same values. The
/// line breaks of pretty-printed JSON are kept.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn cleaned(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let shown = |c: char| !is_unsafe(c) || keep(c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters a terminal must never be handed raw, in the block variant too.
    fn forbidden_in_block(c: char) -> bool {
        let code = u32::from(c);
        (code < 0x20 && c != '\n' && c != '\t')
            || (0x7f..=0x9f).contains(&code)
            || (0x202a..=0x202e).contains(&code)
            || (0x2066..=0x2069).contains(&code)
    }

    /// Strings rich in what matters here: controls, bidi, escapes, and ordinary text.
    fn hostile() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>().prop_map(String::from),
            (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('?').to_string()),
            (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('?').to_string()),
            prop::sample::select(vec![
                "\u{202a}",
                "\u{202b}",
                "\u{202c}",
                "\u{202d}",
                "\u{202e}",
                "\u{2066}",
                "\u{2067}",
                "\u{2068}",
                "\u{2069}",
                "\u{200e}",
                "\u{200f}",
                "\x1b]0;t\x07",
                "\x1b[2J",
                "\u{9b}31m",
                "\\e",
                "é",
                "“",
                "Zoë",
            ])
            .prop_map(str::to_string),
            "[a-zA-Z ]{0,8}",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_control_or_bidi_override(text in hostile()) {
            let line = line(&text);
            prop_assert!(!line.chars().any(|c| forbidden_in_block(c) || c == '\n' || c == '\t'));
            let block = block(&text);
            prop_assert!(!block.chars().any(forbidden_in_block));
            prop_assert_eq!(
                block.matches('\n').count(),
                text.matches('\n').count(),
                "the block keeps its line breaks"
            );
            let json = json(&text);
            prop_assert!(!json.chars().any(|c| is_unsafe(c) && c != '\n'));
        }

        #[test]
        fn text_without_them_comes_back_byte_for_byte(text in any::<String>()) {
            let safe: String = text.chars().filter(|c| !is_unsafe(*c)).collect();
            prop_assert!(matches!(line(&safe), Cow::Borrowed(s) if s == safe));
            prop_assert!(matches!(block(&safe), Cow::Borrowed(s) if s == safe));
            prop_assert!(matches!(json(&safe), Cow::Borrowed(s) if s == safe));
            let lines = format!("{safe}\n\t{safe}");
            prop_assert!(matches!(block(&lines), Cow::Borrowed(s) if s == lines));
        }

        #[test]
        fn json_escapes_read_back_as_the_same_text(text in hostile()) {
            let encoded = serde_json::to_string(&text).unwrap_or_default();
            let safe = json(&encoded);
            let back: String = serde_json::from_str(&safe).unwrap_or_default();
            prop_assert_eq!(back, text);
        }
    }

    #[test]
    fn each_unsafe_character_has_a_visible_form() {
        assert_eq!(
            line("a\x1b]0;title\x07b\u{9b}2J\u{202e}c\r\n\t\x7f"),
            "a\\e]0;title\\x07b\\u{9b}2J\\u{202e}c\\r\\n\\t\\x7f"
        );
        assert_eq!(block("one\n\ttwo\x1b[2J"), "one\n\ttwo\\e[2J");
        assert_eq!(json("\"a\u{202e}b\u{9b}\"\n"), "\"a\\u202eb\\u009b\"\n");
        assert_eq!(
            line("שלום\u{200f}!"),
            "שלום\u{200f}!",
            "a bidi mark is kept"
        );
    }
}
