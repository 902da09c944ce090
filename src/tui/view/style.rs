//! The console's looks, named by what they mean, in four themes. Every theme keeps the
//! meaning without colour too: an emphasis that matters (the current phase, an overrun,
//! an impression word, the candidate's words) always carries a modifier, so `mono` (and
//! `NO_COLOR`) only takes the colour away.

use ratatui::style::{Color, Modifier, Style};

/// A theme's name, as the config file and `--theme` give it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// For a dark background (the default).
    #[default]
    Dark,
    /// For a light background.
    Light,
    /// Bright colours and bold type.
    HighContrast,
    /// No colour at all: meaning in bold, italics, underline and reverse video.
    Mono,
}

impl ThemeName {
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Mono => "mono",
        }
    }

    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Dark => DARK,
            ThemeName::Light => LIGHT,
            ThemeName::HighContrast => HIGH_CONTRAST,
            ThemeName::Mono => MONO,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Words to say to the candidate, verbatim.
    pub say: Style,
    /// Words for the interviewer only.
    pub instruction: Style,
    /// Secondary facts: section names, links, counts.
    pub quiet: Style,
    pub heading: Style,
    /// A budget nearly spent; a message.
    pub nearly: Style,
    /// A budget overrun; a failing save.
    pub over: Style,
    /// The current phase, the focused field.
    pub current: Style,
    pub focused_border: Style,
    pub key: Style,
    /// A reminder in the footer.
    pub nudge: Style,
    /// A reminder that the time is running out, and the time over the plan beside the
    /// clock.
    pub urgent: Style,
    /// A link, which the terminal may also make clickable.
    pub link: Style,
    /// The candidate's own words in the notes (lines starting with `"` or `>`).
    pub candidate: Style,
    /// An impression word in the notes: marked, not blocked.
    pub impression: Style,
    /// A match of the search in the notes.
    pub found: Style,
    /// The hour's gauge: the time gone, and the time left.
    pub gauge_done: &'static str,
    pub gauge_left: &'static str,
}

impl Default for Theme {
    fn default() -> Theme {
        DARK
    }
}

const BOLD: Modifier = Modifier::BOLD;

pub const DARK: Theme = Theme {
    say: Style::new().add_modifier(BOLD),
    instruction: Style::new().add_modifier(Modifier::ITALIC),
    quiet: Style::new().fg(Color::DarkGray),
    heading: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    nearly: Style::new().fg(Color::Yellow),
    over: Style::new().fg(Color::Red).add_modifier(BOLD),
    current: Style::new().add_modifier(Modifier::REVERSED),
    focused_border: Style::new().fg(Color::Cyan),
    key: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    nudge: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    urgent: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    link: Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED),
    candidate: Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
    impression: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::UNDERLINED),
    found: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(BOLD),
    gauge_done: "━",
    gauge_left: "─",
};

/// Dark colours for a light background: no yellow or cyan text, which fade on white.
pub const LIGHT: Theme = Theme {
    quiet: Style::new().fg(Color::Indexed(243)),
    heading: Style::new().fg(Color::Blue).add_modifier(BOLD),
    nearly: Style::new().fg(Color::Indexed(130)).add_modifier(BOLD),
    over: Style::new().fg(Color::Red).add_modifier(BOLD),
    focused_border: Style::new().fg(Color::Blue),
    key: Style::new().fg(Color::Blue).add_modifier(BOLD),
    nudge: Style::new()
        .fg(Color::Black)
        .bg(Color::Indexed(220))
        .add_modifier(BOLD),
    candidate: Style::new()
        .fg(Color::Indexed(22))
        .add_modifier(Modifier::ITALIC),
    impression: Style::new()
        .fg(Color::Black)
        .bg(Color::Indexed(229))
        .add_modifier(Modifier::UNDERLINED),
    found: Style::new()
        .fg(Color::Black)
        .bg(Color::Indexed(117))
        .add_modifier(BOLD),
    ..DARK
};

/// The sixteen bright colours and bold type, nothing dimmed.
pub const HIGH_CONTRAST: Theme = Theme {
    say: Style::new().fg(Color::White).add_modifier(BOLD),
    quiet: Style::new(),
    heading: Style::new()
        .fg(Color::LightCyan)
        .add_modifier(BOLD.union(Modifier::UNDERLINED)),
    nearly: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    over: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    current: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    focused_border: Style::new().fg(Color::White).add_modifier(BOLD),
    key: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    link: Style::new()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::UNDERLINED),
    candidate: Style::new()
        .fg(Color::LightGreen)
        .add_modifier(Modifier::ITALIC),
    impression: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::UNDERLINED.union(BOLD)),
    ..DARK
};

/// No colour: what colour said is said by bold, italics, underline, reverse video and the
/// gauge's characters.
pub const MONO: Theme = Theme {
    say: Style::new().add_modifier(BOLD),
    instruction: Style::new().add_modifier(Modifier::ITALIC),
    quiet: Style::new().add_modifier(Modifier::DIM),
    heading: Style::new().add_modifier(BOLD),
    nearly: Style::new().add_modifier(BOLD),
    over: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    current: Style::new().add_modifier(Modifier::REVERSED),
    focused_border: Style::new(),
    key: Style::new().add_modifier(BOLD),
    nudge: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    urgent: Style::new().add_modifier(BOLD.union(Modifier::REVERSED).union(Modifier::UNDERLINED)),
    link: Style::new().add_modifier(Modifier::UNDERLINED),
    candidate: Style::new().add_modifier(Modifier::ITALIC),
    impression: Style::new().add_modifier(Modifier::UNDERLINED),
    found: Style::new().add_modifier(Modifier::REVERSED),
    gauge_done: "█",
    gauge_left: "░",
};
