//! The three header lines: who and the hour, a gauge of the hour, the phase strip.

use std::time::{Duration, Instant};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::footer::shorten_middle;
use super::style::Theme;
use super::{ClockRegion, phase_name, put_line, rows, split_right};
use crate::interview::clock::{mm_ss, spent_of};
use crate::interview::{BudgetState, PhaseKind};
use crate::tui::model::{InterviewScreen, Model};

/// Ahead or behind by less than this reads "on time".
const ON_TIME_SECONDS: i64 = 30;
/// A role shortened to fit keeps at least this many characters.
const SHORTEST_ROLE: usize = 6;

pub fn budget_style(theme: &Theme, state: BudgetState) -> Style {
    match state {
        BudgetState::Normal => Style::new(),
        BudgetState::Nearly => theme.nearly,
        BudgetState::Over => theme.over,
    }
}

/// Where each phase of the strip was drawn: a click there goes to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StripSpots {
    pub row: u16,
    /// `(first column, past the last column)` of each phase, in order.
    pub phases: Vec<(u16, u16)>,
}

/// Where the header's parts are: the clock's width moves the line of who beside it, the
/// phase clock's the strip.
pub struct Parts {
    who: Rect,
    pub clock: Rect,
    /// The time left and how the interview stands, a space after.
    pub gauge_label: Rect,
    /// The bar of the gauge, which changes a cell at a time.
    pub gauge_bar: Rect,
    strip: Rect,
    pub phase_clock: Rect,
}

/// Where the header's parts are in `area` at `now`.
pub fn parts(area: Rect, model: &Model, screen: &InterviewScreen, now: Instant) -> Parts {
    let theme = &model.ui.theme;
    let [top, gauge, strip] = rows(area);
    let clock = main_clock(theme, screen, now);
    let clock_width: usize = clock.iter().map(Span::width).sum();
    let [who, clock] = split_right(top, u16::try_from(clock_width + 2).unwrap_or(u16::MAX));
    let [gauge_label, gauge_bar] = gauge_areas(gauge, gauge_label(theme, screen, now).width());
    let phase_width: usize = phase_clock(theme, screen, now)
        .iter()
        .map(Span::width)
        .sum();
    let [strip, phase_clock] = split_right(strip, u16::try_from(phase_width).unwrap_or(u16::MAX));
    Parts {
        who,
        clock,
        gauge_label,
        gauge_bar,
        strip,
        phase_clock,
    }
}

/// Which phases are over their budget at `now`: the strip flags them.
pub fn over_budget(screen: &InterviewScreen, now: Instant) -> Vec<bool> {
    let interview = &screen.interview;
    (0..interview.phases().len())
        .map(|i| interview.budget_state(i, now) == BudgetState::Over)
        .collect()
}

/// Draws the header; returns where the phases of the strip are.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    model: &Model,
    screen: &InterviewScreen,
    now: Instant,
) -> StripSpots {
    let theme = &model.ui.theme;
    let plan = screen.interview.plan();
    let parts = parts(area, model, screen, now);
    let who = who(
        &model.guide.short_title,
        plan.role_name(),
        &plan.candidate,
        usize::from(parts.who.width),
    );
    put_line(
        buf,
        parts.who,
        &Line::styled(who, theme.say),
        Alignment::Left,
    );
    for (part, area) in [
        (ClockRegion::Clock, parts.clock),
        (ClockRegion::GaugeLabel, parts.gauge_label),
        (ClockRegion::GaugeBar, parts.gauge_bar),
        (ClockRegion::PhaseClock, parts.phase_clock),
    ] {
        draw_timed(buf, area, part, model, screen, now);
    }
    draw_strip(buf, parts.strip, model, screen, now)
}

