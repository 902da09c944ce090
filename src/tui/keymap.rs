//! Every key the console answers to, in one table: where it applies, which keys, what it
//! does.
//!
//! A key becomes an action here and nowhere else: dispatch, the footer hints, the F1
//! overlay and README's key table all read `BINDINGS`, so a hint can never drift from what a
//! key does. Typing is a row of the table too: in the interview every command is a Ctrl, Alt
//! or function-key chord, checked before the row that sends printable keys to the notes.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, HelpScroll, SearchEdit, SetupAction};
use super::notes::NotesEdit;

/// What a row of the table does. Each is turned into an action with what the key carries
/// (the character typed, the digit held with Alt) by `Command::action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextPhase,
    PreviousPhase,
    StampTime,
    StampWallClock,
    TogglePause,
    WriteScorecard,
    /// Rate by the digit held with Alt: its place on the scale.
    Rate,
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
}

impl Command {
    /// The action a key runs through this command; `None` when the key cannot carry it (an
    /// Alt+digit past 9).
    pub fn action(self, key: &KeyEvent) -> Option<Action> {
        Some(match self {
            Command::NextPhase => Action::NextPhase,
            Command::PreviousPhase => Action::PreviousPhase,
            Command::StampTime => Action::StampTime,
            Command::StampWallClock => Action::StampWallClock,
            Command::TogglePause => Action::TogglePause,
            Command::WriteScorecard => Action::WriteScorecard,
            Command::Rate => Action::Rate(digit(key)?.checked_sub(1)?),
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
        })
    }
}

/// Where a row applies. The screen decides which contexts are live, in order (see
/// `Model::key_contexts`): the first row of the first context that matches wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The setup screen, before the interview starts.
    Setup,
    /// During the interview, whatever the phase.
    Interview,
    /// The notes editor, reached when no interview command matches.
    Notes,
    /// The search prompt over the notes (Ctrl+F).
    Search,
    /// The hand-off note, open in place of the phase's notes.
    Handoff,
    /// The key list (F1).
    Help,
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
            Context::Search => "Search the notes",
            Context::Handoff => "Hand-off note",
            Context::Help => "This list",
            Context::ConfirmQuit => "Quitting",
            Context::FinishCheck => "Finishing",
            Context::Anywhere => "Everywhere",
        }
    }
}

/// One key: a code and the modifiers held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Chord {
    const fn new(code: KeyCode, modifiers: KeyModifiers) -> Chord {
        Chord { code, modifiers }
    }

    /// Whether a key event is this chord. Shift is ignored on Ctrl/Alt letter chords (caps
    /// lock, or a terminal that reports Ctrl+Shift+N for Ctrl+N).
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let mut modifiers = key.modifiers;
        let mut code = key.code;
        if let KeyCode::Char(c) = code
            && modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
            modifiers.remove(KeyModifiers::SHIFT);
        }
        code == self.code && modifiers == self.modifiers
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

impl Keys {
    fn matches(&self, key: &KeyEvent) -> bool {
        match self {
            Keys::Chords(chords) => chords.iter().any(|c| c.matches(key)),
            Keys::Text => typed(key).is_some(),
            Keys::Any => true,
        }
    }
}

/// A row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: Keys,
    /// How the keys read in the help and README, when not the chords themselves.
    pub keys_text: Option<&'static str>,
    pub command: Command,
    /// The footer's word for it; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The footer's keys, when not the first chord's short form (`Alt+1…`).
    pub hint_keys: Option<&'static str>,
    pub description: &'static str,
}

impl Binding {
    /// The keys as the help overlay and README show them.
    pub fn keys_label(&self) -> String {
        match (self.keys_text, self.keys) {
            (Some(text), _) => text.to_string(),
            (None, Keys::Chords(chords)) => chords
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" / "),
            (None, Keys::Text) => "typing".to_string(),
            (None, Keys::Any) => "any other key".to_string(),
        }
    }

    fn chords(&self) -> &'static [Chord] {
        match self.keys {
            Keys::Chords(chords) => chords,
            Keys::Text | Keys::Any => &[],
        }
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
        hint_keys: None,
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

use Context::{Anywhere, ConfirmQuit, FinishCheck, Handoff, Help, Interview, Notes, Search, Setup};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

