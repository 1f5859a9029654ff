//! The report as a PDF made in process with `pdf-writer` (no browser, no external program):
//! A4 pages, the standard Helvetica fonts (WinAnsi encoding, nothing embedded), tables laid out
//! here, and the charts of [`super::chart`] drawn as vector paths.

use pdf_writer::types::LineCapStyle;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::chart::{self, Anchor, Chart, Shape};
use super::model::{BudgetSection, IkuSection, IsSection, Report, UnitSection};
use super::{
    DASH, exact, is_findings_text, num2, num4, pct, severity_word, sha_short, size_text,
    state_text, status_colour, status_word, validator_text,
};
use crate::interchange::number::format_exact;
use crate::text::report as t;

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 42.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const REGULAR: Name = Name(b"F1");
const BOLD: Name = Name(b"F2");

/// Helvetica advance widths (per 1000 em) of the printable ASCII characters 32..=126, from the
/// font's standard metrics; any other character is taken as 556.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The width of `s` in points at `size` (bold is taken 7 % wider).
pub fn text_width(s: &str, size: f32, bold: bool) -> f32 {
    let units: u32 = s
        .chars()
        .map(|c| {
            let i = c as u32;
            if (32..=126).contains(&i) {
                u32::from(HELVETICA[(i - 32) as usize])
            } else {
                556
            }
        })
        .sum();
    let w = units as f32 * size / 1000.0;
    if bold { w * 1.07 } else { w }
}

/// Text in the fonts' WinAnsi encoding; characters it lacks are written as close as it can.
fn encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' '..='~' => out.push(c as u8),
            '–' => out.push(0x96),
            '—' => out.push(0x97),
            '…' => out.push(0x85),
            '•' | '●' => out.push(0x95),
            '‘' => out.push(0x91),
            '’' => out.push(0x92),
            '“' => out.push(0x93),
            '”' => out.push(0x94),
            '€' => out.push(0x80),
            '≥' => out.extend_from_slice(b">="),
            '≤' => out.extend_from_slice(b"<="),
            '→' => out.extend_from_slice(b"->"),
            '▲' | '▼' => out.push(0x95),
            '\u{a0}'..='\u{ff}' => out.push(c as u32 as u8),
            _ => out.push(b'?'),
        }
    }
    out
}

