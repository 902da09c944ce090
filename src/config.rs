//! The config file, `$XDG_CONFIG_HOME/interview-console/config.toml` (TOML, as helix and
//! television have theirs), and the settings in force: each from a flag, else the file,
//! else the environment, else the default, and said where it came from (`interview-console
//! config`).
//!
//! ```toml
//! interviewer = "Alex Kim"
//! minutes = 45
//! guide = "~/guides/platform.yaml"   # or a library guide's name: guide = "platform"
//! data_folder = "~/interviews"
//! theme = "light"            # dark, light, high-contrast, mono
//! notes_keys = "vim"         # standard, vim
//! mouse = false
//! bell = true                # ring the terminal bell when a reminder comes (off by default)
//! impression_words = ["rockstar", "gut feeling"]
//!
//! [keys]                     # any command of the key table, by name
//! next_phase = "F8"
//! rate = ["Alt+digit", "Ctrl+Alt+digit"]
//! notes.undo = "Ctrl+Z"      # a group's command; or under [keys.notes]
//! ```
//!
//! A missing file is no error. Anything the file says that cannot be used (an unknown key,
//! a value of the wrong type, a key that is not a key, two commands on one chord) is
//! refused with the file, line and column, before the terminal is touched.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::guide::MAX_MINUTES;
use crate::store::library::reads_as_name;
use crate::tui::keymap::{Keymap, KeymapError};
use crate::tui::model::{NotesKeys, Ui};
use crate::tui::view::style::ThemeName;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    interviewer: Option<Spanned<String>>,
    minutes: Option<Spanned<u32>>,
    guide: Option<Spanned<PathBuf>>,
    data_folder: Option<Spanned<PathBuf>>,
    theme: Option<Spanned<ThemeName>>,
    notes_keys: Option<Spanned<NotesKeys>>,
    mouse: Option<Spanned<bool>>,
    bell: Option<Spanned<bool>>,
    impression_words: Option<Spanned<Vec<Spanned<String>>>>,
    keys: Option<BTreeMap<Spanned<String>, Spanned<KeyEntry>>>,
}

/// An entry of `[keys]`: a command's keys, or a group of them (`notes.undo = …` and
/// `[keys.notes]` both give the group `notes`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyEntry {
    Keys(KeyList),
    /// (Spans do not survive an untagged enum: a command of a group is placed at the
    /// group's name.)
    Group(BTreeMap<String, KeyList>),
}

/// One key or several for a command.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Several(Vec<String>),
}

impl KeyList {
    fn keys(&self) -> Vec<String> {
        match self {
            KeyList::One(key) => vec![key.clone()],
            KeyList::Several(keys) => keys.clone(),
        }
    }
}

/// Where a setting in force came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    /// An environment variable, by name.
    Environment(&'static str),
    Flag,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File => f.write_str("file"),
            Source::Environment(name) => write!(f, "environment ({name})"),
            Source::Flag => f.write_str("flag"),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            source: Source::Default,
        }
    }

    fn set(&mut self, value: Option<T>, source: Source) {
        if let Some(value) = value {
            *self = Setting { value, source };
        }
    }
}

/// What the command line says, for the settings it can give.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub config: Option<PathBuf>,
    pub interviewer: Option<String>,
    pub minutes: Option<u32>,
    pub guide: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub notes_keys: Option<NotesKeys>,
    pub no_mouse: bool,
}

