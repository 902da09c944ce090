//! README's key table is the key table: generated from the default `keymap::Keymap` (`BINDINGS`), checked here.
//! After changing a binding, `UPDATE_README=1 cargo test --test readme_keys` rewrites it.

use interview_console::tui::keymap;

const BEGIN: &str =
    "<!-- keys:begin (generated from src/tui/keymap.rs; see tests/readme_keys.rs) -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_matches_the_keymap() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(BEGIN)
        .expect("README has the keys:begin marker")
        + BEGIN.len();
    let end = readme.find(END).expect("README has the keys:end marker");
    let expected = keymap::Keymap::default().markdown_table();
    let found = &readme[start..end];
    if found != expected && std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        found, expected,
        "README's key table is stale: run UPDATE_README=1 cargo test --test readme_keys"
    );
}
