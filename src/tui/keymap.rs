//! Every key the console answers to, in one table: where it applies, which keys, what it
//! does.
//!
//! `BINDINGS` is the table of defaults. A `Keymap` is the table in force: the defaults with
//! the config file's `[keys]` laid over them, checked for conflicts. Dispatch, the footer
//! hints, the help overlay, the messages that name a key and README's key table all read a
//! `Keymap` (README the default one), so a hint can never drift from what a key does.
//! Typing is a row of the table too: in the interview every command is a Ctrl, Alt or
//! function-key chord, checked before the row that sends printable keys to the notes.

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, HelpScroll, SearchEdit, SetupAction};
use super::notes::NotesEdit;

/// What a row of the table does. Each is turned into an action with what the key carries
/// (the character typed, the digit pressed) by `Command::action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextPhase,
    PreviousPhase,
    StampTime,
    StampWallClock,
    TogglePause,
    WriteScorecard,
    /// Rate by the digit pressed (held with Alt, or after `RateMenu`): its place on the
    /// scale.
    Rate,
    /// Ask for a rating: the next digit rates, with no modifier to hold.
    RateMenu,
    ClearRating,
    DismissReminder,
    OpenHandoff,
    CloseHandoff,
    Reopen,
    CopyLink,
    OpenLink,
    ScrollScriptUp,
    ScrollScriptDown,
    SearchNotes,
    /// A printable key, typed into the notes (Enter included).
    TypeInNotes,
    EditNotes(NotesEdit),
    Search(SearchEdit),
    /// A printable key, typed into the search.
    TypeInSearch,
    Setup(SetupAction),
    /// A printable key, typed into the focused setup field.
    TypeInField,
    Help,
    CloseHelp,
    ScrollHelp(HelpScroll),
    Quit,
    ConfirmQuit,
    StayOpen,
    FinishAndQuit,
    LeaveInProgress,
    /// A key for the vim layer of the notes.
    Vim,
}

impl Command {
    /// The action a key runs through this command; `None` when the key cannot carry it (a
    /// digit past 9).
    pub fn action(self, key: &KeyEvent) -> Option<Action> {
        Some(match self {
            Command::NextPhase => Action::NextPhase,
            Command::PreviousPhase => Action::PreviousPhase,
            Command::StampTime => Action::StampTime,
            Command::StampWallClock => Action::StampWallClock,
            Command::TogglePause => Action::TogglePause,
            Command::WriteScorecard => Action::WriteScorecard,
            Command::Rate => Action::Rate(digit(key)?.checked_sub(1)?),
            Command::RateMenu => Action::AskRating,
            Command::ClearRating => Action::ClearRating,
            Command::DismissReminder => Action::DismissReminder,
            Command::OpenHandoff => Action::OpenHandoff,
            Command::CloseHandoff => Action::CloseHandoff,
            Command::Reopen => Action::Reopen,
            Command::CopyLink => Action::CopyLink,
            Command::OpenLink => Action::OpenLink,
            Command::ScrollScriptUp => Action::ScrollScriptUp,
            Command::ScrollScriptDown => Action::ScrollScriptDown,
            Command::SearchNotes => Action::OpenSearch,
            Command::TypeInNotes => Action::Type(typed(key)?.to_string()),
            Command::EditNotes(edit) => Action::Edit(edit),
            Command::Search(edit) => Action::Search(edit),
            Command::TypeInSearch => Action::Search(SearchEdit::Type(typed(key)?)),
            Command::Setup(setup) => Action::Setup(setup),
            Command::TypeInField => Action::Setup(SetupAction::Type(typed(key)?)),
            Command::Help => Action::ShowHelp,
            Command::CloseHelp => Action::CloseHelp,
            Command::ScrollHelp(scroll) => Action::ScrollHelp(scroll),
            Command::Quit => Action::AskToQuit,
            Command::ConfirmQuit => Action::Quit,
            Command::StayOpen => Action::StayOpen,
            Command::FinishAndQuit => Action::FinishAndQuit,
            Command::LeaveInProgress => Action::LeaveInProgress,
            Command::Vim => Action::Vim(*key),
        })
    }

    /// The command's name in the config file's `[keys]` (`next_phase`, `notes.undo`),
    /// from its variant's name; `None` for commands that are not chords (typing, the
    /// answers to a question).
    pub fn name(self) -> Option<String> {
        let inner = |prefix: &str, variant: &dyn fmt::Debug| {
            Some(format!("{prefix}.{}", snake_case(&format!("{variant:?}"))))
        };
        match self {
            Command::EditNotes(edit) => inner("notes", &edit),
            Command::Search(SearchEdit::Type(_)) | Command::Setup(SetupAction::Type(_)) => None,
            Command::Search(edit) => inner("search", &edit),
            Command::Setup(action) => inner("setup", &action),
            Command::ScrollHelp(scroll) => inner("help_list", &scroll),
            Command::TypeInNotes
            | Command::TypeInSearch
            | Command::TypeInField
            | Command::ConfirmQuit
            | Command::StayOpen
            | Command::FinishAndQuit
            | Command::LeaveInProgress
            | Command::Vim => None,
            other => Some(snake_case(&format!("{other:?}"))),
        }
    }
}

/// `DeleteBack` → `delete_back`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where a row applies. The screen decides which contexts are live, in order (see
/// `Model::key_contexts` and `LIVE`): the first row of the first context that matches wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The setup screen, before the interview starts.
    Setup,
    /// During the interview, whatever the phase.
    Interview,
    /// The notes editor, reached when no interview command matches.
    Notes,
    /// Vim keys for the notes, Normal and Visual mode (`notes_keys = "vim"`): every key
    /// no interview command takes goes to the vim layer.
    VimNormal,
    /// Vim keys, Insert mode: Esc goes back to Normal, the rest is the notes editor.
    VimInsert,
    /// The search prompt over the notes.
    Search,
    /// The hand-off note, open in place of the phase's notes.
    Handoff,
    /// The key list.
    Help,
    /// The question which rating to give (no Alt needed).
    Rating,
    /// The question whether to quit.
    ConfirmQuit,
    /// Leaving from the wrap-up: finish, go back, or leave it in progress.
    FinishCheck,
    /// On the setup screen and during the interview alike.
    Anywhere,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Setup => "Setup",
            Context::Interview => "Interview",
            Context::Notes => "Notes editor",
            Context::VimNormal => "Vim keys: Normal and Visual mode",
            Context::VimInsert => "Vim keys: Insert mode",
            Context::Search => "Search the notes",
            Context::Handoff => "Hand-off note",
            Context::Help => "This list",
            Context::Rating => "Rating",
            Context::ConfirmQuit => "Quitting",
            Context::FinishCheck => "Finishing",
            Context::Anywhere => "Everywhere",
        }
    }
}

