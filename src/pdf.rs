//! Printing: A4/A5 pages with the embedded CJK font, placed text, lines and the signature and
//! seal lines village documents carry. Receipts, the honour list and statements use it; rotas
//! will too. Coordinates are millimetres from the TOP-left corner of the page (as a person
//! measures a printed sheet); this module turns them into PDF's bottom-left points.
//!
//! The font (Noto Sans SC Regular, OFL) is embedded in the binary and subset into each PDF, so a
//! receipt carries only the glyphs it uses. We chose it over GB2312-only fonts because those lack
//! 〇 and rare name characters (堃, 喆, 玥), which would print blank without any error.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rect, Rgb, TextItem, TextMatrix,
};
use printpdf::{LineDashPattern, PaintMode, WindingOrder};

use crate::error::{Error, Result};

/// The font file, embedded at compile time.
pub static FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.ttf");

/// Parsed once per process: parsing the 10 MB font costs more than laying out a page.
static FONT: LazyLock<Option<ParsedFont>> = LazyLock::new(|| ParsedFont::from_bytes(FONT_BYTES, 0, &mut Vec::new()));

fn font() -> Result<&'static ParsedFont> {
    FONT.as_ref().ok_or_else(|| Error::Io(std::io::Error::other("the embedded font could not be read")))
}

/// Characters in `s` the font has no glyph for; they would print as blanks.
pub fn missing_glyphs(s: &str) -> Result<Vec<char>> {
    let f = font()?;
    Ok(s.chars().filter(|c| !c.is_whitespace() && f.lookup_glyph_index(*c as u32).is_none_or(|g| g == 0)).collect())
}

/// A character as the font draws it: its glyph (None when the font has none) and its advance in
/// font units (a whole em for a missing glyph).
#[derive(Clone, Copy)]
struct Glyph {
    gid: Option<u16>,
    advance: f32,
}

thread_local! {
    /// Glyphs looked up so far. The font's cmap is a binary search over raw table bytes each
    /// time, and a 450-page statement asks for the same few hundred characters ~1.5 million
    /// times (to measure, to place and to draw): looking each up once took most of the time.
    static GLYPHS: RefCell<HashMap<char, Glyph>> = RefCell::new(HashMap::new());
}

fn units_per_em() -> f32 {
    font().map(|f| f.font_metrics.units_per_em.max(1) as f32).unwrap_or(1000.0)
}

/// Calls `each` with every character of `s` and its glyph, from the cache.
fn glyphs(s: &str, mut each: impl FnMut(char, Glyph)) {
    let Ok(f) = font() else { return };
    GLYPHS.with(|cache| {
        let mut cache = cache.borrow_mut();
        for c in s.chars() {
            let g = *cache.entry(c).or_insert_with(|| {
                let gid = f.lookup_glyph_index(c as u32);
                let advance = gid.map(|g| f.get_horizontal_advance(g) as f32).unwrap_or_else(units_per_em);
                Glyph { gid, advance }
            });
            each(c, g);
        }
    });
}

/// Width of `s` set at `size` points, in millimetres.
pub fn text_width(s: &str, size: f32) -> f32 {
    let mut units = 0.0;
    glyphs(s, |_, g| units += g.advance);
    pt_to_mm(units / units_per_em() * size)
}

fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// Cuts `s` to fit `max_mm` at `size`, ending with … when cut.
pub fn fit(s: &str, size: f32, max_mm: f32) -> String {
    if text_width(s, size) <= max_mm {
        return s.to_string();
    }
    // One pass, adding up the widths (measuring every prefix again was quadratic).
    let room = max_mm - text_width("…", size);
    let k = pt_to_mm(size / units_per_em());
    let (mut out, mut width, mut full) = (String::new(), 0.0, false);
    glyphs(s, |c, g| {
        if full || width + g.advance * k > room {
            full = true;
            return;
        }
        width += g.advance * k;
        out.push(c);
    });
    out.push('…');
    out
}

