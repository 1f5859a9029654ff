//! One layout for the charts of the html and pdf reports: a chart becomes a list of shapes in a
//! box (y grows downwards, as in SVG); [`super::html`] writes them as SVG elements and
//! [`super::pdf`] as PDF path operators, so both draw the same vector chart.

use rust_decimal::Decimal;

use super::model::{BudgetRow, BudgetSection, IkuSection, Report, UnitSection};
use super::to_f64;
use crate::interchange::number::{Locale, format_exact};
use crate::text::report as t;

/// Line or column series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Column,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: &'static str,
    pub values: Vec<Option<Decimal>>,
}

/// A chart: categories along x, one scale for every series on y.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub kind: Kind,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Tick labels are written in this locale.
    pub locale: Locale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a renderer draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        colour: &'static str,
        width: f64,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        colour: &'static str,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        colour: &'static str,
        width: f64,
    },
    Dot {
        x: f64,
        y: f64,
        r: f64,
        colour: &'static str,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        anchor: Anchor,
        colour: &'static str,
    },
}

const LEGEND_LINE: f64 = 11.0;
pub const GRID: &str = "#d0d0d0";
pub const AXIS: &str = "#555555";
pub const TEXT: &str = "#222222";
/// Target (blue) and realisasi (orange), NKO columns (blue), perspectives (four colours).
pub const PALETTE: [&str; 4] = ["#1f5fa8", "#e07b00", "#2e8b57", "#8e44ad"];

/// A tick of the y axis in the locale (`12,5`).
fn tick_label(v: f64, locale: Locale) -> String {
    let d = Decimal::from_f64_retain((v * 1000.0).round() / 1000.0).unwrap_or_default();
    format_exact(d.round_dp(3), locale)
}

/// NKO s.d. each month of the period (columns).
pub fn nko_chart(r: &Report, u: &UnitSection) -> Chart {
    Chart {
        title: t::NKO_BY_MONTH.s().to_string(),
        kind: Kind::Column,
        categories: u
            .nko_by_month
            .iter()
            .map(|(m, _)| t::month_short(*m).to_string())
            .collect(),
        series: vec![Series {
            name: t::NKO.s().to_string(),
            colour: PALETTE[0],
            values: u.nko_by_month.iter().map(|(_, v)| *v).collect(),
        }],
        locale: r.locale,
    }
}

/// Each perspective's value s.d. each month (lines).
pub fn perspective_chart(r: &Report, u: &UnitSection) -> Chart {
    Chart {
        title: t::PERSPECTIVE_BY_MONTH.s().to_string(),
        kind: Kind::Line,
        categories: u
            .nko_by_month
            .iter()
            .map(|(m, _)| t::month_short(*m).to_string())
            .collect(),
        series: u
            .perspective_by_month
            .iter()
            .enumerate()
            .map(|(i, (p, values))| Series {
                name: t::perspective(*p).to_string(),
                colour: PALETTE[i % PALETTE.len()],
                values: values.clone(),
            })
            .collect(),
        locale: r.locale,
    }
}

/// Target and realisasi of an IKU by reporting month, on one scale (lines).
pub fn iku_chart(r: &Report, i: &IkuSection) -> Chart {
    Chart {
        title: t::TARGET_VS_REALISASI.s().to_string(),
        kind: Kind::Line,
        categories: i
            .series
            .iter()
            .map(|(m, _, _)| t::month_short(*m).to_string())
            .collect(),
        series: vec![
            Series {
                name: t::TARGET.s().to_string(),
                colour: PALETTE[0],
                values: i.series.iter().map(|(_, t, _)| *t).collect(),
            },
            Series {
                name: t::REALISASI.s().to_string(),
                colour: PALETTE[1],
                values: i.series.iter().map(|(_, _, r)| *r).collect(),
            },
        ],
        locale: r.locale,
    }
}

/// Absorption against plan (% of the pagu) of each budget line and the total (columns).
pub fn budget_chart(r: &Report, b: &BudgetSection) -> Chart {
    let rows: Vec<&BudgetRow> = b.rows.iter().chain(std::iter::once(&b.total)).collect();
    Chart {
        title: t::ABSORPTION_CHART.s().to_string(),
        kind: Kind::Column,
        categories: rows.iter().map(|x| x.short.clone()).collect(),
        series: vec![
            Series {
                name: t::ABSORPTION_PLANNED.s().to_string(),
                colour: PALETTE[0],
                values: rows.iter().map(|x| x.planned_absorption).collect(),
            },
            Series {
                name: t::ABSORPTION.s().to_string(),
                colour: PALETTE[1],
                values: rows.iter().map(|x| x.absorption).collect(),
            },
        ],
        locale: r.locale,
    }
}

/// The NKO of the direct children of the report's unit (columns), with `--subtree`.
pub fn children_chart(r: &Report) -> Option<Chart> {
    let rows = r.subtree.as_ref()?;
    let children: Vec<_> = rows.iter().filter(|x| x.depth == 1).collect();
    if children.is_empty() {
        return None;
    }
    Some(Chart {
        title: t::CHILD_NKO.s().to_string(),
        kind: Kind::Column,
        categories: children.iter().map(|c| c.code.clone()).collect(),
        series: vec![Series {
            name: t::NKO.s().to_string(),
            colour: PALETTE[0],
            values: children.iter().map(|c| c.nko).collect(),
        }],
        locale: r.locale,
    })
}

/// A "nice" axis from `lo` to `hi`: (start, end, step).
pub fn nice_axis(lo: f64, hi: f64) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (lo.min(0.0), hi.max(0.0));
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    lo = (lo / step).floor() * step;
    hi = (hi / step).ceil() * step;
    (lo, hi, step)
}

