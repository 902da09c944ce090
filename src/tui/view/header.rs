//! The three header lines: who and the hour, a gauge of the hour, the phase strip.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::{phase_name, put_line, style};
use crate::interview::clock::{mm_ss, spent_of};
use crate::interview::{BudgetState, PhaseKind};
use crate::tui::model::{InterviewScreen, Model};

/// Ahead or behind by less than this reads "on time".
const ON_TIME_SECONDS: i64 = 30;

pub fn budget_style(state: BudgetState) -> Style {
    match state {
        BudgetState::Normal => Style::new(),
        BudgetState::Nearly => style::NEARLY,
        BudgetState::Over => style::OVER,
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, model: &Model, screen: &InterviewScreen, now: Instant) {
    let interview = &screen.interview;
    let plan = interview.plan();
    let [top, gauge_area, strip] = Layout::vertical([Constraint::Length(1); 3]).areas(area);

    // Whole seconds, so elapsed and left always add up to the planned total.
    let elapsed = Duration::from_secs(interview.elapsed(now).as_secs());
    let total = plan.budgets.total;
    let clock = main_clock(screen, elapsed, now);
    let clock_width: usize = clock.iter().map(Span::width).sum();
    let who = format!(
        " {} · {} · {}",
        model.guide.short_title, plan.role.name, plan.candidate
    );
    let [who_area, clock_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(clock_width + 2).unwrap_or(u16::MAX)),
    ])
    .areas(top);
    put_line(
        buf,
        who_area,
        &Line::styled(who, style::SAY),
        Alignment::Left,
    );
    put_line(buf, clock_area, &Line::from(clock), Alignment::Right);

    // Ahead or behind means nothing once the questions are over.
    let schedule =
        (interview.current().kind != PhaseKind::WrapUp).then(|| interview.behind_plan(now));
    let ratio = if total.is_zero() {
        1.0
    } else {
        (elapsed.as_secs_f64() / total.as_secs_f64()).min(1.0)
    };
    let gauge_style = if elapsed > total {
        style::OVER
    } else {
        style::HEADING
    };
    LineGauge::default()
        .ratio(ratio)
        .label(Line::from(time_left(elapsed, total, schedule)))
        .filled_style(gauge_style)
        .unfilled_style(style::QUIET)
        .render(gauge_area, buf);

    let phase_clock = phase_clock(screen, now);
    let phase_width = phase_clock.iter().map(Span::width).sum::<usize>();
    let [strip_area, phase_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(phase_width + 1).unwrap_or(u16::MAX)),
    ])
    .spacing(1)
    .areas(strip);
    let mut spans = phase_strip(screen, false, now);
    if spans.iter().map(Span::width).sum::<usize>() > usize::from(strip_area.width) {
        spans = phase_strip(screen, true, now);
    }
    put_line(buf, strip_area, &Line::from(spans), Alignment::Left);
    put_line(buf, phase_area, &Line::from(phase_clock), Alignment::Left);
}

/// The interview's clock against the plan: amber from 80 % of the planned time, red past
/// it, with how far past beside it (`+02:10 over`); paused, or stopped once finished.
fn main_clock(screen: &InterviewScreen, elapsed: Duration, now: Instant) -> Vec<Span<'static>> {
    let interview = &screen.interview;
    let total = mm_ss(interview.plan().budgets.total);
    let time = mm_ss(elapsed);
    if interview.is_finished() {
        return vec![Span::styled(
            format!("■ {time} / {total} finished "),
            style::QUIET,
        )];
    }
    let state = interview.time_state(now);
    let (symbol, clock_style) = if interview.is_paused() {
        ("⏸", style::NEARLY)
    } else {
        let running = match state {
            BudgetState::Normal => style::SAY,
            BudgetState::Nearly => style::NEARLY.add_modifier(ratatui::style::Modifier::BOLD),
            BudgetState::Over => style::OVER,
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
            style::OVER_FLAG,
        ));
    }
    spans
}

/// Every phase, the current one marked, the visited ones ticked and those over their
/// budget flagged (`Q1 ✓3!`, in red); `compact` for narrow terminals with many questions.
fn phase_strip(screen: &InterviewScreen, compact: bool, now: Instant) -> Vec<Span<'static>> {
    let interview = &screen.interview;
    let gap = if compact { " " } else { "  " };
    let mut spans = vec![Span::raw(" ")];
    for (i, phase) in interview.phases().iter().enumerate() {
        let name = match phase.kind {
            PhaseKind::CandidateQuestions if compact => "Theirs".to_string(),
            PhaseKind::WrapUp if compact => "Wrap".to_string(),
            _ => phase_name(screen, i),
        };
        // A rated question shows its place on the scale: `Q2 ✓3`.
        let rating = match phase.kind {
            PhaseKind::Question(q) => interview.rating(q).map(|p| (p + 1).to_string()),
            _ => None,
        }
        .unwrap_or_default();
        let over = interview.budget_state(i, now) == BudgetState::Over;
        let flag = if over { "!" } else { "" };
        let (text, span_style) = if i == interview.current_index() {
            (format!("{name} ●{rating}{flag}"), style::CURRENT)
        } else if interview.was_visited(i) {
            (format!("{name} ✓{rating}{flag}"), Style::new())
        } else {
            (format!("{name}{rating}{flag}"), style::QUIET)
        };
        let span_style = if over {
            span_style.patch(style::OVER)
        } else {
            span_style
        };
        spans.push(Span::styled(text, span_style));
        spans.push(Span::raw(gap));
    }
    spans
}

/// Time left (none once over: the clock says by how much) and how the interview stands
/// against the plan.
fn time_left(elapsed: Duration, total: Duration, behind: Option<i64>) -> Vec<Span<'static>> {
    let mut spans = vec![if elapsed > total {
        Span::styled(" no time left", style::OVER)
    } else {
        Span::raw(format!(" {} left", mm_ss(total - elapsed)))
    }];
    let Some(behind) = behind else {
        spans.push(Span::raw(" "));
        return spans;
    };
    spans.push(match behind {
        b if b >= ON_TIME_SECONDS => {
            Span::styled(format!(" · {} behind ", seconds(b)), style::NEARLY)
        }
        b if b <= -ON_TIME_SECONDS => Span::raw(format!(" · {} ahead ", seconds(-b))),
        _ => Span::styled(" · on time ", style::QUIET),
    });
    spans
}

fn seconds(s: i64) -> String {
    mm_ss(Duration::from_secs(s.unsigned_abs()))
}

fn phase_clock(screen: &InterviewScreen, now: Instant) -> Vec<Span<'static>> {
    let interview = &screen.interview;
    let at = interview.current_index();
    let spent = interview.spent(at, now);
    let text = spent_of(spent, interview.current().budget);
    let name = match interview.current().kind {
        PhaseKind::CandidateQuestions => "Theirs".to_string(),
        _ => phase_name(screen, at),
    };
    vec![
        Span::styled(format!("{name} "), style::QUIET),
        Span::styled(text, budget_style(interview.budget_state(at, now))),
        Span::raw(" "),
    ]
}
