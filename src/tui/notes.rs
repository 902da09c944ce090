//! The notes editor of one phase: a text area that wraps at words, over a window of the
//! notes.
//!
//! ratatui-textarea re-wraps all of its text on every edit, so a keystroke costs time in
//! proportion to the whole phase's notes. The text area therefore holds only a window: the
//! lines from a little above the cursor to the end (notes grow at the end, where the
//! interviewer types). Lines above the window are kept aside and joined back whenever the
//! cursor heads towards them; `lines()` is always the whole of the notes. What a window
//! move costs: undo history does not reach back past it.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

use crate::interview::clock::mm_ss;

/// How an impression word looks in the notes: marked, not blocked.
pub const IMPRESSION: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::UNDERLINED);

/// Lines kept in the window above the cursor: more than any page of a terminal, so every
/// cursor move but a jump to the top stays inside it.
const KEEP_ABOVE: usize = 120;

pub struct NotesEditor {
    /// The lines above the window, in order.
    above: Vec<String>,
    /// The window: every line from `above.len()` to the end.
    text: TextArea<'static>,
    placeholder: String,
    marks: Option<String>,
    keep_above: usize,
}

impl NotesEditor {
    /// An editor holding `lines` (saved notes), the cursor at their end; `marks` is the
    /// impression-word pattern to highlight as the interviewer types.
    pub fn with_lines(placeholder: &str, lines: Vec<String>, marks: Option<&str>) -> NotesEditor {
        NotesEditor::windowed(placeholder, lines, marks, KEEP_ABOVE)
    }

    /// As `with_lines`, keeping `keep_above` lines above the cursor (small in tests).
    pub fn windowed(
        placeholder: &str,
        lines: Vec<String>,
        marks: Option<&str>,
        keep_above: usize,
    ) -> NotesEditor {
        let mut editor = NotesEditor {
            above: Vec::new(),
            text: TextArea::default(),
            placeholder: placeholder.to_string(),
            marks: marks.map(str::to_string),
            keep_above: keep_above.max(1),
        };
        let last = lines.len().saturating_sub(1);
        let end = lines.last().map_or(0, |l| l.chars().count());
        editor.rebuild(lines, (last, end), 0);
        editor.shrink();
        editor
    }

    /// Makes a text area of `lines[split..]`, the cursor at `cursor` (a row of the whole
    /// notes and a column), the lines before `split` set aside.
    fn rebuild(&mut self, mut lines: Vec<String>, cursor: (usize, usize), split: usize) {
        let split = split.min(cursor.0).min(lines.len().saturating_sub(1));
        let window = lines.split_off(split);
        self.above = lines;
        let mut text = TextArea::new(window);
        if let Some(pattern) = &self.marks {
            // The matcher built and compiled this pattern already; it cannot fail here.
            let _ = text.set_search_pattern(pattern);
            text.set_search_style(IMPRESSION);
        }
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.set_cursor_line_style(Style::default());
        text.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        text.set_placeholder_text(self.placeholder.clone());
        let row = u16::try_from(cursor.0 - split).unwrap_or(u16::MAX);
        let col = u16::try_from(cursor.1).unwrap_or(u16::MAX);
        text.move_cursor(CursorMove::Jump(row, col));
        self.text = text;
    }

    /// The cursor as a row of the whole notes and a column.
    fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.text.cursor();
        (self.above.len() + row, col)
    }

    /// Joins back lines from above until `want` lines stand above the cursor in the window.
    fn reach_up(&mut self, want: usize) {
        let DataCursor(row, _) = self.text.cursor();
        if row >= want || self.above.is_empty() {
            return;
        }
        let cursor = self.cursor();
        let split = self.above.len().saturating_sub(want - row);
        self.rebuild(self.lines(), cursor, split);
    }

    /// Sets aside lines far above the cursor once the window has grown well past what it
    /// keeps, so each edit re-wraps only the window.
    fn shrink(&mut self) {
        let DataCursor(row, _) = self.text.cursor();
        if row <= 2 * self.keep_above {
            return;
        }
        let cursor = self.cursor();
        self.rebuild(self.lines(), cursor, cursor.0 - self.keep_above);
    }

    /// Hands a key to the text area; true when the text or cursor may have changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        if jumps_to_top(&key) {
            self.reach_up(usize::MAX);
        } else {
            self.reach_up(self.keep_above);
        }
        self.text.input(key);
        self.shrink();
        true
    }

    /// Inserts pasted text at the cursor. Line ends arrive as `\r\n` or a lone `\r` from
    /// some terminals; both become `\n`.
    pub fn paste(&mut self, pasted: &str) {
        self.insert(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
    }

    /// Inserts text as typed, at the cursor.
    pub fn insert(&mut self, typed: &str) {
        self.text.insert_str(typed);
        self.shrink();
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
        self.insert(&format!("{space}[{}] ", mm_ss(elapsed)));
    }

    /// The whole of the notes, without copying them.
    pub fn iter_lines(&self) -> impl Iterator<Item = &String> {
        self.above.iter().chain(self.text.lines())
    }

    /// The whole of the notes.
    pub fn lines(&self) -> Vec<String> {
        self.iter_lines().cloned().collect()
    }

    /// Lines with something written on them.
    pub fn written_lines(&self) -> usize {
        self.iter_lines().filter(|l| !l.trim().is_empty()).count()
    }

    /// The window, for drawing: the lines around the cursor and after it.
    pub fn text_area(&self) -> &TextArea<'static> {
        &self.text
    }
}

