//! The recorded sessions under `corpus/transcripts/`: every message of both directions frames,
//! parses (leniently, as from a real peer) and serializes to bytes that parse back strictly
//! equal. For the sessions taken from the seed document, `seed/NOTES.md` must account for
//! every file and every correction: each corrected text is in its file and the printed
//! (noisy) text is not.

mod support;

use std::path::{Path, PathBuf};

use imap_wire::ParseConfig;
use support::replay::{imap_files, replay};

fn transcripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/transcripts")
}

#[test]
fn every_recorded_session_replays() {
    let mut failures = Vec::new();
    let mut files = 0;
    for dir in ["rfc", "seed"] {
        for file in imap_files(&transcripts().join(dir)) {
            let report = replay(&file, &ParseConfig::lenient());
            assert!(report.messages > 0, "{}: no messages", file.display());
            files += 1;
            failures.extend(report.failures);
        }
    }
    assert!(files >= 8, "only {files} transcripts found");
    let shown: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{}", shown.join("\n"));
}

/// The first text between backticks in a table cell.
fn code(cell: &str) -> Option<&str> {
    let start = cell.find('`')? + 1;
    let len = cell[start..].find('`')?;
    Some(&cell[start..start + len])
}

/// The rows (cells) of the Markdown table that follows `heading` in `notes`.
fn table_after<'a>(notes: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    let at = notes
        .find(heading)
        .unwrap_or_else(|| panic!("NOTES.md has no section {heading:?}"));
    notes[at..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(str::trim)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn seed_notes_account_for_every_file_and_correction() {
    let seed = transcripts().join("seed");
    let notes = std::fs::read_to_string(seed.join("NOTES.md")).expect("seed/NOTES.md");
    let files = imap_files(&seed);
    assert!(!files.is_empty(), "no seed transcripts");
    let listed: Vec<&str> = table_after(&notes, "| file | seed lines")
        .into_iter()
        .filter_map(|row| code(row[0]))
        .collect();
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(
            listed.contains(&name),
            "seed/NOTES.md does not say where {name} comes from"
        );
    }
    let corrections = table_after(&notes, "## Changed to undo OCR");
    assert!(!corrections.is_empty(), "no corrections listed");
    for row in corrections {
        assert_eq!(row.len(), 4, "a correction row has four cells: {row:?}");
        let name = code(row[0]).expect("file name in backticks");
        let printed = code(row[1]).expect("the printed text in backticks");
        let written = code(row[2]).expect("the corrected text in backticks");
        let bytes = std::fs::read(seed.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains(written),
            "{name}: the correction {written:?} is not in the file"
        );
        assert!(
            !text.contains(printed),
            "{name}: the printed text {printed:?} is still in the file"
        );
        assert!(
            !row[3].is_empty(),
            "{name}: the correction of {printed:?} gives no reason"
        );
    }
    // Typographic quotes are the one kind of noise that no line may keep (NOTES.md lists
    // where they were replaced).
    for file in &files {
        let text = String::from_utf8_lossy(&std::fs::read(file).expect("readable transcript"))
            .into_owned();
        assert!(
            !text.contains(['\u{201c}', '\u{201d}']),
            "{} still holds typographic quotes",
            file.display()
        );
    }
}