/// The environment variables the settings read, passed in so tests can give their own.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub user: Option<String>,
    pub logname: Option<String>,
    pub no_color: bool,
    pub xdg_data_home: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl Environment {
    pub fn current() -> Environment {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        Environment {
            user: var("USER"),
            logname: var("LOGNAME"),
            // no-color.org: set and not empty.
            no_color: var("NO_COLOR").is_some(),
            xdg_data_home: var("XDG_DATA_HOME").map(PathBuf::from),
            home: var("HOME").map(PathBuf::from),
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file looked for, and whether it was there.
    pub path: Option<PathBuf>,
    pub found: bool,
    pub interviewer: Setting<Option<String>>,
    /// `None`: the guide's.
    pub minutes: Setting<Option<u32>>,
    /// `None`: the built-in guide.
    pub guide: Setting<Option<PathBuf>>,
    /// `None`: the platform's data folder.
    pub data_folder: Setting<Option<PathBuf>>,
    pub theme: Setting<ThemeName>,
    pub notes_keys: Setting<NotesKeys>,
    pub mouse: Setting<bool>,
    /// Ring the terminal bell when a reminder comes.
    pub bell: Setting<bool>,
    /// Added to the guide's own.
    pub impression_words: Setting<Vec<String>>,
    pub keymap: Keymap,
    /// The commands the file gave keys of their own.
    pub rebound: Vec<String>,
}

/// A config file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The config file's usual place: `$XDG_CONFIG_HOME/interview-console/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "interview-console")?;
    Some(dirs.config_dir().join("config.toml"))
}

impl Settings {
    /// The settings from the file at `path` (if there is one), `flags` and `env`.
    pub fn load(
        path: Option<PathBuf>,
        flags: &Flags,
        env: &Environment,
    ) -> Result<Settings, ConfigError> {
        let text = match &path {
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(ConfigError {
                        path: path.clone(),
                        line: 1,
                        column: 1,
                        message: format!("cannot read: {e}"),
                    });
                }
            },
            None => None,
        };
        let found = text.is_some();
        let at = path.clone().unwrap_or_default();
        Settings::from_text(at, text.as_deref(), flags, env).map(|mut settings| {
            settings.path = path;
            settings.found = found;
            settings
        })
    }

    /// The settings from a file's text (`None`: no file).
    pub fn from_text(
        path: PathBuf,
        text: Option<&str>,
        flags: &Flags,
        env: &Environment,
    ) -> Result<Settings, ConfigError> {
        let source = text.unwrap_or_default();
        let error = |span: Range<usize>, message: String| {
            let (line, column) = line_column(source, span.start);
            ConfigError {
                path: path.clone(),
                line,
                column,
                message,
            }
        };
        let file: File = match text {
            Some(text) => toml::from_str(text)
                .map_err(|e| error(e.span().unwrap_or(0..0), e.message().trim_end().to_string()))?,
            None => File::default(),
        };

        let mut settings = Settings {
            path: Some(path.clone()),
            found: text.is_some(),
            interviewer: Setting::default(None),
            minutes: Setting::default(None),
            guide: Setting::default(None),
            data_folder: Setting::default(None),
            theme: Setting::default(ThemeName::default()),
            notes_keys: Setting::default(NotesKeys::default()),
            mouse: Setting::default(true),
            bell: Setting::default(false),
            impression_words: Setting::default(Vec::new()),
            keymap: Keymap::default(),
            rebound: Vec::new(),
        };
        // A relative path in the file is taken from the file's own folder, wherever the
        // console is started.
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let home = |p: PathBuf| folder.join(expand_home(p, env.home.as_deref()));

        // The environment, over the defaults.
        let (user, variable) = match (&env.user, &env.logname) {
            (Some(user), _) => (Some(user.clone()), "USER"),
            (None, logname) => (logname.clone(), "LOGNAME"),
        };
        settings
            .interviewer
            .set(user.map(Some), Source::Environment(variable));
        if env.no_color {
            settings
                .theme
                .set(Some(ThemeName::Mono), Source::Environment("NO_COLOR"));
        }
        settings.data_folder.set(
            env.xdg_data_home
                .as_ref()
                .map(|d| Some(d.join("interview-console"))),
            Source::Environment("XDG_DATA_HOME"),
        );

        // The file, over the environment.
        if let Some(name) = &file.interviewer {
            if name.get_ref().trim().is_empty() {
                return Err(error(name.span(), "the interviewer's name is empty".into()));
            }
            settings
                .interviewer
                .set(Some(Some(name.get_ref().clone())), Source::File);
        }
        if let Some(minutes) = &file.minutes {
            let m = *minutes.get_ref();
            if !(1..=MAX_MINUTES).contains(&m) {
                return Err(error(
                    minutes.span(),
                    format!("minutes must be from 1 to {MAX_MINUTES}, not {m}"),
                ));
            }
            settings.minutes.set(Some(Some(m)), Source::File);
        }
        let file_path = |p: &Spanned<PathBuf>| Some(Some(home(p.get_ref().clone())));
        // A guide's name (`guide = "values"`) is the library's, not a path.
        let guide = |p: &Spanned<PathBuf>| {
            if reads_as_name(p.get_ref()) {
                Some(Some(p.get_ref().clone()))
            } else {
                file_path(p)
            }
        };
        settings
            .guide
            .set(file.guide.as_ref().and_then(guide), Source::File);
        settings
            .data_folder
            .set(file.data_folder.as_ref().and_then(file_path), Source::File);
        settings
            .theme
            .set(file.theme.as_ref().map(|t| *t.get_ref()), Source::File);
        settings
            .notes_keys
            .set(file.notes_keys.as_ref().map(|n| *n.get_ref()), Source::File);
        settings
            .mouse
            .set(file.mouse.as_ref().map(|m| *m.get_ref()), Source::File);
        settings
            .bell
            .set(file.bell.as_ref().map(|b| *b.get_ref()), Source::File);
        if let Some(words) = &file.impression_words {
            let mut kept = Vec::new();
            for word in words.get_ref() {
                let text = word.get_ref().trim();
                if text.is_empty() || text.contains(['\n', '\r']) {
                    return Err(error(
                        word.span(),
                        "an impression word is empty or more than one line".into(),
                    ));
                }
                kept.push(text.to_string());
            }
            settings.impression_words.set(Some(kept), Source::File);
        }
        if let Some(entries) = &file.keys {
            // Every command named, with where its name is: `notes.undo` from a group too.
            let mut keys: Vec<(String, Range<usize>, Vec<String>)> = Vec::new();
            for (name, entry) in entries {
                match entry.get_ref() {
                    KeyEntry::Keys(list) => {
                        keys.push((name.get_ref().clone(), name.span(), list.keys()));
                    }
                    KeyEntry::Group(group) => {
                        for (inner, list) in group {
                            let full = format!("{}.{inner}", name.get_ref());
                            keys.push((full, name.span(), list.keys()));
                        }
                    }
                }
            }
            let at = |name: &str| {
                keys.iter()
                    .find(|(n, _, _)| n == name)
                    .map_or(0..0, |(_, span, _)| span.clone())
            };
            let refuse = |e: KeymapError| {
                let span = e
                    .commands()
                    .iter()
                    .map(|c| at(c))
                    .find(|s| s != &(0..0))
                    .unwrap_or(0..0);
                error(span, e.to_string())
            };
            for (name, _, list) in &keys {
                settings.keymap.rebind(name, list).map_err(refuse)?;
                settings.rebound.push(name.clone());
            }
            settings.keymap.check().map_err(refuse)?;
        }

        // The flags, over everything.
        settings
            .interviewer
            .set(flags.interviewer.clone().map(Some), Source::Flag);
        settings.minutes.set(flags.minutes.map(Some), Source::Flag);
        settings
            .guide
            .set(flags.guide.clone().map(Some), Source::Flag);
        settings.theme.set(flags.theme, Source::Flag);
        settings.notes_keys.set(flags.notes_keys, Source::Flag);
        settings
            .mouse
            .set(flags.no_mouse.then_some(false), Source::Flag);
        Ok(settings)
    }

    /// The settings the terminal layer takes.
    pub fn ui(&self) -> Ui {
        Ui {
            keymap: self.keymap.clone(),
            theme: self.theme.value.theme(),
            mouse: self.mouse.value,
            bell: self.bell.value,
            notes_keys: self.notes_keys.value,
        }
    }

    /// The settings in force, one a line, each with where it came from: what
    /// `interview-console config` prints, in the file's own format.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let file = match (&self.path, self.found) {
            (Some(path), true) => format!("{}", path.display()),
            (Some(path), false) => format!("{} (not there: defaults)", path.display()),
            (None, _) => "none (no home folder to find one in)".into(),
        };
        out.push_str(&format!("# config file: {file}\n"));
        // A setting with no value of its own reads as a comment: the file would leave it out.
        let mut line = |name: &str, value: Result<String, &str>, source: Source| {
            let setting = match value {
                Ok(value) => format!("{name} = {value}"),
                Err(none) => format!("# {name}: {none}"),
            };
            out.push_str(&format!("{setting:<40} # {source}\n"));
        };
        let quoted = |text: &str| format!("{text:?}");
        let path = |p: &Option<PathBuf>, none: &'static str| {
            p.as_ref()
                .map(|p| quoted(&p.display().to_string()))
                .ok_or(none)
        };
        line(
            "interviewer",
            self.interviewer
                .value
                .as_deref()
                .map(quoted)
                .ok_or("none, the setup screen asks"),
            self.interviewer.source,
        );
        line(
            "minutes",
            self.minutes
                .value
                .map(|m| m.to_string())
                .ok_or("the guide's"),
            self.minutes.source,
        );
        line(
            "guide",
            path(&self.guide.value, "the built-in guide"),
            self.guide.source,
        );
        line(
            "data_folder",
            path(&self.data_folder.value, "the platform's data folder"),
            self.data_folder.source,
        );
        line(
            "theme",
            Ok(quoted(self.theme.value.name())),
            self.theme.source,
        );
        line(
            "notes_keys",
            Ok(quoted(self.notes_keys.value.name())),
            self.notes_keys.source,
        );
        line("mouse", Ok(self.mouse.value.to_string()), self.mouse.source);
        line("bell", Ok(self.bell.value.to_string()), self.bell.source);
        line(
            "impression_words",
            Ok(format!("{:?}", self.impression_words.value)),
            self.impression_words.source,
        );
        out.push_str("\n[keys]\n");
        for (name, row) in self.keymap.named() {
            let keys = row.config_keys();
            let value = match keys.as_slice() {
                [one] => quoted(one),
                _ => format!("{keys:?}"),
            };
            let source = if self.rebound.contains(&name) {
                Source::File
            } else {
                Source::Default
            };
            // A dotted name is quoted: TOML would read `notes.undo` as a table.
            let key = if name.contains('.') {
                quoted(&name)
            } else {
                name
            };
            out.push_str(&format!("{:<40} # {source}\n", format!("{key} = {value}")));
        }
        out
    }
}

