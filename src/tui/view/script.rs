//! The script pane: what to say, verbatim, apart from what is for the interviewer only.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::guide_text;
use super::header::budget_style;
use super::phase_name;
use super::style::Theme;
use crate::guide::rich::Fill;
use crate::interview::clock::spent_of;
use crate::interview::{PhaseKind, UNRATED};
use crate::tui::keymap::{Command, Context};
use crate::tui::model::{InterviewScreen, Model};

/// How the script pane was drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptView {
    /// Lines of text the pane shows at once.
    pub height: u16,
    /// The furthest the text can scroll.
    pub max_scroll: u16,
}

/// A link as drawn: its first cell, the text shown and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpot {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub url: String,
}

/// A block of the script pane: its title and its lines.
#[derive(Clone, PartialEq)]
struct Section {
    title: String,
    lines: Vec<Line<'static>>,
}

impl Section {
    /// Rows it takes at this width with its borders, all of its lines or the first `lines`.
    fn rows(&self, width: u16, lines: usize) -> u16 {
        let inner = width.saturating_sub(2 + 2);
        let shown: Vec<Line> = self.lines.iter().take(lines).cloned().collect();
        let count = Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .line_count(inner);
        u16::try_from(count).unwrap_or(u16::MAX).saturating_add(2)
    }
}

/// What the script pane shows. A question's words stand in a block of their own, apart
/// from the interviewer's aids (the rating, follow-ups, strong and weak signs, the link),
/// which are never to be read out; the rest scrolls.
#[derive(Clone, PartialEq)]
pub struct ScriptContent {
    /// Said verbatim, in a block of its own that never scrolls: a question.
    say: Option<Section>,
    /// The rest, scrolled with PgUp and PgDn: the intro's statement, the aids, the
    /// candidate's questions, the wrap-up.
    body: Section,
    /// How many of the body's first lines are to be read out and so belong in view when
    /// they can be (the intro's statement).
    to_read: usize,
    url: Option<String>,
    theme: Theme,
}

impl ScriptContent {
    /// What the pane shows in the current phase.
    pub fn of(model: &Model, screen: &InterviewScreen, now: Instant) -> ScriptContent {
        let kind = screen.interview.current().kind;
        let body = |title: &str, lines| Section {
            title: title.to_string(),
            lines,
        };
        let (say, body, to_read) = match kind {
            // Words for the interviewer before the statement: no "Say this" over them.
            PhaseKind::Intro if model.guide.briefing.prepare.is_empty() => {
                let (lines, to_read) = intro(model, screen);
                (None, body(" Say this ", lines), to_read)
            }
            PhaseKind::Intro => {
                let (lines, to_read) = intro(model, screen);
                (None, body(" Intro ", lines), to_read)
            }
            PhaseKind::Question(i) => {
                let (say, aids) = question(model, screen, i);
                (say, body(" For you, not to read out ", aids), 0)
            }
            PhaseKind::CandidateQuestions => (
                None,
                body(" Their questions ", candidate_questions(model, screen)),
                0,
            ),
            PhaseKind::Closing => {
                let (lines, to_read) = closing(model, screen);
                (None, body(" Say this ", lines), to_read)
            }
            PhaseKind::WrapUp => (None, body(" Wrap-up ", wrap_up(model, screen, now)), 0),
        };
        ScriptContent {
            say,
            body,
            to_read,
            url: screen
                .interview
                .question(kind)
                .and_then(|q| q.guidelines_url.clone()),
            theme: model.ui.theme,
        }
    }

    /// Rows the block of words to say takes at this width; 0 when there is none.
    pub fn say_rows(&self, width: u16) -> u16 {
        self.say
            .as_ref()
            .map_or(0, |say| say.rows(width, usize::MAX))
    }

    /// Rows the body needs to show what is to be read out of it without scrolling; 0 when
    /// nothing of it is.
    pub fn rows_to_read(&self, width: u16) -> u16 {
        if self.to_read == 0 {
            return 0;
        }
        self.body.rows(width, self.to_read)
    }
}

