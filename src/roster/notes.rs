//! The 备注 column: what a roster's typist noted beside a person. Two notes change the record:
//! that the person has died (已故, 去世…, with the date when one is written), and the household's
//! support status (五保, 低保, 特困). Anything else in the column is left alone.

use super::cells::{half_width, DateCell};
use crate::members::EconomicStatus;

/// Words that say the person has died. 故 alone is too short to trust (故乡, 事故).
const DEATH_WORDS: &[&str] = &["已故", "去世", "死亡", "病故", "逝世", "已逝", "过世", "亡故", "身故", "已死"];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    /// The person has died; the date when the note gives one.
    pub deceased: Option<Option<DateCell>>,
    pub economic: Option<EconomicStatus>,
}

pub fn read(note: &str) -> Note {
    let t = half_width(note);
    let deceased = DEATH_WORDS.iter().any(|w| t.contains(w)).then(|| date_in(&t));
    // The first of the three a note names: "五保户" or "低保（2019年起）".
    let economic = [("五保", EconomicStatus::Wubao), ("低保", EconomicStatus::Dibao), ("特困", EconomicStatus::Tekun)]
        .into_iter()
        .filter_map(|(w, s)| t.find(w).map(|at| (at, s)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, s)| s);
    Note { deceased, economic }
}

/// The first date written in a note: "2023年5月1日去世", "已故（2023.5）", "去世2024-03-02".
fn date_in(t: &str) -> Option<DateCell> {
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            // The longest run from here made of digits and date separators.
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], '.' | '-' | '/' | '年' | '月' | '日' | '号')) {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let run = run.trim_end_matches(['.', '-', '/']);
            if let Ok(Some(d)) = super::cells::date("death_date", &crate::sheets::Value::Text(run.to_string())) {
                return Some(d);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::cells::Precision;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_death_is_read_with_or_without_its_date() {
        let n = read("2023年5月1日去世");
        assert_eq!(n.deceased.unwrap().unwrap().date, day(2023, 5, 1));
        let n = read("已故（2023.5）");
        let d = n.deceased.unwrap().unwrap();
        assert_eq!((d.date, d.precision), (day(2023, 5, 1), Precision::Month));
        assert_eq!(read("已故").deceased, Some(None), "deceased, date unknown");
        assert_eq!(read("去世2024-03-02").deceased.unwrap().unwrap().date, day(2024, 3, 2));
        assert_eq!(read("事故后行动不便").deceased, None, "故 alone is not a death");
    }

    #[test]
    fn support_status_is_read_from_the_note() {
        assert_eq!(read("五保户").economic, Some(EconomicStatus::Wubao));
        assert_eq!(read("低保（2019年起），独居").economic, Some(EconomicStatus::Dibao));
        assert_eq!(read("特困供养").economic, Some(EconomicStatus::Tekun));
        assert_eq!(read("党员").economic, None);
    }
}
