//! The kinds of welfare the association gives, and the two festivals it gives at.

use crate::kernel::choice::choice;

choice! {
    /// What a welfare payment (慰问) is for.
    WelfareKind {
        Condolence = "condolence" / "welfare-kind-condolence" ["丧葬慰问", "丧事慰问", "丧葬", "丧事"],
        Hospital = "hospital" / "welfare-kind-hospital" ["住院慰问", "住院"],
        Sick = "sick" / "welfare-kind-sick" ["探病", "探病慰问"],
        Birthday = "birthday" / "welfare-kind-birthday" ["寿辰", "整寿", "祝寿"],
        Chongyang = "chongyang" / "welfare-kind-chongyang" ["重阳", "重阳节"],
        Chunjie = "chunjie" / "welfare-kind-chunjie" ["春节", "春节慰问"],
        Other = "other" / "welfare-kind-other" ["其他"],
    }
}

impl WelfareKind {
    /// The cash-book category its expense is posted to: gifts given for an age (decade
    /// birthdays, the 重阳 gifts to the oldest) are 生日礼品; money given in hardship or grief
    /// (condolence, hospital, sick visits, the 春节 visits to the poor and the very old) is 慰问金.
    pub fn category_code(self) -> &'static str {
        match self {
            WelfareKind::Birthday | WelfareKind::Chongyang => "birthday",
            _ => "condolence",
        }
    }
}

choice! {
    /// The festivals the association gives at: 重阳 (the ninth day of the ninth lunar month) to
    /// the oldest, 春节 (the first day of the first lunar month) to the poor and the very old.
    Festival {
        Chongyang = "chongyang" / "welfare-kind-chongyang" ["重阳", "重阳节"],
        Chunjie = "chunjie" / "welfare-kind-chunjie" ["春节"],
    }
}

impl Festival {
    pub fn kind(self) -> WelfareKind {
        match self {
            Festival::Chongyang => WelfareKind::Chongyang,
            Festival::Chunjie => WelfareKind::Chunjie,
        }
    }

    /// The lunar month and day it falls on.
    pub fn lunar_day(self) -> (u8, u8) {
        match self {
            Festival::Chongyang => (9, 9),
            Festival::Chunjie => (1, 1),
        }
    }

    /// Its solar date in `year` (the lunar year that mostly falls in that solar year; 1901-2100).
    pub fn date(self, year: i32) -> Option<chrono::NaiveDate> {
        let (m, d) = self.lunar_day();
        crate::calendar::lunar_to_solar(u16::try_from(year).ok()?, m, d, false)
    }
}
