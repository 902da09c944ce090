//! Every key the console answers to, in one table.
//!
//! Dispatch, the footer hints, the F1 overlay and README's key table all read `BINDINGS`,
//! so a hint can never drift from what a key does. Typing is never a command: every
//! interview command is a Ctrl, Alt or function-key chord, checked before the notes editor
//! sees the key.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextPhase,
    PreviousPhase,
    StampTime,
    TogglePause,
    ExportScorecard,
    /// Rate by the digit held with Alt: its place on the scale.
    Rate,
    ClearRating,
    CopyLink,
    OpenLink,
    ScrollScriptUp,
    ScrollScriptDown,
    Help,
    Quit,
    StartInterview,
    NextField,
    PreviousField,
    MoveQuestionUp,
    MoveQuestionDown,
    /// Handled by the notes editor itself; listed so help and README show it.
    Edit,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The setup screen, before the interview starts.
    Setup,
    /// During the interview, whatever the phase.
    Interview,
    /// The notes editor's own keys, reached when no interview command matches.
    Notes,
    /// On the setup screen and during the interview alike.
    Anywhere,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Setup => "Setup",
            Context::Interview => "Interview",
            Context::Notes => "Notes editor",
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
        } else if self.modifiers == KeyModifiers::ALT {
            format!("M-{key}")
        } else {
            key
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
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Tab".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    }
}

/// A row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    /// Chords that run the command; empty for rows that only describe (`keys_text`).
    pub chords: &'static [Chord],
    /// How the keys read when they are not chords of their own ("any printable key").
    pub keys_text: Option<&'static str>,
    pub command: Command,
    /// The footer's word for it; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The footer's keys, when not the first chord's short form (`M-1…9`).
    pub hint_keys: Option<&'static str>,
    pub description: &'static str,
}

impl Binding {
    /// The keys as the help overlay and README show them.
    pub fn keys_label(&self) -> String {
        self.keys_text.map_or_else(
            || {
                self.chords
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" / ")
            },
            str::to_string,
        )
    }
}

const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const NONE: KeyModifiers = KeyModifiers::NONE;

const fn chord(code: KeyCode, modifiers: KeyModifiers) -> Chord {
    Chord::new(code, modifiers)
}