/// `s` cut to fit `width` points, with `…` when cut.
fn fit(s: &str, width: f32, size: f32, bold: bool) -> String {
    if text_width(s, size, bold) <= width {
        return s.to_string();
    }
    let mut out: String = String::new();
    for c in s.chars() {
        out.push(c);
        if text_width(&out, size, bold) + text_width("…", size, bold) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// `s` broken into lines of at most `width` points.
fn wrap(s: &str, width: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, false) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
        .into_iter()
        .map(|l| fit(&l, width, size, false))
        .collect()
}

fn rgb(hex: &str) -> (f32, f32, f32) {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    let c = |s: u32| ((v >> s) & 0xff) as f32 / 255.0;
    (c(16), c(8), c(0))
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// Pages being written; `y` is the distance from the top of the page.
struct Doc {
    pages: Vec<Content>,
    page: Content,
    y: f32,
    footer: String,
}

impl Doc {
    fn new(footer: String) -> Self {
        Doc {
            pages: Vec::new(),
            page: Content::new(),
            y: MARGIN,
            footer,
        }
    }

    fn new_page(&mut self) {
        let n = self.pages.len() + 1;
        let footer = format!("{} · {}", self.footer, t::PAGE.fill(&[("n", &n)]));
        let page = std::mem::replace(&mut self.page, Content::new());
        self.pages.push(page);
        self.footer_on_last(footer);
        self.y = MARGIN;
    }

    fn footer_on_last(&mut self, footer: String) {
        let page = self.pages.last_mut().expect("a page");
        page.set_fill_rgb(0.4, 0.4, 0.4);
        page.begin_text();
        page.set_font(REGULAR, 7.5);
        page.next_line(MARGIN, MARGIN * 0.55);
        page.show(Str(&encode(&footer)));
        page.end_text();
    }

    fn finish(mut self) -> Vec<Content> {
        self.new_page();
        self.pages
    }

    /// Room for `h` points on this page, else a new page.
    fn need(&mut self, h: f32) {
        if self.y + h > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    fn text_at(&mut self, x: f32, y_top: f32, size: f32, bold: bool, colour: &str, s: &str) {
        let (r, g, b) = rgb(colour);
        self.page.set_fill_rgb(r, g, b);
        self.page.begin_text();
        self.page.set_font(if bold { BOLD } else { REGULAR }, size);
        self.page.next_line(x, PAGE_H - y_top);
        self.page.show(Str(&encode(s)));
        self.page.end_text();
    }

    /// A line of text at the cursor; the cursor moves down.
    fn line(&mut self, s: &str, size: f32, bold: bool, colour: &str) {
        self.need(size * 1.5);
        self.y += size * 1.25;
        let s = fit(s, CONTENT_W, size, bold);
        self.text_at(MARGIN, self.y, size, bold, colour, &s);
        self.y += size * 0.35;
    }

    fn heading(&mut self, s: &str, size: f32) {
        self.need(size * 3.0 + 40.0);
        self.y += size * 0.6;
        self.line(s, size, true, "#143d6b");
        let (r, g, b) = rgb("#143d6b");
        self.page.set_stroke_rgb(r, g, b);
        self.page
            .set_line_width(if size > 12.0 { 1.2 } else { 0.5 });
        self.page.move_to(MARGIN, PAGE_H - self.y - 1.0);
        self.page.line_to(MARGIN + CONTENT_W, PAGE_H - self.y - 1.0);
        self.page.stroke();
        self.y += 4.0;
    }

    fn rect(&mut self, x: f32, y_top: f32, w: f32, h: f32, colour: &str) {
        let (r, g, b) = rgb(colour);
        self.page.set_fill_rgb(r, g, b);
        self.page.rect(x, PAGE_H - y_top - h, w, h);
        self.page.fill_nonzero();
    }

    /// A table with a header row (repeated on a new page); widths are fractions of the page.
    fn table(&mut self, cols: &[(f32, Align)], head: &[String], rows: &[Vec<String>]) {
        let size = 7.5;
        let pad = 3.0;
        let total: f32 = cols.iter().map(|c| c.0).sum();
        let widths: Vec<f32> = cols.iter().map(|c| c.0 / total * CONTENT_W).collect();
        let line_h = size * 1.3;
        // every cell of the last column wraps; the others are cut to fit
        let layout_row = |cells: &[String], bold: bool| -> (Vec<Vec<String>>, f32) {
            let last = widths.len() - 1;
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let w = widths[i] - 2.0 * pad;
                    if i == last && !bold {
                        wrap(c, w, size)
                    } else {
                        vec![fit(c, w, size, bold)]
                    }
                })
                .collect();
            let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (wrapped, n as f32 * line_h + 2.0 * pad - 1.0)
        };
        let draw_row = |doc: &mut Doc, wrapped: &[Vec<String>], h: f32, bold: bool, shade: bool| {
            if shade {
                doc.rect(MARGIN, doc.y, CONTENT_W, h, "#e6edf5");
            }
            let mut x = MARGIN;
            for (i, lines) in wrapped.iter().enumerate() {
                for (k, l) in lines.iter().enumerate() {
                    let ty = doc.y + pad + size + k as f32 * line_h - 1.0;
                    let tx = match cols[i].1 {
                        Align::Left => x + pad,
                        Align::Right => x + widths[i] - pad - text_width(l, size, bold),
                    };
                    doc.text_at(tx, ty, size, bold, "#222222", l);
                }
                x += widths[i];
            }
            let (r, g, b) = rgb("#b8c4d2");
            doc.page.set_stroke_rgb(r, g, b);
            doc.page.set_line_width(0.4);
            doc.page.move_to(MARGIN, PAGE_H - doc.y - h);
            doc.page.line_to(MARGIN + CONTENT_W, PAGE_H - doc.y - h);
            doc.page.stroke();
            doc.y += h;
        };
        let (head_cells, head_h) = layout_row(head, true);
        let has_head = head.iter().any(|c| !c.is_empty());
        self.need(head_h + 2.0 * line_h + 12.0);
        if has_head {
            draw_row(self, &head_cells, head_h, true, true);
        }
        for r in rows {
            let (cells, h) = layout_row(r, false);
            if self.y + h > PAGE_H - MARGIN {
                // a new page: the header goes above the rest of the table again
                self.new_page();
                if has_head {
                    draw_row(self, &head_cells, head_h, true, true);
                }
            }
            draw_row(self, &cells, h, false, false);
        }
        self.y += 6.0;
    }

    /// A chart in a box at (`x`, cursor) of `w` × `h` points; the cursor does not move.
    fn chart(&mut self, c: &Chart, x0: f32, w: f32, h: f32) {
        let y0 = self.y;
        let px = |x: f64| x0 + x as f32;
        let py = |y: f64| PAGE_H - y0 - y as f32;
        for s in chart::layout(c, f64::from(w), f64::from(h)) {
            match s {
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    colour,
                    width,
                } => {
                    let (r, g, b) = rgb(colour);
                    self.page.set_stroke_rgb(r, g, b);
                    self.page.set_line_width(width as f32);
                    self.page.move_to(px(x1), py(y1));
                    self.page.line_to(px(x2), py(y2));
                    self.page.stroke();
                }
                Shape::Rect { x, y, w, h, colour } => {
                    let (r, g, b) = rgb(colour);
                    self.page.set_fill_rgb(r, g, b);
                    self.page.rect(px(x), py(y + h), w as f32, h as f32);
                    self.page.fill_nonzero();
                }
                Shape::Polyline {
                    points,
                    colour,
                    width,
                } => {
                    let (r, g, b) = rgb(colour);
                    self.page.set_stroke_rgb(r, g, b);
                    self.page.set_line_width(width as f32);
                    self.page.set_line_cap(LineCapStyle::RoundCap);
                    for (k, (x, y)) in points.iter().enumerate() {
                        if k == 0 {
                            self.page.move_to(px(*x), py(*y));
                        } else {
                            self.page.line_to(px(*x), py(*y));
                        }
                    }
                    self.page.stroke();
                }
                Shape::Dot {
                    x,
                    y,
                    r: rad,
                    colour,
                } => {
                    let (r, g, b) = rgb(colour);
                    self.page.set_fill_rgb(r, g, b);
                    let d = rad as f32 * 1.6;
                    self.page.rect(px(x) - d / 2.0, py(y) - d / 2.0, d, d);
                    self.page.fill_nonzero();
                }
                Shape::Text {
                    x,
                    y,
                    text,
                    size,
                    anchor,
                    colour,
                } => {
                    let size = size as f32;
                    let tw = text_width(&text, size, false);
                    let tx = match anchor {
                        Anchor::Start => px(x),
                        Anchor::Middle => px(x) - tw / 2.0,
                        Anchor::End => px(x) - tw,
                    };
                    self.text_at(tx, y0 + y as f32, size, false, colour, &text);
                }
            }
        }
    }
}