/// One of the header's parts that change with time, in its `area`: the interview's clock
/// (on the right), the gauge's label (the time left and how the interview stands against
/// the plan), its bar, or the time in the current phase against its budget. The footer's
/// status is not the header's.
pub fn draw_timed(
    buf: &mut Buffer,
    area: Rect,
    part: ClockRegion,
    model: &Model,
    screen: &InterviewScreen,
    now: Instant,
) {
    let theme = &model.ui.theme;
    match part {
        ClockRegion::Clock => {
            let clock = Line::from(main_clock(theme, screen, now));
            put_line(buf, area, &clock, Alignment::Right);
        }
        ClockRegion::GaugeLabel => {
            put_line(buf, area, &gauge_label(theme, screen, now), Alignment::Left);
        }
        ClockRegion::GaugeBar => draw_gauge_bar(buf, area, model, screen, now),
        ClockRegion::PhaseClock => {
            let phase_clock = Line::from(phase_clock(theme, screen, now));
            put_line(buf, area, &phase_clock, Alignment::Left);
        }
        ClockRegion::Status => {}
    }
}

/// The gauge of the hour's bar, filled as far as the hour has gone.
fn draw_gauge_bar(
    buf: &mut Buffer,
    area: Rect,
    model: &Model,
    screen: &InterviewScreen,
    now: Instant,
) {
    let theme = &model.ui.theme;
    let elapsed = whole_seconds(screen, now);
    let total = screen.interview.plan().budgets.total;
    let ratio = if total.is_zero() {
        1.0
    } else {
        elapsed.as_secs_f64() / total.as_secs_f64()
    };
    let filled_style = if elapsed > total {
        theme.over
    } else {
        theme.heading
    };
    let filled = gauge_cell(theme.gauge_done, filled_style);
    let unfilled = gauge_cell(theme.gauge_left, theme.quiet);
    fill_bar(buf, area, ratio, &filled, &unfilled);
}

fn gauge_label(theme: &Theme, screen: &InterviewScreen, now: Instant) -> Line<'static> {
    let interview = &screen.interview;
    // Ahead or behind means nothing once the questions are over.
    let schedule =
        (interview.current().kind != PhaseKind::WrapUp).then(|| interview.behind_plan(now));
    let elapsed = whole_seconds(screen, now);
    Line::from(time_left(
        theme,
        elapsed,
        interview.plan().budgets.total,
        schedule,
    ))
}

fn gauge_cell(symbol: &str, style: Style) -> Cell {
    let mut cell = Cell::default();
    cell.set_symbol(symbol).set_style(style);
    cell
}

/// Where a gauge in `area` puts its label, `label_width` wide, and its bar: as ratatui's
/// `LineGauge` does, the bar one space after the label. The gauge is drawn by hand so that
/// a clock tick can draw the label alone while the bar stays as it was (the bar moves a
/// cell every few seconds).
fn gauge_areas(area: Rect, label_width: usize) -> [Rect; 2] {
    let label = u16::try_from(label_width.saturating_add(1))
        .unwrap_or(u16::MAX)
        .min(area.width);
    [
        Rect {
            width: label,
            ..area
        },
        Rect {
            x: area.x + label,
            width: area.width - label,
            ..area
        },
    ]
}

/// A bar across `area`'s first row, `ratio` of it filled, rounded down to whole cells as
/// `LineGauge` rounds.
fn fill_bar(buf: &mut Buffer, area: Rect, ratio: f64, filled: &Cell, unfilled: &Cell) {
    if area.is_empty() {
        return;
    }
    let bar = usize::from(area.width);
    let done = ((bar as f64) * ratio.clamp(0.0, 1.0)).floor() as usize;
    let at = buf.index_of(area.x, area.y);
    for (i, cell) in buf.content[at..at + bar].iter_mut().enumerate() {
        cell.clone_from(if i < done { filled } else { unfilled });
    }
}

