//! Terminal events become actions, and a batch of them is applied in one go.

use std::time::Instant;

use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

use super::action::{Action, Effect};
use super::model::Model;
use super::update::{WHEEL_LINES, update};

/// The action an event asks for now, if any: a key through the key table, a paste (taken
/// as it is: a pasted megabyte is not copied), a new size.
pub fn action_for_event(model: &Model, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => model.ui.keymap.action_for(model.key_contexts(), &key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(_, rows) => Some(Action::Resized { rows }),
        Event::Mouse(mouse) if model.ui.mouse => mouse_action(&mouse),
        Event::FocusGained | Event::FocusLost | Event::Mouse(_) => None,
    }
}

/// The wheel and a left click; the rest of the mouse (moves, drags, other buttons) is no
/// action.
fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            lines: -WHEEL_LINES,
        }),
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            lines: WHEEL_LINES,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

/// What a batch of events did.
#[derive(Debug, Default)]
pub struct Handled {
    /// Whether any event was answered (a key nothing is bound to, a key release, a mouse
    /// move is not): only then can the screen have changed.
    pub answered: bool,
    pub effects: Vec<Effect>,
}

/// Applies a batch of queued events, in order, and returns every effect they asked for.
///
/// Each key is looked up against the model as the keys before it left it (a `y` after
/// Ctrl+Q answers the quit question). A run of typed characters going into the notes is
/// inserted as one edit: the text area re-wraps its text on every edit, so a burst of keys
/// costs one re-wrap instead of one per key. The text is the same as typed key by key; undo
/// takes the run back in one step. Nothing after a quit is handled.
pub fn handle_events(
    model: &mut Model,
    events: impl IntoIterator<Item = Event>,
    now: Instant,
) -> Handled {
    let mut handled = Handled::default();
    let mut run = String::new();
    for event in events {
        let Some(action) = action_for_event(model, event) else {
            continue;
        };
        handled.answered = true;
        if let Action::Type(text) = action {
            run.push_str(&text);
            continue;
        }
        if !run.is_empty() {
            let typed = Action::Type(std::mem::take(&mut run));
            handled.effects.extend(update(model, typed, now));
        }
        handled.effects.extend(update(model, action, now));
        if handled.effects.contains(&Effect::Quit) {
            return handled;
        }
    }
    if !run.is_empty() {
        handled
            .effects
            .extend(update(model, Action::Type(run), now));
    }
    handled
}
