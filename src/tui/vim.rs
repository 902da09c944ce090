//! Vim keys for the notes (`notes_keys = "vim"`): Normal, Insert and Visual modes, built
//! on the notes editor's own operations (`NotesEdit`), so the windowed editor, its undo and
//! its marks work as with the standard keys.
//!
//! What it knows: the motions `h j k l w b e 0 ^ $ gg G` (and the arrows), `i a I A o O`,
//! `x`, the operators `d c y` with a motion or doubled (`dd cc yy`), `p P`, `u` and Ctrl+R,
//! `v` and `V` with `d y c x`, a count before a motion, an operator or `x p u`, and `.`
//! to repeat the last change. Interview commands (Ctrl and function keys) are taken
//! before any of this, in every mode; Esc only ever goes back to Normal mode.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::notes::{NotesEdit, NotesEditor};

/// The modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Insert,
    /// Characters selected.
    Visual,
    /// Whole lines selected.
    VisualLine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    Delete,
    Change,
    Yank,
}

/// One step of a change, to do again with `.`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(KeyEvent),
    Text(String),
    Edit(NotesEdit),
}

/// Counts past this are taken as this: a slip of the finger must not hang the console.
const MAX_COUNT: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vim {
    mode: Mode,
    count: Option<usize>,
    operator: Option<Operator>,
    /// `g` was pressed: `gg` goes to the top.
    g: bool,
    /// Where Visual mode began.
    anchor: (usize, usize),
    /// What `y`, `d`, `c` and `x` last took, and whether it was whole lines.
    register: String,
    linewise: bool,
    /// The keys of the change under way, and the last change done.
    change: Vec<Step>,
    last_change: Vec<Step>,
    replaying: bool,
}

impl Default for Vim {
    fn default() -> Vim {
        Vim::new()
    }
}