/// Breaks `s` into lines no wider than `max_mm` at `size`: at spaces where a line has them
/// (English), anywhere between CJK characters, and at every newline the text has.
pub fn wrap(s: &str, size: f32, max_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        let mut width = 0.0;
        for c in para.chars() {
            let w = text_width(c.encode_utf8(&mut [0; 4]), size);
            if width + w > max_mm && !line.is_empty() {
                // Break at the last space when there is one, keeping the word whole.
                match line.rfind(' ').filter(|_| c != ' ') {
                    Some(at) if at > 0 => {
                        let rest = line.split_off(at + 1);
                        lines.push(line.trim_end().to_string());
                        line = rest;
                    }
                    _ => lines.push(std::mem::take(&mut line).trim_end().to_string()),
                }
                width = text_width(&line, size);
                if c == ' ' {
                    continue;
                }
            }
            line.push(c);
            width += w;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

pub const A4: Paper = Paper { width: 210.0, height: 297.0 };
pub const A4_LANDSCAPE: Paper = Paper { width: 297.0, height: 210.0 };
pub const A3: Paper = Paper { width: 297.0, height: 420.0 };
pub const A5: Paper = Paper { width: 148.0, height: 210.0 };
pub const A5_LANDSCAPE: Paper = Paper { width: 210.0, height: 148.0 };

pub const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
pub const GREY: (f32, f32, f32) = (0.45, 0.45, 0.45);
pub const RED: (f32, f32, f32) = (0.80, 0.05, 0.05);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One page being drawn.
///
/// Consecutive texts share one text object (BT…ET), each placed with an absolute text matrix,
/// and the font size and colour are set only when they change. A 450-page statement has
/// ~140,000 pieces of text; opening a text object and setting font and colour for each tripled
/// the operators and the time to write the file.
pub struct Page {
    paper: Paper,
    font: FontId,
    ops: Vec<Op>,
    in_text: bool,
    size: Option<f32>,
    color: Option<(f32, f32, f32)>,
}

fn rgb(c: (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

impl Page {
    pub fn paper(&self) -> Paper {
        self.paper
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point::new(Mm(x), Mm(self.paper.height - y))
    }

    /// Text with its baseline at `y` mm from the top; `x` is its left edge, centre or right
    /// edge as `align` says.
    pub fn text(&mut self, x: f32, y: f32, size: f32, align: Align, s: &str) {
        self.text_colored(x, y, size, align, s, BLACK);
    }

    pub fn text_colored(&mut self, x: f32, y: f32, size: f32, align: Align, s: &str, color: (f32, f32, f32)) {
        if s.is_empty() {
            return;
        }
        let left = match align {
            Align::Left => x,
            Align::Center => x - text_width(s, size) / 2.0,
            Align::Right => x - text_width(s, size),
        };
        let pos = self.point(left, y);
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.size = None;
        }
        if self.color != Some(color) {
            self.ops.push(Op::SetFillColor { col: rgb(color) });
            self.color = Some(color);
        }
        if self.size != Some(size) {
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(self.font.clone()), size: Pt(size) });
            self.size = Some(size);
        }
        self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(pos.x, pos.y) });
        // Glyph ids rather than text: printpdf would look every character up in the font twice
        // more (to subset and to encode), and it merges glyph runs on one baseline into one TJ,
        // so a table row is one text operator instead of one per cell.
        let mut ids = Vec::with_capacity(s.len());
        glyphs(s, |c, g| ids.push(Codepoint { gid: g.gid.unwrap_or(0), offset: 0.0, cid: Some(c.to_string()) }));
        self.ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(ids)] });
    }

    /// Closes the open text object: paths cannot be drawn inside one.
    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32) {
        self.line_styled(x1, y1, x2, y2, width_pt, BLACK, false);
    }

    pub fn line_styled(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, color: (f32, f32, f32), dashed: bool) {
        let (p1, p2) = (self.point(x1, y1), self.point(x2, y2));
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
        if dashed {
            self.ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[4.0, 3.0]) });
        }
        self.ops.push(Op::DrawLine {
            line: Line { points: vec![LinePoint { p: p1, bezier: false }, LinePoint { p: p2, bezier: false }], is_closed: false },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A rectangle with its top-left corner at (x, y); stroked, filled or both.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, stroke: Option<((f32, f32, f32), f32)>, fill: Option<(f32, f32, f32)>) {
        let bottom_left = self.point(x, y + h);
        let mode = match (stroke.is_some(), fill.is_some()) {
            (true, true) => PaintMode::FillStroke,
            (false, true) => PaintMode::Fill,
            _ => PaintMode::Stroke,
        };
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        if let Some((c, w)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: rgb(c) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
        }
        if let Some(c) = fill {
            self.ops.push(Op::SetFillColor { col: rgb(c) });
        }
        let mut r = Rect::from_xywh(bottom_left.x, bottom_left.y, Mm(w).into(), Mm(h).into());
        r.mode = Some(mode);
        r.winding_order = Some(WindingOrder::NonZero);
        self.ops.push(Op::DrawPolygon { polygon: r.to_polygon() });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A circle outline (the seal area), approximated with four Bézier arcs.
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, color: (f32, f32, f32), dashed: bool) {
        const K: f32 = 0.552_284_8;
        let k = r * K;
        let pts = [
            (cx + r, cy, false),
            (cx + r, cy + k, true),
            (cx + k, cy + r, true),
            (cx, cy + r, false),
            (cx - k, cy + r, true),
            (cx - r, cy + k, true),
            (cx - r, cy, false),
            (cx - r, cy - k, true),
            (cx - k, cy - r, true),
            (cx, cy - r, false),
            (cx + k, cy - r, true),
            (cx + r, cy - k, true),
            (cx + r, cy, false),
        ];
        let points = pts.iter().map(|&(x, y, b)| LinePoint { p: self.point(x, y), bezier: b }).collect();
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        if dashed {
            self.ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[2.0, 2.0]) });
        }
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: true } });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// "制表人：______" style label and a line to sign on, starting at x.
    pub fn signature(&mut self, x: f32, y: f32, size: f32, label: &str, line_mm: f32) {
        self.text(x, y, size, Align::Left, label);
        let start = x + text_width(label, size) + 1.0;
        self.line(start, y + 1.0, start + line_mm, y + 1.0, 0.5);
    }
}