/// The contexts live together, first first, on each screen (`Model::key_contexts` picks
/// one): keys are checked for conflicts within each.
pub const SETUP_KEYS: &[Context] = &[Context::Setup, Context::Anywhere];
pub const INTERVIEW_KEYS: &[Context] = &[Context::Interview, Context::Anywhere, Context::Notes];
pub const VIM_NORMAL_KEYS: &[Context] =
    &[Context::Interview, Context::Anywhere, Context::VimNormal];
pub const VIM_INSERT_KEYS: &[Context] = &[
    Context::Interview,
    Context::Anywhere,
    Context::VimInsert,
    Context::Notes,
];
pub const SEARCH_KEYS: &[Context] = &[Context::Search, Context::Interview, Context::Anywhere];
pub const HELP_KEYS: &[Context] = &[Context::Help, Context::Anywhere];
pub const RATING_KEYS: &[Context] = &[Context::Rating];
pub const QUIT_KEYS: &[Context] = &[Context::ConfirmQuit];
/// The hand-off note takes the typing, with the notes editor's keys (not vim's: it is a
/// short note, open for a moment).
pub const HANDOFF_KEYS: &[Context] = &[Context::Handoff, Context::Anywhere, Context::Notes];
pub const FINISH_KEYS: &[Context] = &[Context::FinishCheck];
pub const LIVE: [&[Context]; 10] = [
    SETUP_KEYS,
    INTERVIEW_KEYS,
    VIM_NORMAL_KEYS,
    VIM_INSERT_KEYS,
    SEARCH_KEYS,
    HELP_KEYS,
    RATING_KEYS,
    QUIT_KEYS,
    HANDOFF_KEYS,
    FINISH_KEYS,
];

/// One key: a code and the modifiers held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Chord {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Chord {
        Chord { code, modifiers }
    }

    /// A key event as a chord written for it reads: Shift is ignored on Ctrl/Alt letter
    /// chords (caps lock, or a terminal that reports Ctrl+Shift+N for Ctrl+N).
    fn of(key: &KeyEvent) -> Chord {
        let mut modifiers = key.modifiers;
        let mut code = key.code;
        if let KeyCode::Char(c) = code
            && modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Chord { code, modifiers }
    }

    /// The short form for the footer: `^N`, `F1`, `PgUp`.
    pub fn short(&self) -> String {
        let key = key_name(self.code, true);
        if self.modifiers == KeyModifiers::CONTROL {
            format!("^{key}")
        } else if self.modifiers.is_empty() {
            key
        } else {
            self.to_string()
        }
    }

    /// Reads a chord as people write it and as the help shows it: `Ctrl+N`, `Alt+1`, `F5`,
    /// `Ctrl+Space`, `Shift+Tab`, `PageDown`, `↑` or `Up`; modifiers and key names in any
    /// case.
    pub fn parse(text: &str) -> Result<Chord, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut parts: Vec<&str> = text.split('+').collect();
        // `Ctrl++` is Ctrl and the plus key.
        if text.ends_with("++") {
            parts.truncate(parts.len() - 2);
            parts.push("+");
        }
        let Some((key, held)) = parts.split_last() else {
            return Err("an empty key".into());
        };
        for modifier in held {
            modifiers |= match modifier.trim().to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => {
                    return Err(format!(
                        "`{}` is not a modifier (Ctrl, Alt or Shift)",
                        modifier.trim()
                    ));
                }
            };
        }
        let code = parse_key(key.trim())?;
        let mut chord = Chord::new(code, modifiers);
        if let KeyCode::Char(c) = code
            && modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            chord.code = KeyCode::Char(c.to_ascii_lowercase());
            chord.modifiers.remove(KeyModifiers::SHIFT);
        }
        if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
            // Terminals send Shift+Tab as a key of its own.
            chord.code = KeyCode::BackTab;
        }
        Ok(chord)
    }

    /// Whether the chord is a key that types (a printable character or Enter, without
    /// Ctrl or Alt): such a key goes into the notes and cannot be a command there.
    pub fn types(&self) -> bool {
        typed(&KeyEvent::new(self.code, self.modifiers)).is_some()
    }
}

fn parse_key(name: &str) -> Result<KeyCode, String> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return Ok(match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return Err(format!("{c:?} is not a key")),
            c => KeyCode::Char(c),
        });
    }
    let lower = name.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok(KeyCode::F(n));
    }
    Ok(match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "esc" => KeyCode::Esc,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        _ => {
            return Err(format!(
                "`{name}` is not a key (a character, F1 … F12, Space, Enter, Tab, Esc, Backspace, Delete, Insert, Home, End, PageUp, PageDown, ↑ ↓ ← →)"
            ));
        }
    })
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (modifier, name) in [
            (KeyModifiers::CONTROL, "Ctrl+"),
            (KeyModifiers::ALT, "Alt+"),
            (KeyModifiers::SHIFT, "Shift+"),
        ] {
            if self.modifiers.contains(modifier) {
                f.write_str(name)?;
            }
        }
        f.write_str(&key_name(self.code, false))
    }
}

fn key_name(code: KeyCode, short: bool) -> String {
    match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::PageUp if short => "PgUp".into(),
        KeyCode::PageDown if short => "PgDn".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Tab | KeyCode::BackTab => "Tab".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    }
}

/// Which keys a row answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// These chords.
    Chords(&'static [Chord]),
    /// Any printable character without Ctrl or Alt (Shift allowed), and Enter as a new line.
    Text,
    /// Any key at all.
    Any,
}

/// A row of the table of defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Keys,
    /// How the default keys read in the help and README, when not the chords themselves.
    pub keys_text: Option<&'static str>,
    pub command: Command,
    /// The footer's word for it; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    pub description: &'static str,
}

impl Binding {
    /// Whether the help and README give this row a line of its own: rows with no
    /// description are described by the row before them.
    pub fn is_listed(&self) -> bool {
        !self.description.is_empty()
    }
}

const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const NONE: KeyModifiers = KeyModifiers::NONE;

const fn chord(code: KeyCode, modifiers: KeyModifiers) -> Chord {
    Chord::new(code, modifiers)
}

/// A row with the usual fields left out: no footer hint, keys read as the chords.
const fn row(context: Context, keys: Keys, command: Command, description: &'static str) -> Binding {
    Binding {
        context,
        keys,
        keys_text: None,
        command,
        hint: None,
        description,
    }
}

