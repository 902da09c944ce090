//! The setup screen's state: who, for which role, how long, and which questions.
//!
//! The names edit as a line editor does: typing goes in at the cursor, ← → Home End move
//! it, Backspace, Ctrl+W and Ctrl+U delete before it. Minutes take digits: the first typed
//! after coming to the field replaces the value, the next ones add to it.
//! Space on the role field goes to the next role, as → does.
//! Enter starts the interview when every field is filled, otherwise it moves to the first
//! field that is not and says what it needs.

use crate::guide::{Guide, MAX_MINUTES};
use crate::interview::{Budgets, Plan, PlanError, QuestionChoice};

use super::action::SetupAction;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Role,
    Candidate,
    Interviewer,
    Minutes,
    Questions,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Role,
        Field::Candidate,
        Field::Interviewer,
        Field::Minutes,
        Field::Questions,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Role => "Role",
            Field::Candidate => "Candidate",
            Field::Interviewer => "Interviewer",
            Field::Minutes => "Minutes",
            Field::Questions => "Questions",
        }
    }
}

/// What a key did to the form.
pub enum SetupOutcome {
    Unchanged,
    Changed,
    /// Everything is filled in: the interview can begin on this plan.
    Start(Box<Plan>),
}

pub struct SetupForm {
    pub role_index: usize,
    pub candidate: String,
    pub interviewer: String,
    pub minutes: u32,
    pub choice: QuestionChoice,
    pub focus: Field,
    /// The highlighted row of the question list.
    pub cursor: usize,
    /// Why the last Enter did not start, shown until the next change.
    pub problem: Option<String>,
    /// The cursor in the name in focus, in characters from its start.
    pub column: usize,
    /// The minutes were just come to: a digit typed replaces them.
    minutes_fresh: bool,
}

/// What the command line already said.
#[derive(Debug, Default, Clone)]
pub struct Prefill {
    pub role_index: Option<usize>,
    pub candidate: Option<String>,
    pub interviewer: Option<String>,
    pub minutes: Option<u32>,
    pub choice: Option<QuestionChoice>,
}

impl SetupForm {
    pub fn new(guide: &Guide, prefill: Prefill) -> SetupForm {
        let role_index = prefill.role_index.unwrap_or(0);
        let choice = prefill
            .choice
            .unwrap_or_else(|| QuestionChoice::default_for(guide, &guide.roles[role_index]));
        let mut form = SetupForm {
            role_index,
            candidate: prefill.candidate.unwrap_or_default(),
            interviewer: prefill.interviewer.unwrap_or_default(),
            minutes: prefill.minutes.unwrap_or(guide.timing.minutes),
            choice,
            focus: Field::Role,
            cursor: 0,
            problem: None,
            column: 0,
            minutes_fresh: false,
        };
        let focus = match (prefill.role_index, form.first_missing()) {
            (None, _) => Field::Role,
            (Some(_), missing) => missing.unwrap_or(Field::Questions),
        };
        form.focus_on(focus);
        form
    }

    pub fn budgets(&self, guide: &Guide) -> Result<Budgets, PlanError> {
        Budgets::share(&guide.timing, self.minutes, self.choice.chosen_count())
    }

    fn first_missing(&self) -> Option<Field> {
        if self.candidate.trim().is_empty() {
            Some(Field::Candidate)
        } else if self.interviewer.trim().is_empty() {
            Some(Field::Interviewer)
        } else {
            None
        }
    }

