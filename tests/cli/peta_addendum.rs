//! `kinerja addendum UNIT --link FROM:TO --unlink FROM:TO` (issue 16 point 1, DOMAIN.md §12): an
//! addendum of the Peta Strategi through the store server, audited; a cycle, an SS outside the
//! unit or a link across units refused with the link named and nothing written; a link from a
//! higher perspective to a lower one saved with a warning.

use crate::support::cli_support::{kinerja, stderr, stdout};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");

fn sample_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.store");
    let o = kinerja(&store, &["import", SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, store)
}

/// The links of DJKN in an export of the store, as `FROM→TO`.
fn djkn_links(store: &std::path::Path) -> Vec<String> {
    let o = kinerja(store, &["export"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let plan = doc["plan"].as_array().unwrap();
    let djkn = plan.iter().find(|p| p["unit"] == "DJKN").unwrap();
    djkn["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{}→{}",
                l["from"].as_str().unwrap(),
                l["to"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn an_addendum_adds_and_removes_links_and_is_in_the_log() {
    let (_dir, store) = sample_store();
    let before = djkn_links(&store);
    assert!(before.contains(&"SS-9→SS-2".to_string()));
    let o = kinerja(
        &store,
        &[
            "addendum",
            "DJKN",
            "--reason",
            "Penyesuaian renstra",
            "--date",
            "2025-07-01",
            "--link",
            "SS-9:DJKN/SS-6",
            "--unlink",
            "SS-9:SS-2",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("Addendum Peta Strategi unit DJKN")
            && said.contains("1 tautan ditambah, 1 dihapus, kini 14 tautan"),
        "{said}"
    );
    assert!(!stderr(&o).contains("peringatan"), "upwards: no warning");
    let after = djkn_links(&store);
    assert!(after.contains(&"SS-9→SS-6".to_string()), "{after:?}");
    assert!(!after.contains(&"SS-9→SS-2".to_string()), "{after:?}");
    assert_eq!(after.len(), before.len());
    let log = stdout(&kinerja(&store, &["log", "--unit", "DJKN", "--limit", "1"]));
    assert!(
        log.contains(
            "peta-strategi addendum 2025-07-01 +SS-9→SS-6 -SS-9→SS-2: Penyesuaian renstra"
        ),
        "{log}"
    );
}

#[test]
fn a_downward_link_is_saved_with_a_warning() {
    let (_dir, store) = sample_store();
    // SS-2 → SS-1: both stakeholder
    let o = kinerja(
        &store,
        &[
            "--lang",
            "en",
            "addendum",
            "DJKN",
            "--reason",
            "x",
            "--link",
            "SS-2:SS-1",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let warned = stderr(&o);
    assert!(
        warned.contains("warning:")
            && warned.contains("link SS-2 → SS-1 does not run from a lower"),
        "{warned}"
    );
    assert!(djkn_links(&store).contains(&"SS-2→SS-1".to_string()));
}

#[test]
fn a_cycle_an_ss_of_another_unit_or_a_link_across_units_is_refused_naming_the_link() {
    let (_dir, store) = sample_store();
    let before = djkn_links(&store);
    let refused = |args: &[&str], code: i32, wanted: &[&str]| {
        let mut all = vec!["addendum", "DJKN", "--reason", "uji"];
        all.extend_from_slice(args);
        let o = kinerja(&store, &all);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        for w in wanted {
            assert!(err.contains(w), "{args:?}: {w:?} in {err}");
        }
        assert_eq!(djkn_links(&store), before, "{args:?}: nothing written");
    };
    // SS-1 → SS-8 closes SS-8 → SS-5 → SS-3 → SS-1
    refused(
        &["--link", "SS-1:SS-8"],
        1,
        &["siklus", "SS-1 → SS-8 → SS-5 → SS-3 → SS-1"],
    );
    refused(
        &["--link", "SS-5:SS-99"],
        1,
        &["tautan SS-5 → SS-99 menyebut SS SS-99 yang bukan milik unit ini"],
    );
    refused(
        &["--link", "SS-5:KPKNL-PONTIANAK/SS-1"],
        1,
        &["SS-5:KPKNL-PONTIANAK/SS-1", "melintasi unit"],
    );
    refused(&["--link", "SS-5"], 1, &["DARI:KE"]);
    refused(
        &["--unlink", "SS-1:SS-3"],
        1,
        &["tautan SS-1 → SS-3 tidak ada"],
    );
    // links and IKU changes are two addenda
    refused(
        &["--link", "SS-9:SS-6", "--set", "1a-N:12=5"],
        2,
        &["buat dua addendum"],
    );
}

#[test]
fn a_link_addendum_travels_through_the_server_to_a_live_client() {
    use crate::support::cli_support::{me, wait_server_gone};
    use crate::support::server_support::{client, sample_store};
    use kinerja::domain::plan::{PetaLink, PlanChange};
    use kinerja::server::client::Incoming;
    use kinerja::store::{Actor, StoreApi};
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let watcher = client(&store, "tui", true);
    let events = watcher.take_events().unwrap();
    let writer = client(&store, "addendum", false);
    let change = PlanChange::LinkAddendum {
        unit: "DJKN".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        reason: "Penyesuaian renstra".into(),
        add: vec![PetaLink {
            from: "SS-9".into(),
            to: "SS-6".into(),
        }],
        remove: vec![],
    };
    writer
        .apply_plan(2025, &[change], &Actor::current(), "addendum")
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let event = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Incoming::Event(e)) => break e,
            Ok(_) => continue,
            Err(e) => panic!("no event: {e}"),
        }
    };
    assert_eq!(event.user, me());
    assert_eq!(event.source, "addendum");
    assert!(event.reload, "the plans are reloaded");
    assert!(
        event.audit[0].what.contains("+SS-9→SS-6"),
        "{:?}",
        event.audit
    );
    let links = &watcher.load_plans(2025).unwrap()["DJKN"].links;
    assert!(links.iter().any(|l| l.from == "SS-9" && l.to == "SS-6"));
    // the plans of some units only (a partial first frame), through the server
    let some = watcher
        .load_plans_of(2025, &["DJKN".to_string()].into_iter().collect())
        .unwrap();
    assert_eq!(some.keys().collect::<Vec<_>>(), ["DJKN"]);
    assert_eq!(some["DJKN"].links, *links);
    // a cycle is refused through the server as well, naming it
    let cycle = PlanChange::LinkAddendum {
        unit: "DJKN".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 7, 2).unwrap(),
        reason: "uji".into(),
        add: vec![PetaLink {
            from: "SS-1".into(),
            to: "SS-8".into(),
        }],
        remove: vec![],
    };
    let err = writer
        .apply_plan(2025, &[cycle], &Actor::current(), "addendum")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("siklus") && err.contains("SS-1 → SS-8"),
        "{err}"
    );
    drop((writer, watcher));
    wait_server_gone(&store);
}

#[test]
fn importing_a_document_with_plans_sets_off_no_backup_between_its_year_and_its_plans() {
    // the server's daily backup (due before a write when the store has changes and no set
    // today) does not take the plans of an import for a write of their own
    let (_dir, store) = sample_store();
    let backups = store.join("backups");
    let sets: Vec<_> = std::fs::read_dir(&backups)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(sets.is_empty(), "{sets:?}");
    let listed = stdout(&kinerja(&store, &["inisiatif", "list", "DJKN"]));
    assert!(listed.contains("DJKN  IS-01"), "{listed}");
    let log = stdout(&kinerja(&store, &["log", "--unit", "DJKN"]));
    assert!(log.contains("import plan DJKN"), "{log}");
}
