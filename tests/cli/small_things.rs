//! The small things of issue 13 (finding 12), through the real binary: duplicate JSON keys,
//! an honest error count, values never echoed whole, a mistyped unit or store, a keymap with
//! no way out, and the first run's sample giving way to the user's own PK.

use crate::support::cli_support::{command, kinerja, stderr, stdout};

use std::fs;
use std::path::Path;

const MINI: &str = "tests/data/mini-2025.json";

fn mini() -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(MINI).unwrap()).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn a_key_written_twice_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(MINI).unwrap();
    // a unit whose code is given twice: refused once, where it is, not with errors after it
    let dup = text.replacen(
        "{ \"code\": \"A\",",
        "{ \"code\": \"Z\", \"code\": \"A\",",
        1,
    );
    assert_ne!(dup, text);
    let line = dup.lines().position(|l| l.contains("\"Z\"")).unwrap() + 1;
    let f = write(dir.path(), "dup.json", &dup);
    let o = kinerja(&dir.path().join("s"), &["--lang", "en", "import", &f]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(said.contains("1 error(s)"), "{said}");
    assert!(
        said.contains(&format!("line {line}, column")) && said.contains("\"code\""),
        "{said}"
    );
    assert!(
        !dir.path().join("s").join("db").exists(),
        "nothing imported"
    );
}

#[test]
fn the_error_count_counts_every_error_not_only_the_listed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = mini();
    for i in 0..660 {
        d["units"].as_array_mut().unwrap().push(serde_json::json!({
            "code": format!("X{i}"), "name": "n", "level": "bogus", "parent": "W"
        }));
    }
    let f = write(dir.path(), "many.json", &d.to_string());
    let o = kinerja(&dir.path().join("s"), &["--lang", "en", "import", &f]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(
        said.contains("660 error(s)"),
        "{}",
        &said[..300.min(said.len())]
    );
    assert!(said.contains("only the first 200 are listed"));
}

#[test]
fn a_huge_number_or_code_is_cut_with_its_length_not_echoed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(MINI).unwrap();
    // an unquoted 100,000-digit number where a target goes, and a 120 KB code
    let mut d = mini();
    d["iku"][0]["targets"][0] = serde_json::json!("@N@");
    d["iku"][1]["code"] = serde_json::json!("C".repeat(120_000));
    let doc = d.to_string().replace("\"@N@\"", &"1".repeat(100_000));
    assert!(text.len() < doc.len());
    let f = write(dir.path(), "long.json", &doc);
    let o = kinerja(&dir.path().join("s"), &["--lang", "en", "import", &f]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(said.len() < 4000, "{} bytes said", said.len());
    assert!(said.contains("… (100000 characters)"), "{said}");
    assert!(said.contains("120000"), "{said}");
}

#[test]
fn a_unit_that_is_in_no_year_is_named_not_an_empty_audit() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    assert_eq!(kinerja(&store, &["import", MINI]).status.code(), Some(0));
    let o = kinerja(&store, &["--lang", "en", "log", "--unit", "NOPE"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("NOPE is in no year"), "{}", stderr(&o));
    let o = kinerja(&store, &["log", "--unit", "K"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).is_empty());
}

#[test]
fn a_mistyped_store_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo").join("store");
    let o = kinerja(&typo, &["--lang", "en", "report"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("init"), "{}", stderr(&o));
    assert!(!dir.path().join("typo").exists());
}

#[test]
fn a_keymap_that_leaves_no_way_to_quit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    assert_eq!(kinerja(&store, &["import", MINI]).status.code(), Some(0));
    let km = write(
        dir.path(),
        "km.toml",
        "[tree]\n\"q\" = \"none\"\n\"<C-c>\" = \"none\"\n",
    );
    // as the user's own keymap file
    let cfg = dir.path().join("xdg-config").join("kinerja");
    fs::create_dir_all(&cfg).unwrap();
    fs::copy(&km, cfg.join("keymap.toml")).unwrap();
    let o = kinerja(&store, &["--lang", "en"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no key quits"), "{}", stderr(&o));
    // and as --keymap FILE
    fs::remove_file(cfg.join("keymap.toml")).unwrap();
    let o = kinerja(&store, &["--lang", "en", "--keymap", &km]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no key quits"), "{}", stderr(&o));
    // one other quit key is enough
    fs::write(
        cfg.join("keymap.toml"),
        "[tree]\n\"q\" = \"none\"\n\"<C-c>\" = \"none\"\n\"x\" = \"quit\"\n",
    )
    .unwrap();
    let o = kinerja(&store, &["--lang", "en"]);
    assert!(!stderr(&o).contains("no key quits"), "{}", stderr(&o));
}

/// `kinerja` on the default store of a fresh home (no `--store`): seeded with the sample.
fn default_store(home: &Path, args: &[&str]) -> std::process::Output {
    let mut c = command(&home.join("unused"), &[]);
    c.env_remove("KINERJA_STORE");
    // command() adds `--store`; run without it
    let mut d = std::process::Command::new(c.get_program());
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => d.env(k, v),
            None => d.env_remove(k),
        };
    }
    d.args(args).stdin(std::process::Stdio::null());
    d.output().unwrap()
}

#[test]
fn the_untouched_first_run_sample_gives_way_to_the_users_own_pk_of_its_year() {
    let home = tempfile::tempdir().unwrap();
    let o = default_store(home.path(), &["--lang", "en"]);
    assert!(stderr(&o).contains("sample"), "seeded: {}", stderr(&o));
    let o = default_store(
        home.path(),
        &["--lang", "en", "import", "tests/data/pk-full.json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("holds only the 2025 sample"),
        "said before it is done: {}",
        stderr(&o)
    );
    let e = default_store(home.path(), &["export"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&e)).unwrap();
    let full: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/data/pk-full.json").unwrap()).unwrap();
    assert_eq!(
        doc["units"].as_array().unwrap().len(),
        full["units"].as_array().unwrap().len()
    );

    // a sample someone changed is theirs: it clashes like any year
    let home = tempfile::tempdir().unwrap();
    default_store(home.path(), &["--lang", "en"]);
    let o = default_store(
        home.path(),
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-10", "1,9"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = default_store(
        home.path(),
        &["--lang", "en", "import", "tests/data/pk-full.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--replace"), "{}", stderr(&o));
}