const fn with_hint(binding: Binding, hint: &'static str) -> Binding {
    Binding {
        hint: Some(hint),
        ..binding
    }
}

const fn reads(binding: Binding, keys_text: &'static str) -> Binding {
    Binding {
        keys_text: Some(keys_text),
        ..binding
    }
}

use Context::{
    Anywhere, ConfirmQuit, FinishCheck, Handoff, Help, Interview, Notes, Rating, Search, Setup,
    VimInsert, VimNormal,
};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

/// The digits 1 to 9 held with `modifiers`: a place on the rating scale each.
const fn digits(modifiers: KeyModifiers) -> [Chord; 9] {
    [
        chord(Char('1'), modifiers),
        chord(Char('2'), modifiers),
        chord(Char('3'), modifiers),
        chord(Char('4'), modifiers),
        chord(Char('5'), modifiers),
        chord(Char('6'), modifiers),
        chord(Char('7'), modifiers),
        chord(Char('8'), modifiers),
        chord(Char('9'), modifiers),
    ]
}
const ALT_DIGITS: &[Chord] = &digits(ALT);
const DIGITS: &[Chord] = &digits(NONE);

/// The table. Order is the order of the footer, the help overlay and README; within a
/// context the first matching row wins.
pub const BINDINGS: &[Binding] = &[
    with_hint(
        row(
            Interview,
            Keys::Chords(&[chord(Char('n'), CTRL)]),
            Command::NextPhase,
            "next phase; notes stay with their phase",
        ),
        "next",
    ),
    with_hint(
        row(
            Interview,
            Keys::Chords(&[chord(Char('p'), CTRL)]),
            Command::PreviousPhase,
            "previous phase",
        ),
        "back",
    ),
    with_hint(
        row(
            Interview,
            Keys::Chords(&[chord(Char('t'), CTRL)]),
            Command::StampTime,
            "insert [mm:ss] of interview time",
        ),
        "stamp",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('t'), ALT)]),
        Command::StampWallClock,
        "insert [hh:mm:ss] of the wall clock (for a recording)",
    ),
    with_hint(
        row(
            Interview,
            Keys::Chords(&[chord(Char('d'), CTRL)]),
            Command::RateMenu,
            "rate with the digit pressed next: no Alt needed",
        ),
        "rate",
    ),
    reads(
        row(
            Interview,
            Keys::Chords(ALT_DIGITS),
            Command::Rate,
            "rate the question; in wrap-up, the recommendation",
        ),
        "Alt+1 … Alt+9",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('0'), ALT)]),
        Command::ClearRating,
        "clear the rating (or the recommendation)",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('d'), ALT), chord(F(4), NONE)]),
        Command::DismissReminder,
        "dismiss the reminder the footer shows",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('h'), ALT), chord(F(3), NONE)]),
        Command::OpenHandoff,
        "the hand-off note for the next interviewer",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('f'), CTRL)]),
        Command::SearchNotes,
        "search this phase's notes (again: the next match)",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('l'), CTRL)]),
        Command::CopyLink,
        "copy the question's guidelines link (OSC 52)",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('o'), CTRL)]),
        Command::OpenLink,
        "open the guidelines link in the browser",
    ),
    with_hint(
        row(
            Interview,
            Keys::Chords(&[chord(F(5), NONE), chord(Char(' '), CTRL)]),
            Command::TogglePause,
            "pause / resume the clock",
        ),
        "pause",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('e'), CTRL)]),
        Command::WriteScorecard,
        "write the scorecard to the exports folder and copy it",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(PageUp, NONE)]),
        Command::ScrollScriptUp,
        "scroll the script up",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(PageDown, NONE)]),
        Command::ScrollScriptDown,
        "scroll the script down",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('r'), ALT)]),
        Command::Reopen,
        "reopen a finished interview: its clock runs on",
    ),
    reads(
        row(
            Notes,
            Keys::Text,
            Command::TypeInNotes,
            "always goes into the current phase's notes (paste too, as it is)",
        ),
        "typing, Enter, paste",
    ),
    row(
        Notes,
        Keys::Chords(&[chord(Tab, NONE)]),
        Command::EditNotes(NotesEdit::Indent),
        "indent (spaces to the next tab stop)",
    ),
    row(
        Notes,
        Keys::Chords(&[chord(Backspace, NONE), chord(Char('h'), CTRL)]),
        Command::EditNotes(NotesEdit::DeleteBack),
        "delete before the cursor",
    ),
    row(
        Notes,
        Keys::Chords(&[chord(Delete, NONE)]),
        Command::EditNotes(NotesEdit::DeleteForward),
        "delete after the cursor",
    ),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Left, NONE)]),
            Command::EditNotes(NotesEdit::Left),
            "move the cursor",
        ),
        "arrows, Home, End",
    ),
    hidden(Notes, &[chord(Right, NONE)], NotesEdit::Right),
    hidden(Notes, &[chord(Up, NONE)], NotesEdit::Up),
    hidden(Notes, &[chord(Down, NONE)], NotesEdit::Down),
    hidden(Notes, &[chord(Home, NONE)], NotesEdit::LineStart),
    hidden(Notes, &[chord(End, NONE)], NotesEdit::LineEnd),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Left, CTRL)]),
            Command::EditNotes(NotesEdit::WordBack),
            "move by word",
        ),
        "Ctrl+← / Ctrl+→",
    ),
    hidden(Notes, &[chord(Right, CTRL)], NotesEdit::WordForward),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Up, CTRL)]),
            Command::EditNotes(NotesEdit::ParagraphBack),
            "move by paragraph (to the line after an empty one)",
        ),
        "Ctrl+↑ / Ctrl+↓",
    ),
    hidden(Notes, &[chord(Down, CTRL)], NotesEdit::ParagraphForward),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Up, CTRL.union(ALT))]),
            Command::EditNotes(NotesEdit::Top),
            "go to the top / the end of the notes",
        ),
        "Ctrl+Alt+↑ / ↓",
    ),
    hidden(Notes, &[chord(Down, CTRL.union(ALT))], NotesEdit::Bottom),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(PageUp, ALT)]),
            Command::EditNotes(NotesEdit::PageUp),
            "a page of notes up / down",
        ),
        "Alt+PgUp / Alt+PgDn",
    ),
    hidden(Notes, &[chord(PageDown, ALT)], NotesEdit::PageDown),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Left, SHIFT)]),
            Command::EditNotes(NotesEdit::SelectLeft),
            "select (Ctrl+X cuts, Ctrl+C copies within the notes)",
        ),
        "Shift+arrows",
    ),
    hidden(Notes, &[chord(Right, SHIFT)], NotesEdit::SelectRight),
    hidden(Notes, &[chord(Up, SHIFT)], NotesEdit::SelectUp),
    hidden(Notes, &[chord(Down, SHIFT)], NotesEdit::SelectDown),
    hidden(Notes, &[chord(Char('x'), CTRL)], NotesEdit::Cut),
    hidden(Notes, &[chord(Char('c'), CTRL)], NotesEdit::Copy),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Char('u'), CTRL)]),
            Command::EditNotes(NotesEdit::Undo),
            "undo / redo",
        ),
        "Ctrl+U / Ctrl+R",
    ),
    hidden(Notes, &[chord(Char('r'), CTRL)], NotesEdit::Redo),
    reads(
        row(
            Notes,
            Keys::Chords(&[chord(Char('w'), CTRL)]),
            Command::EditNotes(NotesEdit::DeleteWordBack),
            "delete the word before / the rest of the line",
        ),
        "Ctrl+W / Ctrl+K",
    ),
    hidden(Notes, &[chord(Char('k'), CTRL)], NotesEdit::DeleteToLineEnd),
    row(
        Notes,
        Keys::Chords(&[chord(Char('y'), CTRL)]),
        Command::EditNotes(NotesEdit::PutBack),
        "put back what was last deleted or cut",
    ),
    reads(
        row(
            VimNormal,
            Keys::Any,
            Command::Vim,
            "h j k l w b e 0 ^ $ gg G move · i a I A o O insert · x, d c y with a move or doubled, p P · v V select, then d c y · u Ctrl+R undo, redo · a count first · . repeats the change",
        ),
        "vim's keys",
    ),
    row(
        VimInsert,
        Keys::Chords(&[chord(Esc, NONE)]),
        Command::Vim,
        "back to Normal mode (the rest as in the notes editor)",
    ),
    row(
        Search,
        Keys::Chords(&[chord(Backspace, NONE)]),
        Command::Search(SearchEdit::DeleteBack),
        "delete the last character",
    ),
    with_hint(
        row(
            Search,
            Keys::Chords(&[chord(Enter, NONE)]),
            Command::Search(SearchEdit::Next),
            "the next match (from the top after the last)",
        ),
        "next match",
    ),
    with_hint(
        row(
            Search,
            Keys::Chords(&[chord(Esc, NONE)]),
            Command::Search(SearchEdit::Close),
            "close the search; the cursor stays at the match",
        ),
        "close",
    ),
    // After Enter's row: typing is what is left.
    reads(
        row(
            Search,
            Keys::Text,
            Command::TypeInSearch,
            "the words to find, in any case",
        ),
        "typing",
    ),
    with_hint(
        row(
            Handoff,
            Keys::Chords(&[chord(Esc, NONE), chord(Char('h'), ALT), chord(F(3), NONE)]),
            Command::CloseHandoff,
            "back to the phase's notes; the hand-off note is kept",
        ),
        "close",
    ),
    with_hint(
        row(
            Setup,
            Keys::Chords(&[chord(Enter, NONE)]),
            Command::Setup(SetupAction::Start),
            "start (or go to what is missing)",
        ),
        "start",
    ),
    with_hint(
        row(
            Setup,
            Keys::Chords(&[chord(Tab, NONE), chord(Down, NONE)]),
            Command::Setup(SetupAction::NextField),
            "next field (↓ also moves in the list)",
        ),
        "next field",
    ),
    row(
        Setup,
        Keys::Chords(&[chord(BackTab, SHIFT), chord(Up, NONE)]),
        Command::Setup(SetupAction::PreviousField),
        "previous field (↑ also moves in the list)",
    ),
    reads(
        row(
            Setup,
            Keys::Chords(&[chord(Left, NONE)]),
            Command::Setup(SetupAction::Left),
            "role: choose · names: move · minutes: 5 less / more",
        ),
        "← / →",
    ),
    hidden_command(
        Setup,
        &[chord(Right, NONE)],
        Command::Setup(SetupAction::Right),
    ),
    row(
        Setup,
        Keys::Chords(&[chord(Char(' '), NONE)]),
        Command::Setup(SetupAction::Toggle),
        "questions: ask this one or not",
    ),
    row(
        Setup,
        Keys::Chords(&[chord(Up, ALT), chord(Up, CTRL)]),
        Command::Setup(SetupAction::MoveUp),
        "questions: ask this one earlier",
    ),
    row(
        Setup,
        Keys::Chords(&[chord(Down, ALT), chord(Down, CTRL)]),
        Command::Setup(SetupAction::MoveDown),
        "questions: ask this one later",
    ),
    row(
        Setup,
        Keys::Chords(&[chord(Backspace, NONE)]),
        Command::Setup(SetupAction::DeleteBack),
        "delete before the cursor",
    ),
    reads(
        row(
            Setup,
            Keys::Chords(&[chord(Home, NONE)]),
            Command::Setup(SetupAction::Home),
            "names: to the start / the end",
        ),
        "Home / End",
    ),
    hidden_command(Setup, &[chord(End, NONE)], Command::Setup(SetupAction::End)),
    reads(
        row(
            Setup,
            Keys::Chords(&[chord(Char('w'), CTRL)]),
            Command::Setup(SetupAction::DeleteWordBack),
            "names: delete the word before the cursor / all before it",
        ),
        "Ctrl+W / Ctrl+U",
    ),
    hidden_command(
        Setup,
        &[chord(Char('u'), CTRL)],
        Command::Setup(SetupAction::DeleteToStart),
    ),
    reads(
        row(
            Setup,
            Keys::Text,
            Command::TypeInField,
            "fills the field in focus",
        ),
        "typing",
    ),
    with_hint(
        row(
            Help,
            Keys::Chords(&[chord(Esc, NONE)]),
            Command::CloseHelp,
            "close this list",
        ),
        "close",
    ),
    Binding {
        keys_text: Some("↑ / ↓ / PageUp / PageDown"),
        hint: Some("scroll"),
        ..row(
            Help,
            Keys::Chords(&[chord(Up, NONE)]),
            Command::ScrollHelp(HelpScroll::LineUp),
            "scroll this list",
        )
    },
    hidden_command(
        Help,
        &[chord(Down, NONE)],
        Command::ScrollHelp(HelpScroll::LineDown),
    ),
    hidden_command(
        Help,
        &[chord(PageUp, NONE)],
        Command::ScrollHelp(HelpScroll::PageUp),
    ),
    hidden_command(
        Help,
        &[chord(PageDown, NONE)],
        Command::ScrollHelp(HelpScroll::PageDown),
    ),
    reads(
        row(
            Help,
            Keys::Text,
            Command::TypeInNotes,
            "still goes into the notes behind the list (in the interview)",
        ),
        "typing",
    ),
    reads(
        row(
            Rating,
            Keys::Chords(DIGITS),
            Command::Rate,
            "rate at that place on the scale",
        ),
        "1 … 9",
    ),
    with_hint(
        row(
            Rating,
            Keys::Chords(&[chord(Char('0'), NONE)]),
            Command::ClearRating,
            "clear the rating",
        ),
        "clear",
    ),
    with_hint(
        row(Rating, Keys::Any, Command::StayOpen, "cancel"),
        "cancel",
    ),
    with_hint(
        row(
            ConfirmQuit,
            Keys::Chords(&[chord(Char('y'), NONE), chord(Char('Y'), SHIFT)]),
            Command::ConfirmQuit,
            "quit; everything is saved",
        ),
        "quit",
    ),
    with_hint(
        row(ConfirmQuit, Keys::Any, Command::StayOpen, "stay"),
        "stay",
    ),
    with_hint(
        row(
            FinishCheck,
            Keys::Chords(&[chord(Char('f'), NONE), chord(Char('F'), SHIFT)]),
            Command::FinishAndQuit,
            "finish the interview (anyway) and quit",
        ),
        "finish",
    ),
    with_hint(
        row(
            FinishCheck,
            Keys::Chords(&[chord(Char('l'), NONE), chord(Char('L'), SHIFT)]),
            Command::LeaveInProgress,
            "quit, leaving it in progress to resume",
        ),
        "leave in progress",
    ),
    with_hint(
        row(FinishCheck, Keys::Any, Command::StayOpen, "go back"),
        "go back",
    ),
    with_hint(
        row(
            Anywhere,
            Keys::Chords(&[chord(Char('g'), CTRL), chord(F(1), NONE)]),
            Command::Help,
            "every key (Esc, or the same key again, closes)",
        ),
        "keys",
    ),
    with_hint(
        row(
            Anywhere,
            Keys::Chords(&[chord(Char('q'), CTRL)]),
            Command::Quit,
            "quit (confirm with y)",
        ),
        "quit",
    ),
];

