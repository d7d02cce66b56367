//! Text in two languages. The .ftl files under locales/ are the one source of text for the UI,
//! the CLI, PDFs and exports; they are embedded in the binary so nothing is read at run time.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, ts_rs::TS)]
#[ts(export)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en-US")]
    EnUs,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::EnUs];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::EnUs => "en-US",
        }
    }

    /// Accepts "zh-CN", "zh", "zh_CN.UTF-8", "en", "en-US"… as a person or an environment
    /// would write them.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if s.starts_with("en") {
            Some(Lang::EnUs)
        } else {
            None
        }
    }
}

/// All .ftl sources of one language, concatenated in file-name order.
pub fn ftl_sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<(&'static str, &'static str)> = LOCALES
        .get_dir(lang.tag())
        .map(|d| {
            d.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
                .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub struct Localizer {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Localizer {
    pub fn new(lang: Lang) -> Localizer {
        let langid: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks (U+2068/U+2069) around arguments are drawn as boxes in PDFs and
        // terminals; our arguments are never mixed-direction text.
        bundle.set_use_isolating(false);
        for (_, src) in ftl_sources(lang) {
            // The ftl files are part of the binary and checked by tests; a resource with a
            // syntax error still yields its good messages, so take what parses.
            let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
            let _ = bundle.add_resource(res);
        }
        Localizer { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats a message; an unknown id comes back as the id itself so a missing text is
    /// visible rather than silently empty.
    pub fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(msg) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let Some(pattern) = msg.value() else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, value(v));
        }
        let mut errors = vec![];
        self.bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }

    pub fn t(&self, id: &str) -> String {
        self.format(id, &[])
    }
}

/// An argument as Fluent should see it. A whole number (a count, a month, a year) goes as a
/// number, so that `[one]` and `[11]` variants are chosen; everything else, and digits with a
/// leading zero (a voucher's 0007), stays text and prints exactly as given.
fn value(v: &str) -> FluentValue<'static> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let whole = (1..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    match v.parse::<i64>() {
        Ok(n) if whole => FluentValue::from(n),
        _ => FluentValue::from(v.to_string()),
    }
}

/// Message ids defined in one language's files.
pub fn message_ids(lang: Lang) -> std::collections::BTreeSet<String> {
    use fluent_syntax::ast::Entry;
    let mut ids = std::collections::BTreeSet::new();
    for (_, src) in ftl_sources(lang) {
        let res = match fluent_syntax::parser::parse(src) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for e in res.body {
            match e {
                Entry::Message(m) => {
                    ids.insert(m.id.name.to_string());
                }
                Entry::Term(t) => {
                    ids.insert(format!("-{}", t.id.name));
                }
                _ => {}
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_define_the_same_message_ids() {
        let zh = message_ids(Lang::ZhCn);
        let en = message_ids(Lang::EnUs);
        assert!(!zh.is_empty(), "zh-CN must have messages");
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "zh-CN and en-US must define the same ids; only in zh-CN: {only_zh:?}; only in en-US: {only_en:?}"
        );
    }

    #[test]
    fn every_ftl_file_parses_without_errors() {
        for lang in Lang::ALL {
            for (path, src) in ftl_sources(lang) {
                if let Err((_, errs)) = fluent_syntax::parser::parse(src) {
                    panic!("{path} has syntax errors: {errs:?}");
                }
            }
        }
    }

    #[test]
    fn arguments_are_not_wrapped_in_isolation_marks() {
        let l = Localizer::new(Lang::EnUs);
        let s = l.format("error-db-too-new", &[("found", "9".into()), ("known", "1".into())]);
        assert!(s.contains('9') && !s.contains('\u{2068}'), "printed text must not carry isolation marks: {s:?}");
    }

    #[test]
    fn whole_numbers_choose_variants_and_other_text_prints_as_given() {
        let l = Localizer::new(Lang::EnUs);
        let day = |m: &str| l.format("report-date", &[("year", "2026".into()), ("month", m.into()), ("day", "30".into())]);
        assert_eq!(day("11"), "30 November 2026", "the month picks its own name, not the default");
        assert_eq!(day("1"), "30 January 2026");
        let gifts = |n: &str| l.format("money-honour-gifts", &[("count", n.into())]);
        assert_eq!(gifts("1"), "1 gift", "one takes the [one] variant");
        assert_ne!(gifts("2"), gifts("1"));
        let people = |n: &str| l.format("members-count", &[("total", n.into())]);
        assert_eq!((people("1"), people("12")), ("1 person".to_string(), "12 people".to_string()), "a count of people agrees with its number");
        // Amounts and zero-padded numbers are not numbers to Fluent: they print unchanged.
        let s = l.format("error-db-too-new", &[("found", "0007".into()), ("known", "12.50".into())]);
        assert!(s.contains("0007") && s.contains("12.50"), "text arguments print as given: {s}");
    }

    #[test]
    fn unknown_ids_are_shown_not_hidden() {
        assert_eq!(Localizer::new(Lang::ZhCn).t("no-such-message"), "no-such-message");
    }
}