/// Everything the script pane is drawn from.
#[derive(PartialEq)]
struct ScriptPane {
    say_area: Rect,
    body_area: Rect,
    scroll: u16,
    content: ScriptContent,
}

/// The script pane as last drawn. Keystrokes in the notes leave the script as it was, and
/// wrapping it again would cost a fifth of their frame.
pub struct DrawnScript {
    drawn_from: ScriptPane,
    cells: Buffer,
    view: ScriptView,
    link: Option<LinkSpot>,
}

/// Draws the pane: the words to say in `say_area` (empty when there are none), the rest in
/// `body_area`, from `kept` when nothing it shows has changed; returns how the body was
/// drawn and where the link is.
pub fn draw(
    buf: &mut Buffer,
    (say_area, body_area): (Rect, Rect),
    content: ScriptContent,
    scroll: u16,
    kept: &mut Option<DrawnScript>,
) -> (ScriptView, Option<LinkSpot>) {
    let pane = ScriptPane {
        say_area,
        body_area,
        scroll,
        content,
    };
    let drawn = match kept.take() {
        Some(drawn) if drawn.drawn_from == pane => drawn,
        _ => render(pane),
    };
    copy_cells(&drawn.cells, buf);
    let told = (drawn.view, drawn.link.clone());
    *kept = Some(drawn);
    told
}

/// Draws the pane on cells of its own, noting how far it scrolls and where the link landed
/// (so the loop can make it clickable, OSC 8, after the frame).
fn render(pane: ScriptPane) -> DrawnScript {
    let theme = &pane.content.theme;
    let mut cells = Buffer::empty(pane.say_area.union(pane.body_area));
    if let Some(say) = &pane.content.say
        && !pane.say_area.is_empty()
    {
        Paragraph::new(say.lines.clone())
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(Line::styled(say.title.clone(), theme.say))
                    .border_style(theme.say)
                    .padding(Padding::horizontal(1)),
            )
            .render(pane.say_area, &mut cells);
    }
    let body = &pane.content.body;
    let block = Block::bordered()
        .title(body.title.clone())
        .padding(Padding::horizontal(1));
    let inner = block.inner(pane.body_area);
    let paragraph = Paragraph::new(body.lines.clone()).wrap(Wrap { trim: false });
    // Scrolling counts in u16 lines; a script longer than that stops scrolling there.
    let max_scroll = u16::try_from(paragraph.line_count(inner.width))
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height);
    let scroll = pane.scroll.min(max_scroll);
    let block = match (scroll > 0, scroll < max_scroll) {
        (false, false) => block,
        (up, down) => {
            let hint = match (up, down) {
                (true, true) => " PgUp ↑ PgDn ↓ ",
                (true, false) => " PgUp ↑ ",
                _ => " PgDn ↓ more ",
            };
            block.title_bottom(Line::from(hint).right_aligned())
        }
    };
    paragraph
        .block(block)
        .scroll((scroll, 0))
        .render(pane.body_area, &mut cells);
    let link = pane.content.url.as_deref().and_then(|url| {
        let text = short_link(url);
        let (x, y) = find_text(&cells, inner, &text)?;
        Some(LinkSpot {
            x,
            y,
            text,
            url: url.to_string(),
        })
    });
    DrawnScript {
        drawn_from: pane,
        cells,
        view: ScriptView {
            height: inner.height,
            max_scroll,
        },
        link,
    }
}

/// Puts `from`'s cells where they belong in `to`, row by row.
fn copy_cells(from: &Buffer, to: &mut Buffer) {
    let area = from.area.intersection(to.area);
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let source = from.index_of(area.x, y);
        let target = to.index_of(area.x, y);
        to.content[target..target + width].clone_from_slice(&from.content[source..source + width]);
    }
}

/// The guide's standing reminders under a heading; nothing when it has none.
fn reminders(model: &Model, fills: &dyn Fill) -> Vec<Line<'static>> {
    if model.guide.reminders.is_empty() {
        return Vec::new();
    }
    let theme = &model.ui.theme;
    let mut lines = vec![Line::styled("Remember", theme.heading)];
    lines.extend(model.guide.reminders.iter().flat_map(|r| {
        guide_text::lines_after(
            Span::styled("· ", theme.instruction),
            r,
            theme.instruction,
            theme,
            fills,
        )
    }));
    lines
}

