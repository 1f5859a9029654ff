//! The report as one self-contained HTML document: inline CSS, inline SVG charts, no script and
//! nothing fetched from a network. It prints to A4 (`@page`), each unit and each IKU kept whole
//! where it fits, the cover on its own page.

use std::fmt::Write as _;

use super::chart::{self, Anchor, Chart, Shape};
use super::model::{BudgetSection, IkuSection, IsSection, Report, UnitSection};
use super::{
    DASH, exact, is_findings_text, num2, num4, pct, severity_word, sha_short, size_text,
    state_text, status_colour, status_mark, status_word, validator_text,
};
use crate::interchange::number::format_exact;
use crate::text::report as t;

const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #222; margin: 0 auto; max-width: 186mm; padding: 6mm 0; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #143d6b; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; color: #143d6b; border-bottom: 2px solid #143d6b; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; color: #143d6b; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { border: 1px solid #b8c4d2; padding: 1.2mm 1.8mm; vertical-align: top; }
th { background: #e6edf5; text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.facts td:first-child { width: 38%; background: #f5f7fa; }
.cover { page-break-after: always; break-after: page; min-height: 250mm; }
.cover .big { font-size: 30pt; font-weight: 700; color: #143d6b; }
.cover table.facts { width: 70%; }
.sign { margin-top: 18mm; width: 80mm; margin-left: auto; }
.sign .line { border-bottom: 1px solid #444; height: 7mm; margin-bottom: 2mm; }
.sign .space { height: 22mm; }
.unit { page-break-before: always; break-before: page; }
.iku { break-inside: avoid; page-break-inside: avoid; }
.charts { display: flex; gap: 4mm; flex-wrap: wrap; }
.charts svg { flex: 1 1 85mm; max-width: 100%; height: auto; }
.mark { font-weight: 700; }
.muted { color: #666; }
table.analysis td:first-child { width: 30%; background: #f5f7fa; }
td.pre { white-space: pre-wrap; }
svg.bar { vertical-align: middle; }
footer { margin-top: 8mm; font-size: 8pt; color: #666; }
@media print { body { padding: 0; max-width: none; } }
"#;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole document.
pub fn render(r: &Report) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = format!("{} — {} — {}", t::TITLE.s(), r.cover.name, r.period_label);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        r.lang.as_str(),
        esc(&title)
    );
    cover(&mut h, r);
    for (i, u) in r.units.iter().enumerate() {
        unit(&mut h, r, u, i == 0);
    }
    let _ = write!(
        h,
        "<footer>kinerja · {} · {} · {}</footer>\n</body>\n</html>\n",
        esc(&r.cover.code),
        esc(&r.period_label),
        esc(&r.rulebook)
    );
    h
}

fn facts(h: &mut String, rows: &[(&str, String)]) {
    h.push_str("<table class=\"facts\">\n");
    for (k, v) in rows {
        let _ = writeln!(h, "<tr><td>{}</td><td>{}</td></tr>", esc(k), esc(v));
    }
    h.push_str("</table>\n");
}

fn cover(h: &mut String, r: &Report) {
    let c = &r.cover;
    let l = r.locale;
    h.push_str("<section class=\"cover\">\n");
    let _ = writeln!(h, "<h1>{}</h1>", esc(t::TITLE.s()));
    let _ = writeln!(
        h,
        "<p class=\"big\">{}</p>\n<p>{} · {}</p>",
        esc(&c.name),
        esc(&c.code),
        esc(&r.period_label)
    );
    facts(
        h,
        &[
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
        ],
    );
    let blank = |v: &Option<String>| v.clone().unwrap_or_default();
    let _ = writeln!(
        h,
        "<div class=\"sign\"><h4>{}</h4><div class=\"space\"></div>\
         <div>{}: {}</div><div class=\"line\"></div>\
         <div>{}: {}</div><div class=\"line\"></div>\
         <div>{}: {}</div><div class=\"line\"></div></div>",
        esc(t::SIGNATURE.s()),
        esc(t::SIGN_NAME.s()),
        esc(&blank(&c.signature.name)),
        esc(t::SIGN_POSITION.s()),
        esc(&blank(&c.signature.position)),
        esc(t::SIGN_NIP.s()),
        esc(&blank(&c.signature.nip)),
    );
    h.push_str("</section>\n");
}

fn th(h: &mut String, cells: &[(&str, bool)]) {
    h.push_str("<thead><tr>");
    for (c, n) in cells {
        let _ = write!(
            h,
            "<th{}>{}</th>",
            if *n { " class=\"n\"" } else { "" },
            esc(c)
        );
    }
    h.push_str("</tr></thead>\n");
}

fn unit(h: &mut String, r: &Report, u: &UnitSection, top: bool) {
    let l = r.locale;
    h.push_str("<section class=\"unit\">\n");
    let _ = writeln!(
        h,
        "<h2>{} — {} · {}</h2>",
        esc(&u.code),
        esc(&u.name),
        esc(t::SUMMARY.s())
    );
    let _ = writeln!(
        h,
        "<p>{} <b>{}</b> · {} <b>{}</b> · {} {} · {} {}<br>{}: {} · {}: {}</p>",
        esc(t::NKO.s()),
        esc(&num2(u.nko, l)),
        esc(t::PREDIKAT.s()),
        esc(u.predikat.as_deref().unwrap_or(DASH)),
        esc(t::K3_INDEX.s()),
        esc(&num4(u.k3_index, l)),
        esc(t::NKO_K3.s()),
        esc(&num2(u.nko_k3, l)),
        esc(t::PERIOD_STATE.s()),
        esc(&state_text(&u.state)),
        esc(t::VALIDATED_BY.s()),
        esc(&validator_text(&u.state)),
    );
    if !u.perspectives.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", esc(t::PERSPECTIVES.s()));
        h.push_str("<table>");
        th(
            h,
            &[
                (t::PERSPECTIVE.s(), false),
                (t::WEIGHT.s(), true),
                (t::VALUE.s(), true),
            ],
        );
        for p in &u.perspectives {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(t::perspective(p.perspective)),
                esc(&exact(Some(p.weight), l)),
                esc(&num2(p.value, l))
            );
        }
        h.push_str("</table>\n");
    }
    if !u.ss.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", esc(t::SS_TITLE.s()));
        h.push_str("<table>");
        th(
            h,
            &[
                (t::SS.s(), false),
                (t::PERSPECTIVE.s(), false),
                (t::NAME.s(), false),
                (t::VALUE.s(), true),
            ],
        );
        for s in &u.ss {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">\
                 <span class=\"mark\" style=\"color:{}\">{}</span> {}</td></tr>",
                esc(&s.code),
                esc(t::perspective(s.perspective)),
                esc(&s.name),
                status_colour(s.status),
                status_mark(s.status),
                esc(&num2(s.value, l))
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("<div class=\"charts\">\n");
    svg(h, &chart::nko_chart(r, u), 340.0, 190.0);
    if !u.perspective_by_month.is_empty() {
        svg(h, &chart::perspective_chart(r, u), 340.0, 190.0);
    }
    h.push_str("</div>\n");
    if top && let Some(rows) = &r.subtree {
        let _ = writeln!(h, "<h3>{}</h3>", esc(t::SUBTREE.s()));
        h.push_str("<table>");
        th(
            h,
            &[
                (t::UNIT.s(), false),
                (t::NAME.s(), false),
                (t::NKO.s(), true),
                (t::PREDIKAT.s(), false),
                (t::K3_INDEX.s(), true),
                (t::NKO_K3.s(), true),
                (t::PERIOD_STATE.s(), false),
            ],
        );
        for x in rows {
            let _ = writeln!(
                h,
                "<tr><td style=\"padding-left:{}mm\">{}</td><td>{}</td><td class=\"n\">{}</td>\
                 <td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                1.8 + 4.0 * x.depth as f64,
                esc(&x.code),
                esc(&x.name),
                esc(&num2(x.nko, l)),
                esc(x.predikat.as_deref().unwrap_or(DASH)),
                esc(&num4(x.k3_index, l)),
                esc(&num2(x.nko_k3, l)),
                esc(&crate::text::round::state_word(x.state)),
            );
        }
        h.push_str("</table>\n");
        if let Some(c) = chart::children_chart(r) {
            svg(h, &c, 680.0, 220.0);
        }
    }
    if !u.iku.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", esc(t::IKU_TITLE.s()));
        for i in &u.iku {
            iku(h, r, i);
        }
    }
    if let Some(s) = &u.inisiatif {
        inisiatif(h, r, s);
    }
    if let Some(b) = &u.anggaran {
        anggaran(h, r, b);
    }
    let _ = writeln!(h, "<h3>{}</h3>", esc(t::FINDINGS.s()));
    if u.findings.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(t::NO_FINDINGS.s()));
    } else {
        h.push_str("<table>");
        th(
            h,
            &[
                (t::RULE.s(), false),
                (t::SEVERITY.s(), false),
                (t::IKU.s(), false),
                (t::MESSAGE.s(), false),
            ],
        );
        for f in &u.findings {
            let place = f.iku.clone().or_else(|| f.ss.clone()).unwrap_or_default();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&f.id),
                esc(severity_word(f.severity)),
                esc(&place),
                esc(&f.message)
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");
}

fn iku(h: &mut String, r: &Report, i: &IkuSection) {
    let l = r.locale;
    h.push_str("<section class=\"iku\">\n");
    let _ = writeln!(h, "<h4>{} — {}</h4>", esc(&i.code), esc(&i.name));
    let _ = writeln!(
        h,
        "<p class=\"muted\">{} {} · {} {} · {} {} · {} {} · {} {}</p>",
        esc(t::SS.s()),
        esc(&i.ss),
        esc(t::UNIT_OF_MEASURE.s()),
        esc(&i.unit_of_measure),
        esc(t::POLARITY.s()),
        esc(t::word(i.polarity)),
        esc(t::CONSOLIDATION.s()),
        esc(t::word(i.consolidation)),
        esc(t::REPORTING.s()),
        esc(t::word(i.reporting_period)),
    );
    h.push_str("<table>");
    let mut head: Vec<(&str, bool)> = vec![("", false)];
    head.extend(i.columns.iter().map(|c| (t::column(c.column), true)));
    th(h, &head);
    let rows: [(&str, Vec<String>); 3] = [
        (
            t::TARGET.s(),
            i.columns.iter().map(|c| exact(c.target, l)).collect(),
        ),
        (
            t::REALISASI.s(),
            i.columns.iter().map(|c| exact(c.realisasi, l)).collect(),
        ),
        (
            t::CAPAIAN.s(),
            i.columns.iter().map(|c| num2(c.capaian, l)).collect(),
        ),
    ];
    for (name, cells) in rows {
        let _ = write!(h, "<tr><th>{}</th>", esc(name));
        for c in cells {
            let _ = write!(h, "<td class=\"n\">{}</td>", esc(&c));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    let _ = writeln!(
        h,
        "<p><span class=\"mark\" style=\"color:{}\">{}</span> {}</p>",
        status_colour(i.status),
        status_mark(i.status),
        esc(&t::STATUS_AT.fill(&[
            ("period", &r.period_label),
            ("capaian", &num2(i.capaian, l)),
            ("status", &status_word(i.status)),
        ]))
    );
    svg(h, &chart::iku_chart(r, i), 520.0, 170.0);
    for (m, a) in &i.analyses {
        let month = super::month_label(r.year, *m);
        let _ = writeln!(
            h,
            "<h4>{}</h4>",
            esc(&t::ANALYSIS.fill(&[("month", &month)]))
        );
        h.push_str("<table class=\"analysis\">\n");
        let by = a.rencana.by.map(|d| d.format("%Y-%m-%d").to_string());
        for (k, v) in [
            (t::ISU.s(), a.isu.as_str()),
            (t::IMPLIKASI.s(), a.implikasi.as_str()),
            (t::AKSI.s(), a.aksi.as_str()),
            (t::RENCANA.s(), a.rencana.what.as_str()),
            (t::RENCANA_WHO.s(), a.rencana.who.as_str()),
            (t::RENCANA_BY.s(), by.as_deref().unwrap_or("")),
            (t::CATATAN.s(), a.catatan.as_str()),
        ] {
            if !v.is_empty() {
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td class=\"pre\">{}</td></tr>",
                    esc(k),
                    esc(v)
                );
            }
        }
        h.push_str("</table>\n");
    }
    if !i.evidence.is_empty() {
        let _ = writeln!(h, "<h4>{}</h4>", esc(t::EVIDENCE.s()));
        h.push_str("<table>");
        th(
            h,
            &[
                (t::MONTH.s(), false),
                (t::FILE.s(), false),
                (t::SIZE.s(), true),
                (t::SHA256.s(), false),
            ],
        );
        for (m, e) in &i.evidence {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td><code>{}</code></td></tr>",
                esc(&super::month_label(r.year, *m)),
                esc(&e.name),
                esc(&size_text(e.size, l)),
                esc(sha_short(&e.sha256)),
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");
}

/// A bar of realised % (filled) against planned % (a mark), 0–100.
fn bar(h: &mut String, planned: f64, realised: f64, behind: bool) {
    let (w, ht) = (120.0, 12.0);
    let x = |p: f64| p.clamp(0.0, 100.0) / 100.0 * w;
    let fill = if behind { "#b3261e" } else { "#1e7b34" };
    let _ = write!(
        h,
        "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {ht}\" \
         width=\"{w}\" height=\"{ht}\"><rect x=\"0\" y=\"2\" width=\"{w}\" height=\"8\" \
         fill=\"#e6edf5\"/><rect x=\"0\" y=\"2\" width=\"{:.1}\" height=\"8\" fill=\"{fill}\"/>\
         <line x1=\"{p:.1}\" y1=\"0\" x2=\"{p:.1}\" y2=\"{ht}\" stroke=\"#222222\" \
         stroke-width=\"1.5\"/></svg>",
        x(realised),
        p = x(planned),
    );
}

fn inisiatif(h: &mut String, r: &Report, s: &IsSection) {
    let l = r.locale;
    let _ = writeln!(h, "<h3>{}</h3>", esc(t::IS_TITLE.s()));
    let _ = writeln!(
        h,
        "<p>{}</p>",
        esc(&t::IS_AVERAGE.fill(&[
            ("period", &r.period_label),
            ("planned", &pct(s.planned, l)),
            ("realised", &pct(s.realised, l)),
        ]))
    );
    h.push_str("<table>");
    th(
        h,
        &[
            (t::IS_CODE.s(), false),
            (t::NAME.s(), false),
            (t::RESPONSIBLE.s(), false),
            (t::PLANNED_PCT.s(), true),
            (t::REALISED_PCT.s(), true),
            (t::PROGRESS_BAR.s(), false),
            (t::IS_FINDINGS.s(), false),
        ],
    );
    for x in &s.rows {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}<br><span class=\"muted\">{} {} · {} {}–{}</span></td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>",
            esc(&x.code),
            esc(&x.name),
            esc(t::IKU.s()),
            esc(&x.iku.join(", ")),
            esc(t::IS_MONTHS.s()),
            x.start,
            x.end,
            esc(&x.pic),
            esc(&pct(x.planned, l)),
            esc(&pct(x.realised, l)),
        );
        bar(
            h,
            super::to_f64(x.planned),
            super::to_f64(x.realised),
            !x.findings.is_empty(),
        );
        let _ = writeln!(h, "</td><td>{}</td></tr>", esc(&is_findings_text(x, l)));
    }
    h.push_str("</table>\n");
}

fn anggaran(h: &mut String, r: &Report, b: &BudgetSection) {
    let l = r.locale;
    let _ = writeln!(h, "<h3>{}</h3>", esc(t::BUDGET_TITLE.s()));
    h.push_str("<table>");
    th(
        h,
        &[
            (t::BUDGET_LINE.s(), false),
            (t::OUTPUT.s(), false),
            (t::PAGU.s(), true),
            (t::BUDGET_PLANNED.s(), true),
            (t::BUDGET_REALISASI.s(), true),
            (t::ABSORPTION_PLANNED.s(), true),
            (t::ABSORPTION.s(), true),
        ],
    );
    for (x, total) in b
        .rows
        .iter()
        .map(|x| (x, false))
        .chain(std::iter::once((&b.total, true)))
    {
        let (open, close) = if total { ("<b>", "</b>") } else { ("", "") };
        let name = if total {
            t::BUDGET_TOTAL.s().to_string()
        } else {
            x.output_name.clone()
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{open}{}{close}</td><td class=\"n\">{open}{}{close}</td>\
             <td class=\"n\">{open}{}{close}</td><td class=\"n\">{open}{}{close}</td>\
             <td class=\"n\">{open}{}{close}</td><td class=\"n\">{open}{}{close}</td></tr>",
            esc(&x.code),
            esc(&name),
            esc(&format_exact(x.pagu, l)),
            esc(&format_exact(x.planned, l)),
            esc(&format_exact(x.realisasi, l)),
            esc(&num2(x.planned_absorption, l)),
            esc(&num2(x.absorption, l)),
        );
    }
    h.push_str("</table>\n");
    svg(h, &chart::budget_chart(r, b), 680.0, 220.0);
}

/// A chart as an inline SVG element.
fn svg(h: &mut String, c: &Chart, w: f64, ht: f64) {
    let _ = writeln!(
        h,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {ht}\" \
         width=\"{w}\" height=\"{ht}\" role=\"img\" aria-label=\"{}\">",
        esc(&c.title)
    );
    for s in chart::layout(c, w, ht) {
        match s {
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                colour,
                width,
            } => {
                let _ = writeln!(
                    h,
                    "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
                     stroke=\"{colour}\" stroke-width=\"{width}\"/>"
                );
            }
            Shape::Rect {
                x,
                y,
                w,
                h: rh,
                colour,
            } => {
                let _ = writeln!(
                    h,
                    "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{rh:.1}\" \
                     fill=\"{colour}\"/>"
                );
            }
            Shape::Polyline {
                points,
                colour,
                width,
            } => {
                let pts: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{x:.1},{y:.1}"))
                    .collect();
                let _ = writeln!(
                    h,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" \
                     stroke-width=\"{width}\"/>",
                    pts.join(" ")
                );
            }
            Shape::Dot { x, y, r, colour } => {
                let _ = writeln!(
                    h,
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{colour}\"/>"
                );
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                anchor,
                colour,
            } => {
                let a = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let _ = writeln!(
                    h,
                    "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" text-anchor=\"{a}\" \
                     fill=\"{colour}\">{}</text>",
                    esc(&text)
                );
            }
        }
    }
    h.push_str("</svg>\n");
}
