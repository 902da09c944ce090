//! The notes editor of one phase: a text area that wraps at words, over a window of the
//! notes.
//!
//! ratatui-textarea re-wraps all of its text on every edit, so a keystroke would cost time
//! in proportion to the whole phase's notes. The text area therefore holds only a window:
//! a page of lines either side of the cursor (notes grow at the end, where the interviewer
//! types, so the window is mostly the page above the cursor). The lines outside it are kept
//! aside and the window moves when the cursor heads towards them; `lines()` is always the
//! whole of the notes.
//!
//! A move must not show: the cursor keeps its place on screen, a selection and the text to
//! yank (Ctrl+Y) carry over, and the keys that move far (a page, a paragraph, the top or the
//! bottom) find their lines in the window. Undo and redo go on into the windows set aside by
//! the last few moves, as long as the notes are as they were then; redo does not come
//! forward again into a window that undo has left.

use std::mem;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, Input, Key, Scrolling, TextArea, WrapMode};
use regex::Regex;

use super::view::style::DARK;

/// What a key can do to the notes, whichever key it is (see the key table). Each is done
/// by the text area's own operation for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesEdit {
    Indent,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteToLineEnd,
    Left,
    Right,
    Up,
    Down,
    LineStart,
    LineEnd,
    WordBack,
    WordForward,
    ParagraphBack,
    ParagraphForward,
    Top,
    Bottom,
    PageUp,
    PageDown,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    Cut,
    Copy,
    PutBack,
    Undo,
    Redo,
    /// To the end of the word (vim's `e`).
    WordEnd,
    /// To the first character of the line that is not a space (vim's `^`).
    FirstNonBlank,
    /// Starts selecting at the cursor (vim's `v`); moves extend it.
    StartSelection,
    CancelSelection,
}

impl NotesEdit {
    /// The text area's key for this edit: the text area does it exactly as its own key
    /// would, selection and all.
    fn input(self) -> Input {
        let key = |key: Key| Input {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        };
        let ctrl = |k: Key| Input {
            ctrl: true,
            ..key(k)
        };
        let shift = |k: Key| Input {
            shift: true,
            ..key(k)
        };
        match self {
            NotesEdit::Indent => key(Key::Tab),
            NotesEdit::DeleteBack => key(Key::Backspace),
            NotesEdit::DeleteForward => key(Key::Delete),
            NotesEdit::DeleteWordBack => ctrl(Key::Char('w')),
            NotesEdit::DeleteToLineEnd => ctrl(Key::Char('k')),
            NotesEdit::Left => key(Key::Left),
            NotesEdit::Right => key(Key::Right),
            NotesEdit::Up => key(Key::Up),
            NotesEdit::Down => key(Key::Down),
            NotesEdit::LineStart => key(Key::Home),
            NotesEdit::LineEnd => key(Key::End),
            NotesEdit::WordBack => ctrl(Key::Left),
            NotesEdit::WordForward => ctrl(Key::Right),
            NotesEdit::ParagraphBack => ctrl(Key::Up),
            NotesEdit::ParagraphForward => ctrl(Key::Down),
            NotesEdit::Top => Input {
                alt: true,
                ..ctrl(Key::Up)
            },
            NotesEdit::Bottom => Input {
                alt: true,
                ..ctrl(Key::Down)
            },
            NotesEdit::PageUp => key(Key::PageUp),
            NotesEdit::PageDown => key(Key::PageDown),
            NotesEdit::SelectLeft => shift(Key::Left),
            NotesEdit::SelectRight => shift(Key::Right),
            NotesEdit::SelectUp => shift(Key::Up),
            NotesEdit::SelectDown => shift(Key::Down),
            NotesEdit::Cut => ctrl(Key::Char('x')),
            NotesEdit::Copy => ctrl(Key::Char('c')),
            NotesEdit::PutBack => ctrl(Key::Char('y')),
            NotesEdit::Undo => ctrl(Key::Char('u')),
            NotesEdit::Redo => ctrl(Key::Char('r')),
            NotesEdit::WordEnd
            | NotesEdit::FirstNonBlank
            | NotesEdit::StartSelection
            | NotesEdit::CancelSelection => key(Key::Null),
        }
    }

    /// The move this edit is, if it is one.
    fn cursor_move(self) -> Option<CursorMove> {
        Some(match self {
            NotesEdit::Left => CursorMove::Back,
            NotesEdit::Right => CursorMove::Forward,
            NotesEdit::Up => CursorMove::Up,
            NotesEdit::Down => CursorMove::Down,
            NotesEdit::LineStart => CursorMove::Head,
            NotesEdit::LineEnd => CursorMove::End,
            NotesEdit::WordBack => CursorMove::WordBack,
            NotesEdit::WordForward => CursorMove::WordForward,
            NotesEdit::WordEnd => CursorMove::WordEnd,
            NotesEdit::ParagraphBack => CursorMove::ParagraphBack,
            NotesEdit::ParagraphForward => CursorMove::ParagraphForward,
            NotesEdit::Top => CursorMove::Top,
            NotesEdit::Bottom => CursorMove::Bottom,
            _ => return None,
        })
    }