/// What the guide says to do before the call (labelled as the interviewer's), the
/// instruction, the statement to read (its paragraphs apart by a blank line) and the
/// guide's reminders; and how many lines, from the top, are up to the statement's end.
fn intro(model: &Model, screen: &InterviewScreen) -> (Vec<Line<'static>>, usize) {
    let theme = &model.ui.theme;
    let fills = screen.interview.plan();
    let intro = &model.guide.intro;
    let mut lines = guide_text::for_you(&model.guide.briefing.prepare, theme, fills);
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.extend(guide_text::lines(
        &intro.instruction,
        theme.instruction,
        theme,
        fills,
    ));
    for (i, paragraph) in intro.statement.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(guide_text::lines(paragraph, theme.say, theme, fills));
    }
    let to_read = lines.len();
    lines.push(Line::default());
    lines.extend(reminders(model, fills));
    (lines, to_read)
}

/// The closing's instruction and the statement to read; how many lines that is.
fn closing(model: &Model, screen: &InterviewScreen) -> (Vec<Line<'static>>, usize) {
    let theme = &model.ui.theme;
    let fills = screen.interview.plan();
    let Some(closing) = &model.guide.closing else {
        let gone = "The guide no longer has a closing statement.";
        return (vec![Line::styled(gone, theme.quiet)], 0);
    };
    let mut lines = guide_text::lines(&closing.instruction, theme.instruction, theme, fills);
    for (i, paragraph) in closing.statement.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(guide_text::lines(paragraph, theme.say, theme, fills));
    }
    let to_read = lines.len();
    (lines, to_read)
}

/// The question to say, in a block titled with its place and section, after its section's
/// words when the plan comes to the section from another; and the aids, not to be read
/// out: the guide's words for the interviewer (the question's, the section's), the rating,
/// then the follow-ups (what is needed mid-answer, nested, each with its condition), what
/// a strong and a weak answer show, the link and the reminders.
fn question(
    model: &Model,
    screen: &InterviewScreen,
    index: usize,
) -> (Option<Section>, Vec<Line<'static>>) {
    let theme = &model.ui.theme;
    let interview = &screen.interview;
    let plan = interview.plan();
    let Some(q) = plan.questions.get(index) else {
        return (None, Vec::new());
    };
    let say = Section {
        title: format!(
            " Say exactly · Q{} of {} · {} ",
            index + 1,
            plan.questions.len(),
            q.section
        ),
        lines: said(model, plan, index),
    };
    // The block is the interviewer's: its words need no label of their own.
    let mut lines: Vec<Line<'static>> = q
        .guidance
        .iter()
        .chain(&q.section_words.guidance)
        .flat_map(|p| guide_text::lines(p, theme.instruction, theme, plan))
        .collect();
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(rating_line(
        model,
        "Rating",
        interview.rating(index),
        screen,
    ));
    if !q.follow_ups.is_empty() {
        lines.push(Line::styled("Dig deeper", theme.heading));
        guide_text::follow_ups(&q.follow_ups, 0, theme, plan, &mut lines);
        lines.push(Line::default());
    }
    bullets(
        theme,
        &mut lines,
        "A strong answer",
        &q.guidelines.strong,
        theme.quiet,
        plan,
    );
    bullets(
        theme,
        &mut lines,
        "A weak answer",
        &q.guidelines.weak,
        theme.quiet,
        plan,
    );
    if let Some(note) = &model.guide.evaluation_note
        && !(q.follow_ups.is_empty() && q.guidelines == Default::default())
    {
        lines.extend(guide_text::lines(note, theme.quiet, theme, plan));
        lines.push(Line::default());
    }
    if let Some(url) = &q.guidelines_url {
        let mut link = vec![
            Span::styled("Guidelines: ", theme.quiet),
            Span::styled(short_link(url), theme.link),
        ];
        for (command, word) in [(Command::CopyLink, "copy"), (Command::OpenLink, "open")] {
            if let Some(chord) = model.ui.keymap.chord_for(Context::Interview, command) {
                link.push(Span::styled(format!("  {}", chord.short()), theme.key));
                link.push(Span::styled(format!(" {word}"), theme.quiet));
            }
        }
        lines.push(Line::from(link));
        lines.push(Line::default());
    }
    lines.extend(reminders(model, plan));
    (Some(say), lines)
}

