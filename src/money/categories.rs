//! The cash book's categories (收支科目) and its two kinds (income, expense): the seeded ones
//! (dues, donations…) that the program posts to by code and whose names follow the reader's
//! language until renamed, and those the treasurer adds, renames or deletes.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::kernel::fields;

choice! {
    /// Income or expense (收入 / 支出).
    CashKind {
        Income = "income" / "cash-kind-income" ["收入", "in"],
        Expense = "expense" / "cash-kind-expense" ["支出", "out"],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Category {
    pub id: CategoryId,
    pub kind: CashKind,
    /// Stable code of a seeded category ("dues", "donation"…), None for added ones.
    pub code: Option<String>,
    pub name: String,
    pub renamed: bool,
    /// How many entries use it; a used category cannot be deleted.
    pub used: i64,
}

/// The name a person reads: a seeded category shows its label in the reader's language until
/// the treasurer renames it; then, and for added categories, the name as typed.
pub fn category_label(l10n: &Localizer, code: Option<&str>, name: &str) -> String {
    match code {
        Some(c) => {
            let id = format!("cash-category-{}", c.replace('_', "-"));
            if l10n.has(&id) {
                l10n.t(&id)
            } else {
                name.to_string()
            }
        }
        None => name.to_string(),
    }
}

impl Category {
    pub fn label(&self, l10n: &Localizer) -> String {
        category_label(l10n, if self.renamed { None } else { self.code.as_deref() }, &self.name)
    }
}

/// A category as the entry form offers it, with its name in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryChoice {
    #[serde(flatten)]
    pub category: Category,
    pub label: String,
}

/// Every category with its label, for the entry form's menu.
pub fn category_choices(conn: &Connection, l10n: &Localizer) -> Result<Vec<CategoryChoice>> {
    Ok(categories(conn)?.into_iter().map(|c| CategoryChoice { label: c.label(l10n), category: c }).collect())
}

pub fn categories(conn: &Connection) -> Result<Vec<Category>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.kind, c.code, c.name, c.renamed,
                (SELECT count(*) FROM cash_entry e WHERE e.category_id = c.id)
         FROM cash_category c ORDER BY c.kind DESC, c.position, c.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Category {
                id: CategoryId(r.get(0)?),
                kind: r.get(1)?,
                code: r.get(2)?,
                name: r.get(3)?,
                renamed: r.get(4)?,
                used: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Both languages' labels, to recognise a seeded category typed in either; built once because
/// building a bundle parses every .ftl file.
static LABELS: std::sync::LazyLock<[Localizer; 2]> =
    std::sync::LazyLock::new(|| [Localizer::new(crate::i18n::Lang::ZhCn), Localizer::new(crate::i18n::Lang::EnUs)]);

/// Finds a category by what a person typed: its name, its code, or its label in either
/// language. `kind` narrows the search when given.
pub fn find_category(conn: &Connection, kind: Option<CashKind>, typed: &str) -> Result<Category> {
    let t = typed.trim();
    let all = categories(conn)?;
    let found = all.iter().filter(|c| kind.is_none_or(|k| c.kind == k)).find(|c| {
        c.name == t
            || c.code.as_deref() == Some(t)
            || (!c.renamed && LABELS.iter().any(|l| c.label(l).eq_ignore_ascii_case(t)))
    });
    match found {
        Some(c) => Ok(c.clone()),
        None => {
            let choices: Vec<String> =
                all.iter().filter(|c| kind.is_none_or(|k| c.kind == k)).map(|c| c.name.clone()).collect();
            Err(Error::invalid_with(
                "category",
                "error-category-unknown",
                vec![("value", t.to_string()), ("choices", choices.join("、"))],
            ))
        }
    }
}

fn check_category_name(conn: &Connection, name: &str, except: Option<CategoryId>) -> Result<String> {
    let name = fields::required("name", name, 20, "error-category-name-required")?;
    let clash: Option<i64> = conn
        .query_row("SELECT id FROM cash_category WHERE name = ?1", [&name], |r| r.get(0))
        .optional()?;
    if clash.is_some_and(|id| Some(CategoryId(id)) != except) {
        return Err(Error::conflict("error-category-exists", vec![("name", name)]));
    }
    Ok(name)
}

pub fn add_category(tx: &Transaction, actor: &Actor, kind: CashKind, name: &str) -> Result<Category> {
    let name = check_category_name(tx, name, None)?;
    let position: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM cash_category", [], |r| r.get(0))?;
    tx.execute(
        "INSERT INTO cash_category (kind, code, name, renamed, position, created_at) VALUES (?1, NULL, ?2, 0, ?3, ?4)",
        params![kind, name, position, audit::now_utc()],
    )?;
    let id = CategoryId(tx.last_insert_rowid());
    let c = category(tx, id)?;
    audit::record(tx, actor, "add", "cash_category", id.0, None::<&Category>, Some(&c))?;
    Ok(c)
}

fn category(conn: &Connection, id: CategoryId) -> Result<Category> {
    categories(conn)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| Error::not_found("error-category-not-found", id.0))
}

/// Renames a category; entries keep pointing at it, so past statements show the new name.
pub fn rename_category(tx: &Transaction, actor: &Actor, typed: &str, new_name: &str) -> Result<Category> {
    let before = find_category(tx, None, typed)?;
    let name = check_category_name(tx, new_name, Some(before.id))?;
    tx.execute("UPDATE cash_category SET name = ?2, renamed = 1 WHERE id = ?1", params![before.id.0, name])?;
    let after = category(tx, before.id)?;
    audit::record(tx, actor, "rename", "cash_category", before.id.0, Some(&before), Some(&after))?;
    Ok(after)
}

/// Deletes an unused category. One in use is refused here and by the database.
pub fn delete_category(tx: &Transaction, actor: &Actor, typed: &str) -> Result<()> {
    let c = find_category(tx, None, typed)?;
    if c.used > 0 {
        return Err(Error::conflict("error-category-in-use", vec![("name", c.name.clone()), ("count", c.used.to_string())]));
    }
    if c.code.is_some() {
        // The program posts dues and donations to seeded categories by code.
        return Err(Error::conflict("error-category-seeded", vec![("name", c.name.clone())]));
    }
    tx.execute("DELETE FROM cash_category WHERE id = ?1", [c.id.0])?;
    audit::record(tx, actor, "delete", "cash_category", c.id.0, Some(&c), None::<&Category>)?;
    Ok(())
}

pub(crate) fn category_by_code(conn: &Connection, code: &str) -> Result<Category> {
    categories(conn)?
        .into_iter()
        .find(|c| c.code.as_deref() == Some(code))
        .ok_or_else(|| Error::not_found("error-category-not-found", code))
}
