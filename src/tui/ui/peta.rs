//! The Peta Strategi of a unit (DOMAIN.md §12), in place of the tree and the detail: four
//! perspective bands, stakeholder at the top and learning & growth at the bottom, one box per
//! SS with its code, a short name, its value and status mark for the period, and the
//! cause → effect links drawn between the boxes.
//!
//! Layout, top to bottom: a title row; per band a label row and a row of boxes; below each band
//! but the last a channel of `lanes` rows in which the links into that band run across. A link
//! leaves the top border of the SS that supports (`┴`, ASCII `o`), goes up to a lane of the
//! channel under the band of the SS it supports, across, and up into that box's bottom border
//! (`↑`, ASCII `A`). A link crossing bands goes across to a free column first (between the boxes
//! of the bands it crosses) and up through them. The last row tells the selected SS in full and
//! all its links (the lines of one channel may merge).
//!
//! At 80×24 the boxes are three rows and each channel one; a band with more SS than fit shows
//! the ones around the cursor and says how many are left and right. Wider and taller screens
//! get wider boxes, a row for the name and more lanes.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{num2, perspective_name, shown, status_style};
use crate::domain::CodeRef;
use crate::domain::score::Status;
use crate::text::domain::completeness::marked;
use crate::text::plan as tp;
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::peta::{BANDS, bands};

/// Narrowest and widest box.
const MIN_BOX: u16 = 15;
const MAX_BOX: u16 = 44;
/// Columns between two boxes of a band (a link crossing the band can run there); wider
/// screens get wider gaps.
fn gap(avail: u16) -> u16 {
    if avail >= 160 { 6 } else { 3 }
}
/// Columns left free at each side.
const MARGIN: u16 = 2;

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// One box on screen.
#[derive(Debug, Clone)]
struct BoxAt {
    band: usize,
    code: String,
    x: u16,
    w: u16,
}

/// The rows of the map.
#[derive(Debug, Clone, Copy)]
struct Rows {
    box_h: u16,
    lanes: u16,
    label_y: [u16; 4],
    box_y: [u16; 4],
}

impl Rows {
    /// The first row of the channel under band `b` (0..3).
    fn channel(&self, b: usize) -> u16 {
        self.box_y[b] + self.box_h
    }
    fn bottom(&self, b: usize) -> u16 {
        self.box_y[b] + self.box_h - 1
    }
}

/// The box and lane heights that fit in `h` rows: taller boxes and more lanes when there is room.
fn rows_for(top: u16, h: u16) -> Rows {
    let mut pick = (3, 1);
    let fits = [
        (5, 6),
        (5, 5),
        (5, 4),
        (4, 4),
        (4, 3),
        (4, 2),
        (3, 2),
        (4, 1),
        (3, 1),
    ];
    for (bh, lanes) in fits {
        if 4 + 4 * bh + 3 * lanes <= h {
            pick = (bh, lanes);
            break;
        }
    }
    let (box_h, lanes) = pick;
    let mut label_y = [0; 4];
    let mut box_y = [0; 4];
    let mut y = top;
    for b in 0..4 {
        label_y[b] = y;
        box_y[b] = y + 1;
        y += 1 + box_h + lanes;
    }
    Rows {
        box_h,
        lanes,
        label_y,
        box_y,
    }
}

/// The boxes of one band in `[left, right)`: as many as fit, the cursor's among them (the
/// band's first shown box is kept in the view's state).
fn lay_band(app: &mut App, b: usize, codes: &[String], left: u16, right: u16) -> Vec<BoxAt> {
    let n = codes.len() as u16;
    if n == 0 {
        return Vec::new();
    }
    let avail = right.saturating_sub(left);
    let gap = gap(avail);
    let fit = ((avail + gap) / (MIN_BOX + gap)).max(1);
    let k = n.min(fit);
    let w = ((avail.saturating_sub((k - 1) * gap)) / k).clamp(3, MAX_BOX);
    let cursor = codes.iter().position(|c| *c == app.peta().cursor);
    let mut first = app.peta().first[b].min((n - k) as usize);
    if let Some(ci) = cursor {
        if ci < first {
            first = ci;
        } else if ci >= first + k as usize {
            first = ci + 1 - k as usize;
        }
    }
    app.peta_mut().first[b] = first;
    let total = k * w + (k - 1) * gap;
    let x0 = left + avail.saturating_sub(total) / 2;
    codes
        .iter()
        .skip(first)
        .take(k as usize)
        .enumerate()
        .map(|(i, c)| BoxAt {
            band: b,
            code: c.clone(),
            x: x0 + i as u16 * (w + gap),
            w,
        })
        .collect()
}

