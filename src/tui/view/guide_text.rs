//! A guide's text on screen: its emphasis in italics or bold, its links underlined in the
//! link's colour, placeholders filled from the plan and an unfilled one shown as `{id}`,
//! marked; the interviewer's own words set apart from what is said, with a label; follow-ups
//! under one another, their condition first.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::style::Theme;
use crate::guide::FollowUp;
use crate::guide::rich::{Fill, Piece, RichText};

/// The label of the interviewer's own words: not to be read out.
pub const FOR_YOU: &str = "For you: ";

/// A guide text's spans, on `base`.
pub fn spans(text: &str, base: Style, theme: &Theme, fills: &dyn Fill) -> Vec<Span<'static>> {
    RichText::parse(text)
        .runs()
        .iter()
        .map(|run| {
            let mut style = base;
            if run.emphasis {
                // Emphasis inside italic words stands out by standing upright.
                style = if base.add_modifier.contains(Modifier::ITALIC) {
                    style.remove_modifier(Modifier::ITALIC)
                } else {
                    style.add_modifier(Modifier::ITALIC)
                };
            }
            if run.strong {
                // Strong words in bold ones are underlined.
                style = if base.add_modifier.contains(Modifier::BOLD) {
                    style.add_modifier(Modifier::UNDERLINED)
                } else {
                    style.add_modifier(Modifier::BOLD)
                };
            }
            if run.link.is_some() {
                style = style.patch(theme.link);
            }
            match &run.piece {
                Piece::Text(text) => Span::styled(text.clone(), style),
                Piece::Placeholder(id) => match fills.fill(id) {
                    Some(value) => Span::styled(value.to_string(), style),
                    None => Span::styled(
                        format!("{{{id}}}"),
                        style.patch(theme.nearly).add_modifier(Modifier::UNDERLINED),
                    ),
                },
            }
        })
        .collect()
}

/// A guide text's lines (each wrapped by the pane), on `base`: a line break the guide wrote
/// (a YAML block) starts a new line, never joins the words around it.
pub fn lines(text: &str, base: Style, theme: &Theme, fills: &dyn Fill) -> Vec<Line<'static>> {
    split(spans(text, base, theme, fills))
        .into_iter()
        .map(Line::from)
        .collect()
}

/// The same, after a first span (a bullet, a label) on the first line.
pub fn lines_after(
    first: Span<'static>,
    text: &str,
    base: Style,
    theme: &Theme,
    fills: &dyn Fill,
) -> Vec<Line<'static>> {
    let mut rows = split(spans(text, base, theme, fills));
    if let Some(row) = rows.first_mut() {
        row.insert(0, first);
    }
    rows.into_iter().map(Line::from).collect()
}

/// Spans cut into rows at each line break.
fn split(spans: Vec<Span<'static>>) -> Vec<Vec<Span<'static>>> {
    let mut rows = vec![Vec::new()];
    for span in spans {
        let mut parts = span.content.split('\n').peekable();
        while let Some(part) = parts.next() {
            if let Some(row) = rows.last_mut()
                && !part.is_empty()
            {
                row.push(Span::styled(part.to_string(), span.style));
            }
            if parts.peek().is_some() {
                rows.push(Vec::new());
            }
        }
    }
    rows
}

/// The interviewer's own words, each paragraph a line labelled as not to be read out.
pub fn for_you(paragraphs: &[String], theme: &Theme, fills: &dyn Fill) -> Vec<Line<'static>> {
    paragraphs
        .iter()
        .flat_map(|p| {
            lines_after(
                Span::styled(FOR_YOU, theme.heading),
                p,
                theme.instruction,
                theme,
                fills,
            )
        })
        .collect()
}

/// Follow-ups as bullets, each under the one it follows, its condition first.
pub fn follow_ups(
    follow_ups: &[FollowUp],
    depth: usize,
    theme: &Theme,
    fills: &dyn Fill,
    lines: &mut Vec<Line<'static>>,
) {
    for follow_up in follow_ups {
        let mut all = vec![Span::raw(format!("{}· ", "  ".repeat(depth)))];
        if let Some(when) = &follow_up.when {
            let label = theme.instruction.add_modifier(Modifier::BOLD);
            all.extend(spans(when, label, theme, fills));
            all.push(Span::styled(": ", label));
        }
        all.extend(spans(&follow_up.text, theme.instruction, theme, fills));
        lines.extend(
            split(all)
                .into_iter()
                .map(|row| Line::from(row).style(theme.instruction)),
        );
        self::follow_ups(&follow_up.follow_ups, depth + 1, theme, fills, lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::guide::rich::Unfilled;

    fn styled(spans: &[Span]) -> Vec<(String, Style)> {
        spans
            .iter()
            .map(|s| (s.content.to_string(), s.style))
            .collect()
    }

    #[test]
    fn emphasis_links_and_unfilled_placeholders_are_marked() {
        let theme = Theme::default();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let got = styled(&spans(
            "Tell me *when*, on {project}, see [notes](https://x.com/n).",
            bold,
            &theme,
            &Unfilled,
        ));
        assert_eq!(got[0], ("Tell me ".into(), bold));
        assert_eq!(got[1], ("when".into(), bold.add_modifier(Modifier::ITALIC)));
        assert_eq!(got[3].0, "{project}");
        assert!(got[3].1.add_modifier.contains(Modifier::UNDERLINED));
        assert_eq!(got[5], ("notes".into(), bold.patch(theme.link)));
    }

    #[test]
    fn a_line_break_starts_a_line() {
        let theme = Theme::default();
        let rows = lines(
            "Tell me about a particularly\ninteresting bug.",
            theme.say,
            &theme,
            &Unfilled,
        );
        let text: Vec<String> = rows.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["Tell me about a particularly", "interesting bug."]);
    }

    #[test]
    fn a_plain_text_is_one_span_in_its_style() {
        let theme = Theme::default();
        let got = styled(&spans("Hello.", theme.say, &theme, &Unfilled));
        assert_eq!(got, [("Hello.".to_string(), theme.say)]);
    }
}
