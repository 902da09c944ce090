//! The few styles the console uses, named by what they mean.

use ratatui::style::{Color, Modifier, Style};

/// Words to say to the candidate, verbatim.
pub const SAY: Style = Style::new().add_modifier(Modifier::BOLD);
/// Words for the interviewer only.
pub const INSTRUCTION: Style = Style::new().add_modifier(Modifier::ITALIC);
/// Secondary facts: section names, links, counts.
pub const QUIET: Style = Style::new().fg(Color::DarkGray);
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const NEARLY: Style = Style::new().fg(Color::Yellow);
pub const OVER: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const CURRENT: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// A reminder in the footer.
pub const NUDGE: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// A reminder that the time is running out, and the time over the plan beside the clock.
pub const OVER_FLAG: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// A link, which the terminal may also make clickable.
pub const LINK: Style = Style::new()
    .fg(Color::Blue)
    .add_modifier(Modifier::UNDERLINED);
/// The candidate's own words in the notes (lines starting with `"` or `>`).
pub const CANDIDATE: Style = Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC);