/// The box-drawing character of a cell joining these directions (ASCII: `|`, `-`, else `o`).
fn link_char(bits: u8, ascii: bool) -> &'static str {
    let straight_v = bits & (LEFT | RIGHT) == 0;
    let straight_h = bits & (UP | DOWN) == 0;
    if ascii {
        return if straight_v {
            "|"
        } else if straight_h {
            "-"
        } else {
            "o"
        };
    }
    match bits {
        _ if straight_v => "│",
        _ if straight_h => "─",
        b if b == DOWN | RIGHT => "┌",
        b if b == DOWN | LEFT => "┐",
        b if b == UP | RIGHT => "└",
        b if b == UP | LEFT => "┘",
        b if b == UP | DOWN | RIGHT => "├",
        b if b == UP | DOWN | LEFT => "┤",
        b if b == LEFT | RIGHT | DOWN => "┬",
        b if b == LEFT | RIGHT | UP => "┴",
        _ => "┼",
    }
}

/// The link cells: which directions each joins, and whether a link of the selected SS runs there.
#[derive(Default)]
struct Canvas {
    cells: BTreeMap<(u16, u16), (u8, bool)>,
}

impl Canvas {
    fn join(&mut self, a: (u16, u16), b: (u16, u16), dir_ab: u8, dir_ba: u8, sel: bool) {
        let e = self.cells.entry(a).or_default();
        e.0 |= dir_ab;
        e.1 |= sel;
        let e = self.cells.entry(b).or_default();
        e.0 |= dir_ba;
        e.1 |= sel;
    }
    /// Draws the polyline through `pts` (each step horizontal or vertical).
    fn path(&mut self, pts: &[(u16, u16)], sel: bool) {
        for w in pts.windows(2) {
            let (mut x, mut y) = w[0];
            let (tx, ty) = w[1];
            while (x, y) != (tx, ty) {
                let (nx, ny, d, back) = if x < tx {
                    (x + 1, y, RIGHT, LEFT)
                } else if x > tx {
                    (x - 1, y, LEFT, RIGHT)
                } else if y < ty {
                    (x, y + 1, DOWN, UP)
                } else {
                    (x, y - 1, UP, DOWN)
                };
                self.join((x, y), (nx, ny), d, back, sel);
                (x, y) = (nx, ny);
            }
        }
    }
}

