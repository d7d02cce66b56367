//! The kinds of activity and the two cash-book categories their costs go to.

use crate::kernel::choice::choice;

choice! {
    /// What an activity is (活动类型).
    ActivityKind {
        Festival = "festival" / "activity-kind-festival" ["节日联欢", "联欢"],
        Chongyang = "chongyang" / "activity-kind-chongyang" ["重阳活动", "重阳"],
        Recreation = "recreation" / "activity-kind-recreation" ["文体", "文体活动"],
        Trip = "trip" / "activity-kind-trip" ["外出旅游", "旅游"],
        Lecture = "lecture" / "activity-kind-lecture" ["讲座"],
        Other = "other" / "activity-kind-other" ["其他"],
    }
}

impl ActivityKind {
    /// Where its costs go unless the treasurer says otherwise: a trip's to 外出旅游, the rest
    /// to 活动经费.
    pub fn cost_category(self) -> CostCategory {
        match self {
            ActivityKind::Trip => CostCategory::Trips,
            _ => CostCategory::Events,
        }
    }
}

choice! {
    /// The cash-book category an activity's cost is posted to; the labels are the seeded
    /// categories' own.
    CostCategory {
        Events = "events" / "cash-category-events" ["活动经费"],
        Trips = "trips" / "cash-category-trips" ["外出旅游"],
    }
}