    /// Does the edit on a text area: by its own key for the edit, or by the operation
    /// where no key does it; `extend` moves without ending a selection (vim's Visual
    /// mode). Returns whether the text changed.
    fn perform(self, text: &mut TextArea<'static>, extend: bool) -> bool {
        let changed = match self {
            NotesEdit::FirstNonBlank => {
                text.move_cursor(CursorMove::Head);
                let DataCursor(row, _) = text.cursor();
                let blanks = text.lines()[row]
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .count();
                for _ in 0..blanks {
                    text.move_cursor(CursorMove::Forward);
                }
                false
            }
            NotesEdit::StartSelection => {
                text.start_selection();
                false
            }
            NotesEdit::CancelSelection => {
                text.cancel_selection();
                false
            }
            _ => match self.cursor_move() {
                Some(to) if extend || self == NotesEdit::WordEnd => {
                    text.move_cursor(to);
                    false
                }
                _ => text.input(self.input()),
            },
        };
        // The top of the notes is the start of their first line, the end the end of their
        // last (the text area's own keys keep the column).
        match self {
            NotesEdit::Top => text.move_cursor(CursorMove::Head),
            NotesEdit::Bottom => text.move_cursor(CursorMove::End),
            _ => {}
        }
        changed
    }

    /// How far from the cursor this edit may reach into the notes.
    fn reach(self) -> Reach {
        match self {
            NotesEdit::Top => Reach::Top,
            NotesEdit::Bottom => Reach::Bottom,
            NotesEdit::PageUp => Reach::PageUp,
            NotesEdit::PageDown => Reach::PageDown,
            NotesEdit::ParagraphBack => Reach::ParagraphBack,
            NotesEdit::ParagraphForward => Reach::ParagraphForward,
            _ => Reach::Near,
        }
    }

    fn selects(self) -> bool {
        matches!(
            self,
            NotesEdit::SelectLeft
                | NotesEdit::SelectRight
                | NotesEdit::SelectUp
                | NotesEdit::SelectDown
                | NotesEdit::StartSelection
        )
    }
}

/// What is marked in the notes: the impression words, or while a search is open its matches.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marks {
    pattern: String,
    style: Style,
}

/// Lines kept in the window either side of the cursor before the notes are first drawn: more
/// than the rows of most terminals, so the first frame is full.
const KEEP_UNDRAWN: usize = 120;
/// Edits a window's undo remembers (the text area's own default).
const HISTORY: usize = 50;
/// Windows set aside that undo can still reach into.
const EARLIER_WINDOWS: usize = 4;

pub struct NotesEditor {
    /// The lines before the window, in order.
    above: Vec<String>,
    /// The lines from `above.len()` on, up to `below`.
    window: Window,
    /// The lines after the window, in order.
    below: Vec<String>,
    /// The windows set aside by the last moves, the newest last.
    earlier: Vec<Earlier>,
    placeholder: String,
    /// The impression words' pattern.
    impressions: Option<Marks>,
    /// What is marked now: the impression words, or a search's matches.
    marks: Option<Marks>,
    /// How a search's matches look.
    found_style: Style,
    /// Lines kept either side of the cursor until the notes are drawn.
    keep_undrawn: usize,
    /// The rows the notes pane had when this editor was last drawn (0: never drawn): the
    /// page a window keeps either side of the cursor.
    page: usize,
    /// The size the notes pane was last drawn at, and an empty text area drawn at it: new
    /// windows are made from it, so they know the width they wrap at without being drawn.
    drawn: Option<((u16, u16), TextArea<'static>)>,
}

/// A text area over part of the notes, and what undo and redo need to go on from it into
/// the window before it.
struct Window {
    text: TextArea<'static>,
    /// The lines it was made with: undo goes on only while it holds them again.
    made_with: Vec<String>,
    /// Whether anything was typed into it since it was made: then redo does not go on.
    edited: bool,
}

/// A window set aside, and where its first line is in the notes.
struct Earlier {
    first: usize,
    window: Window,
}

/// How far from the cursor a key may reach into the notes.
#[derive(Clone, Copy)]
enum Reach {
    Top,
    Bottom,
    PageUp,
    PageDown,
    ParagraphBack,
    ParagraphForward,
    Near,
}

impl NotesEditor {
    /// An editor holding `lines` (saved notes), the cursor at their end; `marks` is the
    /// impression-word pattern to highlight as the interviewer types.
    pub fn with_lines(placeholder: &str, lines: Vec<String>, marks: Option<&str>) -> NotesEditor {
        NotesEditor::windowed(placeholder, lines, marks, KEEP_UNDRAWN)
    }

    /// As `with_lines`, keeping `keep_undrawn` lines either side of the cursor until drawn
    /// (small in tests, so the window moves all the time).
    pub fn windowed(
        placeholder: &str,
        mut lines: Vec<String>,
        marks: Option<&str>,
        keep_undrawn: usize,
    ) -> NotesEditor {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let impressions = marks.map(|pattern| Marks {
            pattern: pattern.to_string(),
            style: DARK.impression,
        });
        let mut editor = NotesEditor {
            above: Vec::new(),
            window: Window {
                text: TextArea::default(),
                made_with: Vec::new(),
                edited: false,
            },
            below: Vec::new(),
            earlier: Vec::new(),
            placeholder: placeholder.to_string(),
            marks: impressions.clone(),
            impressions,
            found_style: DARK.found,
            keep_undrawn: keep_undrawn.max(1),
            page: 0,
            drawn: None,
        };
        let last = lines.len() - 1;
        let end = lines[last].chars().count();
        let first = last.saturating_sub(editor.keep());
        editor.above = lines;
        let window = editor.above.split_off(first);
        editor.window = editor.new_window(window);
        editor.jump(last - first, end);
        editor
    }