/// `~/x` is `x` in the home folder.
fn expand_home(path: PathBuf, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path,
    }
}

/// The line and column (from 1, in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, ConfigError> {
        Settings::from_text(
            PathBuf::from("config.toml"),
            Some(text),
            &Flags::default(),
            &Environment::default(),
        )
    }

    fn refused(text: &str) -> String {
        load(text).unwrap_err().to_string()
    }

    #[test]
    fn a_full_file_is_read() {
        let settings = load(
            r#"
interviewer = "Alex Kim"
minutes = 45
guide = "guides/platform.yaml"
data_folder = "/srv/interviews"
theme = "high-contrast"
notes_keys = "vim"
mouse = false
bell = true
impression_words = ["rockstar", " gut feeling "]

[keys]
next_phase = "F8"
rate = ["Alt+digit", "Ctrl+Alt+digit"]
"#,
        )
        .unwrap();
        assert_eq!(settings.interviewer.value.as_deref(), Some("Alex Kim"));
        assert_eq!(settings.minutes.value, Some(45));
        assert_eq!(
            settings.guide.value.as_deref(),
            Some(Path::new("guides/platform.yaml")),
            "relative to the file's folder (here, none)"
        );
        assert_eq!(
            settings.data_folder.value.as_deref(),
            Some(Path::new("/srv/interviews"))
        );
        assert_eq!(settings.theme.value, ThemeName::HighContrast);
        assert_eq!(settings.notes_keys.value, NotesKeys::Vim);
        assert!(!settings.mouse.value);
        assert!(settings.bell.value && settings.ui().bell);
        assert_eq!(settings.impression_words.value, ["rockstar", "gut feeling"]);
        assert_eq!(settings.rebound, ["next_phase", "rate"]);
        assert_eq!(settings.mouse.source, Source::File);
        assert_eq!(
            settings
                .keymap
                .rate_chord(9)
                .map(|c| c.to_string())
                .as_deref(),
            Some("Ctrl+Alt+1")
        );
    }

    #[test]
    fn every_refusal_names_the_line_and_column() {
        for (text, expected) in [
            (
                "colour = \"red\"\n",
                "config.toml:1:1: unknown field `colour`",
            ),
            (
                "minutes = \"ten\"\n",
                "config.toml:1:11: invalid type: string",
            ),
            (
                "minutes = 0\n",
                "config.toml:1:11: minutes must be from 1 to 600, not 0",
            ),
            (
                "minutes = 601\n",
                "config.toml:1:11: minutes must be from 1 to 600",
            ),
            (
                "\ntheme = \"neon\"\n",
                "config.toml:2:9: unknown variant `neon`",
            ),
            (
                "notes_keys = \"emacs\"\n",
                "config.toml:1:14: unknown variant `emacs`",
            ),
            ("mouse = \"yes\"\n", "config.toml:1:9: invalid type: string"),
            (
                "interviewer = \" \"\n",
                "config.toml:1:15: the interviewer's name is empty",
            ),
            (
                "impression_words = [\"ok\", \"\"]\n",
                "config.toml:1:27: an impression word is empty",
            ),
            ("minutes = \n", "config.toml:1:11:"),
            (
                "[keys]\nnext_phaze = \"F8\"\n",
                "config.toml:2:1: no command is called `next_phaze`",
            ),
            (
                "[keys]\nquit = \"Hyper+Q\"\n",
                "config.toml:2:1: `quit`: `Hyper` is not a modifier",
            ),
            (
                "[keys]\nquit = \"x\"\n",
                "config.toml:2:1: `quit` = \"X\": X types into the notes",
            ),
            (
                "[keys]\n\nnext_phase = \"Ctrl+W\"\n",
                "config.toml:3:1: Ctrl+W is bound to both `next_phase` and `notes.delete_word_back`",
            ),
            ("[keys]\nquit = []\n", "config.toml:2:1: `quit` has no keys"),
            ("[keys]\nquit = 5\n", "config.toml:2:8:"),
        ] {
            let said = refused(text);
            assert!(said.starts_with(expected), "{text:?}: {said}");
        }
    }

    #[test]
    fn a_group_command_is_named_dotted_quoted_or_in_a_table() {
        for text in [
            "[keys]\nnotes.undo = \"Ctrl+Z\"\n",
            "[keys]\n\"notes.undo\" = \"Ctrl+Z\"\n",
            "[keys.notes]\nundo = \"Ctrl+Z\"\n",
        ] {
            let settings = load(text).unwrap();
            assert_eq!(settings.rebound, ["notes.undo"], "{text}");
        }
        assert!(
            refused("[keys.notes]\nundoo = \"Ctrl+Z\"\n")
                .starts_with("config.toml:1:7: no command is called `notes.undoo`")
        );
    }

    #[test]
    fn flags_beat_the_file_which_beats_the_environment() {
        let env = Environment {
            user: Some("alex".into()),
            no_color: true,
            xdg_data_home: Some("/data".into()),
            ..Environment::default()
        };
        let none = Settings::from_text("c.toml".into(), None, &Flags::default(), &env).unwrap();
        assert_eq!(none.interviewer.value.as_deref(), Some("alex"));
        assert!(
            !none.bell.value,
            "no bell unless asked for: it would sound in the call"
        );
        assert_eq!(none.interviewer.source, Source::Environment("USER"));
        assert_eq!(none.theme.value, ThemeName::Mono);
        assert_eq!(none.theme.source, Source::Environment("NO_COLOR"));
        assert_eq!(
            none.data_folder.value.as_deref(),
            Some(Path::new("/data/interview-console"))
        );
        assert_eq!(none.minutes.source, Source::Default);
        assert!(none.mouse.value);

        let file = "interviewer = \"Kim\"\ntheme = \"light\"\nminutes = 45\n";
        let from_file =
            Settings::from_text("c.toml".into(), Some(file), &Flags::default(), &env).unwrap();
        assert_eq!(from_file.interviewer.value.as_deref(), Some("Kim"));
        assert_eq!(from_file.interviewer.source, Source::File);
        assert_eq!(from_file.theme.value, ThemeName::Light);
        assert_eq!(from_file.minutes.value, Some(45));

        let flags = Flags {
            interviewer: Some("Jo".into()),
            minutes: Some(30),
            theme: Some(ThemeName::Dark),
            no_mouse: true,
            ..Flags::default()
        };
        let flagged = Settings::from_text("c.toml".into(), Some(file), &flags, &env).unwrap();
        assert_eq!(flagged.interviewer.value.as_deref(), Some("Jo"));
        assert_eq!(flagged.interviewer.source, Source::Flag);
        assert_eq!(flagged.minutes.value, Some(30));
        assert_eq!(flagged.theme.value, ThemeName::Dark);
        assert!(!flagged.mouse.value);
        assert_eq!(flagged.mouse.source, Source::Flag);
    }

    #[test]
    fn the_description_says_where_each_setting_came_from() {
        let settings = load("minutes = 45\n[keys]\nnext_phase = \"F8\"\n").unwrap();
        let text = settings.describe();
        assert!(text.contains("# config file: config.toml\n"), "{text}");
        assert!(text.contains("minutes = 45"), "{text}");
        let line = |name: &str| {
            text.lines()
                .find(|l| l.starts_with(&format!("{name} = ")))
                .unwrap_or_default()
                .to_string()
        };
        assert!(line("minutes").ends_with("# file"), "{text}");
        assert!(line("theme").ends_with("# default"), "{text}");
        assert!(line("next_phase").contains("\"F8\""), "{text}");
        assert!(line("next_phase").ends_with("# file"), "{text}");
        assert!(line("previous_phase").contains("\"Ctrl+P\""), "{text}");
        assert!(line("previous_phase").ends_with("# default"), "{text}");
        assert!(line("\"notes.undo\"").contains("\"Ctrl+U\""), "{text}");
        assert!(line("rate").contains("\"Alt+digit\""), "{text}");
        // What it prints reads back as the same keys.
        let keys = text.split("[keys]\n").nth(1).unwrap_or_default();
        let again = load(&format!("[keys]\n{keys}")).unwrap();
        let chords = |s: &Settings| -> Vec<(String, Vec<String>)> {
            s.keymap
                .named()
                .map(|(name, row)| (name, row.config_keys()))
                .collect()
        };
        assert_eq!(chords(&again), chords(&settings));
    }

    #[test]
    fn paths_in_the_file_are_taken_from_its_folder() {
        let settings = Settings::from_text(
            "/home/a/.config/interview-console/config.toml".into(),
            Some("guide = \"team.yaml\"\ndata_folder = \"~/interviews\"\n"),
            &Flags::default(),
            &Environment {
                home: Some("/home/a".into()),
                ..Environment::default()
            },
        )
        .unwrap();
        assert_eq!(
            settings.guide.value.as_deref(),
            Some(Path::new("/home/a/.config/interview-console/team.yaml"))
        );
        assert_eq!(
            settings.data_folder.value.as_deref(),
            Some(Path::new("/home/a/interviews"))
        );
    }

    #[test]
    fn a_home_path_is_expanded() {
        assert_eq!(
            expand_home("~/x/y".into(), Some(Path::new("/home/a"))),
            Path::new("/home/a/x/y")
        );
        assert_eq!(
            expand_home("/x".into(), Some(Path::new("/h"))),
            Path::new("/x")
        );
    }
}