/// The phase strip in `area`; returns where its phases are.
fn draw_strip(
    buf: &mut Buffer,
    area: Rect,
    model: &Model,
    screen: &InterviewScreen,
    now: Instant,
) -> StripSpots {
    let theme = &model.ui.theme;
    let fits = |spans: &[(usize, Span<'static>)]| {
        spans.iter().map(|(_, s)| s.width()).sum::<usize>() <= usize::from(area.width)
    };
    let mut spans = phase_strip(theme, screen, Names::Full, now);
    for names in [Names::Compact, Names::Tiny] {
        if !fits(&spans) {
            spans = phase_strip(theme, screen, names, now);
        }
    }
    // Too many questions for every phase: a window of them around the current one, the
    // intro and the phases after the questions kept in view.
    for names in [Names::Full, Names::Compact, Names::Tiny] {
        if fits(&spans) {
            break;
        }
        spans = window(
            theme,
            screen,
            phase_strip(theme, screen, names, now),
            usize::from(area.width),
        );
    }
    let mut spots = StripSpots {
        row: area.y,
        phases: Vec::new(),
    };
    let mut x = area.x;
    for (phase, span) in &spans {
        let width = u16::try_from(span.width()).unwrap_or(u16::MAX);
        if *phase != usize::MAX {
            spots.phases.push((x, x.saturating_add(width)));
        }
        x = x.saturating_add(width);
    }
    let line: Vec<Span> = spans.into_iter().map(|(_, s)| s).collect();
    put_line(buf, area, &Line::from(line), Alignment::Left);
    spots
}

/// Whole seconds of the interview, so elapsed and left always add up to the planned total.
fn whole_seconds(screen: &InterviewScreen, now: Instant) -> Duration {
    Duration::from_secs(screen.interview.elapsed(now).as_secs())
}

/// The interview's clock against the plan: amber from 80 % of the planned time, red past
/// it, with how far past beside it (`+02:10 over`); paused, or stopped once finished.
fn main_clock(theme: &Theme, screen: &InterviewScreen, now: Instant) -> Vec<Span<'static>> {
    let interview = &screen.interview;
    let total = mm_ss(interview.plan().budgets.total);
    let time = mm_ss(whole_seconds(screen, now));
    if interview.is_finished() {
        return vec![Span::styled(
            format!("■ {time} / {total} finished "),
            theme.quiet,
        )];
    }
    let (symbol, clock_style) = if interview.is_paused() {
        ("⏸", theme.nearly)
    } else {
        let running = match interview.time_state(now) {
            BudgetState::Normal => theme.say,
            BudgetState::Nearly => theme.nearly.add_modifier(Modifier::BOLD),
            BudgetState::Over => theme.over,
        };
        ("▶", running)
    };
    let mut spans = vec![Span::styled(
        format!("{symbol} {time} / {total} "),
        clock_style,
    )];
    if let Some(over) = interview.over_by(now) {
        spans.push(Span::styled(
            format!(" +{} over ", mm_ss(over)),
            theme.urgent,
        ));
    }
    spans
}

/// Who and what for, in `width` columns: the candidate's name is kept longest, the role
/// shortens first, then the guide's title goes. A guide without roles has none to show.
fn who(title: &str, role: &str, candidate: &str, width: usize) -> String {
    if role.is_empty() {
        let full = format!(" {title} · {candidate}");
        return if full.chars().count() <= width {
            full
        } else {
            format!(" {}", shorten_middle(candidate, width.saturating_sub(1)))
        };
    }
    let full = format!(" {title} · {role} · {candidate}");
    if full.chars().count() <= width {
        return full;
    }
    let with_role = |prefix: &str| {
        let fixed = prefix.chars().count() + " · ".chars().count() + candidate.chars().count() + 1;
        let room = width.saturating_sub(fixed);
        (room >= SHORTEST_ROLE.min(role.chars().count()))
            .then(|| format!(" {prefix}{} · {candidate}", shorten_end(role, room)))
    };
    with_role(&format!("{title} · "))
        .or_else(|| with_role(""))
        .unwrap_or_else(|| format!(" {}", shorten_middle(candidate, width.saturating_sub(1))))
}

/// `text` cut to `max` characters with `…` at the end.
fn shorten_end(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// How long the names in the phase strip are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    Full,
    /// `Theirs`, `Wrap`, one space between.
    Compact,
    /// `I`, `1`, `T`, `W`: for 60 columns with ratings shown.
    Tiny,
}