/// The lane of a channel for a run across `[lo, hi]`: the first lane where it overlaps no
/// other run, else the last.
fn lane(taken: &mut [Vec<(u16, u16)>], lo: u16, hi: u16) -> u16 {
    let n = taken.len();
    let free = (0..n).find(|l| taken[*l].iter().all(|(a, b)| hi + 1 < *a || lo > *b + 1));
    let l = free.unwrap_or(n - 1);
    taken[l].push((lo, hi));
    l as u16
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    if area.height < 3 || area.width < 20 {
        return;
    }
    let unit = app.peta().unit.clone();
    let ascii = app.ascii();
    let theme = app.theme().clone();
    let name = app
        .ds()
        .units
        .get(&unit)
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let title = tp::PETA_TITLE.fill(&[
        ("unit", &shown(&unit)),
        ("name", &shown(&name)),
        ("month", &t::month_name(app.period())),
        ("year", &app.ds().year),
    ]);
    frame.render_widget(Line::styled(title, theme.title), Rect { height: 1, ..area });
    let map_h = area.height - 2;
    let rows = rows_for(area.y + 1, map_h);
    let left = area.x + MARGIN;
    let right = area.x + area.width - MARGIN;
    let b = bands(app.ds(), &unit);
    let mut boxes: Vec<BoxAt> = Vec::new();
    let mut hidden = [(0usize, 0usize); 4];
    for (i, codes) in b.iter().enumerate() {
        let laid = lay_band(app, i, codes, left, right);
        let first = app.peta().first[i];
        hidden[i] = (first, codes.len() - first - laid.len());
        boxes.extend(laid);
    }
    let at: BTreeMap<&str, &BoxAt> = boxes.iter().map(|x| (x.code.as_str(), x)).collect();
    let cursor = app.peta().cursor.clone();

    // the links drawn: both ends on screen, from a lower band to a higher one
    let links: Vec<(String, String)> = app
        .unit_plan(&unit)
        .map(|p| {
            p.links
                .iter()
                .map(|l| (l.from.clone(), l.to.clone()))
                .collect()
        })
        .unwrap_or_default();
    let drawn: Vec<(&BoxAt, &BoxAt, bool)> = links
        .iter()
        .filter_map(|(f, to)| {
            let (a, z) = (at.get(f.as_str())?, at.get(to.as_str())?);
            (z.band < a.band).then_some((*a, *z, *f == cursor || *to == cursor))
        })
        .collect();
    let centre = |x: &BoxAt| x.x + x.w / 2;
    // ports: each box's links out along its top border and in along its bottom border,
    // ordered by where the other end is, spread over the border
    let mut outs: BTreeMap<&str, Vec<(u16, usize)>> = BTreeMap::new();
    let mut ins: BTreeMap<&str, Vec<(u16, usize)>> = BTreeMap::new();
    for (i, (a, z, _)) in drawn.iter().enumerate() {
        outs.entry(a.code.as_str())
            .or_default()
            .push((centre(z), i));
        ins.entry(z.code.as_str()).or_default().push((centre(a), i));
    }
    // the top border holds the code (and the pointer): the links leave after it
    let sel_w = app.theme().selection_symbol.chars().count() as u16;
    let title_w = |bx: &BoxAt| {
        let w = bx.code.chars().count() as u16 + 1;
        if bx.code == app.peta().cursor {
            w + sel_w
        } else {
            w
        }
    };
    let spread =
        |bx: &BoxAt, skip: u16, list: &mut Vec<(u16, usize)>, port: &mut BTreeMap<usize, u16>| {
            list.sort();
            let full = bx.w.saturating_sub(2).max(1);
            let skip = if skip + 2 < full { skip } else { 0 };
            let inner = full - skip;
            let m = list.len() as u16;
            for (j, (_, i)) in list.iter().enumerate() {
                let off = (j as u16 + 1) * inner / (m + 1);
                port.insert(*i, bx.x + 1 + skip + off.min(inner - 1));
            }
        };
    let mut src_x: BTreeMap<usize, u16> = BTreeMap::new();
    let mut dst_x: BTreeMap<usize, u16> = BTreeMap::new();
    for bx in &boxes {
        if let Some(l) = outs.get_mut(bx.code.as_str()) {
            spread(bx, title_w(bx), l, &mut src_x);
        }
        if let Some(l) = ins.get_mut(bx.code.as_str()) {
            spread(bx, 0, l, &mut dst_x);
        }
    }
    // columns a link may cross a band in: not on a box nor next to one
    let free_in = |band: usize, x: u16| {
        boxes
            .iter()
            .filter(|bx| bx.band == band)
            .all(|bx| x + 1 < bx.x || x > bx.x + bx.w)
    };
    let mut taken: Vec<Vec<Vec<(u16, u16)>>> = vec![vec![Vec::new(); rows.lanes as usize]; 3];
    let mut used_cols: BTreeSet<u16> = BTreeSet::new();
    let mut canvas = Canvas::default();
    let mut ends: Vec<((u16, u16), &'static str, bool)> = Vec::new();
    for (i, (a, z, sel)) in drawn.iter().enumerate() {
        let (sx, dx) = (src_x[&i], dst_x[&i]);
        let start = (sx, rows.box_y[a.band]);
        let end = (dx, rows.bottom(z.band));
        let pts = if a.band == z.band + 1 {
            let l = lane(&mut taken[z.band], sx.min(dx), sx.max(dx));
            let ly = rows.channel(z.band) + l;
            vec![start, (sx, ly), (dx, ly), end]
        } else {
            // across the bands between: a free column nearest the middle, unused if possible
            let mid = (sx + dx) / 2;
            let cands: Vec<u16> = (area.x..area.x + area.width)
                .filter(|x| (z.band + 1..a.band).all(|c| free_in(c, *x)))
                .collect();
            let pick = |skip_used: bool| {
                cands
                    .iter()
                    .copied()
                    .filter(|x| !skip_used || !used_cols.contains(x))
                    .min_by_key(|x| x.abs_diff(mid))
            };
            let Some(g) = pick(true).or_else(|| pick(false)) else {
                continue;
            };
            used_cols.insert(g);
            let l1 = lane(&mut taken[a.band - 1], sx.min(g), sx.max(g));
            let l2 = lane(&mut taken[z.band], g.min(dx), g.max(dx));
            let y1 = rows.channel(a.band - 1) + l1;
            let y2 = rows.channel(z.band) + l2;
            vec![start, (sx, y1), (g, y1), (g, y2), (dx, y2), end]
        };
        canvas.path(&pts, *sel);
        ends.push((start, theme.peta_port(), *sel));
        ends.push((end, theme.peta_arrow(), *sel));
    }

    let buf = frame.buffer_mut();
    // the band labels, where no link crosses their row
    for (i, p) in BANDS.iter().enumerate() {
        let mut label = perspective_name(*p).to_string();
        let (l, r) = hidden[i];
        if b[i].is_empty() {
            label = format!("{label} {}", tp::PETA_BAND_EMPTY.s());
        } else if l + r > 0 {
            label = format!(
                "{label} · {}",
                tp::PETA_HIDDEN.fill(&[("left", &l), ("right", &r)])
            );
        }
        let y = rows.label_y[i];
        let len = label.chars().count() as u16;
        // where the fewest links cross it, leftmost first
        let busy = |x: u16| canvas.cells.contains_key(&(x, y));
        let x = (left..right.saturating_sub(len).max(left + 1))
            .min_by_key(|x| (*x..*x + len).filter(|c| busy(*c)).count())
            .unwrap_or(left);
        buf.set_stringn(
            x,
            y,
            &label,
            right.saturating_sub(x) as usize,
            theme.dim.add_modifier(Modifier::BOLD),
        );
    }
    for (&(x, y), &(bits, sel)) in &canvas.cells {
        if x >= area.x + area.width || y >= area.y + area.height - 1 {
            continue;
        }
        let style = if sel {
            theme.link.add_modifier(Modifier::BOLD)
        } else {
            theme.link
        };
        buf[(x, y)]
            .set_symbol(link_char(bits, ascii))
            .set_style(style);
    }
    // the boxes over the lines, then the ends of the links on their borders
    for bx in &boxes {
        draw_box(frame, app, &unit, bx, rows, *bx.code == cursor);
    }
    let buf = frame.buffer_mut();
    for ((x, y), sym, sel) in ends {
        let style = if sel {
            theme.link.add_modifier(Modifier::BOLD)
        } else {
            theme.link
        };
        buf[(x, y)].set_symbol(sym).set_style(style);
    }
    info_line(frame, area, app, &unit, &cursor, &links);
}

fn draw_box(frame: &mut Frame, app: &mut App, unit: &str, bx: &BoxAt, rows: Rows, selected: bool) {
    let theme = app.theme().clone();
    let k = CodeRef::new(unit, &bx.code);
    let name = app
        .ds()
        .ss
        .get(&k)
        .map(|s| shown(&s.name))
        .unwrap_or_default();
    let (value, missing) = app
        .unit_score(unit)
        .ss
        .get(&bx.code)
        .map(|s| (s.value, s.missing.clone()))
        .unwrap_or_default();
    let st = value.map(|v| Status::of(v, app.rb()));
    let area = Rect::new(bx.x, rows.box_y[bx.band], bx.w, rows.box_h);
    let room = bx.w.saturating_sub(2) as usize;
    let pointer = if selected { theme.selection_symbol } else { "" };
    let head = format!("{pointer}{}", shown(&bx.code));
    let border_set = if theme.ascii {
        theme.border_set()
    } else if selected {
        symbols::border::THICK
    } else {
        symbols::border::PLAIN
    };
    let border_style = if selected {
        theme.title
    } else {
        Style::default()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(border_set)
        .border_style(border_style)
        .title(Span::styled(cut(&head, room), theme.title));
    let val = format!("{} {}", theme.mark(st), marked(num2(app, value), &missing));
    let mut lines = vec![];
    if rows.box_h >= 4 {
        // the value, then the name over the rows left
        lines.push(Line::from(vec![Span::styled(val, status_style(app, st))]));
        let name_rows = (rows.box_h - 3) as usize;
        let wrapped = super::help::wrap(&name, room);
        let n = wrapped.len();
        for (i, l) in wrapped.into_iter().take(name_rows).enumerate() {
            let l = if i + 1 == name_rows && n > name_rows {
                cut(&format!("{l} …"), room)
            } else {
                l
            };
            lines.push(Line::styled(l, theme.dim));
        }
    } else {
        // one row: the value, then as much of the name as fits
        let used = val.chars().count() + 1;
        lines.push(Line::from(vec![
            Span::styled(val, status_style(app, st)),
            Span::styled(
                format!(" {}", cut(&name, room.saturating_sub(used))),
                theme.dim,
            ),
        ]));
    }
    let content_style = if selected {
        theme.selection
    } else {
        Style::default()
    };
    frame.render_widget(
        Paragraph::new(lines).style(content_style).block(block),
        area,
    );
}

/// `s` in at most `room` characters, `…` where it is cut.
fn cut(s: &str, room: usize) -> String {
    if s.chars().count() <= room {
        return s.to_string();
    }
    let mut out: String = s.chars().take(room.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The last row: the selected SS in full, its value and every link of it.
fn info_line(
    frame: &mut Frame,
    area: Rect,
    app: &mut App,
    unit: &str,
    cursor: &str,
    links: &[(String, String)],
) {
    let theme = app.theme().clone();
    let k = CodeRef::new(unit, cursor);
    let name = app
        .ds()
        .ss
        .get(&k)
        .map(|s| shown(&s.name))
        .unwrap_or_default();
    let value = app.unit_score(unit).ss.get(cursor).and_then(|s| s.value);
    let st = value.map(|v| Status::of(v, app.rb()));
    let (to_arrow, from_arrow) = if theme.ascii {
        ("->", "<-")
    } else {
        ("→", "←")
    };
    let supports: Vec<&str> = links
        .iter()
        .filter(|(f, _)| f == cursor)
        .map(|(_, to)| to.as_str())
        .collect();
    let supported: Vec<&str> = links
        .iter()
        .filter(|(_, to)| to == cursor)
        .map(|(f, _)| f.as_str())
        .collect();
    let sep = if theme.ascii { " | " } else { " · " };
    let mut spans = vec![
        Span::styled(
            format!("{}{} ", theme.selection_symbol, shown(cursor)),
            theme.title,
        ),
        Span::styled(
            format!("{} {}", theme.mark(st), num2(app, value)),
            status_style(app, st),
        ),
    ];
    if supports.is_empty() && supported.is_empty() {
        spans.push(Span::styled(
            format!("{sep}{}", tp::PETA_NO_LINKS.s()),
            theme.dim,
        ));
    }
    if !supports.is_empty() {
        spans.push(Span::styled(
            format!(
                "{sep}{} {to_arrow} {}",
                tp::PETA_SUPPORTS.s(),
                supports.join(", ")
            ),
            theme.link,
        ));
    }
    if !supported.is_empty() {
        spans.push(Span::styled(
            format!(
                "{sep}{} {from_arrow} {}",
                tp::PETA_SUPPORTED.s(),
                supported.join(", ")
            ),
            theme.link,
        ));
    }
    spans.push(Span::raw(format!("{sep}{name}")));
    frame.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        },
    );
}