const RATE_CHORDS: &[Chord] = &[
    chord(Char('1'), ALT),
    chord(Char('2'), ALT),
    chord(Char('3'), ALT),
    chord(Char('4'), ALT),
    chord(Char('5'), ALT),
    chord(Char('6'), ALT),
    chord(Char('7'), ALT),
    chord(Char('8'), ALT),
    chord(Char('9'), ALT),
];

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
    Binding {
        keys_text: Some("Alt+1 … Alt+9"),
        hint: Some("rate"),
        hint_keys: Some("Alt+1…"),
        ..row(
            Interview,
            Keys::Chords(RATE_CHORDS),
            Command::Rate,
            "rate the question; in wrap-up, the recommendation",
        )
    },
    row(
        Interview,
        Keys::Chords(&[chord(Char('0'), ALT)]),
        Command::ClearRating,
        "clear the rating (or the recommendation)",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('d'), CTRL)]),
        Command::DismissReminder,
        "dismiss the reminder the footer shows",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('g'), CTRL)]),
        Command::OpenHandoff,
        "the hand-off note for the next interviewer",
    ),
    row(
        Interview,
        Keys::Chords(&[chord(Char('f'), CTRL)]),
        Command::SearchNotes,
        "search this phase's notes",
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
    row(
        Search,
        Keys::Chords(&[chord(Backspace, NONE)]),
        Command::Search(SearchEdit::DeleteBack),
        "delete the last character",
    ),
    with_hint(
        row(
            Search,
            Keys::Chords(&[chord(Enter, NONE), chord(Char('f'), CTRL)]),
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
            Keys::Chords(&[chord(Esc, NONE), chord(Char('g'), CTRL)]),
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
            "role: choose · minutes: 5 less / more",
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
    // Typing fills the field in focus, Backspace takes back a character: no line of their
    // own in the help, as in any form.
    row(
        Setup,
        Keys::Chords(&[chord(Backspace, NONE)]),
        Command::Setup(SetupAction::DeleteBack),
        "",
    ),
    row(Setup, Keys::Text, Command::TypeInField, ""),
    with_hint(
        row(
            Help,
            Keys::Chords(&[chord(Esc, NONE), chord(F(1), NONE)]),
            Command::CloseHelp,
            "close this list",
        ),
        "close",
    ),
    Binding {
        keys_text: Some("↑ / ↓ / PageUp / PageDown"),
        hint: Some("scroll"),
        hint_keys: Some("↑↓"),
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
    with_hint(
        row(
            ConfirmQuit,
            Keys::Chords(&[chord(Char('y'), NONE), chord(Char('Y'), SHIFT)]),
            Command::ConfirmQuit,
            "quit; everything is saved",
        ),
        "quit",
    ),
    Binding {
        hint: Some("stay"),
        hint_keys: Some("any other key"),
        ..row(ConfirmQuit, Keys::Any, Command::StayOpen, "stay")
    },
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
    Binding {
        hint: Some("go back"),
        hint_keys: Some("any other key"),
        ..row(FinishCheck, Keys::Any, Command::StayOpen, "go back")
    },
    with_hint(
        row(
            Anywhere,
            Keys::Chords(&[chord(F(1), NONE)]),
            Command::Help,
            "every key (Esc or F1 closes)",
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

impl Binding {
    /// Whether the help and README give this row a line of its own: rows with no
    /// description are described by the row before them.
    pub fn is_listed(&self) -> bool {
        !self.description.is_empty()
    }
}

/// The first action any live context gives a key press; `None` for a key nothing answers
/// (and for key releases and repeats of a release, which terminals report on request).
pub fn action_for(contexts: &[Context], key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *context)
            .find(|b| b.keys.matches(key))
            .map(|b| b.command.action(key))
    })?
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

/// The digit of an Alt+digit key, if it is one.
fn digit(key: &KeyEvent) -> Option<usize> {
    match key.code {
        KeyCode::Char(c) => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
        _ => None,
    }
}

/// The chord that rates at a place on the scale (0: the first label).
pub fn rate_chord(position: usize) -> Option<Chord> {
    chords_for(Context::Interview, Command::Rate)
        .get(position)
        .copied()
}

/// The first chord bound to a command, as the help text names it.
pub fn chord_for(context: Context, command: Command) -> Option<Chord> {
    chords_for(context, command).first().copied()
}

fn chords_for(context: Context, command: Command) -> &'static [Chord] {
    bindings(context)
        .find(|b| b.command == command)
        .map_or(&[], Binding::chords)
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// `(keys, word)` pairs for the footer, from the live contexts in order.
pub fn footer_hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|c| bindings(*c))
        .filter_map(|b| {
            let keys = b
                .hint_keys
                .map(str::to_string)
                .or_else(|| b.chords().first().map(Chord::short))?;
            Some((keys, b.hint?))
        })
        .collect()
}

/// The contexts listed in the help and README, in their order.
pub const LISTED: [Context; 6] = [
    Context::Setup,
    Context::Interview,
    Context::Notes,
    Context::Search,
    Context::Handoff,
    Context::Anywhere,
];

/// The key table in Markdown, as README carries it between its `keys` markers.
pub fn markdown_table() -> String {
    let mut out = String::new();
    for context in LISTED {
        out.push_str(&format!(
            "\n**{}**\n\n| key | does |\n| --- | --- |\n",
            context.title()
        ));
        for b in bindings(context).filter(|b| b.is_listed()) {
            out.push_str(&format!("| {} | {} |\n", b.keys_label(), b.description));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    const IN_INTERVIEW: &[Context] = &[Interview, Anywhere, Notes];

    #[test]
    fn printable_keys_in_the_interview_always_type() {
        for c in (' '..='~').chain("’“”éß".chars()) {
            for modifiers in [NONE, SHIFT] {
                assert_eq!(
                    action_for(IN_INTERVIEW, &key(Char(c), modifiers)),
                    Some(Action::Type(c.to_string())),
                    "{c:?}"
                );
            }
        }
        assert_eq!(
            action_for(IN_INTERVIEW, &key(Enter, NONE)),
            Some(Action::Type("\n".into()))
        );
    }

    #[test]
    fn chords_match_with_or_without_shift() {
        assert_eq!(
            action_for(IN_INTERVIEW, &key(Char('n'), CTRL)),
            Some(Action::NextPhase)
        );
        assert_eq!(
            action_for(IN_INTERVIEW, &key(Char('N'), CTRL | SHIFT)),
            Some(Action::NextPhase)
        );
        assert_eq!(
            action_for(IN_INTERVIEW, &key(Char(' '), CTRL)),
            Some(Action::TogglePause)
        );
        assert_eq!(
            action_for(IN_INTERVIEW, &key(Char('3'), ALT)),
            Some(Action::Rate(2))
        );
    }

    #[test]
    fn the_hours_keys_dismiss_hand_off_stamp_reopen_and_finish() {
        for (chord, action) in [
            (key(Char('d'), CTRL), Action::DismissReminder),
            (key(Char('g'), CTRL), Action::OpenHandoff),
            (key(Char('t'), ALT), Action::StampWallClock),
            (key(Char('r'), ALT), Action::Reopen),
        ] {
            assert_eq!(action_for(IN_INTERVIEW, &chord), Some(action));
        }
        let in_handoff = [Handoff, Anywhere, Notes];
        assert_eq!(
            action_for(&in_handoff, &key(Esc, NONE)),
            Some(Action::CloseHandoff)
        );
        assert_eq!(
            action_for(&in_handoff, &key(Char('g'), CTRL)),
            Some(Action::CloseHandoff)
        );
        assert_eq!(
            action_for(&in_handoff, &key(Char('x'), NONE)),
            Some(Action::Type("x".into())),
            "typing goes into the hand-off note"
        );
        assert_eq!(
            action_for(&in_handoff, &key(Char('n'), CTRL)),
            None,
            "no phase moves while the hand-off note is open"
        );
        let checking = [FinishCheck];
        assert_eq!(
            action_for(&checking, &key(Char('f'), NONE)),
            Some(Action::FinishAndQuit)
        );
        assert_eq!(
            action_for(&checking, &key(Char('L'), SHIFT)),
            Some(Action::LeaveInProgress)
        );
        assert_eq!(
            action_for(&checking, &key(Char('y'), NONE)),
            Some(Action::StayOpen),
            "any other key goes back, and is not typed"
        );
    }

    #[test]
    fn a_release_is_no_key_and_an_unbound_chord_does_nothing() {
        let mut release = key(Char('a'), NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(IN_INTERVIEW, &release), None);
        assert_eq!(action_for(IN_INTERVIEW, &key(Char('j'), ALT)), None);
        assert_eq!(action_for(IN_INTERVIEW, &key(F(9), NONE)), None);
    }

    /// Chords a context answers on purpose before a context live under it does: in the
    /// search, Ctrl+F goes to the next match rather than opening the search again; in the
    /// key list, F1 closes it.
    const SHADOWS: &[(Context, Chord)] =
        &[(Search, chord(Char('f'), CTRL)), (Help, chord(F(1), NONE))];

    #[test]
    fn no_chord_is_bound_twice_in_the_contexts_live_together() {
        let live: [&[Context]; 7] = [
            &[Setup, Anywhere],
            IN_INTERVIEW,
            &[Search, Interview, Anywhere],
            &[Handoff, Anywhere, Notes],
            &[Help, Anywhere],
            &[ConfirmQuit],
            &[FinishCheck],
        ];
        for contexts in live {
            let chords: Vec<Chord> = contexts
                .iter()
                .flat_map(|c| bindings(*c))
                .flat_map(|b| b.chords().iter().map(move |chord| (b.context, *chord)))
                .filter(|shadow| !SHADOWS.contains(shadow))
                .map(|(_, chord)| chord)
                .collect();
            for (i, a) in chords.iter().enumerate() {
                assert!(
                    !chords[i + 1..].contains(a),
                    "{a} is bound twice in {contexts:?}"
                );
            }
        }
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
    fn every_row_is_listed_or_follows_a_listed_row_of_its_context() {
        for (i, b) in BINDINGS.iter().enumerate() {
            if !b.is_listed() {
                let before = &BINDINGS[i - 1];
                assert_eq!(before.context, b.context, "row {i} has no line of its own");
            }
        }
    }
}
