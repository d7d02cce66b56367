//! Commendation (表彰): volunteers ranked by the hours they gave in the year (reversed deposits
//! and other years left out), those reaching the threshold commended; the certificate (奖状)
//! and the list on paper.

mod common;

use common::pdf::{pdf_text, squash};
use common::time_bank::deposit;
use common::{actor, add_member, test_db_with_association, today, write};
use huzhu::commendation;
use huzhu::i18n::{Lang, Localizer};
use huzhu::time_bank::{self, Hours};

#[test]
fn volunteers_are_ranked_by_hours_and_the_threshold_commends() {
    let (_d, mut conn) = test_db_with_association();
    let (a, b, c) = (add_member(&mut conn, "张秀英"), add_member(&mut conn, "林德明"), add_member(&mut conn, "陈金水"));
    for d in ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05"] {
        deposit(&mut conn, a, "24", d).unwrap(); // 120 hours
    }
    for d in ["2026-01-06", "2026-02-06", "2026-03-06", "2026-04-06"] {
        deposit(&mut conn, b, "24", d).unwrap(); // 96 hours
    }
    let wrong = deposit(&mut conn, b, "10", "2026-06-06").unwrap();
    write(&mut conn, |tx| time_bank::reverse(tx, &actor(), wrong, &huzhu::kernel::fields::ReversalInput::new("记错了", "2026-06-07"), today())).unwrap();
    deposit(&mut conn, c, "24", "2025-12-30").unwrap(); // last year

    let r = commendation::ranking(&conn, 2026, None).unwrap();
    assert_eq!(r.min_hours, Hours::from_half_hours(200), "the threshold is 100 hours until the association sets one");
    let got: Vec<_> = r.lines.iter().map(|l| (l.rank, l.name.as_str(), l.hours.half_hours(), l.commended)).collect();
    assert_eq!(got, vec![(1, "张秀英", 240, true), (2, "林德明", 192, false)], "most hours first; a reversed deposit and last year's do not count");

    write(&mut conn, |tx| commendation::set_min_hours(tx, &actor(), "90")).unwrap();
    let r = commendation::ranking(&conn, 2026, None).unwrap();
    assert!(r.lines.iter().all(|l| l.commended), "a lower threshold commends both");
    let r = commendation::ranking(&conn, 2026, Some(Hours::from_half_hours(250))).unwrap();
    assert!(r.lines.iter().all(|l| !l.commended), "--min-hours overrides the setting for one run");
    let _ = b;
}

#[test]
fn the_certificate_and_the_list_read_back() {
    let (_d, mut conn) = test_db_with_association();
    let a = add_member(&mut conn, "张秀英");
    for d in ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05"] {
        deposit(&mut conn, a, "24", d).unwrap();
    }
    let r = commendation::ranking(&conn, 2026, None).unwrap();
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let l10n = Localizer::new(lang);
        let p = commendation::certificates_pdf(&conn, &r, &l10n, today()).unwrap();
        let (text, pages) = pdf_text(&p.bytes);
        let t = squash(&text);
        assert_eq!(pages, 1, "one certificate per volunteer commended");
        for must in ["张秀英", "2026", "120", common::ASSOCIATION] {
            assert!(t.contains(must), "{lang:?}: the certificate has {must}: {text}");
        }
        if lang == Lang::ZhCn {
            assert!(t.contains("奖状") && t.contains("优秀志愿者"), "{text}");
            std::fs::write("/tmp/commend-certificate.pdf", &p.bytes).ok();
        }
        let list = commendation::list_pdf(&conn, &r, &l10n, today()).unwrap();
        let (text, _) = pdf_text(&list.bytes);
        assert!(squash(&text).contains("张秀英") && text.contains("120.0"), "{lang:?}: the list has the volunteer and the hours: {text}");
    }
    let none = commendation::ranking(&conn, 2026, Some(Hours::from_half_hours(1000))).unwrap();
    let e = commendation::certificates_pdf(&conn, &none, &Localizer::new(Lang::ZhCn), today()).unwrap_err();
    assert_eq!(e.message_id(), "error-commend-nobody", "no certificates when nobody reaches the threshold");
}