/// A notes-editor row that the row before it describes (it shares that row's line in the
/// help and README).
const fn hidden(context: Context, chords: &'static [Chord], edit: NotesEdit) -> Binding {
    hidden_command(context, chords, Command::EditNotes(edit))
}

const fn hidden_command(context: Context, chords: &'static [Chord], command: Command) -> Binding {
    row(context, Keys::Chords(chords), command, "")
}

/// A row of the table in force: a default row and the chords it answers to now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub binding: &'static Binding,
    chords: Vec<Chord>,
    /// Whether the config file gave it other keys than the defaults.
    rebound: bool,
    /// The keys as the footer shows them, worked out with the chords: the footer is laid
    /// out every second.
    footer_keys: Option<String>,
}

impl Row {
    fn new(binding: &'static Binding, chords: Vec<Chord>, rebound: bool) -> Row {
        let mut row = Row {
            binding,
            chords,
            rebound,
            footer_keys: None,
        };
        row.footer_keys = match binding.keys {
            Keys::Chords(_) => row.short_label(),
            Keys::Any => Some("any other key".to_string()),
            Keys::Text => Some("typing".to_string()),
        };
        row
    }

    pub fn context(&self) -> Context {
        self.binding.context
    }

    pub fn command(&self) -> Command {
        self.binding.command
    }