    fn new_window(&self, lines: Vec<String>) -> Window {
        let text = match &self.drawn {
            None => text_area(lines.clone(), &self.placeholder, self.marks.as_ref()),
            Some((_, drawn)) => {
                // The drawn text area knows the width it wraps at, so the cursor's row on
                // screen in the new lines can be worked out without drawing them.
                let mut text = drawn.clone();
                text.insert_str(lines.join("\n"));
                text.set_max_histories(HISTORY);
                set_marks(&mut text, self.marks.as_ref());
                text
            }
        };
        Window {
            text,
            made_with: lines,
            edited: false,
        }
    }

    /// Puts the cursor on a row of the window.
    fn jump(&mut self, row: usize, col: usize) {
        let text = &mut self.window.text;
        let to = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        text.move_cursor(CursorMove::Jump(to(row), to(col)));
        // A jump counts columns in u16: the end of a longer line (a large paste) is reached
        // as the end. Within such a line the cursor stops at column 65,535.
        let DataCursor(at, _) = text.cursor();
        if col > usize::from(u16::MAX) && col >= text.lines()[at].chars().count() {
            text.move_cursor(CursorMove::End);
        }
    }

    /// A page: the rows of the notes pane as last drawn.
    fn page(&self) -> usize {
        self.page
    }

    /// Tells the editor the size of the notes pane it was just drawn in (columns, rows).
    pub fn drawn_in(&mut self, size: (u16, u16)) {
        self.page = usize::from(size.1);
        if self.drawn.as_ref().is_none_or(|(at, _)| *at != size) {
            // Once a size: the window's text area as just drawn, emptied, its history left
            // out. Its viewport and the width it wraps at come with it.
            let mut drawn = self.window.text.clone();
            drawn.set_max_histories(0);
            drawn.cancel_selection();
            drawn.clear();
            self.drawn = Some((size, drawn));
        }
    }

    /// Lines the window keeps either side of the cursor: a page, so what is on screen is
    /// in the window wherever the cursor sits on it.
    fn keep(&self) -> usize {
        match self.page() {
            0 => self.keep_undrawn,
            page => page,
        }
    }

    /// Makes the window hold `rows` lines either side of the cursor, for a terminal that
    /// has grown to `rows`: the next frame shows a full page.
    pub fn fit(&mut self, rows: usize) {
        self.reach(rows, rows);
    }

    /// The cursor as a row of the whole notes and a column.
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.window.text.cursor();
        (self.above.len() + row, col)
    }

    fn in_window(&self, row: usize) -> bool {
        (self.above.len()..self.above.len() + self.window.text.lines().len()).contains(&row)
    }

    fn line_count(&self) -> usize {
        self.above.len() + self.window.text.lines().len() + self.below.len()
    }

    /// A line of the whole notes.
    fn line(&self, row: usize) -> &str {
        let window = self.window.text.lines();
        if row < self.above.len() {
            &self.above[row]
        } else if row - self.above.len() < window.len() {
            &window[row - self.above.len()]
        } else {
            &self.below[row - self.above.len() - window.len()]
        }
    }

    /// Lines from the cursor back to where the text area's paragraph move lands: the first
    /// line after an empty one, or the top.
    fn paragraph_back(&self, row: usize) -> usize {
        (1..row)
            .rev()
            .find(|&r| self.line(r - 1).is_empty() && !self.line(r).is_empty())
            .map_or(row, |target| row - target)
    }

    /// Lines from the cursor on to where the paragraph move forward lands.
    fn paragraph_forward(&self, row: usize) -> usize {
        let last = self.line_count() - 1;
        (row + 1..=last)
            .find(|&r| self.line(r - 1).is_empty() && !self.line(r).is_empty())
            .map_or(last - row, |target| target - row)
    }

    /// Moves the window if it holds fewer than `above` lines before the cursor or `below`
    /// after it, where the notes have them.
    fn reach(&mut self, above: usize, below: usize) {
        let DataCursor(row, _) = self.window.text.cursor();
        let after = self.window.text.lines().len() - 1 - row;
        let short_above = row < above && !self.above.is_empty();
        let short_below = after < below && !self.below.is_empty();
        if short_above || short_below {
            self.move_window(above, below);
        }
    }

    /// After an edit or a move: a window short of a page either side of the cursor (where
    /// the notes have more) takes it in, one grown half a page past that sets lines aside,
    /// so each edit re-wraps about a page and the screen is always full.
    fn settle(&mut self) {
        let keep = self.keep();
        let DataCursor(row, _) = self.window.text.cursor();
        let after = self.window.text.lines().len() - 1 - row;
        let short =
            (row < keep && !self.above.is_empty()) || (after < keep && !self.below.is_empty());
        if short || row.max(after) > keep + keep / 2 {
            self.move_window(keep, keep);
        }
    }

    /// Makes a new window of `above` lines before the cursor to `below` after it (and any
    /// selection), with the cursor, the selection, the text to yank and the cursor's row
    /// on screen as they were. The old window is set aside for undo.
    fn move_window(&mut self, above: usize, below: usize) {
        let cursor = self.cursor();
        let on_screen = self.row_on_screen();
        self.place_window(cursor, above, below, on_screen);
    }

