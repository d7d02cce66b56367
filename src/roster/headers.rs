//! Finding the header row of a roster and what each column holds. Rosters begin with a title
//! merged across the sheet ("东风村2026年老年人花名册"), sometimes a line with the date or the
//! typist, then the headings; each office words the headings its own way.

use crate::sheets::{Grid, Value};

use super::cells::half_width;

/// What a column of a roster holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Gender,
    IdCard,
    Birth,
    Phone,
    Address,
    Group,
    Living,
    Notes,
}

/// The usual headings of each column and the other words for them (Chinese rosters, and the
/// headings of this app's own exports in either language, so an exported register reads back).
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Name, &["姓名", "名字", "老人姓名", "会员姓名", "户主姓名", "name", "fullname"]),
    (Field::Gender, &["性别", "gender", "sex"]),
    (
        Field::IdCard,
        &["身份证号码", "身份证号", "公民身份号码", "身份证", "身份证件号码", "证件号码", "身份号码", "idnumber", "idcard", "idcardnumber"],
    ),
    (
        Field::Birth,
        &["出生年月", "出生日期", "出生年月日", "出生时间", "生日", "出生年月公历", "出生日期公历", "birthdate", "birthdatesolar", "dateofbirth", "born"],
    ),
    (Field::Phone, &["联系电话", "手机号码", "电话", "手机", "手机号", "联系方式", "电话号码", "phone", "phones", "mobile", "telephone"]),
    (Field::Address, &["家庭住址", "居住地址", "住址", "地址", "家庭地址", "现住址", "户籍地址", "address"]),
    (Field::Group, &["组别", "村民小组", "组", "小组", "所在组", "所属小组", "villagegroup", "group"]),
    (Field::Living, &["居住情况", "居住状况", "居住方式", "living", "livingsituation"]),
    (Field::Notes, &["备注", "说明", "notes", "note", "remarks"]),
];

/// A heading as compared: half-width, without spaces, stars marking a required column, colons,
/// or an explanation in brackets ("出生年月（公历）" is 出生年月公历 and then 出生年月).
fn normalise(s: &str) -> String {
    let s = half_width(s);
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = (depth as i32 - 1).max(0) as usize,
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | ':' | '_' | '-' | '.' | '/') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

pub fn field_of(heading: &str) -> Option<Field> {
    let h = normalise(heading);
    if h.is_empty() {
        return None;
    }
    SYNONYMS.iter().find(|(_, words)| words.contains(&h.as_str())).map(|(f, _)| *f)
}

/// Which column holds which field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Columns(Vec<(Field, usize)>);

impl Columns {
    pub fn get<'a>(&self, f: Field, row: &'a [Value]) -> &'a Value {
        const EMPTY: &Value = &Value::Empty;
        self.0.iter().find(|(g, _)| *g == f).and_then(|(_, i)| row.get(*i)).unwrap_or(EMPTY)
    }

    /// The columns this roster has of the ones the register knows.
    pub fn indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|(_, i)| *i)
    }
}

/// How many rows from the top the header may be: a title, a subtitle, a date line and a blank
/// line above it are common; twenty leaves room for more.
const HEADER_SEARCH_ROWS: usize = 20;

/// The header row (its index in the grid) and the columns it names: the first row that names
/// the name column and at least one other known column. The first column of each kind wins
/// (a second 电话 column is usually the family's).
pub fn find(grid: &Grid) -> Option<(usize, Columns)> {
    for (i, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let mut cols: Vec<(Field, usize)> = Vec::new();
        for (c, v) in row.iter().enumerate() {
            if let Value::Text(s) = v {
                if let Some(f) = field_of(s) {
                    if !cols.iter().any(|(g, _)| *g == f) {
                        cols.push((f, c));
                    }
                }
            }
        }
        if cols.iter().any(|(f, _)| *f == Field::Name) && cols.len() >= 2 {
            return Some((i, Columns(cols)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_known_by_their_synonyms() {
        for (h, f) in [
            ("姓 名", Field::Name),
            ("公民身份号码", Field::IdCard),
            ("身份证号", Field::IdCard),
            ("*身份证号码", Field::IdCard),
            ("出生年月（公历）", Field::Birth),
            ("出生日期", Field::Birth),
            ("手机号码", Field::Phone),
            ("居住地址", Field::Address),
            ("村民小组", Field::Group),
            ("组", Field::Group),
            ("居住情况", Field::Living),
            ("备 注", Field::Notes),
            ("ID number", Field::IdCard),
            ("Birth date (solar)", Field::Birth),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("序号"), None);
    }

    #[test]
    fn the_header_is_found_under_a_title_and_a_blank_row() {
        let t = |s: &str| Value::Text(s.into());
        let grid = Grid {
            sheet: "Sheet1".into(),
            first_row: 1,
            rows: vec![
                vec![t("东风村老年人花名册"), Value::Empty, Value::Empty],
                vec![Value::Empty, Value::Empty, Value::Empty],
                vec![t("序号"), t("姓名"), t("身份证号码")],
                vec![Value::Number(1.0), t("张秀英"), t("11010519491231002X")],
            ],
        };
        let (i, cols) = find(&grid).unwrap();
        assert_eq!(i, 2);
        assert_eq!(cols.get(Field::Name, &grid.rows[3]), &t("张秀英"));
        assert_eq!(cols.get(Field::Phone, &grid.rows[3]), &Value::Empty, "no phone column: every phone is empty");
    }
}