    fn start(&mut self, guide: &Guide) -> SetupOutcome {
        if let Some(missing) = self.first_missing() {
            self.focus_on(missing);
            self.problem = Some(format!("{} is needed to start", missing.label()));
            return SetupOutcome::Changed;
        }
        let role = &guide.roles[self.role_index];
        match Plan::new(
            guide,
            role,
            &self.candidate,
            &self.interviewer,
            self.minutes,
            &self.choice,
        ) {
            Ok(plan) => SetupOutcome::Start(Box::new(plan)),
            Err(e) => {
                self.focus_on(match e {
                    PlanError::TooShort { .. } => Field::Minutes,
                    _ => Field::Questions,
                });
                self.problem = Some(format!("Cannot start: {e}"));
                SetupOutcome::Changed
            }
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let at = Field::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        let len = Field::ALL.len();
        self.focus_on(
            Field::ALL[if forward {
                (at + 1) % len
            } else {
                (at + len - 1) % len
            }],
        );
    }

    /// Goes to a field: a name with the cursor at its end, the minutes ready to be typed
    /// over.
    fn focus_on(&mut self, field: Field) {
        self.focus = field;
        self.column = self.name().map_or(0, |n| n.chars().count());
        self.minutes_fresh = field == Field::Minutes;
    }

    /// The name in focus, if a name is.
    pub fn name(&self) -> Option<&String> {
        match self.focus {
            Field::Candidate => Some(&self.candidate),
            Field::Interviewer => Some(&self.interviewer),
            Field::Role | Field::Minutes | Field::Questions => None,
        }
    }

    fn name_mut(&mut self) -> Option<&mut String> {
        match self.focus {
            Field::Candidate => Some(&mut self.candidate),
            Field::Interviewer => Some(&mut self.interviewer),
            Field::Role | Field::Minutes | Field::Questions => None,
        }
    }

    /// The byte offset of a character of the name in focus.
    fn byte_at(&self, column: usize) -> usize {
        self.name().map_or(0, |name| {
            name.char_indices()
                .nth(column)
                .map_or(name.len(), |(at, _)| at)
        })
    }

    /// Deletes the characters of the name in focus from `from` to the cursor.
    fn delete_to_cursor(&mut self, from: usize) -> bool {
        let (start, end) = (self.byte_at(from), self.byte_at(self.column));
        let Some(name) = self.name_mut() else {
            return false;
        };
        if start == end {
            return false;
        }
        name.replace_range(start..end, "");
        self.column = from;
        true
    }

    /// Applies a key of the setup screen to the field in focus.
    pub fn apply(&mut self, guide: &Guide, action: SetupAction) -> SetupOutcome {
        let in_list = self.focus == Field::Questions;
        let last_row = self.choice.offered().len().saturating_sub(1);
        let changed = match action {
            SetupAction::Start => return self.start(guide),
            SetupAction::NextField if in_list && self.cursor < last_row => {
                self.cursor += 1;
                true
            }
            SetupAction::PreviousField if in_list && self.cursor > 0 => {
                self.cursor -= 1;
                true
            }
            SetupAction::NextField => {
                self.move_focus(true);
                true
            }
            SetupAction::PreviousField => {
                self.move_focus(false);
                true
            }
            SetupAction::MoveUp if in_list => {
                self.cursor = self.choice.move_up(self.cursor);
                true
            }
            SetupAction::MoveDown if in_list => {
                self.cursor = self.choice.move_down(self.cursor);
                true
            }
            SetupAction::MoveUp | SetupAction::MoveDown => false,
            SetupAction::Left => self.step(guide, false),
            SetupAction::Right => self.step(guide, true),
            SetupAction::Toggle => match self.focus {
                Field::Questions => {
                    self.choice.toggle(self.cursor);
                    true
                }
                Field::Role => self.step(guide, true),
                Field::Candidate | Field::Interviewer => self.type_char(' '),
                Field::Minutes => false,
            },
            SetupAction::DeleteBack => self.delete_back(),
            SetupAction::Home | SetupAction::End => {
                let end = self.name().map(|n| n.chars().count());
                match (action, end) {
                    (SetupAction::Home, Some(_)) => self.column = 0,
                    (_, Some(end)) => self.column = end,
                    (_, None) => return SetupOutcome::Unchanged,
                }
                true
            }
            SetupAction::DeleteWordBack => {
                let before: Vec<char> = self
                    .name()
                    .map(|n| n.chars().take(self.column).collect())
                    .unwrap_or_default();
                let spaces = before
                    .iter()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .count();
                let word = before
                    .iter()
                    .rev()
                    .skip(spaces)
                    .take_while(|c| !c.is_whitespace())
                    .count();
                self.delete_to_cursor(self.column - spaces - word)
            }
            SetupAction::DeleteToStart => self.delete_to_cursor(0),
            SetupAction::Type(c) => self.type_char(c),
        };
        if !changed {
            return SetupOutcome::Unchanged;
        }
        self.problem = None;
        SetupOutcome::Changed
    }

    /// Pasted text goes into the focused text field at the cursor, on one line.
    pub fn paste(&mut self, text: &str) -> bool {
        let line = text.split(['\r', '\n']).next().unwrap_or_default();
        self.insert(line)
    }

    /// Inserts text at the cursor of the name in focus.
    fn insert(&mut self, text: &str) -> bool {
        let at = self.byte_at(self.column);
        let Some(name) = self.name_mut() else {
            return false;
        };
        name.insert_str(at, text);
        self.column += text.chars().count();
        true
    }

    /// ← or → on the role (the previous or next one) or the minutes (5 less or more).
    fn step(&mut self, guide: &Guide, forward: bool) -> bool {
        match self.focus {
            Field::Role => {
                let count = guide.roles.len();
                let step = if forward { 1 } else { count - 1 };
                self.role_index = (self.role_index + step) % count;
                self.choice = QuestionChoice::default_for(guide, &guide.roles[self.role_index]);
                self.cursor = 0;
                true
            }
            Field::Minutes => {
                self.minutes = if forward {
                    (self.minutes + 5).min(MAX_MINUTES)
                } else {
                    self.minutes.saturating_sub(5).max(5)
                };
                true
            }
            Field::Candidate | Field::Interviewer => {
                let end = self.name().map_or(0, |n| n.chars().count());
                let column = if forward {
                    (self.column + 1).min(end)
                } else {
                    self.column.saturating_sub(1)
                };
                std::mem::replace(&mut self.column, column) != column
            }
            Field::Questions => false,
        }
    }

    fn type_char(&mut self, c: char) -> bool {
        match self.focus {
            Field::Candidate | Field::Interviewer => self.insert(c.encode_utf8(&mut [0; 4])),
            Field::Minutes => {
                let Some(digit) = c.to_digit(10) else {
                    return false;
                };
                let before = if std::mem::take(&mut self.minutes_fresh) {
                    0
                } else {
                    self.minutes
                };
                self.minutes = (before.saturating_mul(10).saturating_add(digit)).min(MAX_MINUTES);
                true
            }
            Field::Role | Field::Questions => false,
        }
    }

    fn delete_back(&mut self) -> bool {
        match self.focus {
            Field::Candidate | Field::Interviewer => {
                self.column > 0 && self.delete_to_cursor(self.column - 1)
            }
            Field::Minutes => {
                self.minutes_fresh = false;
                self.minutes /= 10;
                true
            }
            Field::Role | Field::Questions => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::tui::action::Action;
    use crate::tui::keymap::{Context, Keymap};

    /// A key as the key table gives it to the setup screen.
    fn key(
        form: &mut SetupForm,
        guide: &Guide,
        code: KeyCode,
        modifiers: KeyModifiers,
    ) -> SetupOutcome {
        match Keymap::default().action_for(&[Context::Setup], &KeyEvent::new(code, modifiers)) {
            Some(Action::Setup(action)) => form.apply(guide, action),
            other => panic!("{code:?} is not a setup key: {other:?}"),
        }
    }

    fn press(form: &mut SetupForm, guide: &Guide, code: KeyCode) -> SetupOutcome {
        key(form, guide, code, KeyModifiers::NONE)
    }

    fn type_text(form: &mut SetupForm, guide: &Guide, text: &str) {
        for c in text.chars() {
            press(form, guide, KeyCode::Char(c));
        }
    }

    #[test]
    fn a_filled_form_starts_the_planned_interview() {
        let guide = Guide::builtin().unwrap();
        let mut form = SetupForm::new(&guide, Prefill::default());
        assert_eq!(form.focus, Field::Role);
        press(&mut form, &guide, KeyCode::Right);
        press(&mut form, &guide, KeyCode::Right);
        assert_eq!(guide.roles[form.role_index].id, "pentest");
        press(&mut form, &guide, KeyCode::Tab);
        type_text(&mut form, &guide, "Sam Lee");
        press(&mut form, &guide, KeyCode::Tab);
        type_text(&mut form, &guide, "Alex");
        press(&mut form, &guide, KeyCode::Tab);
        press(&mut form, &guide, KeyCode::Left);
        assert_eq!(form.minutes, 55);
        let SetupOutcome::Start(plan) = press(&mut form, &guide, KeyCode::Enter) else {
            panic!("Enter should start a filled form");
        };
        assert_eq!(plan.candidate, "Sam Lee");
        assert_eq!(plan.interviewer, "Alex");
        assert_eq!(plan.role.id, "pentest");
        assert_eq!(plan.questions.len(), 5);
        assert_eq!(plan.budgets.total.as_secs(), 55 * 60);
    }

    #[test]
    fn names_edit_as_a_line_editor_does() {
        let guide = Guide::builtin().unwrap();
        let mut form = SetupForm::new(&guide, Prefill::default());
        press(&mut form, &guide, KeyCode::Tab);
        type_text(&mut form, &guide, "Sam Le");
        press(&mut form, &guide, KeyCode::Home);
        type_text(&mut form, &guide, "Dr ");
        press(&mut form, &guide, KeyCode::End);
        type_text(&mut form, &guide, "e");
        assert_eq!(form.candidate, "Dr Sam Lee");
        press(&mut form, &guide, KeyCode::Left);
        press(&mut form, &guide, KeyCode::Left);
        press(&mut form, &guide, KeyCode::Backspace);
        assert_eq!(form.candidate, "Dr Sam ee");
        key(&mut form, &guide, KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(form.candidate, "Dr ee");
        press(&mut form, &guide, KeyCode::Right);
        key(&mut form, &guide, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(form.candidate, "e");
        assert_eq!(form.column, 0);
        press(&mut form, &guide, KeyCode::Right);
        press(&mut form, &guide, KeyCode::Right);
        assert_eq!(form.column, 1, "the cursor stops at the end");
    }

    #[test]
    fn typing_into_minutes_replaces_the_value() {
        let guide = Guide::builtin().unwrap();
        let mut form = SetupForm::new(&guide, Prefill::default());
        for _ in 0..3 {
            press(&mut form, &guide, KeyCode::Tab);
        }
        assert_eq!(form.focus, Field::Minutes);
        assert_eq!(form.minutes, 60);
        type_text(&mut form, &guide, "85");
        assert_eq!(form.minutes, 85);
        press(&mut form, &guide, KeyCode::Tab);
        key(&mut form, &guide, KeyCode::BackTab, KeyModifiers::SHIFT);
        type_text(&mut form, &guide, "75");
        assert_eq!(form.minutes, 75, "typed over, not 8575");
        press(&mut form, &guide, KeyCode::Backspace);
        type_text(&mut form, &guide, "0");
        assert_eq!(form.minutes, 70, "after Backspace, digits add");
    }

    #[test]
    fn enter_with_a_missing_name_goes_to_it_and_says_so() {
        let guide = Guide::builtin().unwrap();
        let mut form = SetupForm::new(&guide, Prefill::default());
        assert!(matches!(
            press(&mut form, &guide, KeyCode::Enter),
            SetupOutcome::Changed
        ));
        assert_eq!(form.focus, Field::Candidate);
        assert_eq!(
            form.problem.as_deref(),
            Some("Candidate is needed to start")
        );
    }

    #[test]
    fn the_question_list_toggles_and_reorders() {
        let guide = Guide::builtin().unwrap();
        let prefill = Prefill {
            role_index: Some(2),
            candidate: Some("Sam".into()),
            interviewer: Some("Alex".into()),
            ..Prefill::default()
        };
        let mut form = SetupForm::new(&guide, prefill);
        assert_eq!(form.focus, Field::Questions);
        press(&mut form, &guide, KeyCode::Down);
        press(&mut form, &guide, KeyCode::Char(' '));
        assert_eq!(form.choice.chosen_count(), 4);
        let moved = form.choice.offered()[1].question.id.clone();
        key(&mut form, &guide, KeyCode::Up, KeyModifiers::ALT);
        assert_eq!(form.cursor, 0);
        assert_eq!(form.choice.offered()[0].question.id, moved);
        assert_eq!(
            form.budgets(&guide).unwrap().per_question.as_secs(),
            45 * 60 / 4
        );
    }

    #[test]
    fn unchosen_questions_cannot_start() {
        let guide = Guide::builtin().unwrap();
        let prefill = Prefill {
            candidate: Some("Sam".into()),
            interviewer: Some("Alex".into()),
            ..Prefill::default()
        };
        let mut form = SetupForm::new(&guide, prefill);
        for i in 0..form.choice.offered().len() {
            if form.choice.offered()[i].chosen {
                form.choice.toggle(i);
            }
        }
        assert!(matches!(
            press(&mut form, &guide, KeyCode::Enter),
            SetupOutcome::Changed
        ));
        assert_eq!(form.focus, Field::Questions);
        assert_eq!(
            form.problem.as_deref(),
            Some("Cannot start: choose at least one question")
        );
    }
}