    /// As `move_window`, with the cursor put at `(row, col)` of the notes and on row
    /// `on_screen` of the notes pane.
    fn place_window(
        &mut self,
        (row, col): (usize, usize),
        above: usize,
        below: usize,
        on_screen: Option<usize>,
    ) {
        let old = &self.window.text;
        let DataCursor(cursor_row, cursor_col) = old.cursor();
        let anchor = old.selection_range().map(|(start, end)| {
            let (anchor_row, anchor_col) = if start == (cursor_row, cursor_col) {
                end
            } else {
                start
            };
            (self.above.len() + anchor_row, anchor_col)
        });
        let yank = old.yank_text();

        let old_first = self.above.len();
        let mut all = mem::take(&mut self.above);
        all.extend(self.window.text.lines().iter().cloned());
        all.append(&mut self.below);
        let anchor_row = anchor.map_or(row, |(r, _)| r);
        let first = row.saturating_sub(above).min(anchor_row);
        let end = row
            .saturating_add(below)
            .max(anchor_row)
            .saturating_add(1)
            .min(all.len());
        self.below = all.split_off(end);
        let lines = all.split_off(first);
        self.above = all;
        let window = self.new_window(lines);
        let old = mem::replace(&mut self.window, window);
        self.set_aside(old_first, old);

        self.window.text.set_yank_text(yank);
        self.jump(row - first, col);
        self.keep_on_screen(on_screen);
        // Scrolling keeps the cursor in view by moving it: put it back exactly.
        self.jump(row - first, col);
        if let Some((anchor_row, anchor_col)) = anchor {
            self.jump(anchor_row - first, anchor_col);
            self.window.text.start_selection();
            self.jump(row - first, col);
        }
    }

    fn set_aside(&mut self, first: usize, window: Window) {
        if self.earlier.len() == EARLIER_WINDOWS {
            self.earlier.remove(0);
        }
        self.earlier.push(Earlier { first, window });
    }

    /// The row of the notes pane the next frame puts the cursor on: the text area scrolls
    /// only as far as it takes to show the cursor.
    fn row_on_screen(&self) -> Option<usize> {
        let height = self.page();
        let text = &self.window.text;
        let top = usize::from(text.scroll_offset().0);
        let cursor = text.screen_cursor().row;
        match height {
            0 => None,
            _ if cursor < top => Some(0),
            _ => Some((cursor - top).min(height - 1)),
        }
    }

    /// Scrolls the new window so the cursor is on the row of the notes pane it was on.
    fn keep_on_screen(&mut self, on_screen: Option<usize>) {
        let Some(on_screen) = on_screen else {
            return;
        };
        let text = &mut self.window.text;
        let top = i64::from(text.scroll_offset().0);
        let wanted =
            i64::try_from(text.screen_cursor().row.saturating_sub(on_screen)).unwrap_or(i64::MAX);
        let rows = i16::try_from(wanted - top).unwrap_or(0);
        text.scroll(Scrolling::Delta { rows, cols: 0 });
    }

