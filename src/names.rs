//! Chinese names as people search and sort them: by pinyin and by pinyin initials.

use pinyin::ToPinyin;

/// Surnames whose reading differs from the character's most common one (单 is Shàn, not dān).
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"), ('曾', "zeng"), ('解', "xie"), ('仇', "qiu"), ('区', "ou"), ('查', "zha"),
    ('朴', "piao"), ('乐', "yue"), ('盖', "ge"), ('覃', "qin"), ('翟', "zhai"), ('召', "shao"),
    ('缪', "miao"), ('秘', "bi"), ('种', "chong"), ('任', "ren"), ('华', "hua"), ('员', "yun"),
    ('重', "chong"), ('长', "chang"), ('尉', "yu"), ('祭', "zhai"), ('过', "guo"), ('折', "she"),
    ('句', "gou"), ('纪', "ji"), ('柏', "bai"), ('沈', "shen"), ('薄', "bo"), ('盛', "sheng"),
];

/// Search and sort keys of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    /// 'zhangxiuying' — full pinyin without spaces or tones
    pub pinyin: String,
    /// 'zxy'
    pub initials: String,
    /// 'zhang xiu ying' — syllables apart so 李明 (li ming) sorts before 梁 (liang)
    pub sort: String,
}

pub fn keys(name: &str) -> NameKeys {
    let mut syllables: Vec<String> = Vec::new();
    for (i, c) in name.trim().chars().enumerate() {
        if c.is_whitespace() || c == '·' || c == '•' {
            continue;
        }
        let reading = if i == 0 {
            SURNAME_READINGS.iter().find(|(s, _)| *s == c).map(|(_, r)| r.to_string())
        } else {
            None
        };
        let reading = reading.or_else(|| c.to_pinyin().map(|p| p.plain().to_string()));
        syllables.push(match reading {
            Some(r) => r,
            None => c.to_lowercase().collect(),
        });
    }
    NameKeys {
        pinyin: syllables.concat(),
        initials: syllables.iter().filter_map(|s| s.chars().next()).collect(),
        sort: syllables.join(" "),
    }
}

/// Normalises what a person typed into the search box for matching against the keys.
pub fn normalise_query(q: &str) -> String {
    q.trim().to_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '\'').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_and_initials() {
        let k = keys("张秀英");
        assert_eq!(k.pinyin, "zhangxiuying");
        assert_eq!(k.initials, "zxy");
        assert_eq!(k.sort, "zhang xiu ying");
    }

    #[test]
    fn surnames_take_their_surname_reading() {
        assert_eq!(keys("单玉兰").initials, "syl", "单 as a surname is shan");
        assert_eq!(keys("曾国平").pinyin, "zengguoping");
    }

    #[test]
    fn rare_name_characters_still_get_a_reading() {
        for n in ["王堃", "李喆", "陈玥"] {
            let k = keys(n);
            assert!(k.pinyin.chars().all(|c| c.is_ascii_lowercase()), "{n} → {k:?}");
            assert_eq!(k.initials.len(), 2);
        }
    }

    #[test]
    fn pinyin_sort_is_not_code_point_sort() {
        let mut names = vec!["张三", "阿毛", "李四", "王五"];
        names.sort_by_key(|n| keys(n).sort);
        assert_eq!(names, vec!["阿毛", "李四", "王五", "张三"]);
    }
}