    /// The row's name in the config file, if the config file can give it other keys: the
    /// answers to a question (the rating's digits, `y` to quit) and vim's keys are fixed.
    pub fn name(&self) -> Option<String> {
        match self.context() {
            Context::Rating
            | Context::ConfirmQuit
            | Context::FinishCheck
            | Context::VimNormal
            | Context::VimInsert => None,
            _ => self.command().name(),
        }
    }

    pub fn chords(&self) -> &[Chord] {
        &self.chords
    }

    /// The chords as the help reads them: `Alt+1 … Alt+9` for a run of digits.
    fn chords_label(&self) -> String {
        let digits = self.chords.len() > 3
            && self
                .chords
                .iter()
                .all(|c| matches!(c.code, KeyCode::Char(d) if d.is_ascii_digit()));
        match (digits, self.chords.first(), self.chords.last()) {
            (true, Some(first), Some(last)) => format!("{first} … {last}"),
            _ => self
                .chords
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" / "),
        }
    }

    /// The keys as the config file writes them: `Alt+digit` for the nine digits.
    pub fn config_keys(&self) -> Vec<String> {
        let digits = self.chords.len() == 9
            && self.chords.iter().enumerate().all(|(i, c)| {
                c.modifiers == self.chords[0].modifiers
                    && c.code == KeyCode::Char(char::from(b'1' + i as u8))
            });
        match self.chords.first() {
            Some(first) if digits => {
                let held = first.to_string();
                vec![format!("{}digit", held.trim_end_matches('1'))]
            }
            _ => self.chords.iter().map(ToString::to_string).collect(),
        }
    }

    /// The footer's short form of the keys: `^N`, `Alt+1…`, `↑`.
    fn short_label(&self) -> Option<String> {
        let first = self.chords.first()?;
        Some(if self.chords_label().contains('…') {
            format!("{}…", first.short())
        } else {
            first.short()
        })
    }
}

/// The keys in force: the defaults, with the config file's bindings laid over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
    /// Each context's rows (`Context as usize`): a key is looked up without going
    /// through the table, which every typed character would.
    by_context: Vec<ContextRows>,
}

/// The rows of one context, by their places in the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ContextRows {
    /// All of them, in table order.
    rows: Vec<usize>,
    /// The first row with each chord.
    first_with: HashMap<Chord, usize>,
    /// The first row that takes typed text, and the first that takes any key.
    text: Option<usize>,
    any: Option<usize>,
    /// Whether a chord here is a key that types: without one, a typed character (most
    /// keys) needs no look-up of its chord.
    typing_chords: bool,
}

impl ContextRows {
    /// Each context's rows of `rows`, indexed by `Context as usize`.
    fn of(rows: &[Row]) -> Vec<ContextRows> {
        let contexts = rows
            .iter()
            .map(|r| r.context() as usize)
            .max()
            .map_or(0, |m| m + 1);
        let mut by_context = vec![ContextRows::default(); contexts];
        for (i, row) in rows.iter().enumerate() {
            let context = &mut by_context[row.context() as usize];
            context.rows.push(i);
            for chord in &row.chords {
                context.first_with.entry(*chord).or_insert(i);
                context.typing_chords |= chord.types();
            }
            match row.binding.keys {
                Keys::Chords(_) => {}
                Keys::Text => {
                    context.text.get_or_insert(i);
                }
                Keys::Any => {
                    context.any.get_or_insert(i);
                }
            }
        }
        by_context
    }