/// A PDF being built: pages share the one embedded font.
pub struct Doc {
    doc: PdfDocument,
    font: FontId,
    pages: Vec<Page>,
}

impl Doc {
    pub fn new(title: &str) -> Result<Doc> {
        let mut doc = PdfDocument::new(title);
        let font = doc.add_font(font()?);
        Ok(Doc { doc, font, pages: Vec::new() })
    }

    /// Starts a new page and returns it for drawing.
    pub fn page(&mut self, paper: Paper) -> &mut Page {
        self.pages.push(Page { paper, font: self.font.clone(), ops: Vec::new(), in_text: false, size: None, color: None });
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn pages_mut(&mut self) -> &mut [Page] {
        &mut self.pages
    }

    /// Writes "page n of N" at the foot of every page, in the caller's words.
    pub fn number_pages(&mut self, size: f32, label: impl Fn(usize, usize) -> String) {
        let n = self.pages.len();
        for (i, p) in self.pages.iter_mut().enumerate() {
            let paper = p.paper;
            p.text_colored(paper.width / 2.0, paper.height - 8.0, size, Align::Center, &label(i + 1, n), GREY);
        }
    }

    /// The same small grey text at the foot of every page, on the right (the ledgers' check
    /// code, which pins a printed, signed page to the ledger as it was).
    pub fn footer_right(&mut self, size: f32, margin: f32, text: &str) {
        for p in self.pages.iter_mut() {
            let paper = p.paper;
            p.text_colored(paper.width - margin, paper.height - 8.0, size, Align::Right, text, GREY);
        }
    }

    /// The finished file: fonts subset, streams compressed.
    pub fn finish(mut self) -> Vec<u8> {
        let pages = self
            .pages
            .into_iter()
            .map(|mut p| {
                p.end_text();
                PdfPage::new(Mm(p.paper.width), Mm(p.paper.height), p.ops)
            })
            .collect();
        self.doc.with_pages(pages);
        let opts = PdfSaveOptions { subset_fonts: true, ..Default::default() };
        self.doc.save(&opts, &mut Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_rare_name_characters_and_capital_numerals() {
        let needed = "〇堃喆玥壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整零¥作废补打存根芳名榜鑫淼犇";
        let missing = missing_glyphs(needed).unwrap();
        assert!(missing.is_empty(), "the embedded font must have a glyph for every character we print: missing {missing:?}");
    }

    #[test]
    fn a_character_outside_the_font_is_reported() {
        // U+10FFFD (a private-use plane character) is in no font we would ship.
        assert_eq!(missing_glyphs("张\u{10FFFD}").unwrap(), vec!['\u{10FFFD}'], "missing glyphs must be detected, not drawn blank");
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width("互助", 10.0);
        assert!(a > 5.0 && a < 9.0, "two CJK characters at 10pt are about 7mm wide, got {a}");
        assert!((text_width("互助", 20.0) - 2.0 * a).abs() < 0.01, "width scales with size");
        assert!(fit("一二三四五六七八九十", 10.0, 15.0).ends_with('…'), "text too wide is cut with an ellipsis");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_character() {
        let zh = "本年度协会组织重阳节敬老活动三次，探望独居老人一百二十人次。\n第二段。";
        let lines = wrap(zh, 10.0, 40.0);
        assert!(lines.len() >= 3, "a long sentence takes several lines: {lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 40.0), "no line is wider than asked: {lines:?}");
        assert_eq!(lines.concat(), zh.replace('\n', ""), "wrapping loses no character");
        assert_eq!(lines.last().map(String::as_str), Some("第二段。"), "a newline starts a new line");
        let en = wrap("The association visited every elder living alone twice a month", 10.0, 40.0);
        assert!(en.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')), "English lines break at spaces: {en:?}");
        assert_eq!(en.join(" "), "The association visited every elder living alone twice a month", "words stay whole");
    }
}