/// The table. Order is the order of the footer, the help overlay and README.
pub const BINDINGS: &[Binding] = &[
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('n'), CTRL)],
        keys_text: None,
        command: Command::NextPhase,
        hint: Some("next"),
        hint_keys: None,
        description: "next phase; notes stay with their phase",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('p'), CTRL)],
        keys_text: None,
        command: Command::PreviousPhase,
        hint: Some("back"),
        hint_keys: None,
        description: "previous phase",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('t'), CTRL)],
        keys_text: None,
        command: Command::StampTime,
        hint: Some("stamp"),
        hint_keys: None,
        description: "insert [mm:ss] of interview time",
    },
    Binding {
        context: Context::Interview,
        chords: &[
            chord(KeyCode::Char('1'), ALT),
            chord(KeyCode::Char('2'), ALT),
            chord(KeyCode::Char('3'), ALT),
            chord(KeyCode::Char('4'), ALT),
            chord(KeyCode::Char('5'), ALT),
            chord(KeyCode::Char('6'), ALT),
            chord(KeyCode::Char('7'), ALT),
            chord(KeyCode::Char('8'), ALT),
            chord(KeyCode::Char('9'), ALT),
        ],
        keys_text: Some("Alt+1 … Alt+9"),
        command: Command::Rate,
        hint: Some("rate"),
        hint_keys: Some("M-1…"),
        description: "rate the question; in wrap-up, the recommendation",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('0'), ALT)],
        keys_text: None,
        command: Command::ClearRating,
        hint: None,
        hint_keys: None,
        description: "clear the rating (or the recommendation)",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('l'), CTRL)],
        keys_text: None,
        command: Command::CopyLink,
        hint: None,
        hint_keys: None,
        description: "copy the question's guidelines link (OSC 52)",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('o'), CTRL)],
        keys_text: None,
        command: Command::OpenLink,
        hint: None,
        hint_keys: None,
        description: "open the guidelines link in the browser",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::F(5), NONE), chord(KeyCode::Char(' '), CTRL)],
        keys_text: None,
        command: Command::TogglePause,
        hint: Some("pause"),
        hint_keys: None,
        description: "pause / resume the clock",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::Char('e'), CTRL)],
        keys_text: None,
        command: Command::ExportScorecard,
        hint: None,
        hint_keys: None,
        description: "write the scorecard to the exports folder and copy it",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::PageUp, NONE)],
        keys_text: None,
        command: Command::ScrollScriptUp,
        hint: None,
        hint_keys: None,
        description: "scroll the script up",
    },
    Binding {
        context: Context::Interview,
        chords: &[chord(KeyCode::PageDown, NONE)],
        keys_text: None,
        command: Command::ScrollScriptDown,
        hint: None,
        hint_keys: None,
        description: "scroll the script down",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("typing, Enter, Tab"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "always goes into the current phase's notes",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Backspace / Delete"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "delete before / after the cursor",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("arrows, Home, End"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "move the cursor",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+← / Ctrl+→"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "move by word",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+↑ / Ctrl+↓"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "move by paragraph (to the line after an empty one)",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+Alt+↑ / ↓"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "go to the top / the end of the notes",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Shift+arrows"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "select (Ctrl+X cuts, Ctrl+C copies within the notes)",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("paste"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "insert the pasted text as it is",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+U / Ctrl+R"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "undo / redo",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+W / Ctrl+K"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "delete the word before / the rest of the line",
    },
    Binding {
        context: Context::Notes,
        chords: &[],
        keys_text: Some("Ctrl+Y"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "put back what was last deleted or cut",
    },
    Binding {
        context: Context::Setup,
        chords: &[chord(KeyCode::Enter, NONE)],
        keys_text: None,
        command: Command::StartInterview,
        hint: Some("start"),
        hint_keys: None,
        description: "start (or go to what is missing)",
    },
    Binding {
        context: Context::Setup,
        chords: &[chord(KeyCode::Tab, NONE), chord(KeyCode::Down, NONE)],
        keys_text: None,
        command: Command::NextField,
        hint: Some("next field"),
        hint_keys: None,
        description: "next field (↓ also moves in the list)",
    },
    Binding {
        context: Context::Setup,
        chords: &[
            chord(KeyCode::BackTab, KeyModifiers::SHIFT),
            chord(KeyCode::Up, NONE),
        ],
        keys_text: None,
        command: Command::PreviousField,
        hint: None,
        hint_keys: None,
        description: "previous field (↑ also moves in the list)",
    },
    Binding {
        context: Context::Setup,
        chords: &[],
        keys_text: Some("← / →"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "role: choose · minutes: 5 less / more",
    },
    Binding {
        context: Context::Setup,
        chords: &[],
        keys_text: Some("Space"),
        command: Command::Edit,
        hint: None,
        hint_keys: None,
        description: "questions: ask this one or not",
    },
    Binding {
        context: Context::Setup,
        chords: &[chord(KeyCode::Up, ALT), chord(KeyCode::Up, CTRL)],
        keys_text: None,
        command: Command::MoveQuestionUp,
        hint: None,
        hint_keys: None,
        description: "questions: ask this one earlier",
    },
    Binding {
        context: Context::Setup,
        chords: &[chord(KeyCode::Down, ALT), chord(KeyCode::Down, CTRL)],
        keys_text: None,
        command: Command::MoveQuestionDown,
        hint: None,
        hint_keys: None,
        description: "questions: ask this one later",
    },
    Binding {
        context: Context::Anywhere,
        chords: &[chord(KeyCode::F(1), NONE)],
        keys_text: None,
        command: Command::Help,
        hint: Some("keys"),
        hint_keys: None,
        description: "every key (Esc or F1 closes)",
    },
    Binding {
        context: Context::Anywhere,
        chords: &[chord(KeyCode::Char('q'), CTRL)],
        keys_text: None,
        command: Command::Quit,
        hint: Some("quit"),
        hint_keys: None,
        description: "quit (confirm with y)",
    },
];

/// Whether a binding of `bound` answers on a screen whose context is `screen`.
fn applies(bound: Context, screen: Context) -> bool {
    bound == screen || (bound == Context::Anywhere && screen != Context::Notes)
}

/// The command a key runs in a context, if any.
pub fn command_for(context: Context, key: &KeyEvent) -> Option<Command> {
    BINDINGS
        .iter()
        .filter(|b| applies(b.context, context))
        .find(|b| b.chords.iter().any(|c| c.matches(key)))
        .map(|b| b.command)
}

/// The digit of an Alt+digit key, if it is one.
pub fn digit(key: &KeyEvent) -> Option<usize> {
    match key.code {
        KeyCode::Char(c) => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
        _ => None,
    }
}

/// The chord that rates at a place on the scale (0: the first label).
pub fn rate_chord(position: usize) -> Option<Chord> {
    bindings(Context::Interview)
        .find(|b| b.command == Command::Rate)
        .and_then(|b| b.chords.get(position).copied())
}

/// The first chord bound to a command, as the help text names it.
pub fn chord_for(context: Context, command: Command) -> Option<Chord> {
    bindings(context)
        .find(|b| b.command == command)
        .and_then(|b| b.chords.first().copied())
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// `(keys, word)` pairs for the footer of a context, the keys that work anywhere last.
pub fn footer_hints(context: Context) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| applies(b.context, context))
        .filter_map(|b| {
            let keys = b
                .hint_keys
                .map(str::to_string)
                .or_else(|| b.chords.first().map(Chord::short))?;
            Some((keys, b.hint?))
        })
        .collect()
}

/// The key table in Markdown, as README carries it between its `keys` markers.
pub fn markdown_table() -> String {
    let mut out = String::new();
    for context in [
        Context::Setup,
        Context::Interview,
        Context::Notes,
        Context::Anywhere,
    ] {
        out.push_str(&format!(
            "\n**{}**\n\n| key | does |\n| --- | --- |\n",
            context.title()
        ));
        for b in bindings(context) {
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

    #[test]
    fn no_printable_key_is_an_interview_command() {
        for c in (' '..='~').chain("’“”éß".chars()) {
            for modifiers in [NONE, KeyModifiers::SHIFT] {
                let typed = key(KeyCode::Char(c), modifiers);
                assert_eq!(command_for(Context::Interview, &typed), None, "{c:?}");
            }
        }
        for code in [
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::Left,
            KeyCode::Up,
        ] {
            assert_eq!(command_for(Context::Interview, &key(code, NONE)), None);
        }
    }

    #[test]
    fn chords_match_with_or_without_shift() {
        assert_eq!(
            command_for(Context::Interview, &key(KeyCode::Char('n'), CTRL)),
            Some(Command::NextPhase)
        );
        assert_eq!(
            command_for(
                Context::Interview,
                &key(KeyCode::Char('N'), CTRL | KeyModifiers::SHIFT)
            ),
            Some(Command::NextPhase)
        );
        assert_eq!(
            command_for(Context::Interview, &key(KeyCode::Char(' '), CTRL)),
            Some(Command::TogglePause)
        );
    }

    #[test]
    fn no_chord_is_bound_twice_in_one_context() {
        for context in [Context::Setup, Context::Interview] {
            let chords: Vec<Chord> = BINDINGS
                .iter()
                .filter(|b| applies(b.context, context))
                .flat_map(|b| b.chords.iter().copied())
                .collect();
            for (i, a) in chords.iter().enumerate() {
                assert!(
                    !chords[i + 1..].contains(a),
                    "{a} is bound twice in {context:?}"
                );
            }
        }
    }

    #[test]
    fn chords_read_as_people_write_them() {
        assert_eq!(chord(KeyCode::Char('n'), CTRL).to_string(), "Ctrl+N");
        assert_eq!(chord(KeyCode::Char(' '), CTRL).to_string(), "Ctrl+Space");
        assert_eq!(chord(KeyCode::Up, ALT).to_string(), "Alt+↑");
        assert_eq!(chord(KeyCode::Char('q'), CTRL).short(), "^Q");
        assert_eq!(chord(KeyCode::PageDown, NONE).short(), "PgDn");
        assert_eq!(
            chord(KeyCode::BackTab, KeyModifiers::SHIFT).to_string(),
            "Shift+Tab"
        );
    }
}