    /// Undo or redo: in the window, or once it has nothing left, in the newest window set
    /// aside that has something, passing only through windows that hold what they were
    /// made with (all their edits taken back) and, for redo, that were never edited (an
    /// edit ends what redo can bring back). Nothing changes when no window can step.
    fn step_history(&mut self, step: fn(&mut TextArea<'static>) -> bool, redo: bool) -> bool {
        if step(&mut self.window.text) {
            return true;
        }
        let can_leave = |window: &Window| {
            window.text.lines() == window.made_with.as_slice() && !(redo && window.edited)
        };
        let mut leaving = &self.window;
        for at in (0..self.earlier.len()).rev() {
            if !can_leave(leaving) {
                // Unreachable now: the notes have moved on from what these windows hold.
                self.earlier.drain(..=at);
                return false;
            }
            let mut stepped = self.earlier[at].window.text.clone();
            if step(&mut stepped) {
                self.earlier.truncate(at + 1);
                let Some(earlier) = self.earlier.pop() else {
                    return false;
                };
                if !self.restore(earlier) {
                    self.earlier.clear();
                    return false;
                }
                self.window.text = stepped;
                return true;
            }
            leaving = &self.earlier[at].window;
        }
        false
    }

    /// Puts a window set aside back in place, if the notes hold its lines where it was.
    fn restore(&mut self, earlier: Earlier) -> bool {
        let Earlier { first, window } = earlier;
        let held = window.text.lines();
        let fits = first + held.len() <= self.line_count()
            && (0..held.len()).all(|i| self.line(first + i) == held[i]);
        if !fits {
            return false;
        }
        let mut all = mem::take(&mut self.above);
        all.extend(self.window.text.lines().iter().cloned());
        all.append(&mut self.below);
        self.below = all.split_off(first + held.len());
        all.truncate(first);
        self.above = all;
        self.window = window;
        true
    }

    /// Does an edit; the window first takes in the lines it can reach.
    pub fn apply(&mut self, edit: NotesEdit) {
        self.apply_with(edit, false);
    }

    /// Moves the cursor, a selection kept and extended (vim's Visual mode).
    pub fn extend(&mut self, edit: NotesEdit) {
        self.apply_with(edit, true);
    }

    fn apply_with(&mut self, edit: NotesEdit, extend: bool) {
        let keep = self.keep();
        let (row, col) = self.cursor();
        let reach_of_key = edit.reach();
        let target = match reach_of_key {
            Reach::Top => Some(0),
            Reach::Bottom => Some(self.line_count() - 1),
            Reach::ParagraphBack => Some(row - self.paragraph_back(row)),
            Reach::ParagraphForward => Some(row + self.paragraph_forward(row)),
            Reach::PageUp | Reach::PageDown | Reach::Near => None,
        };
        let selecting = edit.selects() || self.window.text.is_selecting();
        match (target, reach_of_key) {
            (Some(target), _) if !selecting && !self.in_window(target) => {
                // Nothing to select on the way: the window goes where the cursor lands,
                // rather than taking in every line between. The text area would show it on
                // the top row when moving up, on the bottom row when moving down.
                let col = match reach_of_key {
                    Reach::Top => 0,
                    Reach::Bottom => self.line(target).chars().count(),
                    _ => col.min(self.line(target).chars().count()),
                };
                let page = self.page();
                let on_screen = (page > 0).then(|| if target < row { 0 } else { page - 1 });
                self.place_window((target, col), keep, keep, on_screen);
                return;
            }
            (Some(target), _) => self.reach(
                keep + row.saturating_sub(target),
                keep + target.saturating_sub(row),
            ),
            (None, Reach::PageUp) => self.reach(keep + self.page(), keep),
            (None, Reach::PageDown) => self.reach(keep, keep + self.page()),
            (None, _) => self.reach(keep, keep),
        }
        match edit {
            NotesEdit::Undo => {
                self.step_history(TextArea::undo, false);
            }
            NotesEdit::Redo => {
                self.step_history(TextArea::redo, true);
            }
            _ => self.window.edited |= edit.perform(&mut self.window.text, extend),
        }
        self.settle();
    }

    /// Inserts pasted text at the cursor. Line ends arrive as `\r\n` or a lone `\r` from
    /// some terminals; both become `\n`.
    pub fn paste(&mut self, pasted: &str) {
        self.insert(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
    }

    /// Inserts text as typed, at the cursor.
    pub fn insert(&mut self, typed: &str) {
        let keep = self.keep();
        self.reach(keep, keep);
        self.window.edited |= self.window.text.insert_str(typed);
        self.settle();
    }

    /// Inserts a time stamp, `[17:36] `, at the cursor, spaced from a word before it.
    pub fn stamp(&mut self, time: &str) {
        let DataCursor(row, col) = self.window.text.cursor();
        let after_word = col > 0
            && self.window.text.lines()[row]
                .chars()
                .nth(col - 1)
                .is_some_and(|c| !c.is_whitespace());
        let space = if after_word { " " } else { "" };
        self.insert(&format!("{space}[{time}] "));
    }

    /// The whole of the notes, without copying them.
    pub fn iter_lines(&self) -> impl Iterator<Item = &String> {
        self.above
            .iter()
            .chain(self.window.text.lines())
            .chain(&self.below)
    }

    /// The whole of the notes.
    pub fn lines(&self) -> Vec<String> {
        self.iter_lines().cloned().collect()
    }

    /// Lines with something written on them.
    pub fn written_lines(&self) -> usize {
        self.iter_lines().filter(|l| !l.trim().is_empty()).count()
    }

    /// Whether there are notes above the pane's top row.
    pub fn more_above(&self) -> bool {
        !self.above.is_empty() || self.window.text.scroll_offset().0 > 0
    }

    /// Whether there are notes below the pane's last row, as last drawn `rows` high.
    pub fn more_below(&self, rows: u16) -> bool {
        let text = &self.window.text;
        let bottom = usize::from(text.scroll_offset().0) + usize::from(rows);
        // Past the last screen row, the text area answers with the last one again.
        !self.below.is_empty()
            || (rows > 0 && text.screen_to_data(bottom, 0) != text.screen_to_data(bottom - 1, 0))
    }

    /// Draws the window in `area`.
    pub fn render(&self, area: Rect, buffer: &mut Buffer) {
        self.window.text.render(area, buffer);
    }

    /// Shows `placeholder` while the notes are empty.
    pub fn set_placeholder(&mut self, placeholder: &str) {
        self.placeholder = placeholder.to_string();
        self.window.text.set_placeholder_text(placeholder);
    }

    /// How impression words and a search's matches look; an open search's marks go.
    pub fn set_styles(&mut self, impression: Style, found: Style) {
        self.found_style = found;
        if let Some(marks) = &mut self.impressions {
            marks.style = impression;
        }
        self.marks = self.impressions.clone();
        set_marks(&mut self.window.text, self.marks.as_ref());
    }

    /// Marks `pattern` (a search's matches) instead of the impression words; `None` marks
    /// the impression words again.
    pub fn mark_found(&mut self, pattern: Option<&str>) {
        let marks = match pattern {
            Some(pattern) => Some(Marks {
                pattern: pattern.to_string(),
                style: self.found_style,
            }),
            None => self.impressions.clone(),
        };
        if marks != self.marks {
            set_marks(&mut self.window.text, marks.as_ref());
            self.marks = marks;
        }
    }

    /// Moves the cursor to the next match of `pattern` after it, from the top after the
    /// last one. Returns which match it is, counted from 1, or `None` when there is none.
    pub fn go_to_next_match(&mut self, pattern: &Regex) -> Option<usize> {
        let (row, col) = self.cursor();
        // Matches as (row, column in characters), in order.
        let mut found = Vec::new();
        for (r, line) in self.iter_lines().enumerate() {
            for m in pattern.find_iter(line) {
                found.push((r, line[..m.start()].chars().count()));
            }
        }
        let next = found
            .iter()
            .position(|&at| at > (row, col))
            .or_else(|| (!found.is_empty()).then_some(0))?;
        let target = found[next];
        self.go_to(target);
        Some(next + 1)
    }

    /// How many lines the notes have.
    pub fn lines_count(&self) -> usize {
        self.line_count()
    }

    /// The characters of a line of the notes.
    pub fn line_length(&self, row: usize) -> usize {
        self.line(row).chars().count()
    }

    /// Moves the cursor to `(row, col)` of the notes, a selection kept and extended.
    pub fn go_to_extending(&mut self, (row, col): (usize, usize)) {
        let row = row.min(self.line_count() - 1);
        let (at, _) = self.cursor();
        let keep = self.keep();
        self.reach(keep + at.saturating_sub(row), keep + row.saturating_sub(at));
        self.jump(row - self.above.len(), col);
        self.settle();
    }

    /// Puts the cursor at `(row, col)` of the notes, nothing selected.
    pub fn go_to(&mut self, (row, col): (usize, usize)) {
        self.window.text.cancel_selection();
        if self.in_window(row) {
            self.jump(row - self.above.len(), col);
            let keep = self.keep();
            self.reach(keep, keep);
            self.settle();
        } else {
            let keep = self.keep();
            let page = self.page();
            let on_screen = (page > 0).then_some(page / 2);
            self.place_window((row, col), keep, keep, on_screen);
        }
    }

    /// The window as drawn: the lines around the cursor.
    pub fn text_area(&self) -> &TextArea<'static> {
        &self.window.text
    }
}

/// A text area as the notes are edited in: wrapped at words, impression words marked.
fn text_area(lines: Vec<String>, placeholder: &str, marks: Option<&Marks>) -> TextArea<'static> {
    let mut text = TextArea::new(lines);
    set_marks(&mut text, marks);
    text.set_wrap_mode(WrapMode::WordOrGlyph);
    text.set_cursor_line_style(Style::default());
    text.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    text.set_placeholder_text(placeholder);
    text
}