/// The text area's moves to the first line (Alt+<, Ctrl+Alt+P, Ctrl+Alt+↑).
fn jumps_to_top(key: &KeyEvent) -> bool {
    let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match key.code {
        KeyCode::Char('<') => key.modifiers.contains(KeyModifiers::ALT),
        KeyCode::Char('p') | KeyCode::Up => key.modifiers.contains(ctrl_alt),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn editor() -> NotesEditor {
        NotesEditor::with_lines("", Vec::new(), None)
    }

    #[test]
    fn paste_normalizes_line_ends() {
        let mut notes = editor();
        notes.paste("one\r\ntwo\rthree\nfour");
        assert_eq!(notes.lines(), ["one", "two", "three", "four"]);
    }

    #[test]
    fn stamp_inserts_interview_time_at_the_cursor() {
        let mut notes = editor();
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
        let mut notes = editor();
        notes.paste("kept");
        notes.input(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        notes.input(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(notes.lines(), ["kept"]);
        notes.input(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
        assert_eq!(notes.lines(), ["keptx"]);
    }

    #[test]
    fn long_notes_keep_only_a_window_in_the_text_area() {
        let lines: Vec<String> = (0..1_000).map(|n| format!("line {n}")).collect();
        let mut notes = NotesEditor::with_lines("", lines.clone(), None);
        assert!(notes.text_area().lines().len() <= 2 * KEEP_ABOVE + 1);
        assert_eq!(notes.lines(), lines);
        notes.insert("!");
        assert_eq!(notes.lines().last().map(String::as_str), Some("line 999!"));
        notes.input(KeyEvent::new(
            KeyCode::Up,
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        ));
        notes.input(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
        notes.insert("top ");
        assert_eq!(notes.lines()[0], "top line 0");
        assert_eq!(notes.lines().len(), 1_000);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Type(char),
        Key(KeyCode, KeyModifiers),
        Paste(String),
    }

    fn op() -> impl Strategy<Value = Op> {
        let none = KeyModifiers::NONE;
        prop_oneof![
            4 => prop::sample::select(vec!['a', 'b', ' ', 'é', '"']).prop_map(Op::Type),
            2 => Just(Op::Key(KeyCode::Enter, none)),
            1 => Just(Op::Key(KeyCode::Backspace, none)),
            1 => Just(Op::Key(KeyCode::Delete, none)),
            3 => Just(Op::Key(KeyCode::Up, none)),
            2 => Just(Op::Key(KeyCode::Down, none)),
            1 => Just(Op::Key(KeyCode::Left, none)),
            1 => Just(Op::Key(KeyCode::Home, none)),
            1 => Just(Op::Key(KeyCode::End, none)),
            1 => Just(Op::Key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            1 => Just(Op::Key(KeyCode::Char('k'), KeyModifiers::CONTROL)),
            1 => Just(Op::Key(KeyCode::Up, KeyModifiers::CONTROL | KeyModifiers::ALT)),
            1 => Just(Op::Key(KeyCode::Down, KeyModifiers::CONTROL | KeyModifiers::ALT)),
            1 => "[a-z\\n]{0,12}".prop_map(Op::Paste),
        ]
    }

    proptest! {
        /// Whatever is typed, the windowed editor holds the same notes as one text area
        /// holding them all (a window of 2 lines, so the window moves all the time).
        #[test]
        fn the_window_never_changes_the_notes(
            start in prop::collection::vec("[a-z ]{0,6}", 1..12),
            ops in prop::collection::vec(op(), 0..80),
        ) {
            let mut windowed = NotesEditor::windowed("", start.clone(), None, 2);
            let mut whole = TextArea::new(start);
            whole.move_cursor(CursorMove::Bottom);
            whole.move_cursor(CursorMove::End);
            for op in ops {
                match op {
                    Op::Type(c) => {
                        windowed.insert(&c.to_string());
                        whole.insert_str(c.to_string());
                    }
                    Op::Key(code, modifiers) => {
                        windowed.input(KeyEvent::new(code, modifiers));
                        whole.input(KeyEvent::new(code, modifiers));
                    }
                    Op::Paste(text) => {
                        windowed.paste(&text);
                        whole.insert_str(text);
                    }
                }
                prop_assert_eq!(windowed.lines(), whole.lines().to_vec());
                let DataCursor(row, col) = whole.cursor();
                prop_assert_eq!(windowed.cursor(), (row, col));
            }
        }
    }
}