    /// The first row that answers `key`, as going down the rows would find it.
    fn answering(&self, key: &KeyEvent) -> Option<usize> {
        let types = typed(key).is_some();
        let chord = if types && !self.typing_chords {
            None
        } else {
            self.first_with.get(&Chord::of(key)).copied()
        };
        let text = self.text.filter(|_| types);
        [chord, text, self.any].into_iter().flatten().min()
    }
}

impl Default for Keymap {
    fn default() -> Keymap {
        let rows: Vec<Row> = BINDINGS
            .iter()
            .map(|binding| {
                let chords = match binding.keys {
                    Keys::Chords(chords) => chords.to_vec(),
                    Keys::Text | Keys::Any => Vec::new(),
                };
                Row::new(binding, chords, false)
            })
            .collect();
        let by_context = ContextRows::of(&rows);
        Keymap { rows, by_context }
    }
}

/// Why a binding from the config file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("no command is called `{0}` (`interview-console config` lists them)")]
    UnknownCommand(String),
    #[error("`{command}`: {why}")]
    BadKey { command: String, why: String },
    #[error("`{command}` has no keys: give at least one")]
    NoKeys { command: String },
    #[error(
        "`{command}` = \"{chord}\": {chord} types into the notes, so it cannot be a command (use Ctrl, Alt or a function key)"
    )]
    Types { command: String, chord: Chord },
    #[error("{chord} is bound to both `{first}` and `{second}`, which are live together")]
    Conflict {
        chord: Chord,
        first: String,
        second: String,
    },
}

impl KeymapError {
    /// The commands the error is about, to find where the config file names them.
    pub fn commands(&self) -> Vec<&str> {
        match self {
            KeymapError::UnknownCommand(command)
            | KeymapError::BadKey { command, .. }
            | KeymapError::NoKeys { command }
            | KeymapError::Types { command, .. } => vec![command],
            KeymapError::Conflict { first, second, .. } => vec![first, second],
        }
    }
}

impl Keymap {
    /// Gives the command called `name` these keys instead of its defaults. `Alt+digit`
    /// (any modifiers, then `digit`) stands for the nine digits, for `rate`.
    pub fn rebind(&mut self, name: &str, keys: &[String]) -> Result<(), KeymapError> {
        let at = self
            .rows
            .iter()
            .position(|r| r.name().as_deref() == Some(name))
            .ok_or_else(|| KeymapError::UnknownCommand(name.to_string()))?;
        let bad = |why: String| KeymapError::BadKey {
            command: name.to_string(),
            why,
        };
        let mut chords = Vec::new();
        for key in keys {
            match key.rsplit_once('+') {
                Some((held, digit)) if digit.eq_ignore_ascii_case("digit") => {
                    if self.rows[at].command() != Command::Rate {
                        return Err(bad(format!("`{key}`: only `rate` takes a digit")));
                    }
                    let modifiers = Chord::parse(&format!("{held}+1")).map_err(&bad)?.modifiers;
                    chords.extend(digits(modifiers));
                }
                _ => chords.push(Chord::parse(key).map_err(&bad)?),
            }
        }
        if chords.is_empty() {
            return Err(KeymapError::NoKeys {
                command: name.to_string(),
            });
        }
        let row = &mut self.rows[at];
        if let Some(typing) = chords.iter().find(|c| c.types() && !row.chords.contains(c)) {
            return Err(KeymapError::Types {
                command: name.to_string(),
                chord: *typing,
            });
        }
        *row = Row::new(row.binding, chords, true);
        self.by_context = ContextRows::of(&self.rows);
        Ok(())
    }

    /// Refuses a chord bound to two commands in contexts live at the same time: one of
    /// them could never be reached.
    pub fn check(&self) -> Result<(), KeymapError> {
        for contexts in LIVE {
            let bound: Vec<(&Row, &Chord)> = contexts
                .iter()
                .flat_map(|c| self.rows(*c))
                .flat_map(|row| row.chords.iter().map(move |chord| (row, chord)))
                .collect();
            for (i, (row, chord)) in bound.iter().enumerate() {
                if let Some((other, _)) = bound[i + 1..].iter().find(|(_, c)| c == chord) {
                    let name = |r: &Row| r.name().unwrap_or_else(|| format!("{:?}", r.command()));
                    return Err(KeymapError::Conflict {
                        chord: **chord,
                        first: name(row),
                        second: name(other),
                    });
                }
            }
        }
        Ok(())
    }

    /// The first action any live context gives a key press; `None` for a key nothing
    /// answers (and for key releases, which terminals report on request).
    pub fn action_for(&self, contexts: &[Context], key: &KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        contexts.iter().find_map(|context| {
            let at = self.by_context.get(*context as usize)?.answering(key)?;
            Some(self.rows[at].command().action(key))
        })?
    }

    /// The rows of a context, in table order.
    pub fn rows(&self, context: Context) -> impl Iterator<Item = &Row> {
        self.by_context
            .get(context as usize)
            .into_iter()
            .flat_map(|c| &c.rows)
            .map(|&i| &self.rows[i])
    }

    /// Every row the config file can rebind, with its name.
    pub fn named(&self) -> impl Iterator<Item = (String, &Row)> {
        self.rows.iter().filter_map(|row| Some((row.name()?, row)))
    }

    /// The first chord bound to a command, as a message names it.
    pub fn chord_for(&self, context: Context, command: Command) -> Option<Chord> {
        self.chords_for(context, command).first().copied()
    }

    /// The chord that rates at a place on the scale (0: the first label) with Alt or what
    /// the config file gave instead.
    pub fn rate_chord(&self, position: usize) -> Option<Chord> {
        self.chords_for(Context::Interview, Command::Rate)
            .get(position)
            .copied()
    }

    /// The key that picks a place on the scale once the rating question is asked.
    pub fn rating_menu_chord(&self, position: usize) -> Option<Chord> {
        self.chords_for(Context::Rating, Command::Rate)
            .get(position)
            .copied()
    }

    fn chords_for(&self, context: Context, command: Command) -> &[Chord] {
        self.rows(context)
            .find(|r| r.command() == command)
            .map_or(&[], Row::chords)
    }

    /// `(keys, word)` pairs for the footer, from the live contexts in order.
    pub fn footer_hints(&self, contexts: &[Context]) -> Vec<(&str, &'static str)> {
        contexts
            .iter()
            .flat_map(|c| self.rows(*c))
            .filter_map(|row| Some((row.footer_keys.as_deref()?, row.binding.hint?)))
            .collect()
    }

