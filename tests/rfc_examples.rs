//! The RFCs' own examples: every `C:` and `S:` line of the per-command and per-response
//! examples, kept in `corpus/examples/*.imap` (one file per RFC; the comments at the top of
//! each say which lines were changed or left out, and why). Each direction is framed and every
//! message must parse strictly and serialize to bytes that parse back equal. The README's
//! conformance table must list every file with its message count.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use imap_wire::ParseConfig;
use imap_wire::transcript::Transcript;
use support::replay::{imap_files, replay};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/examples")
}

/// The name a file goes by in the README's table: its `rfc=` value, or the file stem.
fn rfc_name(path: &Path) -> String {
    let file = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let t = Transcript::parse(&file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        t.meta("kind"),
        Some("examples"),
        "{}: the first line must say kind=examples",
        path.display()
    );
    match t.meta("rfc") {
        Some(rfc) => rfc.to_string(),
        None => path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string(),
    }
}

#[test]
fn every_example_parses_and_round_trips() {
    let files = imap_files(&examples());
    assert!(
        files.iter().any(|f| f.ends_with("rfc3501.imap"))
            && files.iter().any(|f| f.ends_with("rfc9051.imap")),
        "the base RFCs' examples are missing"
    );
    let mut failures = Vec::new();
    for file in &files {
        let report = replay(file, &ParseConfig::strict());
        assert!(report.messages > 0, "{}: no messages", file.display());
        println!(
            "{}: {} of {} messages pass",
            file.display(),
            report.passed,
            report.messages
        );
        failures.extend(report.failures);
    }
    let shown: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        failures.is_empty(),
        "{} example messages fail:\n{}",
        failures.len(),
        shown.join("\n")
    );
}

/// The rows of the table between the README's markers: RFC column to Examples column.
fn readme_table() -> BTreeMap<String, usize> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let begin = readme
        .find("<!-- rfc-table:begin -->")
        .expect("README.md has no <!-- rfc-table:begin --> marker");
    let end = readme
        .find("<!-- rfc-table:end -->")
        .expect("README.md has no <!-- rfc-table:end --> marker");
    assert!(begin < end, "the table's markers are out of order");
    let mut lines = readme[begin..end]
        .lines()
        .skip(1)
        .filter(|l| l.starts_with('|'));
    let header: Vec<&str> = cells(lines.next().expect("the table has no header"));
    assert_eq!(
        header,
        ["RFC", "Name", "Status", "Examples"],
        "table header"
    );
    let rule = lines
        .next()
        .expect("the table has no rule under its header");
    assert!(
        rule.contains("---"),
        "the second line is the header's rule: {rule}"
    );
    let mut rows = BTreeMap::new();
    for line in lines {
        let row = cells(line);
        assert_eq!(row.len(), 4, "row with {} cells: {line}", row.len());
        let count = if row[3].is_empty() || row[3] == "-" || row[3] == "—" {
            0
        } else {
            row[3]
                .parse()
                .unwrap_or_else(|_| panic!("Examples is not a number: {line}"))
        };
        assert!(
            rows.insert(row[0].to_string(), count).is_none(),
            "two rows for {}",
            row[0]
        );
    }
    rows
}

fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

#[test]
fn readme_table_counts_the_examples() {
    let rows = readme_table();
    let mut files = BTreeMap::new();
    for file in imap_files(&examples()) {
        let name = rfc_name(&file);
        let messages = replay(&file, &ParseConfig::strict()).messages;
        let row = rows.get(&name).unwrap_or_else(|| {
            panic!(
                "README.md's RFC table has no row for {name} ({})",
                file.display()
            )
        });
        assert_eq!(
            *row,
            messages,
            "README.md says {name} has {row} examples; {} frames {messages} messages",
            file.display()
        );
        assert!(
            files.insert(name.clone(), file).is_none(),
            "two example files for {name}"
        );
    }
    for (name, count) in &rows {
        assert!(
            *count == 0 || files.contains_key(name),
            "README.md counts {count} examples for {name}, but corpus/examples has no file for it"
        );
    }
}