/// The whole document as PDF bytes.
pub fn render(r: &Report) -> Vec<u8> {
    let mut doc = Doc::new(format!(
        "kinerja · {} · {} · {}",
        r.cover.code, r.period_label, r.rulebook
    ));
    cover(&mut doc, r);
    for (i, u) in r.units.iter().enumerate() {
        doc.new_page();
        unit(&mut doc, r, u, i == 0);
    }
    let pages = doc.finish();
    write_pdf(r, pages)
}

fn write_pdf(r: &Report, pages: Vec<Content>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first = 6;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let title = format!("{} — {} — {}", t::TITLE.s(), r.cover.name, r.period_label);
    pdf.document_info(info)
        .title(TextStr(&title))
        .creator(TextStr("kinerja"));
    for (i, content) in pages.into_iter().enumerate() {
        let id = page_ids[i];
        let content_id = Ref::new(id.get() + 1);
        let mut page = pdf.page(id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(content_id);
        let mut res = page.resources();
        let mut fonts = res.fonts();
        fonts.pair(REGULAR, regular);
        fonts.pair(BOLD, bold);
        fonts.finish();
        res.finish();
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

fn cover(doc: &mut Doc, r: &Report) {
    let c = &r.cover;
    let l = r.locale;
    doc.y = 120.0;
    doc.line(t::TITLE.s(), 22.0, true, "#143d6b");
    doc.y += 10.0;
    doc.line(&c.name, 16.0, true, "#222222");
    doc.line(
        &format!("{} · {}", c.code, r.period_label),
        11.0,
        false,
        "#444444",
    );
    doc.y += 18.0;
    let rows: Vec<Vec<String>> = [
        (t::UNIT.s(), format!("{} — {}", c.code, c.name)),
        (t::LEVEL.s(), c.level.as_str().to_string()),
        (t::PERIOD.s(), r.period_label.clone()),
        (t::RULEBOOK.s(), r.rulebook.clone()),
        (t::NKO.s(), num2(c.nko, l)),
        (
            t::PREDIKAT.s(),
            c.predikat.clone().unwrap_or_else(|| DASH.into()),
        ),
        (t::K3_INDEX.s(), num4(c.k3_index, l)),
        (t::NKO_K3.s(), num2(c.nko_k3, l)),
        (t::PERIOD_STATE.s(), state_text(&c.state)),
        (t::VALIDATED_BY.s(), validator_text(&c.state)),
    ]
    .into_iter()
    .map(|(k, v)| vec![k.to_string(), v])
    .collect();
    doc.table(
        &[(0.35, Align::Left), (0.65, Align::Left)],
        &[String::new(), String::new()],
        &rows,
    );
    // signature block, bottom right, blank lines to sign
    let x = MARGIN + CONTENT_W * 0.55;
    let mut y = PAGE_H - MARGIN - 170.0;
    doc.text_at(x, y, 10.0, true, "#222222", t::SIGNATURE.s());
    y += 70.0;
    let blank = |v: &Option<String>| v.clone().unwrap_or_default();
    for (label, value) in [
        (t::SIGN_NAME.s(), blank(&c.signature.name)),
        (t::SIGN_POSITION.s(), blank(&c.signature.position)),
        (t::SIGN_NIP.s(), blank(&c.signature.nip)),
    ] {
        doc.text_at(x, y, 9.0, false, "#222222", &format!("{label}: {value}"));
        doc.page.set_stroke_rgb(0.3, 0.3, 0.3);
        doc.page.set_line_width(0.5);
        doc.page.move_to(x + 50.0, PAGE_H - y - 2.0);
        doc.page.line_to(MARGIN + CONTENT_W, PAGE_H - y - 2.0);
        doc.page.stroke();
        y += 22.0;
    }
}

fn unit(doc: &mut Doc, r: &Report, u: &UnitSection, top: bool) {
    let l = r.locale;
    doc.heading(
        &format!("{} — {} · {}", u.code, u.name, t::SUMMARY.s()),
        14.0,
    );
    doc.line(
        &format!(
            "{} {} · {} {} · {} {} · {} {}",
            t::NKO.s(),
            num2(u.nko, l),
            t::PREDIKAT.s(),
            u.predikat.as_deref().unwrap_or(DASH),
            t::K3_INDEX.s(),
            num4(u.k3_index, l),
            t::NKO_K3.s(),
            num2(u.nko_k3, l)
        ),
        10.0,
        true,
        "#222222",
    );
    doc.line(
        &format!(
            "{}: {} · {}: {}",
            t::PERIOD_STATE.s(),
            state_text(&u.state),
            t::VALIDATED_BY.s(),
            validator_text(&u.state)
        ),
        9.0,
        false,
        "#222222",
    );
    doc.y += 4.0;
    if !u.perspectives.is_empty() {
        doc.heading(t::PERSPECTIVES.s(), 11.0);
        let rows: Vec<Vec<String>> = u
            .perspectives
            .iter()
            .map(|p| {
                vec![
                    t::perspective(p.perspective).to_string(),
                    exact(Some(p.weight), l),
                    num2(p.value, l),
                ]
            })
            .collect();
        doc.table(
            &[(0.6, Align::Left), (0.2, Align::Right), (0.2, Align::Right)],
            &[
                t::PERSPECTIVE.s().into(),
                t::WEIGHT.s().into(),
                t::VALUE.s().into(),
            ],
            &rows,
        );
    }
    if !u.ss.is_empty() {
        doc.heading(t::SS_TITLE.s(), 11.0);
        let rows: Vec<Vec<String>> =
            u.ss.iter()
                .map(|s| {
                    vec![
                        s.code.clone(),
                        t::perspective(s.perspective).to_string(),
                        num2(s.value, l),
                        s.name.clone(),
                    ]
                })
                .collect();
        doc.table(
            &[
                (0.1, Align::Left),
                (0.25, Align::Left),
                (0.12, Align::Right),
                (0.53, Align::Left),
            ],
            &[
                t::SS.s().into(),
                t::PERSPECTIVE.s().into(),
                t::VALUE.s().into(),
                t::NAME.s().into(),
            ],
            &rows,
        );
    }
    let ch = 160.0;
    doc.need(ch + 6.0);
    let half = (CONTENT_W - 12.0) / 2.0;
    doc.chart(&chart::nko_chart(r, u), MARGIN, half, ch);
    if !u.perspective_by_month.is_empty() {
        doc.chart(
            &chart::perspective_chart(r, u),
            MARGIN + half + 12.0,
            half,
            ch,
        );
    }
    doc.y += ch + 6.0;
    if top && let Some(rows) = &r.subtree {
        doc.heading(t::SUBTREE.s(), 11.0);
        let body: Vec<Vec<String>> = rows
            .iter()
            .map(|x| {
                vec![
                    format!("{}{}", "  ".repeat(x.depth), x.code),
                    num2(x.nko, l),
                    x.predikat.clone().unwrap_or_else(|| DASH.into()),
                    num4(x.k3_index, l),
                    num2(x.nko_k3, l),
                    crate::text::round::state_word(x.state),
                    x.name.clone(),
                ]
            })
            .collect();
        doc.table(
            &[
                (0.2, Align::Left),
                (0.09, Align::Right),
                (0.12, Align::Left),
                (0.1, Align::Right),
                (0.09, Align::Right),
                (0.12, Align::Left),
                (0.28, Align::Left),
            ],
            &[
                t::UNIT.s().into(),
                t::NKO.s().into(),
                t::PREDIKAT.s().into(),
                t::K3_INDEX.s().into(),
                t::NKO_K3.s().into(),
                t::PERIOD_STATE.s().into(),
                t::NAME.s().into(),
            ],
            &body,
        );
        if let Some(c) = chart::children_chart(r) {
            doc.need(180.0);
            doc.chart(&c, MARGIN, CONTENT_W, 170.0);
            doc.y += 176.0;
        }
    }
    if !u.iku.is_empty() {
        doc.need(330.0);
        doc.heading(t::IKU_TITLE.s(), 11.0);
        for i in &u.iku {
            iku(doc, r, i);
        }
    }
    if let Some(s) = &u.inisiatif {
        inisiatif(doc, r, s);
    }
    if let Some(b) = &u.anggaran {
        anggaran(doc, r, b);
    }
    doc.heading(t::FINDINGS.s(), 11.0);
    if u.findings.is_empty() {
        doc.line(t::NO_FINDINGS.s(), 9.0, false, "#666666");
    } else {
        let rows: Vec<Vec<String>> = u
            .findings
            .iter()
            .map(|f| {
                vec![
                    f.id.clone(),
                    severity_word(f.severity).to_string(),
                    f.iku.clone().or_else(|| f.ss.clone()).unwrap_or_default(),
                    f.message.clone(),
                ]
            })
            .collect();
        doc.table(
            &[
                (0.07, Align::Left),
                (0.11, Align::Left),
                (0.1, Align::Left),
                (0.72, Align::Left),
            ],
            &[
                t::RULE.s().into(),
                t::SEVERITY.s().into(),
                t::IKU.s().into(),
                t::MESSAGE.s().into(),
            ],
            &rows,
        );
    }
}

fn iku(doc: &mut Doc, r: &Report, i: &IkuSection) {
    let l = r.locale;
    // the heading, table, status and chart of one IKU stay on one page
    doc.need(290.0);
    doc.line(&format!("{} — {}", i.code, i.name), 10.0, true, "#143d6b");
    doc.line(
        &format!(
            "{} {} · {} {} · {} {} · {} {} · {} {}",
            t::SS.s(),
            i.ss,
            t::UNIT_OF_MEASURE.s(),
            i.unit_of_measure,
            t::POLARITY.s(),
            t::word(i.polarity),
            t::CONSOLIDATION.s(),
            t::word(i.consolidation),
            t::REPORTING.s(),
            t::word(i.reporting_period),
        ),
        8.0,
        false,
        "#555555",
    );
    let mut head = vec![String::new()];
    head.extend(i.columns.iter().map(|c| t::column(c.column).to_string()));
    let mut cols = vec![(0.16, Align::Left)];
    cols.extend(std::iter::repeat_n((0.12, Align::Right), i.columns.len()));
    let rows = vec![
        std::iter::once(t::TARGET.s().to_string())
            .chain(i.columns.iter().map(|c| exact(c.target, l)))
            .collect(),
        std::iter::once(t::REALISASI.s().to_string())
            .chain(i.columns.iter().map(|c| exact(c.realisasi, l)))
            .collect(),
        std::iter::once(t::CAPAIAN.s().to_string())
            .chain(i.columns.iter().map(|c| num2(c.capaian, l)))
            .collect(),
    ];
    // the last column is the year: numbers, no wrapping needed (the rows are short)
    doc.table(&cols, &head, &rows);
    doc.need(14.0);
    doc.rect(MARGIN, doc.y + 2.0, 7.0, 7.0, status_colour(i.status));
    doc.text_at(
        MARGIN + 11.0,
        doc.y + 9.0,
        8.5,
        false,
        "#222222",
        &t::STATUS_AT.fill(&[
            ("period", &r.period_label),
            ("capaian", &num2(i.capaian, l)),
            ("status", &status_word(i.status)),
        ]),
    );
    doc.y += 16.0;
    let ch = 150.0;
    doc.need(ch);
    doc.chart(&chart::iku_chart(r, i), MARGIN, CONTENT_W, ch);
    doc.y += ch + 10.0;
    for (m, a) in &i.analyses {
        let month = super::month_label(r.year, *m);
        doc.need(60.0);
        doc.line(
            &t::ANALYSIS.fill(&[("month", &month)]),
            9.0,
            true,
            "#143d6b",
        );
        let by = a.rencana.by.map(|d| d.format("%Y-%m-%d").to_string());
        let rows: Vec<Vec<String>> = [
            (t::ISU.s(), a.isu.as_str()),
            (t::IMPLIKASI.s(), a.implikasi.as_str()),
            (t::AKSI.s(), a.aksi.as_str()),
            (t::RENCANA.s(), a.rencana.what.as_str()),
            (t::RENCANA_WHO.s(), a.rencana.who.as_str()),
            (t::RENCANA_BY.s(), by.as_deref().unwrap_or("")),
            (t::CATATAN.s(), a.catatan.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| vec![k.to_string(), v.to_string()])
        .collect();
        doc.table(
            &[(0.3, Align::Left), (0.7, Align::Left)],
            &[String::new(), String::new()],
            &rows,
        );
    }
    if !i.evidence.is_empty() {
        doc.need(40.0);
        doc.line(t::EVIDENCE.s(), 9.0, true, "#143d6b");
        let l = r.locale;
        let rows: Vec<Vec<String>> = i
            .evidence
            .iter()
            .map(|(m, e)| {
                vec![
                    super::month_label(r.year, *m),
                    e.name.clone(),
                    size_text(e.size, l),
                    sha_short(&e.sha256).to_string(),
                ]
            })
            .collect();
        doc.table(
            &[
                (0.14, Align::Left),
                (0.5, Align::Left),
                (0.14, Align::Right),
                (0.22, Align::Left),
            ],
            &[
                t::MONTH.s().into(),
                t::FILE.s().into(),
                t::SIZE.s().into(),
                t::SHA256.s().into(),
            ],
            &rows,
        );
    }
}

fn inisiatif(doc: &mut Doc, r: &Report, s: &IsSection) {
    let l = r.locale;
    doc.heading(t::IS_TITLE.s(), 11.0);
    doc.line(
        &t::IS_AVERAGE.fill(&[
            ("period", &r.period_label),
            ("planned", &pct(s.planned, l)),
            ("realised", &pct(s.realised, l)),
        ]),
        9.0,
        false,
        "#222222",
    );
    let rows: Vec<Vec<String>> = s
        .rows
        .iter()
        .map(|x| {
            vec![
                x.code.clone(),
                x.name.clone(),
                x.pic.clone(),
                pct(x.planned, l),
                pct(x.realised, l),
                is_findings_text(x, l),
            ]
        })
        .collect();
    doc.table(
        &[
            (0.07, Align::Left),
            (0.31, Align::Left),
            (0.16, Align::Left),
            (0.12, Align::Right),
            (0.13, Align::Right),
            (0.21, Align::Left),
        ],
        &[
            t::IS_CODE.s().into(),
            t::NAME.s().into(),
            t::RESPONSIBLE.s().into(),
            t::PLANNED_PCT.s().into(),
            t::REALISED_PCT.s().into(),
            t::IS_FINDINGS.s().into(),
        ],
        &rows,
    );
    // a bar per IS: realised filled, planned marked, on 0–100 %
    doc.line(t::PROGRESS_BAR.s(), 8.5, true, "#222222");
    let (x0, w) = (MARGIN + 50.0, CONTENT_W - 160.0);
    for x in &s.rows {
        doc.need(14.0);
        let y = doc.y;
        let at = |p: rust_decimal::Decimal| (super::to_f64(p) as f32).clamp(0.0, 100.0) / 100.0 * w;
        doc.text_at(MARGIN, y + 8.0, 7.5, false, "#222222", &x.code);
        doc.rect(x0, y + 1.0, w, 8.0, "#e6edf5");
        let fill = if x.findings.is_empty() {
            "#1e7b34"
        } else {
            "#b3261e"
        };
        doc.rect(x0, y + 1.0, at(x.realised), 8.0, fill);
        doc.rect(x0 + at(x.planned) - 0.75, y - 1.0, 1.5, 12.0, "#222222");
        doc.text_at(
            x0 + w + 8.0,
            y + 8.0,
            7.5,
            false,
            "#222222",
            &format!("{} / {} %", pct(x.realised, l), pct(x.planned, l)),
        );
        doc.y += 14.0;
    }
    doc.y += 6.0;
}

fn anggaran(doc: &mut Doc, r: &Report, b: &BudgetSection) {
    let l = r.locale;
    doc.heading(t::BUDGET_TITLE.s(), 11.0);
    let row = |x: &super::model::BudgetRow, name: &str| {
        vec![
            x.code.clone(),
            name.to_string(),
            format_exact(x.pagu, l),
            format_exact(x.realisasi, l),
            num2(x.planned_absorption, l),
            num2(x.absorption, l),
        ]
    };
    let mut rows: Vec<Vec<String>> = b.rows.iter().map(|x| row(x, &x.output_name)).collect();
    rows.push(row(&b.total, t::BUDGET_TOTAL.s()));
    doc.table(
        &[
            (0.2, Align::Left),
            (0.22, Align::Left),
            (0.15, Align::Right),
            (0.15, Align::Right),
            (0.13, Align::Right),
            (0.15, Align::Right),
        ],
        &[
            t::BUDGET_LINE.s().into(),
            t::OUTPUT.s().into(),
            t::PAGU.s().into(),
            t::REALISASI.s().into(),
            t::PLANNED_PCT.s().into(),
            t::ABSORPTION.s().into(),
        ],
        &rows,
    );
    let ch = 170.0;
    doc.need(ch + 6.0);
    doc.chart(&chart::budget_chart(r, b), MARGIN, CONTENT_W, ch);
    doc.y += ch + 6.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_in_win_ansi() {
        assert_eq!(
            encode("NKO 1.234,56 – ok"),
            b"NKO 1.234,56 \x96 ok".to_vec()
        );
        assert_eq!(encode("≥ 100"), b">= 100".to_vec());
        assert_eq!(encode("日"), b"?".to_vec());
    }

    #[test]
    fn long_text_is_cut_or_wrapped_to_its_width() {
        let s = "Optimalnya penerimaan negara dari pengelolaan kekayaan negara";
        let cut = fit(s, 80.0, 8.0, false);
        assert!(cut.ends_with('…') && text_width(&cut, 8.0, false) <= 80.0);
        let lines = wrap(s, 100.0, 8.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 8.0, false) <= 100.0));
    }
}
