//! The guide library: guide files a team keeps in `$XDG_CONFIG_HOME/interview-console/guides/`
//! (`NAME.yaml` or `NAME.yml`), found by name. Only read: the console never writes there.
//!
//! A name from the command line is matched against the names of the files in the folder;
//! it never becomes part of a path.

use std::path::{Path, PathBuf};

use crate::guide::{Guide, GuideError};

/// The name the built-in guide goes by in the library.
pub const BUILTIN_NAME: &str = "infosec";

/// The library's folder (which may not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    dir: Option<PathBuf>,
}

/// A guide file in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file's name without `.yaml`.
    pub name: String,
    pub path: PathBuf,
}

/// Where a guide comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideSource {
    Builtin,
    File(PathBuf),
}

impl GuideSource {
    pub fn load(&self) -> Result<Guide, GuideError> {
        match self {
            GuideSource::Builtin => Guide::builtin(),
            GuideSource::File(path) => Guide::load(path),
        }
    }
}

/// Whether a `--guide` (or the config file's `guide`) reads as a library name rather than
/// a path: one word, without `/`, `~` or a `.yaml`/`.yml` ending.
pub fn reads_as_name(wanted: &Path) -> bool {
    let text = wanted.to_string_lossy();
    !text.is_empty()
        && !text.contains(['/', '~'])
        && !text.ends_with(".yaml")
        && !text.ends_with(".yml")
}

impl Library {
    /// The platform's configuration folder's `guides` (`$XDG_CONFIG_HOME/interview-console/
    /// guides` on Linux); none when there is no home to find it in.
    pub fn from_environment() -> Library {
        Library {
            dir: directories::ProjectDirs::from("", "", "interview-console")
                .map(|dirs| dirs.config_dir().join("guides")),
        }
    }

    pub fn at(dir: impl Into<PathBuf>) -> Library {
        Library {
            dir: Some(dir.into()),
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The guide files in the folder, by name; none when it does not exist. Hidden files
    /// and files of other kinds are not guides.
    pub fn entries(&self) -> Vec<Entry> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let Ok(read) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut entries: Vec<Entry> = read
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .filter_map(|e| {
                let file_name = e.file_name().into_string().ok()?;
                let name = file_name
                    .strip_suffix(".yaml")
                    .or_else(|| file_name.strip_suffix(".yml"))?;
                (!name.is_empty() && !name.starts_with('.')).then(|| Entry {
                    name: name.to_string(),
                    path: e.path(),
                })
            })
            .collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        entries.dedup_by(|later, first| later.name == first.name);
        entries
    }

    /// What `--guide` names: a file that exists or that reads as a path (a `/` in it, or
    /// `.yaml`, `.yml` at its end), else a guide of the library by name, else the built-in
    /// guide by its name. `Err` says what there is.
    pub fn resolve(&self, wanted: &str) -> Result<GuideSource, String> {
        let path = Path::new(wanted);
        if path.is_file() || !reads_as_name(path) {
            return Ok(GuideSource::File(path.to_path_buf()));
        }
        let entries = self.entries();
        if let Some(entry) = entries.iter().find(|e| e.name == wanted) {
            return Ok(GuideSource::File(entry.path.clone()));
        }
        if wanted == BUILTIN_NAME {
            return Ok(GuideSource::Builtin);
        }
        let mut names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        if !names.contains(&BUILTIN_NAME) {
            names.insert(0, BUILTIN_NAME);
        }
        let place = self
            .dir
            .as_ref()
            .map_or_else(String::new, |d| format!(" in {}", d.display()));
        Err(format!(
            "no guide file or library guide named {wanted:?} (library guides{place}: {})",
            names.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guides_are_found_by_name_and_files_by_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("values.yaml"), "x").unwrap();
        std::fs::write(dir.path().join("screen.yml"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.yaml"), "x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        std::fs::create_dir(dir.path().join("folder.yaml")).unwrap();
        let library = Library::at(dir.path());
        let names: Vec<String> = library.entries().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["screen", "values"]);
        assert_eq!(
            library.resolve("values"),
            Ok(GuideSource::File(dir.path().join("values.yaml")))
        );
        assert_eq!(library.resolve("infosec"), Ok(GuideSource::Builtin));
        let file = dir.path().join("notes.txt");
        assert_eq!(
            library.resolve(file.to_str().unwrap()),
            Ok(GuideSource::File(file))
        );
        assert_eq!(
            library.resolve("../values"),
            Ok(GuideSource::File("../values".into())),
            "a path, to be read as one"
        );
        let missing = library.resolve("value").unwrap_err();
        assert!(missing.contains("infosec, screen, values"), "{missing}");
    }

    #[test]
    fn a_library_guide_named_infosec_stands_in_for_the_built_in_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("infosec.yaml"), "x").unwrap();
        assert_eq!(
            Library::at(dir.path()).resolve("infosec"),
            Ok(GuideSource::File(dir.path().join("infosec.yaml")))
        );
        assert_eq!(
            Library::at(dir.path().join("missing")).resolve("infosec"),
            Ok(GuideSource::Builtin)
        );
    }
}
