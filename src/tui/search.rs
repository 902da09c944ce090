//! Searching the current phase's notes (Ctrl+F): the words typed, found in any case, the
//! matches marked, the cursor taken from one to the next.

use regex::Regex;

use super::notes::NotesEditor;

/// The search prompt's state.
#[derive(Debug, Clone)]
pub struct NotesSearch {
    query: String,
    /// The query as a pattern: the words as typed, any case. `None` while it is empty.
    pattern: Option<Regex>,
    /// Matches in the notes the last time they were counted.
    pub matches: usize,
    /// Which match the cursor is on, counted from 1, after a move to one.
    pub at: Option<usize>,
}

impl NotesSearch {
    pub fn new() -> NotesSearch {
        NotesSearch {
            query: String::new(),
            pattern: None,
            matches: 0,
            at: None,
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The pattern to mark in the notes, while there is a query.
    pub fn pattern(&self) -> Option<&str> {
        self.pattern.as_ref().map(Regex::as_str)
    }

    /// Adds a character to the words to find; a search is one line, so a line break is not
    /// one of them.
    pub fn push(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.query.push(c);
        self.compile();
    }

    pub fn push_str(&mut self, text: &str) {
        // A search is one line: a pasted line break ends what is searched for.
        let line = text.split(['\r', '\n']).next().unwrap_or_default();
        self.query.push_str(line);
        self.compile();
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.compile();
    }

    fn compile(&mut self) {
        self.at = None;
        self.pattern = if self.query.is_empty() {
            None
        } else {
            // An escaped literal always compiles; a failure would only mean no marks.
            Regex::new(&format!("(?i){}", regex::escape(&self.query))).ok()
        };
    }

    /// Counts the matches in `notes` again.
    pub fn count_in(&mut self, notes: &NotesEditor) {
        self.matches = self.pattern.as_ref().map_or(0, |p| {
            notes.iter_lines().map(|l| p.find_iter(l).count()).sum()
        });
    }

    /// Moves the cursor to the next match after it (from the top after the last one);
    /// false when there is none.
    pub fn next_in(&mut self, notes: &mut NotesEditor) -> bool {
        let Some(pattern) = &self.pattern else {
            return false;
        };
        self.at = notes.go_to_next_match(pattern);
        self.at.is_some()
    }
}

impl Default for NotesSearch {
    fn default() -> Self {
        NotesSearch::new()
    }
}
