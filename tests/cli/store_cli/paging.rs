//! Paging of the list commands (`--limit`, `--offset`, `--all`), the stderr
//! note when a page is cut, and the bounded ego export (`--max-quotes`):
//! each case is a command line whose stdout and stderr are snapshotted.

use super::Fixture;

macro_rules! paged {
    ($name:ident, $($arg:expr),+) => {
        #[test]
        fn $name() {
            let f = Fixture::new();
            let (code, out, err) = f.run(&[$($arg),+]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(stringify!($name), format!("{out}--- stderr ---\n{err}"));
        }
    };
}

paged!(quotes_about_first_page, "quotes", "--about", "Trump", "--limit", "1");
paged!(quotes_about_second_page, "quotes", "--about", "Trump", "-n", "1", "--offset", "1");
paged!(quotes_about_last_page, "quotes", "--about", "Trump", "--limit", "2", "--offset", "2");
paged!(quotes_about_past_the_end, "quotes", "--about", "Trump", "--offset", "7");
paged!(quotes_all_csv, "quotes", "--limit", "0", "--format", "csv");
paged!(quotes_by_first_page_json, "quotes", "--by", "Naim", "--limit", "1", "--format", "json");
paged!(quotes_kind_page, "quotes", "--kind", "direct", "--limit", "2");
paged!(who_about_first_page, "who", "--about", "Trump", "--limit", "1");
paged!(who_about_all, "who", "--about", "Trump", "--all");
paged!(search_first_page, "search", "Trump OR hostages", "--limit", "1");
paged!(export_ego_bounded, "export", "--format", "dot", "--entity", "Trump", "--depth", "1", "--max-quotes", "1");
paged!(export_ego_bounded_json, "export", "--format", "json", "--entity", "Naim", "--depth", "1", "--max-quotes", "1");

#[test]
fn pages_put_together_are_the_whole_list() {
    let f = Fixture::new();
    for cmd in [&["quotes"][..], &["quotes", "--about", "Trump"], &["quotes", "--by", "Naim"], &["who", "--about", "Trump"]] {
        let all = f.ok(&[cmd, &["--all", "--format", "jsonl"]].concat());
        let mut pages = String::new();
        for offset in 0..8 {
            let o = offset.to_string();
            pages.push_str(&f.ok(&[cmd, &["--limit", "1", "--offset", &o, "--format", "jsonl"]].concat()));
        }
        assert_eq!(pages, all, "{cmd:?}");
        assert_eq!(f.ok(&[cmd, &["--format", "jsonl"]].concat()), all, "{cmd:?}: the default page holds the sample");
    }
}

#[test]
fn an_uncut_list_prints_no_note() {
    let f = Fixture::new();
    for cmd in [&["quotes"][..], &["who", "--about", "Trump"], &["search", "hostages"], &["quotes", "--limit", "0"]] {
        let (code, _, err) = f.run(cmd);
        assert_eq!((code, err.as_str()), (0, ""), "{cmd:?}");
    }
}

#[test]
fn a_small_ego_graph_is_not_bounded() {
    let f = Fixture::new();
    for name in ["Trump", "Naim", "Hamas", "James Hewitt"] {
        let base = ["export", "--format", "dot", "--entity", name, "--depth", "1"];
        let (code, bounded, err) = f.run(&base);
        assert_eq!((code, err.as_str()), (0, ""), "{name}");
        assert_eq!(bounded, f.ok(&[&base[..], &["--max-quotes", "0"]].concat()), "{name}");
        assert!(!bounded.contains("more quotes"), "{name}");
    }
}

#[test]
fn limit_and_all_conflict() {
    let f = Fixture::new();
    let (code, _, err) = f.run(&["quotes", "--limit", "3", "--all"]);
    assert_eq!(code, 2, "{err}");
}