/// Every phase, the current one marked, the visited ones ticked and those over their
/// budget flagged (`Q1 ✓3!`, as a budget overrun is), each with its index (`usize::MAX`
/// for the gaps).
fn phase_strip(
    theme: &Theme,
    screen: &InterviewScreen,
    names: Names,
    now: Instant,
) -> Vec<(usize, Span<'static>)> {
    let interview = &screen.interview;
    let gap = if names == Names::Full { "  " } else { " " };
    let over_budget = over_budget(screen, now);
    let mut spans = vec![(usize::MAX, Span::raw(" "))];
    for (i, phase) in interview.phases().iter().enumerate() {
        let name = match (phase.kind, names) {
            (_, Names::Full) => phase_name(screen, i),
            (PhaseKind::CandidateQuestions, Names::Compact) => "Theirs".to_string(),
            (PhaseKind::Closing, Names::Compact) => "Close".to_string(),
            (PhaseKind::WrapUp, Names::Compact) => "Wrap".to_string(),
            (_, Names::Compact) => phase_name(screen, i),
            (PhaseKind::Intro, Names::Tiny) => "I".to_string(),
            (PhaseKind::Question(q), Names::Tiny) => (q + 1).to_string(),
            (PhaseKind::CandidateQuestions, Names::Tiny) => "T".to_string(),
            (PhaseKind::Closing, Names::Tiny) => "C".to_string(),
            (PhaseKind::WrapUp, Names::Tiny) => "W".to_string(),
        };
        let space = if names == Names::Tiny { "" } else { " " };
        // A rated question shows its place on the scale: `Q2 ✓3`.
        let rating = match phase.kind {
            PhaseKind::Question(q) => interview.rating(q).map(|p| (p + 1).to_string()),
            _ => None,
        }
        .unwrap_or_default();
        let over = over_budget[i];
        let flag = if over { "!" } else { "" };
        let (text, span_style) = if i == interview.current_index() {
            (format!("{name}{space}●{rating}{flag}"), theme.current)
        } else if interview.was_visited(i) {
            (format!("{name}{space}✓{rating}{flag}"), Style::new())
        } else {
            (format!("{name}{rating}{flag}"), theme.quiet)
        };
        let span_style = if over {
            span_style.patch(theme.over)
        } else {
            span_style
        };
        spans.push((i, Span::styled(text, span_style)));
        spans.push((usize::MAX, Span::raw(gap)));
    }
    spans.pop();
    spans
}