impl Vim {
    pub fn new() -> Vim {
        Vim {
            mode: Mode::Normal,
            count: None,
            operator: None,
            g: false,
            anchor: (0, 0),
            register: String::new(),
            linewise: false,
            change: Vec::new(),
            last_change: Vec::new(),
            replaying: false,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The mode as the notes title shows it.
    pub fn mode_name(&self) -> &'static str {
        match self.mode {
            Mode::Normal => "NORMAL",
            Mode::Insert => "INSERT",
            Mode::Visual => "VISUAL",
            Mode::VisualLine => "V-LINE",
        }
    }

    /// Text typed: in Insert mode it goes into the notes (and is kept for `.` to type
    /// again); in the other modes each character is a key for vim, and once one of them
    /// enters Insert mode the rest is typed.
    pub fn type_text(&mut self, notes: &mut NotesEditor, text: &str) {
        let mut chars = text.chars();
        while self.mode != Mode::Insert {
            let Some(c) = chars.next() else {
                return;
            };
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.key(notes, &KeyEvent::new(code, KeyModifiers::NONE));
        }
        let rest: String = chars.collect();
        if rest.is_empty() {
            return;
        }
        if !self.replaying {
            self.change.push(Step::Text(rest.clone()));
        }
        notes.insert(&rest);
    }

    /// An editing key in Insert mode (Backspace, an arrow), for `.` to do again.
    pub fn edited(&mut self, edit: NotesEdit) {
        if self.mode == Mode::Insert && !self.replaying {
            self.change.push(Step::Edit(edit));
        }
    }

    /// A key for the vim layer (every key no interview command took, in Normal and Visual
    /// mode; Esc in Insert mode).
    pub fn key(&mut self, notes: &mut NotesEditor, key: &KeyEvent) {
        if !self.replaying {
            self.change.push(Step::Key(*key));
        }
        match self.mode {
            Mode::Insert => {
                if key.code == KeyCode::Esc {
                    // Back over the last character typed, as vim does.
                    let (_, col) = notes.cursor();
                    if col > 0 {
                        notes.apply(NotesEdit::Left);
                    }
                    self.mode = Mode::Normal;
                    self.finish_change(true);
                }
            }
            Mode::Normal => self.normal(notes, key),
            Mode::Visual | Mode::VisualLine => self.visual(notes, key),
        }
        // Normal mode's cursor is on a character, never past the last.
        let (row, col) = notes.cursor();
        if self.mode == Mode::Normal && col > 0 && col >= notes.line_length(row) {
            notes.apply(NotesEdit::Left);
        }
    }

    /// A command is over: a change is kept for `.`, anything else forgotten.
    fn finish_change(&mut self, changed: bool) {
        if self.replaying {
            return;
        }
        if changed {
            self.last_change = std::mem::take(&mut self.change);
        } else {
            self.change.clear();
        }
    }

    /// A digit of a count (`0` only after another: alone it goes to the line's start).
    fn counted(&mut self, c: char) -> bool {
        let Some(d) = c.to_digit(10).filter(|d| *d != 0 || self.count.is_some()) else {
            return false;
        };
        let count = self.count.unwrap_or(0);
        self.count = Some((count * 10 + d as usize).min(MAX_COUNT));
        true
    }

    fn take_count(&mut self) -> usize {
        self.count.take().unwrap_or(1).min(MAX_COUNT)
    }

    fn normal(&mut self, notes: &mut NotesEditor, key: &KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('r') {
            for _ in 0..self.take_count() {
                notes.apply(NotesEdit::Redo);
            }
            return self.finish_change(false);
        }
        let Some(c) = key_char(key) else {
            // Esc (and any key vim would not take) cancels what was pending.
            self.count = None;
            self.operator = None;
            self.g = false;
            return self.finish_change(false);
        };
        if self.counted(c) {
            return;
        }
        if std::mem::take(&mut self.g) {
            if c == 'g' {
                self.motion(notes, NotesEdit::Top, true);
            } else {
                self.operator = None;
                self.count = None;
                self.finish_change(false);
            }
            return;
        }
        if let Some(edit) = motion(c) {
            return self.motion(notes, edit, matches!(c, 'j' | 'k' | 'G'));
        }
        let (row, _) = notes.cursor();
        match (self.operator, c) {
            (_, 'g') => self.g = true,
            (Some(op), 'd' | 'c' | 'y') if op == operator(c) => {
                let n = self.take_count();
                let last = (row + n - 1).min(notes.lines_count() - 1);
                self.operator = None;
                self.lines(notes, row, last, op);
            }
            (None, 'd' | 'c' | 'y') => self.operator = Some(operator(c)),
            (Some(_), _) => {
                self.operator = None;
                self.count = None;
                self.finish_change(false);
            }
            (None, 'x') => {
                let n = self.take_count();
                let length = notes.line_length(row);
                let (_, col) = notes.cursor();
                let take = n.min(length.saturating_sub(col));
                if take > 0 {
                    notes.apply(NotesEdit::StartSelection);
                    for _ in 0..take {
                        notes.extend(NotesEdit::Right);
                    }
                    self.take(notes, true, false);
                }
                self.finish_change(take > 0);
            }
            (None, 'p' | 'P') => {
                for _ in 0..self.take_count() {
                    self.put(notes, c == 'p');
                }
                self.finish_change(true);
            }
            (None, 'u') => {
                for _ in 0..self.take_count() {
                    notes.apply(NotesEdit::Undo);
                }
                self.finish_change(false);
            }
            (None, '.') => {
                let times = self.take_count();
                self.change.clear();
                self.repeat(notes, times);
            }
            (None, 'i' | 'a' | 'I' | 'A' | 'o' | 'O') => {
                self.count = None;
                match c {
                    'a' if notes.line_length(row) > 0 => notes.apply(NotesEdit::Right),
                    'I' => notes.apply(NotesEdit::FirstNonBlank),
                    'A' => notes.apply(NotesEdit::LineEnd),
                    'o' => {
                        notes.apply(NotesEdit::LineEnd);
                        notes.insert("\n");
                    }
                    'O' => {
                        notes.apply(NotesEdit::LineStart);
                        notes.insert("\n");
                        notes.apply(NotesEdit::Up);
                    }
                    _ => {}
                }
                self.mode = Mode::Insert;
            }
            (None, 'v' | 'V') => {
                self.count = None;
                self.anchor = notes.cursor();
                if c == 'V' {
                    self.mode = Mode::VisualLine;
                } else {
                    self.mode = Mode::Visual;
                }
                notes.apply(NotesEdit::StartSelection);
                self.finish_change(false);
            }
            (None, _) => {
                self.count = None;
                self.finish_change(false);
            }
        }
    }

    /// A motion: moves the cursor, or with an operator pending, takes what it passes over.
    /// `lines`: the motion is over whole lines for an operator (`dj`, `dG`).
    fn motion(&mut self, notes: &mut NotesEditor, edit: NotesEdit, lines: bool) {
        let n = self.take_count();
        // `h` and `l` stop at the line's ends (the editor's own ← and → go on to the next).
        let n = match edit {
            NotesEdit::Left => n.min(notes.cursor().1),
            NotesEdit::Right => {
                let (row, col) = notes.cursor();
                let last = notes.line_length(row).saturating_sub(1);
                let room = if self.operator.is_some() { 1 } else { 0 };
                n.min((last + room).saturating_sub(col))
            }
            _ => n,
        };
        let Some(op) = self.operator.take() else {
            for _ in 0..n {
                notes.apply(edit);
                if matches!(edit, NotesEdit::Top | NotesEdit::Bottom) {
                    notes.apply(NotesEdit::FirstNonBlank);
                    break;
                }
            }
            return self.finish_change(false);
        };
        let (row, col) = notes.cursor();
        if lines {
            for _ in 0..n {
                notes.apply(edit);
                if matches!(edit, NotesEdit::Top | NotesEdit::Bottom) {
                    break;
                }
            }
            let (to, _) = notes.cursor();
            notes.go_to((row, col));
            return self.lines(notes, row.min(to), row.max(to), op);
        }
        // `cw` changes to the end of the word, as `ce` does.
        let edit = if op == Operator::Change && edit == NotesEdit::WordForward {
            NotesEdit::WordEnd
        } else {
            edit
        };
        notes.apply(NotesEdit::StartSelection);
        for _ in 0..n {
            notes.extend(edit);
        }
        // `e` takes the last character of the word too.
        if edit == NotesEdit::WordEnd {
            notes.extend(NotesEdit::Right);
        }
        self.take(notes, op != Operator::Yank, false);
        if op == Operator::Yank {
            notes.go_to((row, col));
        }
        self.after(op);
    }

    /// After an operator: Insert mode for a change, Normal otherwise.
    fn after(&mut self, op: Operator) {
        if op == Operator::Change {
            self.mode = Mode::Insert;
        } else {
            self.mode = Mode::Normal;
            self.finish_change(op == Operator::Delete);
        }
    }

    /// An operator over lines `first..=last`.
    fn lines(&mut self, notes: &mut NotesEditor, first: usize, last: usize, op: Operator) {
        let (row, col) = notes.cursor();
        let end_of_notes = last + 1 >= notes.lines_count();
        match op {
            Operator::Change => {
                // The lines' text goes, an empty line stays to type on.
                notes.go_to((first, 0));
                notes.apply(NotesEdit::StartSelection);
                notes.go_to_extending((last, notes.line_length(last)));
            }
            _ if end_of_notes && first > 0 => {
                // The last lines: the line break before them goes with them.
                notes.go_to((first - 1, notes.line_length(first - 1)));
                notes.apply(NotesEdit::StartSelection);
                notes.go_to_extending((last, notes.line_length(last)));
            }
            _ if end_of_notes => {
                notes.go_to((first, 0));
                notes.apply(NotesEdit::StartSelection);
                notes.go_to_extending((last, notes.line_length(last)));
            }
            _ => {
                notes.go_to((first, 0));
                notes.apply(NotesEdit::StartSelection);
                notes.go_to_extending((last + 1, 0));
            }
        }
        self.take(notes, op != Operator::Yank, true);
        match op {
            Operator::Yank => notes.go_to((row, col)),
            Operator::Delete => {
                let to = first.min(notes.lines_count() - 1);
                notes.go_to((to, 0));
                notes.apply(NotesEdit::FirstNonBlank);
            }
            Operator::Change => {}
        }
        self.after(op);
    }

    /// Cuts (or copies) the selection into the register. Whole lines are kept without
    /// their line breaks: `put` adds them back.
    fn take(&mut self, notes: &mut NotesEditor, cut: bool, linewise: bool) {
        notes.apply(if cut { NotesEdit::Cut } else { NotesEdit::Copy });
        let taken = notes.text_area().yank_text();
        self.linewise = linewise;
        self.register = if linewise {
            let trimmed = taken.strip_suffix('\n').unwrap_or(&taken);
            trimmed.strip_prefix('\n').unwrap_or(trimmed).to_string()
        } else {
            taken
        };
        notes.apply(NotesEdit::CancelSelection);
    }

    /// `p` (after the cursor) and `P` (before it).
    fn put(&mut self, notes: &mut NotesEditor, after: bool) {
        if self.register.is_empty() && !self.linewise {
            return;
        }
        let (row, _) = notes.cursor();
        if self.linewise {
            if after {
                notes.apply(NotesEdit::LineEnd);
                notes.insert(&format!("\n{}", self.register));
                notes.go_to((row + 1, 0));
            } else {
                notes.apply(NotesEdit::LineStart);
                notes.insert(&format!("{}\n", self.register));
                notes.go_to((row, 0));
            }
            notes.apply(NotesEdit::FirstNonBlank);
        } else {
            let (_, col) = notes.cursor();
            if after && col < notes.line_length(row) {
                notes.apply(NotesEdit::Right);
            }
            notes.insert(&self.register.clone());
            notes.apply(NotesEdit::Left);
        }
    }

    /// Does the last change again, `times` times.
    fn repeat(&mut self, notes: &mut NotesEditor, times: usize) {
        let steps = self.last_change.clone();
        self.replaying = true;
        for _ in 0..times {
            for step in &steps {
                match step {
                    Step::Key(key) => self.key(notes, key),
                    Step::Text(text) => notes.insert(text),
                    Step::Edit(edit) => notes.apply(*edit),
                }
            }
        }
        self.replaying = false;
        self.mode = Mode::Normal;
    }

    fn visual(&mut self, notes: &mut NotesEditor, key: &KeyEvent) {
        let Some(c) = key_char(key) else {
            notes.apply(NotesEdit::CancelSelection);
            self.mode = Mode::Normal;
            self.count = None;
            return self.finish_change(false);
        };
        if self.counted(c) {
            return;
        }
        if std::mem::take(&mut self.g) {
            if c == 'g' {
                notes.extend(NotesEdit::Top);
            }
            return;
        }
        if let Some(edit) = motion(c) {
            for _ in 0..self.take_count() {
                notes.extend(edit);
            }
            return;
        }
        let op = match c {
            'g' => {
                self.g = true;
                return;
            }
            'd' | 'x' => Operator::Delete,
            'c' => Operator::Change,
            'y' => Operator::Yank,
            'v' | 'V' => {
                notes.apply(NotesEdit::CancelSelection);
                self.mode = Mode::Normal;
                return self.finish_change(false);
            }
            _ => return,
        };
        self.count = None;
        let cursor = notes.cursor();
        let anchor = self.anchor;
        let (start, end) = (anchor.min(cursor), anchor.max(cursor));
        notes.apply(NotesEdit::CancelSelection);
        if self.mode == Mode::VisualLine {
            notes.go_to(start);
            return self.lines(notes, start.0, end.0, op);
        }
        // Vim's selection holds the character under the cursor too.
        notes.go_to(start);
        notes.apply(NotesEdit::StartSelection);
        notes.go_to_extending(end);
        if end.1 < notes.line_length(end.0) {
            notes.extend(NotesEdit::Right);
        }
        self.take(notes, op != Operator::Yank, false);
        if op == Operator::Yank {
            notes.go_to(start);
        }
        self.after(op);
    }
}

/// The character a key is for vim's Normal and Visual modes: a plain character, or an
/// arrow, Home or End as the letter that moves the same way.
fn key_char(key: &KeyEvent) -> Option<char> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if plain => c,
        KeyCode::Left => 'h',
        KeyCode::Right => 'l',
        KeyCode::Up => 'k',
        KeyCode::Down => 'j',
        KeyCode::Home => '0',
        KeyCode::End => '$',
        _ => return None,
    })
}

