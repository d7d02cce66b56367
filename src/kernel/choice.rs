//! Closed sets of choices stored as text (a person's gender, a duty kind, a cash-book kind…).
//! `choice!` declares one: the enum, its code in the database and in JSON, the Fluent id of each
//! label, the words a person may type for it, and its place in `ui/src/bindings/choices.ts`, so
//! that none of these is written by hand beside it.

/// What every `choice!` enum offers, for code that handles any of them (the TypeScript list of
/// choices, the check that every label exists in both languages).
pub trait Choice: Copy + Sized + 'static {
    /// The type's name, the same in Rust and in TypeScript.
    const NAME: &'static str;
    /// Every value, in the order menus show them.
    fn all() -> &'static [Self];
    /// The text stored in the database and carried in JSON.
    fn code(self) -> &'static str;
    /// The value of a stored code; None for anything else.
    fn from_code(s: &str) -> Option<Self>;
    /// The Fluent id of the label a person reads.
    fn label_id(self) -> &'static str;
}

/// Declares a closed set of choices stored as text:
///
/// ```ignore
/// choice! {
///     /// 居住状况
///     Living {
///         Alone = "alone" / "living-alone" ["独居"],
///         EmptyNest = "empty_nest" / "living-empty-nest" ["空巢"],
///     }
/// }
/// ```
///
/// Each value has its code (stored in the database, carried in JSON: serde uses the same
/// string), the Fluent id of its label (written out so a search for the id finds the code that
/// uses it) and, in brackets, other words a person may type for it (the code is always accepted,
/// in any letter case). Attributes before the name (doc comments, `#[derive(Default)]`) and
/// before a value (`#[default]`, doc comments) are kept.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal / $label:literal [$($alias:literal),* $(,)?]
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize, ::ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in the order menus show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the database and carried in JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value of a stored code; None for anything else.
            pub fn from_code(s: &str) -> Option<$name> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The Fluent id of the label a person reads.
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Accepts the code (in any letter case) or any of the usual words for it.
            pub fn parse(s: &str) -> Option<$name> {
                let t = s.trim();
                $(if t.eq_ignore_ascii_case($code) $(|| t == $alias)* { return Some($name::$variant); })+
                None
            }
        }

        impl $crate::kernel::choice::Choice for $name {
            const NAME: &'static str = stringify!($name);
            fn all() -> &'static [$name] {
                $name::ALL
            }
            fn code(self) -> &'static str {
                $name::code(self)
            }
            fn from_code(s: &str) -> Option<$name> {
                $name::from_code(s)
            }
            fn label_id(self) -> &'static str {
                $name::label_id(self)
            }
        }

        impl ::rusqlite::types::FromSql for $name {
            fn column_result(v: ::rusqlite::types::ValueRef<'_>) -> ::rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::from_code(s).ok_or_else(|| $crate::error::Unreadable::new(stringify!($name), s).sql())
            }
        }

        impl ::rusqlite::ToSql for $name {
            fn to_sql(&self) -> ::rusqlite::Result<::rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }
    };
}
pub(crate) use choice;

/// One choice as `ui/src/bindings/choices.ts` lists it.
pub struct ChoiceList {
    pub name: &'static str,
    /// (code, label id) of every value, in order.
    pub values: Vec<(&'static str, &'static str)>,
    /// Reads a stored code back: the code of the value it names, if any (for checks).
    pub reads_back: fn(&str) -> Option<&'static str>,
}

impl ChoiceList {
    pub fn of<C: Choice>() -> ChoiceList {
        ChoiceList {
            name: C::NAME,
            values: C::all().iter().map(|c| (c.code(), c.label_id())).collect(),
            reads_back: |s| C::from_code(s).map(C::code),
        }
    }
}

/// `CareLevel` → `CARE_LEVEL`.
fn constant_name(type_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The TypeScript module that gives the UI every list of choices, in the core's order, with the
/// label id of each value. `satisfies` makes the UI's type check fail if a list and the type
/// ts-rs wrote for it ever disagree.
pub fn typescript(lists: &[ChoiceList]) -> String {
    let mut out = String::from(
        "// Generated from the core's `choice!` enums by `cargo test --lib export_bindings`. Do not edit this file manually.\n",
    );
    for l in lists {
        out.push_str(&format!("\nimport type {{ {} }} from './{}';", l.name, l.name));
    }
    out.push('\n');
    for l in lists {
        let constant = constant_name(l.name);
        let codes: Vec<String> = l.values.iter().map(|(c, _)| format!("'{c}'")).collect();
        let labels: Vec<String> = l.values.iter().map(|(c, id)| format!("{c}: '{id}'")).collect();
        out.push_str(&format!(
            "\nexport const {constant} = [{}] as const satisfies readonly {}[];\n",
            codes.join(", "),
            l.name
        ));
        out.push_str(&format!(
            "export const {constant}_LABEL = {{ {} }} as const satisfies Record<{}, string>;\n",
            labels.join(", "),
            l.name
        ));
    }
    // Every label id at once, for the UI's check that each exists in both languages.
    let all: Vec<String> = lists.iter().map(|l| format!("...Object.values({}_LABEL)", constant_name(l.name))).collect();
    out.push_str(&format!("\nexport const ALL_LABEL_IDS: readonly string[] = [{}];\n", all.join(", ")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typescript_lists_every_value_in_order_with_its_label() {
        let list = ChoiceList {
            name: "CareLevel",
            values: vec![("intact", "care-intact"), ("mild", "care-mild")],
            reads_back: |_| None,
        };
        let ts = typescript(&[list]);
        assert!(ts.contains("import type { CareLevel } from './CareLevel';"), "{ts}");
        assert!(ts.contains("export const CARE_LEVEL = ['intact', 'mild'] as const satisfies readonly CareLevel[];"), "{ts}");
        assert!(ts.contains("export const CARE_LEVEL_LABEL = { intact: 'care-intact', mild: 'care-mild' }"), "{ts}");
        assert!(ts.contains("export const ALL_LABEL_IDS: readonly string[] = [...Object.values(CARE_LEVEL_LABEL)];"), "{ts}");
    }
}
