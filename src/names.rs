//! Chinese names as people search and sort them: by pinyin and by pinyin initials.

use pinyin::ToPinyin;

/// Surnames whose reading as a surname differs from the character's usual reading (单 is
/// Shàn, not dān). Source: the surname senses (姓) given in 《现代汉语词典》 (7th edition, 商务印书馆
/// 2016) for the polyphonic surnames of the 《百家姓》 and for common southern surnames
/// (区 Ōu, 覃 Qín, 粘 Nián, 洗 Xiǎn in Guangdong, Guangxi and Fujian). Kept here are those whose
/// toneless reading differs from what the `pinyin` crate gives first, plus a few whose first
/// reading happens to agree but which are listed for the reader (任, 华, 纪, 曾 in a given name
/// keeps céng). Only the first character of a name is read this way.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"), ('曾', "zeng"), ('解', "xie"), ('仇', "qiu"), ('区', "ou"), ('查', "zha"),
    ('朴', "piao"), ('乐', "yue"), ('盖', "ge"), ('覃', "qin"), ('翟', "zhai"), ('召', "shao"),
    ('缪', "miao"), ('秘', "bi"), ('种', "chong"), ('任', "ren"), ('华', "hua"), ('员', "yun"),
    ('重', "chong"), ('长', "chang"), ('祭', "zhai"), ('过', "guo"), ('折', "she"), ('句', "gou"),
    ('纪', "ji"), ('柏', "bai"), ('沈', "shen"), ('薄', "bo"), ('盛', "sheng"), ('繁', "po"),
    ('蕃', "pi"), ('阚', "kan"), ('宓', "fu"), ('洗', "xian"), ('能', "nai"), ('都', "du"),
    ('黑', "he"), ('乜', "nie"), ('角', "jue"), ('粘', "nian"), ('隗', "wei"), ('还', "huan"),
    ('卜', "bu"), ('佴', "nai"), ('蔚', "yu"), ('缴', "zhuo"), ('适', "kuo"), ('藏', "zang"),
    ('尉', "wei"), ('燕', "yan"), ('宁', "ning"), ('占', "zhan"), ('阙', "que"), ('葛', "ge"),
];

/// Two-character surnames (复姓) with a reading of their own (万俟 is Mòqí, 尉迟 Yùchí), from
/// the same source.
const COMPOUND_SURNAMES: &[(&str, [&str; 2])] = &[
    ("万俟", ["mo", "qi"]), ("尉迟", ["yu", "chi"]), ("单于", ["chan", "yu"]), ("长孙", ["zhang", "sun"]),
    ("澹台", ["tan", "tai"]), ("令狐", ["ling", "hu"]), ("乐正", ["yue", "zheng"]), ("鲜于", ["xian", "yu"]),
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
    let chars: Vec<char> = name.trim().chars().filter(|c| !(c.is_whitespace() || *c == '·' || *c == '•')).collect();
    let mut syllables: Vec<String> = Vec::new();
    let first_two: String = chars.iter().take(2).collect();
    let compound = COMPOUND_SURNAMES.iter().find(|(s, _)| *s == first_two).map(|(_, r)| r);
    for (i, c) in chars.iter().enumerate() {
        let reading = match (i, compound) {
            (0 | 1, Some(r)) => Some(r[i].to_string()),
            (0, None) => SURNAME_READINGS.iter().find(|(s, _)| s == c).map(|(_, r)| r.to_string()),
            _ => None,
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
    fn polyphonic_and_southern_surnames_take_their_surname_reading() {
        // (name, full pinyin): at least thirty surnames whose reading as a surname is not the
        // character's usual one, each in a real-looking name.
        let cases = [
            ("单玉兰", "shanyulan"), ("曾国平", "zengguoping"), ("解放军", "xiefangjun"), ("仇英", "qiuying"),
            ("区志明", "ouzhiming"), ("查良镛", "zhaliangyong"), ("朴春花", "piaochunhua"), ("乐明", "yueming"),
            ("盖玉", "geyu"), ("覃桂芳", "qinguifang"), ("翟秀英", "zhaixiuying"), ("召平", "shaoping"),
            ("缪兰", "miaolan"), ("秘玉", "biyu"), ("种师道", "chongshidao"), ("员兰", "yunlan"),
            ("重阳", "chongyang"), ("长春", "changchun"), ("祭明", "zhaiming"), ("折克行", "shekexing"),
            ("句兰", "goulan"), ("薄一波", "boyibo"), ("繁钦", "poqin"), ("蕃兰", "pilan"),
            ("阚泽", "kanze"), ("宓兰", "fulan"), ("洗玉清", "xianyuqing"), ("能兰", "nailan"),
            ("都明", "duming"), ("黑兰", "helan"), ("乜兰", "nielan"), ("角兰", "juelan"),
            ("粘金枝", "nianjinzhi"), ("隗兰", "weilan"), ("还兰", "huanlan"), ("卜秀英", "buxiuying"),
            ("佴兰", "nailan"), ("蔚兰", "yulan"), ("缴兰", "zhuolan"), ("适兰", "kuolan"),
        ];
        assert!(cases.len() >= 30);
        for (name, want) in cases {
            assert_eq!(keys(name).pinyin, want, "{name} as a surname is read {want}");
            let first = name.chars().next().unwrap();
            let usual = first.to_pinyin().map(|p| p.plain().to_string()).unwrap_or_default();
            let surname = keys(name).sort.split(' ').next().unwrap_or_default().to_string();
            assert_ne!(surname, usual, "{name}: the table must change {first}'s usual reading {usual}");
        }
    }

    #[test]
    fn compound_surnames_are_read_as_one_and_only_the_surname_changes() {
        assert_eq!(keys("万俟卨").sort, "mo qi xie");
        assert_eq!(keys("尉迟恭").sort, "yu chi gong");
        assert_eq!(keys("单于兰").sort, "chan yu lan");
        assert_eq!(keys("长孙无忌").sort, "zhang sun wu ji", "长孙 is zhǎng, though 长 alone is cháng");
        assert_eq!(keys("尉兰").pinyin, "weilan", "尉 alone is wèi");
        assert_eq!(keys("张曾").pinyin, "zhangceng", "曾 in a given name keeps its usual reading");
        assert_eq!(keys("单 玉兰").initials, "syl", "spaces padding a name do not count");
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
