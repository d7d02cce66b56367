//! The core's modules depend on each other one way only (DESIGN.md: "no cycles between
//! modules"). This test reads src/**/*.rs, finds every `crate::…` and `super::…` path, builds
//! the graph of the top-level modules (members, money, rota, kernel…) and, inside the areas that
//! are folders, of their files (rota::slots → rota::kinds), and fails naming any cycle.
//!
//! Conventions it relies on (and so enforces): a file names the sibling it uses
//! (`use super::kinds::DutyKind`), not the parent's re-export (which would tie it to the whole
//! area); an area's mod.rs declares and re-exports its files (re-exports are not uses); unit
//! tests sit in `#[cfg(test)] mod tests` at the end of a file or in a
//! `tests.rs`, and are not read. The CLI (src/cli, src/main.rs) uses the library by its public
//! paths and is not part of the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its path below the crate root, e.g. ["rota", "slots"].
type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module a file holds: src/rota/slots.rs → rota::slots, src/rota/mod.rs → rota.
fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its trailing unit tests.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string ("https://…") would cut code; none of ours starts a path.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

fn skip_blanks(s: &str, pos: usize) -> usize {
    s.len() - s[pos..].trim_start().len()
}

/// Reads a use tree at the start of `s` — `a::b::C`, `a::{b, c::{D, E}}` — and returns every
/// path in it and how many bytes it took.
fn use_tree(s: &str) -> (Vec<Vec<String>>, usize) {
    let mut pos = skip_blanks(s, 0);
    let mut path: Vec<String> = Vec::new();
    loop {
        if s[pos..].starts_with('{') {
            pos += 1;
            let mut out = Vec::new();
            loop {
                pos = skip_blanks(s, pos);
                if s[pos..].starts_with('}') {
                    return (out, pos + 1);
                }
                let (paths, used) = use_tree(&s[pos..]);
                pos += used;
                out.extend(paths.into_iter().map(|p| path.iter().cloned().chain(p).collect()));
                pos = skip_blanks(s, pos);
                if s[pos..].starts_with(',') {
                    pos += 1;
                } else {
                    return (out, pos + usize::from(s[pos..].starts_with('}')));
                }
            }
        }
        let id = ident_at(&s[pos..]);
        if id.is_empty() {
            return (vec![path], pos);
        }
        path.push(id.to_string());
        pos += id.len();
        if s[pos..].starts_with("::") {
            pos += 2;
        } else {
            return (vec![path], pos);
        }
    }
}

/// Every path that follows `prefix::` in `code` (`crate::{id_card, names}` gives two).
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let pat = format!("{prefix}::");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find(&pat) {
        let start = at + i;
        at = start + pat.len();
        // `super::super::x` is read from its first `super`; skip `xsuper::` and `a::super::`.
        if code[..start].chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let (paths, _) = use_tree(&code[at..]);
        out.extend(paths.into_iter().filter(|p| p.first().is_some_and(|f| f != "self")));
    }
    out
}

/// Every module the files under `src` use, by the module that uses it.
fn dependencies(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(src, f)).collect();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for file in &files {
        let me = module_of(src, file);
        let first = me.first().map(String::as_str).unwrap_or("");
        if me.is_empty() || me == ["lib"] || me == ["main"] || first == "cli" || me.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let deps = graph.entry(me.clone()).or_default();
        // crate::a::b… → a::b when that is a module (a file), else a.
        let deepest = |mut path: Vec<String>| -> Module {
            path.truncate(2);
            while !path.is_empty() && !modules.contains(&path) {
                path.pop();
            }
            path
        };
        for p in paths_after(&code, "crate") {
            deps.insert(deepest(p));
        }
        // super::x… from module p::q is read as p::x…; `super::super::` climbs once more.
        let parent: Module = me[..me.len() - 1].to_vec();
        for p in paths_after(&code, "super") {
            let mut base = parent.clone();
            let mut rest = p.into_iter().peekable();
            while rest.peek().is_some_and(|x| x == "super") {
                rest.next();
                base.pop();
            }
            let full: Vec<String> = base.into_iter().chain(rest).collect();
            deps.insert(deepest(full));
        }
        // A mod.rs that uses its own files by relative path (`cash_book::get`) depends on them;
        // its `pub use` re-exports and `mod` lines only make them public.
        let own_code: String = code
            .lines()
            .filter(|l| !(l.trim_start().starts_with("pub use ") || l.trim_start().starts_with("mod ") || l.trim_start().starts_with("pub mod ")))
            .collect::<Vec<_>>()
            .join("\n");
        for child in modules.iter().filter(|m| m.len() == me.len() + 1 && m.starts_with(&me)) {
            let pat = format!("{}::", child[me.len()]);
            let used = own_code.match_indices(&pat).any(|(i, _)| {
                !own_code[..i].chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            });
            if used {
                deps.insert(child.clone());
            }
        }
        deps.remove(&me);
        deps.retain(|d| !d.is_empty());
    }
    graph
}

