//! What the console is asked to do (actions, from keys, the terminal and the runtime) and
//! what it asks of the world in return (effects, carried out by the runtime).
//!
//! `update` takes one action and returns the effects; nothing else changes the model, and
//! the model never does I/O itself.

use std::path::PathBuf;

use crate::interview::session::SessionSnapshot;
use crate::store::autosave::SaveStatus;

use super::notes::NotesEdit;
use super::view::Layout;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Text typed into the notes: a run of keys (a new line is `\n`), handled as one edit.
    Type(String),
    /// Text pasted into whatever takes text now (notes, a setup field, the search).
    Paste(String),
    Edit(NotesEdit),
    StampTime,
    /// Stamp the wall-clock time instead, to match a recording.
    StampWallClock,
    NextPhase,
    PreviousPhase,
    TogglePause,
    /// Rate the current question (in wrap-up: the recommendation) at this place on the
    /// scale, counted from 0.
    Rate(usize),
    /// Ask which rating to give: the next digit gives it, with no Alt to hold.
    AskRating,
    ClearRating,
    /// Dismiss the reminder the footer shows.
    DismissReminder,
    /// Open the hand-off note in place of the phase's notes.
    OpenHandoff,
    CloseHandoff,
    /// Make a finished interview in progress again.
    Reopen,
    CopyLink,
    OpenLink,
    WriteScorecard,
    ScrollScriptUp,
    ScrollScriptDown,
    OpenSearch,
    Search(SearchEdit),
    Setup(SetupAction),
    ShowHelp,
    CloseHelp,
    ScrollHelp(HelpScroll),
    AskToQuit,
    Quit,
    StayOpen,
    /// From the finish check: mark the interview finished and quit.
    FinishAndQuit,
    /// From the finish check: quit, the interview left in progress.
    LeaveInProgress,
    /// A key for the notes' vim layer (`notes_keys = "vim"`).
    Vim(ratatui::crossterm::event::KeyEvent),
    /// The mouse wheel over a part of the screen: lines up (negative) or down.
    Wheel {
        column: u16,
        row: u16,
        lines: i16,
    },
    /// A click of the left button.
    Click {
        column: u16,
        row: u16,
    },
    /// The terminal has this many rows now.
    Resized {
        rows: u16,
    },
    /// What the last frame tells: page sizes, scroll limits, where the link is.
    Drawn(Layout),
    /// The clock's second, or a save that was due: the runtime's timer went off.
    Timer,
    /// The writer's word on saving.
    SaveStatus(SaveStatus),
    /// Where the scorecard went, or why it did not.
    ScorecardWritten(Result<PathBuf, String>),
    /// Whether the browser could be started on the link.
    LinkOpened(Result<(), String>),
}

/// A key of the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchEdit {
    Type(char),
    DeleteBack,
    Next,
    Close,
}

/// A key of the setup screen. What it does depends on the field in focus (see
/// `SetupForm::apply`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    Start,
    NextField,
    PreviousField,
    Left,
    Right,
    Toggle,
    MoveUp,
    MoveDown,
    DeleteBack,
    /// In a text field: to its start, to its end; delete the word before the cursor, or all
    /// before it.
    Home,
    End,
    DeleteWordBack,
    DeleteToStart,
    Type(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpScroll {
    LineUp,
    LineDown,
    PageUp,
    PageDown,
}

/// What the console asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand the session to the writer.
    Save(Box<SessionSnapshot>),
    /// Write the scorecard to the exports folder and put it on the clipboard.
    WriteScorecard(Box<SessionSnapshot>),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Start the browser on a link.
    OpenLink(String),
    /// Ring the terminal bell: a reminder came, and the interviewer asked for a sound.
    Bell,
    /// End the console; the runtime saves the session one last time.
    Quit,
}