/// The words to say for a planned question: its section's first, when the plan comes to
/// the section from another one, then the question.
fn said(model: &Model, plan: &crate::interview::Plan, index: usize) -> Vec<Line<'static>> {
    let theme = &model.ui.theme;
    let q = &plan.questions[index];
    let first_of_section = index == 0 || plan.questions[index - 1].section != q.section;
    let mut lines = Vec::new();
    if first_of_section {
        for paragraph in &q.section_words.say {
            lines.extend(guide_text::lines(paragraph, theme.say, theme, plan));
            lines.push(Line::default());
        }
    }
    lines.extend(guide_text::lines(&q.text, theme.say, theme, plan));
    lines
}

/// A heading and its items as bullets, then a blank line; nothing when there are no items.
fn bullets(
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
    heading: &str,
    items: &[String],
    item_style: Style,
    fills: &dyn Fill,
) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::styled(heading.to_string(), theme.heading));
    lines.extend(items.iter().flat_map(|i| {
        guide_text::lines_after(Span::styled("· ", item_style), i, item_style, theme, fills)
    }));
    lines.push(Line::default());
}

/// "Rating: Yes", or the scale with its keys when nothing is set yet: the rate key, each
/// place's digit, and the one-chord form (`^D then 1 Strong no  2 No … · Alt+1…`).
fn rating_line(
    model: &Model,
    what: &str,
    rating: Option<usize>,
    screen: &InterviewScreen,
) -> Line<'static> {
    let theme = &model.ui.theme;
    let interview = &screen.interview;
    match rating {
        Some(p) => Line::from(vec![
            Span::styled(format!("{what}: "), theme.heading),
            Span::styled(interview.rating_label(p).to_string(), theme.say),
        ]),
        None => {
            let keymap = &model.ui.keymap;
            let mut spans = vec![Span::styled(format!("{what}: "), theme.heading)];
            if let Some(menu) = keymap.chord_for(Context::Interview, Command::RateMenu) {
                spans.push(Span::styled(menu.short(), theme.key));
                spans.push(Span::raw(" then "));
            }
            for (p, label) in interview.plan().rating_scale.iter().enumerate() {
                if let Some(chord) = keymap.rating_menu_chord(p) {
                    spans.push(Span::styled(chord.to_string(), theme.key));
                    spans.push(Span::raw(format!(" {label}  ")));
                }
            }
            if let Some(chord) = keymap.rate_chord(0) {
                spans.push(Span::styled(format!("· {}…", chord.short()), theme.quiet));
            }
            Line::from(spans)
        }
    }
}

/// A link short enough for one line: host, an ellipsis, and the fragment that tells the
/// guide's sections apart (`docs.google.com/…#heading=h.5z8517vrmoea`).
pub fn short_link(url: &str) -> String {
    const MAX: usize = 48;
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    if bare.chars().count() <= MAX {
        return bare.to_string();
    }
    let host = bare.split('/').next().unwrap_or(bare);
    let tail: String = match bare.rfind('#') {
        Some(at) => bare[at..].to_string(),
        None => {
            let chars: Vec<char> = bare.chars().collect();
            chars[chars.len().saturating_sub(20)..].iter().collect()
        }
    };
    format!("{host}/…{tail}")
}

/// Where `text` first shows in `area`, if it does.
fn find_text(buffer: &Buffer, area: Rect, text: &str) -> Option<(u16, u16)> {
    (area.top()..area.bottom()).find_map(|y| {
        let row: String = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let byte_at = row.find(text)?;
        let column = u16::try_from(row[..byte_at].chars().count()).ok()?;
        Some((area.left() + column, y))
    })
}