/// The move a key is in Normal and Visual mode.
fn motion(c: char) -> Option<NotesEdit> {
    Some(match c {
        'h' => NotesEdit::Left,
        'l' => NotesEdit::Right,
        'k' => NotesEdit::Up,
        'j' => NotesEdit::Down,
        'w' => NotesEdit::WordForward,
        'b' => NotesEdit::WordBack,
        'e' => NotesEdit::WordEnd,
        '0' => NotesEdit::LineStart,
        '^' => NotesEdit::FirstNonBlank,
        '$' => NotesEdit::LineEnd,
        'G' => NotesEdit::Bottom,
        _ => return None,
    })
}

fn operator(c: char) -> Operator {
    match c {
        'c' => Operator::Change,
        'y' => Operator::Yank,
        _ => Operator::Delete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys as vim writes them: `<Esc>`, `<C-r>`, anything else a character.
    fn keys(text: &str) -> Vec<KeyEvent> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let (key, len) = if let Some(after) = rest.strip_prefix("<Esc>") {
                (
                    KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                    rest.len() - after.len(),
                )
            } else if let Some(after) = rest.strip_prefix("<C-r>") {
                (
                    KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
                    rest.len() - after.len(),
                )
            } else if c == '\n' {
                (KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), 1)
            } else {
                (
                    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                    c.len_utf8(),
                )
            };
            out.push(key);
            rest = &rest[len..];
        }
        out
    }

    /// Runs `typed` as the console would: Insert mode's typing goes into the notes, the
    /// rest to the vim layer.
    fn run(start: &[&str], cursor: (usize, usize), typed: &str) -> (Vec<String>, (usize, usize)) {
        let lines = start.iter().map(ToString::to_string).collect();
        let mut notes = NotesEditor::windowed("", lines, None, 2);
        notes.go_to(cursor);
        let mut vim = Vim::new();
        for key in keys(typed) {
            match key.code {
                KeyCode::Char(c) if vim.mode() == Mode::Insert => {
                    vim.type_text(&mut notes, &c.to_string());
                }
                KeyCode::Enter if vim.mode() == Mode::Insert => vim.type_text(&mut notes, "\n"),
                _ => vim.key(&mut notes, &key),
            }
        }
        (notes.lines(), notes.cursor())
    }

    /// The notes and the cursor before, the keys, the notes and the cursor after.
    type Case<'a> = (
        &'a [&'a str],
        (usize, usize),
        &'a str,
        &'a [&'a str],
        (usize, usize),
    );

    #[test]
    fn key_sequences_give_the_text_and_cursor_vim_gives() {
        let two = &["one two three", "four five"][..];
        // (start, cursor, keys, expected lines, expected cursor)
        let cases: &[Case] = &[
            (two, (0, 0), "w", two, (0, 4)),
            (two, (0, 0), "2w", two, (0, 8)),
            (two, (0, 0), "e", two, (0, 2)),
            (two, (0, 8), "b", two, (0, 4)),
            (two, (0, 5), "0", two, (0, 0)),
            (two, (0, 0), "$", two, (0, 12)),
            (two, (0, 0), "j", two, (1, 0)),
            (two, (1, 3), "k", two, (0, 3)),
            (two, (0, 0), "ll", two, (0, 2)),
            (two, (1, 4), "h", two, (1, 3)),
            (two, (1, 0), "h", two, (1, 0)),
            (two, (0, 0), "$l", two, (0, 12)),
            (two, (0, 0), "20l", two, (0, 12)),
            (two, (0, 11), "3dl", &["one two thr", "four five"], (0, 10)),
            (two, (1, 4), "gg", two, (0, 0)),
            (two, (0, 4), "G", two, (1, 0)),
            (&["   indented"], (0, 9), "^", &["   indented"], (0, 3)),
            (two, (0, 0), "x", &["ne two three", "four five"], (0, 0)),
            (two, (0, 0), "3x", &[" two three", "four five"], (0, 0)),
            (two, (0, 0), "dw", &["two three", "four five"], (0, 0)),
            (two, (0, 0), "2dw", &["three", "four five"], (0, 0)),
            (
                two,
                (0, 0),
                "cwONE<Esc>",
                &["ONE two three", "four five"],
                (0, 2),
            ),
            (two, (0, 0), "dd", &["four five"], (0, 0)),
            (two, (1, 2), "dd", &["one two three"], (0, 0)),
            (&["a", "b", "c"], (0, 0), "2dd", &["c"], (0, 0)),
            (&["a", "b", "c"], (0, 0), "dj", &["c"], (0, 0)),
            (
                two,
                (0, 0),
                "yyp",
                &["one two three", "one two three", "four five"],
                (1, 0),
            ),
            (
                two,
                (1, 0),
                "yyP",
                &["one two three", "four five", "four five"],
                (1, 0),
            ),
            (two, (0, 0), "ddp", &["four five", "one two three"], (1, 0)),
            (two, (0, 0), "dwP", &["one two three", "four five"], (0, 3)),
            (
                two,
                (0, 0),
                "iX<Esc>",
                &["Xone two three", "four five"],
                (0, 0),
            ),
            (
                two,
                (0, 0),
                "aX<Esc>",
                &["oXne two three", "four five"],
                (0, 1),
            ),
            (
                two,
                (0, 4),
                "AX<Esc>",
                &["one two threeX", "four five"],
                (0, 13),
            ),
            (&["  a"], (0, 2), "IX<Esc>", &["  Xa"], (0, 2)),
            (
                two,
                (0, 0),
                "onew<Esc>",
                &["one two three", "new", "four five"],
                (1, 2),
            ),
            (
                two,
                (1, 0),
                "Onew<Esc>",
                &["one two three", "new", "four five"],
                (1, 2),
            ),
            (two, (0, 0), "ccnew<Esc>", &["new", "four five"], (0, 2)),
            // Undo leaves the cursor after what it put back (the text area's way).
            (two, (0, 0), "xu", two, (0, 1)),
            (two, (0, 0), "xxuu", two, (0, 1)),
            (
                two,
                (0, 0),
                "xxu<C-r>",
                &["e two three", "four five"],
                (0, 0),
            ),
            (two, (0, 0), "x..", &[" two three", "four five"], (0, 0)),
            (two, (0, 0), "dw.", &["three", "four five"], (0, 0)),
            (
                two,
                (0, 0),
                "iab <Esc>j.",
                &["ab one two three", "foab ur five"],
                (1, 4),
            ),
            (two, (0, 0), "vld", &["e two three", "four five"], (0, 0)),
            (
                two,
                (0, 0),
                "vey$p",
                &["one two threeone", "four five"],
                (0, 15),
            ),
            (
                two,
                (0, 4),
                "vecX<Esc>",
                &["one X three", "four five"],
                (0, 4),
            ),
            (two, (0, 3), "Vd", &["four five"], (0, 0)),
            (&["a", "b", "c"], (0, 0), "Vjd", &["c"], (0, 0)),
            (
                &["a", "b", "c"],
                (0, 0),
                "Vjyjjp",
                &["a", "b", "c", "a", "b"],
                (3, 0),
            ),
            // Esc in Normal mode does nothing; a pending operator is cancelled.
            (
                two,
                (0, 0),
                "<Esc>d<Esc>x",
                &["ne two three", "four five"],
                (0, 0),
            ),
        ];
        let mut wrong = Vec::new();
        for (start, cursor, typed, lines, expected_cursor) in cases {
            let (got, at) = run(start, *cursor, typed);
            let expected: Vec<String> = lines.iter().map(ToString::to_string).collect();
            if (&got, at) != (&expected, *expected_cursor) {
                wrong.push(format!(
                    "{typed:?} on {start:?} at {cursor:?}: {got:?} at {at:?}, not {expected:?} at {expected_cursor:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn typed_text_is_keys_until_a_key_enters_insert_mode() {
        let mut notes = NotesEditor::windowed("", vec!["one two".into()], None, 2);
        notes.go_to((0, 0));
        let mut vim = Vim::new();
        // As a batch of keys behind the help arrives: one run of text.
        vim.type_text(&mut notes, "dwiab ");
        assert_eq!(notes.lines(), ["ab two"]);
        assert_eq!(vim.mode(), Mode::Insert);
        vim.key(&mut notes, &KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        vim.type_text(&mut notes, "$.");
        assert_eq!(notes.lines(), ["ab twab o"], "`.` typed the text again");
    }

    #[test]
    fn the_mode_shows_and_esc_comes_back_to_normal() {
        let mut notes = NotesEditor::windowed("", vec!["x".into()], None, 2);
        let mut vim = Vim::new();
        assert_eq!(vim.mode_name(), "NORMAL");
        for (key, mode) in [
            ("i", "INSERT"),
            ("<Esc>", "NORMAL"),
            ("v", "VISUAL"),
            ("<Esc>", "NORMAL"),
            ("V", "V-LINE"),
            ("<Esc>", "NORMAL"),
            ("<Esc>", "NORMAL"),
        ] {
            for key in keys(key) {
                vim.key(&mut notes, &key);
            }
            assert_eq!(vim.mode_name(), mode, "after {key}");
        }
        assert_eq!(notes.lines(), ["x"]);
    }
}