fn set_marks(text: &mut TextArea<'static>, marks: Option<&Marks>) {
    match marks {
        Some(marks) => {
            // Patterns come compiled already (the impression matcher, the search); one
            // that failed here would only leave the notes unmarked.
            let _ = text.set_search_pattern(&marks.pattern);
            text.set_search_style(marks.style);
        }
        None => {
            let _ = text.set_search_pattern("");
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::{Context, Keymap};

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const ALT: KeyModifiers = KeyModifiers::ALT;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

    fn editor() -> NotesEditor {
        NotesEditor::with_lines("", Vec::new(), None)
    }

    /// A key as the key table gives it to the notes.
    fn press(notes: &mut NotesEditor, code: KeyCode, modifiers: KeyModifiers) {
        match Keymap::default().action_for(&[Context::Notes], &KeyEvent::new(code, modifiers)) {
            Some(Action::Edit(edit)) => notes.apply(edit),
            Some(Action::Type(text)) => notes.insert(&text),
            other => panic!("{code:?} {modifiers:?} is not a notes key: {other:?}"),
        }
    }

    fn numbered(count: usize) -> Vec<String> {
        (0..count).map(|n| format!("line {n}")).collect()
    }

    /// The screen rows of a buffer, styles left out.
    fn rows(buffer: &Buffer) -> Vec<String> {
        buffer
            .content
            .chunks(usize::from(buffer.area.width))
            .map(|row| row.iter().map(|c| c.symbol()).collect())
            .collect()
    }

    #[test]
    fn the_cursor_stays_at_the_end_of_a_line_longer_than_a_jump_reaches() {
        let long = "a".repeat(70_000);
        let mut notes = NotesEditor::windowed("", vec![long.clone()], None, 2);
        notes.insert("!");
        assert_eq!(notes.lines(), [format!("{long}!")]);
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
        press(&mut notes, KeyCode::Home, NONE);
        notes.stamp("17:36");
        assert_eq!(notes.lines(), ["[17:36] found SSRF"]);
        press(&mut notes, KeyCode::End, NONE);
        notes.stamp("01:02");
        assert_eq!(notes.lines(), ["[17:36] found SSRF [01:02] "]);
    }

    #[test]
    fn undo_takes_back_the_last_edit() {
        let mut notes = editor();
        notes.paste("kept");
        press(&mut notes, KeyCode::Char('x'), NONE);
        press(&mut notes, KeyCode::Char('u'), CTRL);
        assert_eq!(notes.lines(), ["kept"]);
        press(&mut notes, KeyCode::Char('r'), CTRL);
        assert_eq!(notes.lines(), ["keptx"]);
    }

    #[test]
    fn long_notes_keep_about_a_page_in_the_text_area() {
        let lines = numbered(1_000);
        let mut notes = NotesEditor::with_lines("", lines.clone(), None);
        notes.render(
            Rect::new(0, 0, 40, 30),
            &mut Buffer::empty(Rect::new(0, 0, 40, 30)),
        );
        notes.drawn_in((40, 30));
        notes.insert("!");
        assert!(notes.text_area().lines().len() <= 30 + 15 + 1);
        assert_eq!(notes.lines()[..999], lines[..999]);
        assert_eq!(notes.lines()[999], "line 999!");
        press(&mut notes, KeyCode::Up, CTRL | ALT);
        press(&mut notes, KeyCode::Home, NONE);
        notes.insert("top ");
        assert_eq!(notes.lines()[0], "top line 0");
        assert_eq!(notes.lines().len(), 1_000);
        assert!(
            notes.text_area().lines().len() <= 30 + 15 + 1,
            "after the jump to the top the window holds the top page only"
        );
        assert!(
            notes
                .earlier
                .iter()
                .all(|e| e.window.text.lines().len() <= KEEP_UNDRAWN + 1),
            "no window on the way took in the lines between"
        );
    }

    #[test]
    fn undo_goes_back_across_window_moves_and_redo_comes_forward_again() {
        let mut notes = NotesEditor::windowed("", Vec::new(), None, 2);
        let mut states = vec![notes.lines()];
        for word in ["one", "two", "three", "four", "five", "six"] {
            notes.insert(word);
            states.push(notes.lines());
            press(&mut notes, KeyCode::Enter, NONE);
            states.push(notes.lines());
        }
        assert!(!notes.earlier.is_empty(), "the window has moved");
        for back in 1..states.len() {
            press(&mut notes, KeyCode::Char('u'), CTRL);
            assert_eq!(
                notes.lines(),
                states[states.len() - 1 - back],
                "undo {back}"
            );
        }
        press(&mut notes, KeyCode::Char('r'), CTRL);
        assert_eq!(notes.lines(), states[1]);
    }

    #[test]
    fn undo_stops_rather_than_reach_past_edits_it_cannot_take_back() {
        let mut notes = NotesEditor::windowed("", numbered(12), None, 2);
        press(&mut notes, KeyCode::Up, CTRL | ALT);
        // More edits than the text area's history holds (50), then back down.
        for _ in 0..60 {
            notes.insert("x");
        }
        press(&mut notes, KeyCode::Down, CTRL | ALT);
        let before_undo = notes.lines();
        for _ in 0..80 {
            press(&mut notes, KeyCode::Char('u'), CTRL);
        }
        // The history took back its 50 edits and stopped: the first 10 stay.
        let lines = notes.lines();
        assert_eq!(lines[0], format!("{}line 0", "x".repeat(10)));
        assert_eq!(lines[1..], before_undo[1..]);
    }

    #[test]
    fn paragraph_moves_and_pages_land_as_in_one_text_area() {
        let mut lines = numbered(300);
        lines[40] = String::new();
        let mut notes = NotesEditor::windowed("", lines.clone(), None, 2);
        press(&mut notes, KeyCode::Up, CTRL);
        assert_eq!(
            notes.cursor().0,
            41,
            "to the paragraph after the empty line"
        );
        press(&mut notes, KeyCode::Up, CTRL);
        assert_eq!(notes.cursor().0, 0, "to the top");
        press(&mut notes, KeyCode::Down, CTRL);
        assert_eq!(notes.cursor().0, 41);
        press(&mut notes, KeyCode::Down, CTRL);
        assert_eq!(notes.cursor().0, 299, "to the bottom");
    }

    #[test]
    fn the_text_to_yank_and_a_selection_survive_a_window_move() {
        let mut notes = NotesEditor::windowed("", numbered(40), None, 2);
        press(&mut notes, KeyCode::Char('k'), CTRL);
        press(&mut notes, KeyCode::Up, SHIFT);
        for _ in 0..10 {
            press(&mut notes, KeyCode::Up, SHIFT);
        }
        assert!(!notes.earlier.is_empty(), "the window has moved");
        assert_eq!(
            notes
                .text_area()
                .selection_range()
                .map(|(s, e)| (s.0 + notes.above.len(), e.0 + notes.above.len())),
            Some((28, 39))
        );
        for _ in 0..10 {
            press(&mut notes, KeyCode::Down, NONE);
        }
        press(&mut notes, KeyCode::End, NONE);
        press(&mut notes, KeyCode::Char('y'), CTRL);
        assert_eq!(notes.lines()[38], "line 38");
    }

    #[derive(Debug, Clone)]
    enum Op {
        Type(char),
        Key(KeyCode, KeyModifiers),
        Paste(String),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => prop::sample::select(vec!['a', 'b', ' ', 'é', '"']).prop_map(Op::Type),
            2 => Just(Op::Key(KeyCode::Enter, NONE)),
            1 => Just(Op::Key(KeyCode::Backspace, NONE)),
            1 => Just(Op::Key(KeyCode::Delete, NONE)),
            3 => Just(Op::Key(KeyCode::Up, NONE)),
            2 => Just(Op::Key(KeyCode::Down, NONE)),
            1 => Just(Op::Key(KeyCode::Left, NONE)),
            1 => Just(Op::Key(KeyCode::Home, NONE)),
            1 => Just(Op::Key(KeyCode::End, NONE)),
            1 => Just(Op::Key(KeyCode::Char('w'), CTRL)),
            1 => Just(Op::Key(KeyCode::Char('k'), CTRL)),
            1 => Just(Op::Key(KeyCode::Char('y'), CTRL)),
            1 => Just(Op::Key(KeyCode::Up, SHIFT)),
            1 => Just(Op::Key(KeyCode::Down, SHIFT)),
            1 => Just(Op::Key(KeyCode::Char('x'), CTRL)),
            1 => Just(Op::Key(KeyCode::Up, CTRL)),
            1 => Just(Op::Key(KeyCode::Down, CTRL)),
            1 => Just(Op::Key(KeyCode::PageUp, ALT)),
            1 => Just(Op::Key(KeyCode::PageDown, ALT)),
            1 => Just(Op::Key(KeyCode::Up, CTRL | ALT)),
            1 => Just(Op::Key(KeyCode::Down, CTRL | ALT)),
            1 => Just(Op::Key(KeyCode::Tab, NONE)),
            1 => Just(Op::Key(KeyCode::Left, SHIFT)),
            1 => Just(Op::Key(KeyCode::Char('c'), CTRL)),
            1 => "[a-z\\n]{0,12}".prop_map(Op::Paste),
        ]
    }

    fn is_page_key(op: &Op) -> bool {
        matches!(op, Op::Key(KeyCode::PageUp | KeyCode::PageDown, _))
    }

    /// The same edit on the windowed editor and on one text area holding all the notes.
    fn apply(windowed: &mut NotesEditor, whole: &mut TextArea, op: Op) {
        match op {
            Op::Type(c) => {
                windowed.insert(&c.to_string());
                whole.insert_str(c.to_string());
            }
            Op::Key(code, modifiers) => {
                // Through the key table on one side, the text area's own keys on the other.
                press(windowed, code, modifiers);
                whole.input(KeyEvent::new(code, modifiers));
                // The top and the end of the notes are their first and last character.
                if (code == KeyCode::Up || code == KeyCode::Down) && modifiers == CTRL | ALT {
                    whole.move_cursor(if code == KeyCode::Up {
                        CursorMove::Head
                    } else {
                        CursorMove::End
                    });
                }
            }
            Op::Paste(text) => {
                windowed.paste(&text);
                whole.insert_str(text);
            }
        }
    }

    proptest! {
        /// Whatever is typed, the windowed editor holds the same notes and shows the same
        /// screen as one text area holding them all. Drawn in 24×4 the window keeps 4 lines
        /// either side, otherwise 2: it moves all the time.
        #[test]
        fn the_window_never_changes_the_notes_or_the_screen(
            start in prop::collection::vec("[a-z ]{0,30}", 1..30),
            ops in prop::collection::vec(op(), 0..80),
            drawn in any::<bool>(),
        ) {
            let area = Rect::new(0, 0, 24, 4);
            let mut windowed = NotesEditor::windowed("", start.clone(), None, 2);
            let mut whole = text_area(start, "", None);
            whole.move_cursor(CursorMove::Bottom);
            whole.move_cursor(CursorMove::End);
            if drawn {
                // As the console does: a terminal's rows in the window, then a first frame.
                windowed.fit(usize::from(area.height));
                windowed.render(area, &mut Buffer::empty(area));
                windowed.drawn_in((area.width, area.height));
                (&whole).render(area, &mut Buffer::empty(area));
            }
            // Undrawn, a text area has no page to move by.
            for op in ops.into_iter().filter(|op| drawn || !is_page_key(op)) {
                apply(&mut windowed, &mut whole, op);
                prop_assert_eq!(windowed.lines(), whole.lines().to_vec());
                let DataCursor(row, col) = whole.cursor();
                prop_assert_eq!(windowed.cursor(), (row, col));
                if drawn {
                    let mut seen = Buffer::empty(area);
                    windowed.render(area, &mut seen);
                    let mut expected = Buffer::empty(area);
                    (&whole).render(area, &mut expected);
                    prop_assert_eq!(rows(&seen), rows(&expected));
                }
            }
        }

        /// Undo and redo in the windowed editor take the notes where they take one text
        /// area holding them all, step by step, until they stop; then they stay stopped.
        #[test]
        fn undo_and_redo_go_where_they_go_in_one_text_area_or_stop(
            ops in prop::collection::vec(op(), 0..40),
            undos in 0..45usize,
            redos in 0..45usize,
        ) {
            let mut windowed = NotesEditor::windowed("", Vec::new(), None, 2);
            let mut whole = text_area(Vec::new(), "", None);
            for op in ops.into_iter().filter(|op| !is_page_key(op)) {
                apply(&mut windowed, &mut whole, op);
            }
            let steps = [(KeyCode::Char('u'), undos), (KeyCode::Char('r'), redos)];
            let mut stopped = false;
            for (code, count) in steps {
                for _ in 0..count {
                    let before = windowed.lines();
                    apply(&mut windowed, &mut whole, Op::Key(code, CTRL));
                    if !stopped && windowed.lines() == whole.lines() {
                        let DataCursor(row, col) = whole.cursor();
                        prop_assert_eq!(windowed.cursor(), (row, col));
                    } else {
                        // Stopping is allowed only where one text area would go on: the
                        // notes as they were, and nothing left to step in the window itself
                        // (the steps left are in windows the notes have moved on from).
                        stopped = true;
                        prop_assert_eq!(windowed.lines(), before);
                        let mut window = windowed.window.text.clone();
                        let stepped = if code == KeyCode::Char('u') { window.undo() } else { window.redo() };
                        prop_assert!(!stepped, "stopped with steps left in the window");
                    }
                }
                if stopped {
                    break;
                }
            }
        }
    }
}