    /// The lines of the help for a context: each listed row with the rows after it that
    /// it describes, as `(keys, description)`.
    pub fn listed(&self, context: Context) -> Vec<(String, &'static str)> {
        let rows: Vec<&Row> = self.rows(context).collect();
        let mut lines = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            if !row.binding.is_listed() {
                continue;
            }
            let group: Vec<&Row> = std::iter::once(*row)
                .chain(
                    rows[i + 1..]
                        .iter()
                        .take_while(|r| !r.binding.is_listed())
                        .copied(),
                )
                .collect();
            let keys = match (row.binding.keys_text, row.binding.keys) {
                (Some(text), _) if !group.iter().any(|r| r.rebound) => text.to_string(),
                (_, Keys::Chords(_)) => group
                    .iter()
                    .map(|r| r.chords_label())
                    .collect::<Vec<_>>()
                    .join(" / "),
                (_, Keys::Text) => "typing".to_string(),
                (_, Keys::Any) => "any other key".to_string(),
            };
            lines.push((keys, row.binding.description));
        }
        lines
    }

    /// The key table in Markdown, as README carries it between its `keys` markers.
    pub fn markdown_table(&self) -> String {
        let mut out = String::new();
        for context in LISTED {
            out.push_str(&format!(
                "\n**{}**\n\n| key | does |\n| --- | --- |\n",
                context.title()
            ));
            for (keys, description) in self.listed(context) {
                out.push_str(&format!("| {keys} | {description} |\n"));
            }
        }
        out
    }
}

/// The character a key types, if it types one: printable, no Ctrl or Alt; Enter is a new
/// line.
pub fn typed(key: &KeyEvent) -> Option<char> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) if !c.is_control() => Some(c),
        KeyCode::Enter => Some('\n'),
        _ => None,
    }
}

/// The digit of a digit key, if it is one.
fn digit(key: &KeyEvent) -> Option<usize> {
    match key.code {
        KeyCode::Char(c) => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
        _ => None,
    }
}

