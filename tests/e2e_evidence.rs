//! Evidence over impressions, end to end: marks, ratings, wrap-up, export and debrief with
//! the real binary in a pseudo-terminal.

mod support;

use std::fs;
use std::process::Command;

use support::{CTRL_N, CTRL_Q, Console, fresh_dir};

/// One interviewer's whole interview of Sam Lee; returns the JSON export's path.
fn interview_and_export(
    data_home: &std::path::Path,
    interviewer: &str,
    q1: u8,
    overall: u8,
) -> std::path::PathBuf {
    let args = [
        "--role",
        "pentest",
        "--candidate",
        "Sam Lee",
        "--interviewer",
        interviewer,
    ];
    // Wide and tall enough for the script pane to show the guidelines link.
    let mut console = Console::spawn_in(data_home, &args, 160, 45, &[]);
    console.wait_for("Notes · Intro");
    console.send(CTRL_N);
    console.wait_for("Notes · Q1");
    console.type_text("She seems smart");
    console.wait_for("She seems smart");

    // The impression word is marked in place: black on yellow; the words around it are not.
    console.wait_until("`seems` marked", |screen| {
        let Some((row, col)) = find(screen, "seems") else {
            return false;
        };
        let cell = screen.cell(row, col).unwrap();
        cell.bgcolor() == vt100::Color::Idx(3)
            && screen.cell(row, col - 2).unwrap().bgcolor() == vt100::Color::Default
    });
    // The guidelines link is an OSC 8 hyperlink to the seed's address.
    console.wait_for_raw(
        "\x1b]8;;https://docs.google.com/document/d/1oYmx_93-mq2QrqICCo8SNk8hHmnPPonPA1kg0vhy540/edit#heading=h.5z8517vrmoea\x1b\\docs.google.com/…#heading=h.5z8517vrmoea\x1b]8;;\x1b\\",
    );

    console.send(&[0x1b, b'0' + q1]); // Alt+digit
    console.wait_for(&format!("Q1 rating: {}", label(q1)));
    for _ in 0..6 {
        console.send(CTRL_N);
    }
    console.wait_for("Notes · Wrap-up");
    console.wait_for("Impressions to rewrite as what the candidate said or did");
    console.wait_for("Q1 line 1: seems");
    console.wait_for("Q2              00:00 / 09:00 no notes  UNRATED");
    console.send(&[0x1b, b'0' + overall]);
    console.wait_for(&format!("Recommendation: {}", label(overall)));
    console.type_text("Concrete about her own part in the rollout.");
    console.send(CTRL_Q);
    // Q2 to Q5 were not rated, and "seems" is still in the notes: finish anyway.
    console.wait_for("Finish anyway?");
    console.wait_for("· unrated: Q2, Q3, Q4, Q5");
    console.type_text("f");
    assert_eq!(console.wait_exit(), 0);

    let id = console
        .session_file()
        .unwrap()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let out = fresh_dir("exports").join(format!("{interviewer}.json"));
    let status = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .args(["export", &id, "--format", "json", "--output"])
        .arg(&out)
        .env("XDG_DATA_HOME", data_home)
        .status()
        .unwrap();
    assert!(status.success());
    out
}

fn label(position: u8) -> &'static str {
    ["Strong no", "No", "Yes", "Strong yes"][usize::from(position - 1)]
}

fn find(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    let (rows, _) = screen.size();
    (0..rows).find_map(|row| {
        let line = screen.contents_between(row, 0, row + 1, 0);
        let at = line.find(text)?;
        Some((row, u16::try_from(line[..at].chars().count()).ok()?))
    })
}

#[test]
fn marks_ratings_wrap_up_export_and_a_debrief_of_two_interviewers() {
    // Each interviewer on a machine of their own, as in a real debrief.
    let alex = interview_and_export(&fresh_dir("evidence-alex"), "Alex", 3, 3);
    let kim = interview_and_export(&fresh_dir("evidence-kim"), "Kim", 1, 2);

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&alex).unwrap()).unwrap();
    assert_eq!(json["phases"][1]["rating"]["label"], "Yes");
    assert_eq!(json["recommendation"]["label"], "Yes");
    assert_eq!(json["status"], "finished");

    let output = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .arg("debrief")
        .arg(&alex)
        .arg(&kim)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.starts_with("# Debrief: Sam Lee"), "{report}");
    assert!(
        report.contains("| Alex | Yes (3 of 4) |")
            && report.contains("| Kim | Strong no (1 of 4) |"),
        "{report}"
    );
    assert!(
        report.contains(
            "- ⚑ 1. Tell me about an existing security practice or process that you helped improve."
        ),
        "{report}"
    );
    assert!(report.contains("- Concrete about her own part in the rollout."));

    let other = fresh_dir("other").join("jo.json");
    let mut jo: serde_json::Value = json.clone();
    jo["candidate"] = "Jo Park".into();
    // Another interview: the same interviewer and start would be this one given twice.
    jo["id"] = "20261127-1500-jo-park".into();
    jo["started_at"] = "2026-11-27T15:00:00Z".into();
    fs::write(&other, serde_json::to_string(&jo).unwrap()).unwrap();
    let refused = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .arg("debrief")
        .arg(&alex)
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("these interviews are of different candidates")
    );
}