/// Lays the chart out in a `w` × `h` box.
pub fn layout(chart: &Chart, w: f64, h: f64) -> Vec<Shape> {
    let mut out = Vec::new();
    let title_h = 16.0;
    let left = 46.0;
    // where each legend entry goes: (x, line)
    let mut legend: Vec<(f64, usize)> = Vec::new();
    let (mut lx, mut line) = (left, 0usize);
    for s in &chart.series {
        let item = 11.0 + 4.2 * s.name.chars().count() as f64 + 12.0;
        if lx + item > w && lx > left {
            lx = left;
            line += 1;
        }
        legend.push((lx, line));
        lx += item;
    }
    let legend_lines = line + 1;
    let legend_h = LEGEND_LINE * legend_lines as f64 + 4.0;
    let right = 8.0;
    let top = title_h + 6.0;
    let bottom = 18.0 + legend_h;
    let pw = (w - left - right).max(10.0);
    let ph = (h - top - bottom).max(10.0);
    out.push(Shape::Text {
        x: 0.0,
        y: 12.0,
        text: chart.title.clone(),
        size: 10.0,
        anchor: Anchor::Start,
        colour: TEXT,
    });
    let values: Vec<f64> = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().map(|d| to_f64(*d)))
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if values.is_empty() {
        (0.0, 1.0)
    } else {
        (lo, hi)
    };
    let (a0, a1, step) = nice_axis(lo, hi);
    let y_of = |v: f64| top + ph - (v - a0) / (a1 - a0) * ph;
    let mut v = a0;
    let mut guard = 0;
    while v <= a1 + step / 2.0 && guard < 20 {
        let y = y_of(v);
        out.push(Shape::Line {
            x1: left,
            y1: y,
            x2: left + pw,
            y2: y,
            colour: GRID,
            width: 0.5,
        });
        out.push(Shape::Text {
            x: left - 4.0,
            y: y + 3.0,
            text: tick_label(v, chart.locale),
            size: 7.0,
            anchor: Anchor::End,
            colour: AXIS,
        });
        v += step;
        guard += 1;
    }
    let n = chart.categories.len().max(1);
    let slot = pw / n as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    for (i, c) in chart.categories.iter().enumerate() {
        out.push(Shape::Text {
            x: x_of(i),
            y: top + ph + 11.0,
            text: c.clone(),
            size: 7.0,
            anchor: Anchor::Middle,
            colour: AXIS,
        });
    }
    let ns = chart.series.len().max(1);
    for (k, s) in chart.series.iter().enumerate() {
        match chart.kind {
            Kind::Column => {
                let bw = slot * 0.7 / ns as f64;
                for (i, v) in s.values.iter().enumerate() {
                    let Some(v) = v else { continue };
                    let v = to_f64(*v);
                    let (y0, y1) = (y_of(0f64.max(a0)), y_of(v));
                    let x = left + slot * i as f64 + slot * 0.15 + bw * k as f64;
                    out.push(Shape::Rect {
                        x,
                        y: y0.min(y1),
                        w: bw,
                        h: (y0 - y1).abs().max(0.5),
                        colour: s.colour,
                    });
                }
            }
            Kind::Line => {
                // a gap (no value) breaks the line
                let mut run: Vec<(f64, f64)> = Vec::new();
                let flush = |run: &mut Vec<(f64, f64)>, out: &mut Vec<Shape>| {
                    if run.len() > 1 {
                        out.push(Shape::Polyline {
                            points: std::mem::take(run),
                            colour: s.colour,
                            width: 1.5,
                        });
                    }
                    run.clear();
                };
                for (i, v) in s.values.iter().enumerate() {
                    match v {
                        Some(v) => {
                            let p = (x_of(i), y_of(to_f64(*v)));
                            run.push(p);
                            out.push(Shape::Dot {
                                x: p.0,
                                y: p.1,
                                r: 2.0,
                                colour: s.colour,
                            });
                        }
                        None => flush(&mut run, &mut out),
                    }
                }
                flush(&mut run, &mut out);
            }
        }
    }
    out.push(Shape::Line {
        x1: left,
        y1: top + ph,
        x2: left + pw,
        y2: top + ph,
        colour: AXIS,
        width: 0.8,
    });
    // legend, on as many lines as it needs below the axis
    for (i, (lx, line)) in legend.iter().enumerate() {
        let s = &chart.series[i];
        let ly = h - 5.0 - LEGEND_LINE * (legend_lines - 1 - line) as f64;
        out.push(Shape::Rect {
            x: *lx,
            y: ly - 7.0,
            w: 8.0,
            h: 8.0,
            colour: s.colour,
        });
        out.push(Shape::Text {
            x: lx + 11.0,
            y: ly,
            text: s.name.clone(),
            size: 7.5,
            anchor: Anchor::Start,
            colour: TEXT,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axis_covers_the_values_and_zero() {
        assert_eq!(nice_axis(0.0, 97.0), (0.0, 100.0, 20.0));
        let (a, b, s) = nice_axis(-3.0, 12.0);
        assert!(a <= -3.0 && b >= 12.0 && s > 0.0);
        assert_eq!(nice_axis(5.0, 5.0).0, 0.0);
    }

    #[test]
    fn a_gap_breaks_a_line_series() {
        let chart = Chart {
            title: "t".into(),
            kind: Kind::Line,
            categories: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            series: vec![Series {
                name: "s".into(),
                colour: PALETTE[0],
                values: vec![
                    Some(Decimal::ONE),
                    Some(Decimal::TWO),
                    None,
                    Some(Decimal::TEN),
                ],
            }],
            locale: Locale::En,
        };
        let shapes = layout(&chart, 300.0, 150.0);
        let lines = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Polyline { .. }))
            .count();
        let dots = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Dot { .. }))
            .count();
        assert_eq!((lines, dots), (1, 3));
    }
}