/// The graph seen at one level: every module cut to its first `depth` names, edges between
/// different modules only (a module's use of its own files is not a dependency between areas).
fn at_depth(graph: &BTreeMap<Module, BTreeSet<Module>>, depth: usize, within: Option<&str>) -> BTreeMap<String, BTreeSet<String>> {
    let cut = |m: &Module| m.iter().take(depth).cloned().collect::<Vec<_>>().join("::");
    let inside = |m: &Module| within.is_none_or(|w| m.first().is_some_and(|f| f == w));
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in graph {
        if !inside(from) {
            continue;
        }
        let f = cut(from);
        for to in tos.iter().filter(|t| inside(t)) {
            let t = cut(to);
            if t != f {
                out.entry(f.clone()).or_default().insert(t);
            }
        }
    }
    out
}

/// One cycle of the graph, as the path around it (a → b → a), if there is any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut cycle = path[i..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_top_level_modules_have_no_cycle() {
    let graph = at_depth(&dependencies(&src()), 1, None);
    assert!(graph.contains_key("rota") && graph.contains_key("members"), "the scan must see the areas: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("modules depend on each other in a circle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_files_of_each_area_have_no_cycle() {
    let deps = dependencies(&src());
    let areas: BTreeSet<String> = deps.keys().filter(|m| m.len() > 1).map(|m| m[0].clone()).collect();
    for area in ["members", "money", "rota", "time_bank", "kernel"] {
        assert!(areas.contains(area), "{area} should be a folder of files");
    }
    for area in &areas {
        let graph = at_depth(&deps, 2, Some(area));
        if let Some(cycle) = find_cycle(&graph) {
            panic!("the files of {area} depend on each other in a circle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_kernel_depends_on_no_area() {
    let graph = at_depth(&dependencies(&src()), 1, None);
    let kernel = graph.get("kernel").cloned().unwrap_or_default();
    for area in ["members", "money", "rota", "time_bank", "association"] {
        assert!(!kernel.contains(area), "the kernel must not use {area}: everything uses the kernel");
    }
}

#[test]
fn the_scan_reads_paths_and_finds_a_cycle_when_there_is_one() {
    let code = "use super::kinds::{DutyKind, Weekdays};\nuse crate::{id_card, names};\nlet x = crate::time_bank::Hours::ZERO;";
    let v = |paths: &[&[&str]]| paths.iter().map(|p| p.iter().map(|s| s.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>();
    assert_eq!(paths_after(code, "super"), v(&[&["kinds", "DutyKind"], &["kinds", "Weekdays"]]));
    assert_eq!(paths_after(code, "crate"), v(&[&["id_card"], &["names"], &["time_bank", "Hours", "ZERO"]]));
    assert_eq!(
        paths_after("use super::{generator::RotaWhy, kinds::{A, B,}};", "super"),
        v(&[&["generator", "RotaWhy"], &["kinds", "A"], &["kinds", "B"]])
    );
    let g = |edges: &[(&str, &str)]| {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            m.entry(a.to_string()).or_default().insert(b.to_string());
        }
        m
    };
    assert_eq!(find_cycle(&g(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        find_cycle(&g(&[("id_card", "members"), ("members", "id_card")])),
        Some(vec!["id_card".to_string(), "members".to_string(), "id_card".to_string()])
    );
    assert!(find_cycle(&g(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")])).is_some(), "a longer circle is found too");
}
