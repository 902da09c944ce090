//! A drawn `Buffer` read as text, for the screen tests.

use ratatui::buffer::Buffer;

/// Each row of the buffer as the symbols of its cells.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect()
}

/// The screen's text with line breaks and borders taken out and runs of spaces squeezed,
/// so wrapped text can be searched for as one string.
pub fn flowing_text(buffer: &Buffer) -> String {
    rows(buffer)
        .iter()
        .map(|r| r.replace(['│', '┌', '┐', '└', '┘', '─'], " "))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
