//! Laying reports out down the page: a cursor that starts a new page when the next block would
//! not fit, label-and-figure rows, and the bar charts of the work report.

use crate::pdf::{self, Align, Doc, Page, Paper};

/// Where the next line goes, and the page it goes on.
pub(super) struct Flow {
    pub doc: Doc,
    pub paper: Paper,
    pub left: f32,
    pub right: f32,
    pub y: f32,
    top: f32,
    bottom: f32,
    /// Printed small at the top of every page after the first (the report's title).
    running: String,
}

/// A bar's fill: a quiet blue-grey that prints well in black and white.
const BAR: (f32, f32, f32) = (0.42, 0.55, 0.68);

impl Flow {
    pub fn new(doc: Doc, paper: Paper, margin: f32, running: String) -> Flow {
        Flow { doc, paper, left: margin, right: paper.width - margin, y: 0.0, top: 22.0, bottom: paper.height - 16.0, running }
    }

    /// Starts a page; every page but the first carries the running title.
    pub fn new_page(&mut self) {
        let first = self.doc.page_count() == 0;
        let (left, running) = (self.left, self.running.clone());
        let page = self.doc.page(self.paper);
        if !first && !running.is_empty() {
            page.text_colored(left, 12.0, 8.0, Align::Left, &running, pdf::GREY);
        }
        self.y = self.top;
    }

    /// Makes room for `h` mm, on a new page if this one is full.
    pub fn need(&mut self, h: f32) {
        if self.doc.page_count() == 0 || self.y + h > self.bottom {
            self.new_page();
        }
    }

    pub fn page(&mut self) -> &mut Page {
        if self.doc.page_count() == 0 {
            self.new_page();
        }
        let last = self.doc.page_count() - 1;
        &mut self.doc.pages_mut()[last]
    }

    /// A section heading with a rule under it.
    pub fn heading(&mut self, text: &str) {
        self.need(24.0);
        self.y += 4.0;
        let (l, r, y) = (self.left, self.right, self.y);
        let p = self.page();
        p.text(l, y, 14.0, Align::Left, text);
        p.line(l, y + 2.0, r, y + 2.0, 0.8);
        self.y += 9.0;
    }

    /// A label on the left and a figure on the right, with a dotted leader between them.
    pub fn row(&mut self, indent: f32, label: &str, figure: &str, size: f32) {
        self.need(6.5);
        let (l, r, y) = (self.left + indent, self.right - 4.0, self.y);
        let p = self.page();
        p.text(l, y, size, Align::Left, label);
        p.text(r, y, size, Align::Right, figure);
        let from = l + pdf::text_width(label, size) + 2.0;
        let to = r - pdf::text_width(figure, size) - 2.0;
        if to > from {
            p.line_styled(from, y, to, y, 0.3, pdf::GREY, true);
        }
        self.y += size * 0.62;
    }

    /// A paragraph, wrapped to the text width.
    pub fn paragraph(&mut self, text: &str, size: f32) {
        let width = self.right - self.left;
        for line in pdf::wrap(text, size, width) {
            self.need(size * 0.6);
            let (l, y) = (self.left, self.y);
            self.page().text(l, y, size, Align::Left, &line);
            self.y += size * 0.6;
        }
    }
}

/// One bar of a chart: its label and count.
pub(super) struct Bar<'a> {
    pub label: &'a str,
    pub count: i64,
}

/// Height of a chart of `n` bars with its title.
pub(super) fn chart_height(n: usize) -> f32 {
    7.0 + n as f32 * 6.0 + 2.0
}

/// A horizontal bar chart at (x, y) `width` mm wide: the title, then one row per bar (label,
/// bar to scale, count). Returns the height used.
pub(super) fn bar_chart(p: &mut Page, x: f32, y: f32, width: f32, title: &str, bars: &[Bar]) -> f32 {
    p.text(x, y, 10.5, Align::Left, title);
    let label_w = bars.iter().map(|b| pdf::text_width(b.label, 9.0)).fold(16.0, f32::max).min(width * 0.5);
    let count_w = 12.0;
    let bar_x = x + label_w + 2.0;
    let bar_max = (width - label_w - 2.0 - count_w).max(10.0);
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f32;
    let mut row_y = y + 7.0;
    for b in bars {
        p.text(x, row_y, 9.0, Align::Left, &pdf::fit(b.label, 9.0, label_w));
        let w = bar_max * b.count as f32 / max;
        if b.count > 0 {
            p.rect(bar_x, row_y - 3.4, w.max(0.6), 4.2, None, Some(BAR));
        }
        p.text(bar_x + w + 1.5, row_y, 9.0, Align::Left, &b.count.to_string());
        row_y += 6.0;
    }
    // The axis the bars stand on.
    p.line_styled(bar_x, y + 2.5, bar_x, row_y - 4.0, 0.4, pdf::GREY, false);
    row_y - y + 2.0
}