/// The contexts listed in the help and README, in their order.
pub const LISTED: [Context; 7] = [
    Context::Setup,
    Context::Interview,
    Context::Notes,
    Context::Search,
    Context::Rating,
    Context::Handoff,
    Context::Anywhere,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn action_for(contexts: &[Context], key: &KeyEvent) -> Option<Action> {
        Keymap::default().action_for(contexts, key)
    }

    /// The row going down a context's rows finds for a key: what the index must find.
    fn first_answering(keymap: &Keymap, context: Context, key: &KeyEvent) -> Option<usize> {
        keymap.rows.iter().position(|row| {
            row.context() == context
                && match row.binding.keys {
                    Keys::Chords(_) => row.chords.iter().any(|c| *c == Chord::of(key)),
                    Keys::Text => typed(key).is_some(),
                    Keys::Any => true,
                }
        })
    }

    #[test]
    fn a_key_finds_the_row_going_down_the_table_would() {
        let mut rebound = Keymap::default();
        rebound
            .rebind("next_phase", &["F8".into(), "Ctrl+J".into()])
            .unwrap();
        rebound.rebind("rate", &["Ctrl+Alt+digit".into()]).unwrap();
        let mut keys: Vec<KeyEvent> = BINDINGS
            .iter()
            .filter_map(|b| match b.keys {
                Keys::Chords(chords) => Some(chords),
                Keys::Text | Keys::Any => None,
            })
            .flatten()
            .flat_map(|c| {
                [
                    key(c.code, c.modifiers),
                    key(c.code, c.modifiers | SHIFT),
                    key(c.code, c.modifiers | CTRL),
                ]
            })
            .collect();
        for c in ['a', 'N', 'y', '1', '9', ' ', 'é'] {
            for modifiers in [NONE, SHIFT, CTRL, ALT, CTRL | ALT, CTRL | SHIFT] {
                keys.push(key(Char(c), modifiers));
            }
        }
        keys.extend([key(Enter, NONE), key(F(8), NONE), key(KeyCode::Null, NONE)]);
        for keymap in [Keymap::default(), rebound] {
            for (context, _) in keymap.by_context.iter().enumerate() {
                let context = keymap.rows[keymap.by_context[context].rows[0]].context();
                for key in &keys {
                    assert_eq!(
                        keymap.by_context[context as usize].answering(key),
                        first_answering(&keymap, context, key),
                        "{context:?}, {key:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn printable_keys_in_the_interview_always_type() {
        for c in (' '..='~').chain("’“”éß".chars()) {
            for modifiers in [NONE, SHIFT] {
                assert_eq!(
                    action_for(INTERVIEW_KEYS, &key(Char(c), modifiers)),
                    Some(Action::Type(c.to_string())),
                    "{c:?}"
                );
            }
        }
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Enter, NONE)),
            Some(Action::Type("\n".into()))
        );
    }

    #[test]
    fn chords_match_with_or_without_shift() {
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Char('n'), CTRL)),
            Some(Action::NextPhase)
        );
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Char('N'), CTRL | SHIFT)),
            Some(Action::NextPhase)
        );
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Char(' '), CTRL)),
            Some(Action::TogglePause)
        );
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Char('3'), ALT)),
            Some(Action::Rate(2))
        );
    }

    #[test]
    fn rating_needs_no_alt_after_the_rate_key() {
        assert_eq!(
            action_for(INTERVIEW_KEYS, &key(Char('d'), CTRL)),
            Some(Action::AskRating)
        );
        assert_eq!(
            action_for(RATING_KEYS, &key(Char('3'), NONE)),
            Some(Action::Rate(2))
        );
        assert_eq!(
            action_for(RATING_KEYS, &key(Char('0'), NONE)),
            Some(Action::ClearRating)
        );
        assert_eq!(
            action_for(RATING_KEYS, &key(Esc, NONE)),
            Some(Action::StayOpen)
        );
    }

    #[test]
    fn the_hours_keys_dismiss_hand_off_stamp_reopen_and_finish() {
        for (chord, action) in [
            (key(Char('d'), ALT), Action::DismissReminder),
            (key(Char('h'), ALT), Action::OpenHandoff),
            (key(Char('t'), ALT), Action::StampWallClock),
            (key(Char('r'), ALT), Action::Reopen),
            (key(F(4), NONE), Action::DismissReminder),
            (key(F(3), NONE), Action::OpenHandoff),
        ] {
            assert_eq!(action_for(INTERVIEW_KEYS, &chord), Some(action));
        }
        assert_eq!(
            action_for(HANDOFF_KEYS, &key(Esc, NONE)),
            Some(Action::CloseHandoff)
        );
        assert_eq!(
            action_for(HANDOFF_KEYS, &key(Char('h'), ALT)),
            Some(Action::CloseHandoff)
        );
        assert_eq!(
            action_for(HANDOFF_KEYS, &key(Char('x'), NONE)),
            Some(Action::Type("x".into())),
            "typing goes into the hand-off note"
        );
        assert_eq!(
            action_for(HANDOFF_KEYS, &key(Char('n'), CTRL)),
            None,
            "no phase moves while the hand-off note is open"
        );
        assert_eq!(
            action_for(FINISH_KEYS, &key(Char('f'), NONE)),
            Some(Action::FinishAndQuit)
        );
        assert_eq!(
            action_for(FINISH_KEYS, &key(Char('L'), SHIFT)),
            Some(Action::LeaveInProgress)
        );
        assert_eq!(
            action_for(FINISH_KEYS, &key(Char('y'), NONE)),
            Some(Action::StayOpen),
            "any other key goes back, and is not typed"
        );
    }

    #[test]
    fn a_release_is_no_key_and_an_unbound_chord_does_nothing() {
        let mut release = key(Char('a'), NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(INTERVIEW_KEYS, &release), None);
        assert_eq!(action_for(INTERVIEW_KEYS, &key(Char('b'), CTRL)), None);
        assert_eq!(action_for(INTERVIEW_KEYS, &key(F(9), NONE)), None);
    }

    #[test]
    fn the_defaults_bind_no_chord_twice_in_the_contexts_live_together() {
        assert_eq!(Keymap::default().check(), Ok(()));
    }

    #[test]
    fn chords_read_as_people_write_them() {
        assert_eq!(chord(Char('n'), CTRL).to_string(), "Ctrl+N");
        assert_eq!(chord(Char(' '), CTRL).to_string(), "Ctrl+Space");
        assert_eq!(chord(Up, ALT).to_string(), "Alt+↑");
        assert_eq!(chord(Char('q'), CTRL).short(), "^Q");
        assert_eq!(chord(Char('1'), ALT).short(), "Alt+1");
        assert_eq!(chord(PageDown, NONE).short(), "PgDn");
        assert_eq!(chord(BackTab, SHIFT).to_string(), "Shift+Tab");
    }

    #[test]
    fn chords_parse_back_from_how_they_read() {
        for (_, row) in Keymap::default().named() {
            for chord in row.chords() {
                assert_eq!(Chord::parse(&chord.to_string()), Ok(*chord), "{chord}");
            }
        }
        assert_eq!(Chord::parse("ctrl+shift+n"), Ok(chord(Char('n'), CTRL)));
        assert_eq!(Chord::parse("Alt+PgDn"), Ok(chord(PageDown, ALT)));
        assert_eq!(Chord::parse("Ctrl+Up"), Ok(chord(Up, CTRL)));
        assert_eq!(Chord::parse("Ctrl++"), Ok(chord(Char('+'), CTRL)));
        assert!(Chord::parse("Hyper+N").unwrap_err().contains("Hyper"));
        assert!(Chord::parse("Ctrl+Nope").unwrap_err().contains("Nope"));
        assert!(Chord::parse("").is_err());
    }

    #[test]
    fn every_command_has_a_name_the_config_can_use() {
        let keymap = Keymap::default();
        let names: Vec<String> = keymap.named().map(|(n, _)| n).collect();
        for expected in [
            "next_phase",
            "rate",
            "rate_menu",
            "help",
            "quit",
            "notes.undo",
            "notes.delete_word_back",
            "search.next",
            "setup.start",
            "help_list.line_up",
        ] {
            assert!(names.contains(&expected.to_string()), "{expected}");
        }
        for (i, name) in names.iter().enumerate() {
            assert!(!names[i + 1..].contains(name), "{name} twice");
        }
    }

    #[test]
    fn a_rebound_key_moves_dispatch_and_the_labels_together() {
        let mut keymap = Keymap::default();
        keymap.rebind("next_phase", &["F8".into()]).unwrap();
        keymap.rebind("rate", &["Ctrl+Alt+digit".into()]).unwrap();
        keymap.check().unwrap();
        assert_eq!(
            keymap.action_for(INTERVIEW_KEYS, &key(F(8), NONE)),
            Some(Action::NextPhase)
        );
        assert_eq!(
            keymap.action_for(INTERVIEW_KEYS, &key(Char('n'), CTRL)),
            None
        );
        assert_eq!(
            keymap.action_for(INTERVIEW_KEYS, &key(Char('2'), CTRL | ALT)),
            Some(Action::Rate(1))
        );
        assert!(
            keymap
                .footer_hints(INTERVIEW_KEYS)
                .contains(&("F8", "next"))
        );
        let listed = keymap.listed(Interview);
        assert!(listed.contains(&("F8".into(), "next phase; notes stay with their phase")));
        assert!(listed.iter().any(|(k, _)| k == "Ctrl+Alt+1 … Ctrl+Alt+9"));
        assert_eq!(keymap.rate_chord(0), Some(chord(Char('1'), CTRL | ALT)));
    }

    #[test]
    fn conflicts_and_typing_keys_are_refused_by_name() {
        let mut keymap = Keymap::default();
        keymap.rebind("next_phase", &["Ctrl+W".into()]).unwrap();
        assert_eq!(
            keymap.check(),
            Err(KeymapError::Conflict {
                chord: chord(Char('w'), CTRL),
                first: "next_phase".into(),
                second: "notes.delete_word_back".into(),
            })
        );
        let mut keymap = Keymap::default();
        assert_eq!(
            keymap.rebind("quit", &["q".into()]),
            Err(KeymapError::Types {
                command: "quit".into(),
                chord: chord(Char('q'), NONE)
            })
        );
        assert_eq!(
            keymap.rebind("stamp_time", &["Enter".into()]),
            Err(KeymapError::Types {
                command: "stamp_time".into(),
                chord: chord(Enter, NONE)
            })
        );
        assert_eq!(
            keymap.rebind("next_phaze", &["F8".into()]),
            Err(KeymapError::UnknownCommand("next_phaze".into()))
        );
        assert!(matches!(
            keymap.rebind("quit", &["Alt+digit".into()]),
            Err(KeymapError::BadKey { .. })
        ));
        assert_eq!(
            keymap.rebind("quit", &[]),
            Err(KeymapError::NoKeys {
                command: "quit".into()
            })
        );
        // A key a row types by default stays its own (Space toggles a question).
        keymap.rebind("setup.toggle", &["Space".into()]).unwrap();
    }
}