fn candidate_questions(model: &Model, screen: &InterviewScreen) -> Vec<Line<'static>> {
    let theme = &model.ui.theme;
    let fills = screen.interview.plan();
    let c = &model.guide.candidate_questions;
    let mut lines = guide_text::lines(&c.instruction, theme.instruction, theme, fills);
    lines.push(Line::default());
    if let Some(prompt) = &c.prompt {
        lines.extend(guide_text::lines(prompt, theme.say, theme, fills));
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        "Note their questions and what you answered.",
        theme.instruction,
    ));
    lines
}

fn wrap_up(model: &Model, screen: &InterviewScreen, now: Instant) -> Vec<Line<'static>> {
    let theme = &model.ui.theme;
    let interview = &screen.interview;
    // What the interviewer decides on comes first: at 80×24 the pane shows only a few rows.
    let mut lines = vec![
        rating_line(model, "Recommendation", interview.recommendation(), screen),
        Line::default(),
    ];
    let wrap_up = interview.phases().len() - 1;
    let mut marks = Vec::new();
    for (i, phase) in interview.phases().iter().enumerate().take(wrap_up) {
        let spent = interview.spent(i, now);
        let time = spent_of(spent, phase.budget);
        let notes = match screen.notes[i].written_lines() {
            0 => "no notes".to_string(),
            1 => "1 line".to_string(),
            n => format!("{n} lines"),
        };
        let found = model.impressions.find_in(i, screen.notes[i].iter_lines());
        let mut row = vec![
            Span::raw(format!("{:<16}", phase_name(screen, i))),
            Span::styled(
                format!("{time:<14}"),
                budget_style(theme, interview.budget_state(i, now)),
            ),
            Span::styled(format!("{notes:<10}"), theme.quiet),
        ];
        // Every row has the rating's column, so the marks after it line up.
        row.push(match phase.kind {
            PhaseKind::Question(q) => match interview.rating(q) {
                Some(p) => Span::raw(format!("{:<12}", interview.rating_label(p))),
                // Shouted on screen: a question left unrated is what the wrap-up is for.
                None => Span::styled(format!("{:<12}", UNRATED.to_uppercase()), theme.over),
            },
            _ => Span::raw(" ".repeat(12)),
        });
        match found.len() {
            0 => {}
            1 => row.push(Span::styled("1 mark", theme.impression)),
            n => row.push(Span::styled(format!("{n} marks"), theme.impression)),
        }
        lines.push(Line::from(row));
        marks.extend(found);
    }
    // The summary itself can hold impressions too.
    marks.extend(
        model
            .impressions
            .find_in(wrap_up, screen.notes[wrap_up].iter_lines()),
    );
    if !marks.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            "Impressions to rewrite as what the candidate said or did",
            theme.heading,
        ));
        for mark in marks {
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{} line {}: ",
                    phase_name(screen, mark.phase),
                    mark.line
                )),
                Span::styled(mark.text, theme.impression),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Write the behavior behind your recommendation in the notes; if you are not sure, that is a no-hire.",
        theme.instruction,
    ));
    if let Some(handoff) = model
        .ui
        .keymap
        .chord_for(Context::Interview, Command::OpenHandoff)
    {
        let written = match screen.handoff.written_lines() {
            0 => "none yet".to_string(),
            1 => "1 line".to_string(),
            n => format!("{n} lines"),
        };
        lines.push(Line::from(vec![
            Span::styled(handoff.to_string(), theme.key),
            Span::styled(
                format!(" the hand-off note for the next interviewer ({written})."),
                theme.instruction,
            ),
        ]));
    }
    if let Some(export) = model
        .ui
        .keymap
        .chord_for(Context::Interview, Command::WriteScorecard)
    {
        lines.push(Line::from(vec![
            Span::styled(export.to_string(), theme.key),
            Span::styled(
                " writes the scorecard (Markdown) and copies it.",
                theme.instruction,
            ),
        ]));
    }
    let after = &model.guide.briefing.after;
    if !after.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("After the interview", theme.heading));
        lines.extend(guide_text::for_you(after, theme, interview.plan()));
    }
    lines
}
