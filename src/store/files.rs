//! Private folders and atomic files.
//!
//! A file is never rewritten in place: the new text goes to a temporary file in the same
//! folder, is flushed to disk, renamed over the old one, and the folder is flushed so the
//! rename itself survives a crash. A failure at any step leaves the old file whole.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const PRIVATE_DIR: u32 = 0o700;
pub const PRIVATE_FILE: u32 = 0o600;

/// Creates the folder (and its parents) if needed and makes it private to the user,
/// whatever the umask.
pub fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, Permissions::from_mode(PRIVATE_DIR))
}

/// Replaces `path` with what `write` writes, atomically; the file is private to the user.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The temporary file is created 0600 and removed if anything below fails.
    let mut temp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .permissions(Permissions::from_mode(PRIVATE_FILE))
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

/// `write_atomic` of a byte string.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |file| file.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_whole_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        write_bytes_atomic(&path, b"{\"old\": true}").unwrap();

        let failed = write_atomic(&path, |file| {
            file.write_all(b"{\"new\": tr")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(fs::read(&path).unwrap(), b"{\"old\": true}");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["session.json"], "the temporary file is gone");
    }

    #[test]
    fn files_are_0600_and_folders_0700_whatever_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("a/b/sessions");
        ensure_private_dir(&sessions).unwrap();
        fs::set_permissions(&sessions, Permissions::from_mode(0o755)).unwrap();
        ensure_private_dir(&sessions).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&sessions), 0o700);

        let path = sessions.join("x.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o644)).unwrap();
        write_bytes_atomic(&path, b"new").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }
}
