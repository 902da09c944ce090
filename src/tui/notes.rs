//! The notes editor of one phase: a text area that wraps at words.

use std::time::Duration;

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

use crate::interview::clock::mm_ss;

/// How an impression word looks in the notes: marked, not blocked.
pub const IMPRESSION: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::UNDERLINED);

pub struct NotesEditor {
    text: TextArea<'static>,
}

impl NotesEditor {
    /// An editor holding `lines` (saved notes), the cursor at their end; `marks` is the
    /// impression-word pattern to highlight as the interviewer types.
    pub fn with_lines(placeholder: &str, lines: Vec<String>, marks: Option<&str>) -> NotesEditor {
        let mut text = TextArea::new(lines);
        if let Some(pattern) = marks {
            // The pattern is built and compiled by the matcher already; it cannot fail here.
            let _ = text.set_search_pattern(pattern);
            text.set_search_style(IMPRESSION);
        }
        text.move_cursor(CursorMove::Bottom);
        text.move_cursor(CursorMove::End);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.set_cursor_line_style(Style::default());
        text.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        text.set_placeholder_text(placeholder);
        NotesEditor { text }
    }

    /// Hands a key to the text area; true when the text or cursor may have changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        self.text.input(key);
        true
    }

    /// Inserts pasted text at the cursor. Line ends arrive as `\r\n` or a lone `\r` from
    /// some terminals; both become `\n`.
    pub fn paste(&mut self, pasted: &str) {
        let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
        self.text.insert_str(text);
    }

    /// Inserts text as typed, at the cursor.
    pub fn insert(&mut self, typed: &str) {
        self.text.insert_str(typed);
    }

    /// Inserts `[mm:ss] ` of interview time at the cursor, spaced from a word before it.
    pub fn stamp(&mut self, elapsed: Duration) {
        let DataCursor(row, col) = self.text.cursor();
        let after_word = col > 0
            && self
                .text
                .lines()
                .get(row)
                .and_then(|line| line.chars().nth(col - 1))
                .is_some_and(|c| !c.is_whitespace());
        let space = if after_word { " " } else { "" };
        self.text
            .insert_str(format!("{space}[{}] ", mm_ss(elapsed)));
    }

    pub fn lines(&self) -> &[String] {
        self.text.lines()
    }

    /// Lines with something written on them.
    pub fn written_lines(&self) -> usize {
        self.text
            .lines()
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count()
    }

    pub fn text_area(&self) -> &TextArea<'static> {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    #[test]
    fn paste_normalizes_line_ends() {
        let mut notes = NotesEditor::with_lines("", Vec::new(), None);
        notes.paste("one\r\ntwo\rthree\nfour");
        assert_eq!(notes.lines(), ["one", "two", "three", "four"]);
    }

    #[test]
    fn stamp_inserts_interview_time_at_the_cursor() {
        let mut notes = NotesEditor::with_lines("", Vec::new(), None);
        notes.paste("found SSRF");
        notes.input(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
        notes.stamp(Duration::from_secs(17 * 60 + 36));
        assert_eq!(notes.lines(), ["[17:36] found SSRF"]);
        notes.input(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
        notes.stamp(Duration::from_secs(62));
        assert_eq!(notes.lines(), ["[17:36] found SSRF [01:02] "]);
    }

    #[test]
    fn undo_takes_back_the_last_edit() {
        let mut notes = NotesEditor::with_lines("", Vec::new(), None);
        notes.paste("kept");
        notes.input(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        notes.input(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(notes.lines(), ["kept"]);
        notes.input(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
        assert_eq!(notes.lines(), ["keptx"]);
    }
}