/// The strip with only some questions: the intro, the current phase, the phases after the
/// questions, and as many questions either side of the current one as `width` holds, a `…`
/// where questions are left out.
fn window(
    theme: &Theme,
    screen: &InterviewScreen,
    spans: Vec<(usize, Span<'static>)>,
    width: usize,
) -> Vec<(usize, Span<'static>)> {
    let interview = &screen.interview;
    // One space between phases: a window is for when room is short.
    let gap = " ";
    let phases: Vec<(usize, Span<'static>)> = spans
        .into_iter()
        .filter(|(i, _)| *i != usize::MAX)
        .collect();
    let is_question = |i: usize| matches!(interview.phases()[i].kind, PhaseKind::Question(_));
    let current = interview.current_index();
    let mut kept: Vec<bool> = phases
        .iter()
        .map(|(i, _)| !is_question(*i) || *i == current)
        .collect();
    let line = |kept: &[bool]| {
        let mut line = vec![(usize::MAX, Span::raw(" "))];
        let mut left_out = false;
        for ((i, span), keep) in phases.iter().zip(kept) {
            if !keep {
                left_out = true;
                continue;
            }
            if left_out {
                line.push((usize::MAX, Span::styled("…", theme.quiet)));
                line.push((usize::MAX, Span::raw(gap)));
                left_out = false;
            }
            line.push((*i, span.clone()));
            line.push((usize::MAX, Span::raw(gap)));
        }
        line.pop();
        line
    };
    let width_of =
        |line: &[(usize, Span<'static>)]| line.iter().map(|(_, s)| s.width()).sum::<usize>();
    // Questions nearest the current phase first, after it before before it.
    let at = phases.iter().position(|(i, _)| *i == current).unwrap_or(0);
    let nearest = (1..phases.len()).flat_map(|d| [at.checked_add(d), at.checked_sub(d)]);
    for n in nearest.flatten().filter(|n| *n < phases.len()) {
        if kept[n] {
            continue;
        }
        kept[n] = true;
        if width_of(&line(&kept)) > width {
            kept[n] = false;
            break;
        }
    }
    line(&kept)
}

/// Time left (none once over: the clock says by how much) and how the interview stands
/// against the plan.
fn time_left(
    theme: &Theme,
    elapsed: Duration,
    total: Duration,
    behind: Option<i64>,
) -> Vec<Span<'static>> {
    let mut spans = vec![if elapsed > total {
        Span::styled(" no time left", theme.over)
    } else {
        Span::raw(format!(" {} left", mm_ss(total - elapsed)))
    }];
    let Some(behind) = behind else {
        spans.push(Span::raw(" "));
        return spans;
    };
    spans.push(match behind {
        b if b >= ON_TIME_SECONDS => {
            Span::styled(format!(" · {} behind ", seconds(b)), theme.nearly)
        }
        b if b <= -ON_TIME_SECONDS => Span::raw(format!(" · {} ahead ", seconds(-b))),
        _ => Span::styled(" · on time ", theme.quiet),
    });
    spans
}

fn seconds(s: i64) -> String {
    mm_ss(Duration::from_secs(s.unsigned_abs()))
}

fn phase_clock(theme: &Theme, screen: &InterviewScreen, now: Instant) -> Vec<Span<'static>> {
    let interview = &screen.interview;
    let at = interview.current_index();
    let spent = interview.spent(at, now);
    let text = spent_of(spent, interview.current().budget);
    let name = match interview.current().kind {
        PhaseKind::CandidateQuestions => "Theirs".to_string(),
        _ => phase_name(screen, at),
    };
    vec![
        Span::raw(" "),
        Span::styled(format!("{name} "), theme.quiet),
        Span::styled(text, budget_style(theme, interview.budget_state(at, now))),
        Span::raw(" "),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;
    use ratatui::widgets::{LineGauge, Widget};

    #[test]
    fn the_gauge_draws_as_ratatuis_line_gauge() {
        let filled_style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let unfilled_style = Style::new().fg(Color::DarkGray);
        let label = Line::from(vec![
            Span::raw(" 50:00 left"),
            Span::styled(" · 13:00 ahead ", unfilled_style),
        ]);
        for width in [0, 5, 26, 27, 28, 60, 200] {
            for ratio in [0.0, 0.004, 0.5, 0.999, 1.0] {
                let area = Rect::new(3, 1, width, 1);
                let mut ours = Buffer::empty(Rect::new(0, 0, 210, 3));
                let mut theirs = ours.clone();
                let [label_area, bar_area] = gauge_areas(area, label.width());
                put_line(&mut ours, label_area, &label, Alignment::Left);
                let filled = gauge_cell("━", filled_style);
                let unfilled = gauge_cell("─", unfilled_style);
                fill_bar(&mut ours, bar_area, ratio, &filled, &unfilled);
                LineGauge::default()
                    .ratio(ratio)
                    .label(label.clone())
                    .filled_symbol("━")
                    .unfilled_symbol("─")
                    .filled_style(filled_style)
                    .unfilled_style(unfilled_style)
                    .render(area, &mut theirs);
                assert_eq!(ours, theirs, "{width} columns, {ratio}");
            }
        }
    }

    #[test]
    fn the_name_stays_and_the_role_shortens_first() {
        let at = |width| who("Infosec", "Application Security Engineer", "Sam Lee", width);
        assert_eq!(at(80), " Infosec · Application Security Engineer · Sam Lee");
        assert_eq!(at(40), " Infosec · Application Securi… · Sam Lee");
        assert_eq!(at(24), " Application… · Sam Lee");
        assert_eq!(at(8), " Sam Lee");
        assert_eq!(at(6), " Sa…ee");
        assert_eq!(who("Values", "", "Sam Lee", 80), " Values · Sam Lee");
    }
}
