//! The report as an Excel workbook (rust_xlsxwriter): a cover sheet, a summary sheet per unit,
//! one sheet per IKU, the subtree's units and the open findings. Numbers are numeric cells with
//! a number format (Excel shows them with the reader's own separators), header rows are frozen
//! and repeated on every printed page, columns are sized to their contents, charts are native
//! Excel charts, and every sheet prints on A4.

use std::collections::HashSet;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartLine, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType, Color,
    ConditionalFormatDataBar, ConditionalFormatType, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use super::model::{BudgetSection, IkuSection, IsSection, Report, UnitSection};
use super::{DASH, is_findings_text, severity_word, state_text, status_word, validator_text};
use crate::text::report as t;

const A4: u8 = 9;
const BLUE: u32 = 0x1F5FA8;
const ORANGE: u32 = 0xE07B00;
const PERSPECTIVE_COLOURS: [u32; 4] = [0x1F5FA8, 0xE07B00, 0x2E8B57, 0x8E44AD];

/// The workbook as bytes.
pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    build(r).map_err(|e| e.to_string())
}

/// A decimal as the cell's number: the nearest double to the decimal's exact text.
pub fn cell_number(d: Decimal) -> f64 {
    d.normalize().to_string().parse().unwrap_or(0.0)
}

/// Formats shared by every sheet.
struct Styles {
    title: Format,
    head: Format,
    head_n: Format,
    label: Format,
    text: Format,
    wrap: Format,
    dash: Format,
    two: Format,
    four: Format,
    int: Format,
    exact: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = || Format::new().set_border(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            head: cell().set_bold().set_background_color(Color::RGB(0xE6EDF5)),
            head_n: cell()
                .set_bold()
                .set_background_color(Color::RGB(0xE6EDF5))
                .set_align(FormatAlign::Right),
            label: cell().set_background_color(Color::RGB(0xF5F7FA)),
            text: cell(),
            wrap: cell().set_text_wrap(),
            dash: cell().set_align(FormatAlign::Center),
            two: cell().set_num_format("#,##0.00"),
            four: cell().set_num_format("#,##0.0000"),
            int: cell().set_num_format("#,##0"),
            exact: cell().set_num_format("#,##0.####"),
        }
    }
}

/// A sheet and the widths its columns need.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    widths: Vec<usize>,
}

impl<'a> Sheet<'a> {
    fn new(wb: &'a mut Workbook, name: String) -> Result<Self, XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        ws.set_paper_size(A4);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        Ok(Sheet {
            ws,

            widths: Vec::new(),
        })
    }

    fn fit(&mut self, col: u16, chars: usize) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(chars);
    }

    fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.fit(col, s.chars().count().min(60));
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// A title: not counted in the column's width.
    fn title(&mut self, row: u32, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, 0, s, f)?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, d: Decimal, f: &Format) -> Result<(), XlsxError> {
        self.fit(col, d.round_dp(4).to_string().len() + 3);
        self.ws
            .write_number_with_format(row, col, cell_number(d), f)?;
        Ok(())
    }

    /// A number, or `–` when not computable.
    fn value(
        &mut self,
        row: u32,
        col: u16,
        d: Option<Decimal>,
        f: &Format,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        match d {
            Some(d) => self.number(row, col, d, f),
            None => self.text(row, col, DASH, &st.dash),
        }
    }

    /// A number, or a blank cell (a gap in a chart) when not computable.
    fn point(
        &mut self,
        row: u32,
        col: u16,
        d: Option<Decimal>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        match d {
            Some(d) => self.number(row, col, d, f),
            None => {
                self.ws.write_blank(row, col, f)?;
                Ok(())
            }
        }
    }

    /// An exact target or realisasi: whole numbers without decimals.
    fn exact(
        &mut self,
        row: u32,
        col: u16,
        d: Option<Decimal>,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        match d {
            Some(d) if d.fract().is_zero() => self.number(row, col, d, &st.int),
            Some(d) => self.number(row, col, d, &st.exact),
            None => self.text(row, col, DASH, &st.dash),
        }
    }

    fn finish(self) {
        for (c, w) in self.widths.iter().enumerate() {
            let w = (*w as f64 + 2.0).clamp(8.0, 62.0);
            let _ = self.ws.set_column_width(c as u16, w);
        }
    }
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
struct Names(HashSet<String>);

impl Names {
    fn take(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect();
        let clean = clean.trim_matches('\'').to_string();
        let base: String = clean.chars().take(31).collect();
        let mut name = base.clone();
        let mut n = 2;
        while !self.0.insert(name.to_lowercase()) {
            let suffix = format!(" ({n})");
            let keep = 31 - suffix.chars().count();
            name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
            n += 1;
        }
        name
    }
}

fn build(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    let mut names = Names(HashSet::new());
    cover(&mut wb, &mut names, r, &st)?;
    for (i, u) in r.units.iter().enumerate() {
        let name = if i == 0 {
            names.take(t::SUMMARY.s())
        } else {
            names.take(&format!("{} {}", t::SUMMARY.s(), u.code))
        };
        summary(&mut wb, name, r, u, &st)?;
        if i == 0 && r.subtree.is_some() {
            let name = names.take(t::SUBTREE.s());
            subtree(&mut wb, name, r, &st)?;
        }
    }
    for (i, u) in r.units.iter().enumerate() {
        for k in &u.iku {
            let name = if i == 0 {
                names.take(&k.code)
            } else {
                names.take(&format!("{} {}", u.code, k.code))
            };
            iku(&mut wb, name, r, u, k, &st)?;
        }
    }
    for (i, u) in r.units.iter().enumerate() {
        if let Some(x) = &u.inisiatif {
            let name = if i == 0 {
                names.take(t::IS_TITLE.s())
            } else {
                names.take(&t::IS_SHEET_OF.fill(&[("unit", &u.code)]))
            };
            inisiatif(&mut wb, name, r, u, x, &st)?;
        }
        if let Some(b) = &u.anggaran {
            let name = if i == 0 {
                names.take(t::BUDGET_TITLE.s())
            } else {
                names.take(&t::BUDGET_SHEET_OF.fill(&[("unit", &u.code)]))
            };
            anggaran(&mut wb, name, r, u, b, &st)?;
        }
    }
    let name = names.take(t::FINDINGS.s());
    findings(&mut wb, name, r, &st)?;
    wb.save_to_buffer()
}

fn cover(wb: &mut Workbook, names: &mut Names, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let c = &r.cover;
    let name = names.take(&t::TITLE.s().chars().take(31).collect::<String>());
    let mut s = Sheet::new(wb, name)?;
    s.title(0, t::TITLE.s(), &st.title)?;
    s.title(
        1,
        &format!("{} — {}", c.code, c.name),
        &Format::new().set_bold(),
    )?;
    let mut row = 3;
    for (label, v) in [
        (t::UNIT.s(), format!("{} — {}", c.code, c.name)),
        (t::LEVEL.s(), c.level.as_str().to_string()),
        (t::PERIOD.s(), r.period_label.clone()),
        (t::RULEBOOK.s(), r.rulebook.clone()),
    ] {
        s.text(row, 0, label, &st.label)?;
        s.text(row, 1, &v, &st.text)?;
        row += 1;
    }
    s.text(row, 0, t::NKO.s(), &st.label)?;
    s.value(row, 1, c.nko, &st.two, st)?;
    row += 1;
    s.text(row, 0, t::PREDIKAT.s(), &st.label)?;
    s.text(row, 1, c.predikat.as_deref().unwrap_or(DASH), &st.text)?;
    row += 1;
    s.text(row, 0, t::K3_INDEX.s(), &st.label)?;
    s.value(row, 1, c.k3_index, &st.four, st)?;
    row += 1;
    s.text(row, 0, t::NKO_K3.s(), &st.label)?;
    s.value(row, 1, c.nko_k3, &st.two, st)?;
    row += 1;
    s.text(row, 0, t::PERIOD_STATE.s(), &st.label)?;
    s.text(row, 1, &state_text(&c.state), &st.text)?;
    row += 1;
    s.text(row, 0, t::VALIDATED_BY.s(), &st.label)?;
    s.text(row, 1, &validator_text(&c.state), &st.text)?;
    row += 3;
    s.text(row, 0, t::SIGNATURE.s(), &Format::new().set_bold())?;
    row += 1;
    let blank = |v: &Option<String>| v.clone().unwrap_or_default();
    for (label, v) in [
        (t::SIGN_HERE.s(), String::new()),
        (t::SIGN_NAME.s(), blank(&c.signature.name)),
        (t::SIGN_POSITION.s(), blank(&c.signature.position)),
        (t::SIGN_NIP.s(), blank(&c.signature.nip)),
    ] {
        s.text(row, 0, label, &st.label)?;
        s.text(row, 1, &v, &st.text)?;
        row += 1;
    }
    s.ws.set_row_height(row - 4, 45)?;
    s.fit(1, 30);
    s.finish();
    Ok(())
}

fn summary(
    wb: &mut Workbook,
    name: String,
    r: &Report,
    u: &UnitSection,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut s = Sheet::new(wb, name.clone())?;
    s.title(
        0,
        &format!("{} — {} · {}", u.code, u.name, r.period_label),
        &st.title,
    )?;
    // the unit's numbers: a header row (frozen) and one row of values
    let head = [t::NKO.s(), t::PREDIKAT.s(), t::K3_INDEX.s(), t::NKO_K3.s()];
    for (c, h) in head.iter().enumerate() {
        s.text(1, c as u16, h, &st.head)?;
    }
    s.value(2, 0, u.nko, &st.two, st)?;
    s.text(2, 1, u.predikat.as_deref().unwrap_or(DASH), &st.text)?;
    s.value(2, 2, u.k3_index, &st.four, st)?;
    s.value(2, 3, u.nko_k3, &st.two, st)?;
    s.ws.set_freeze_panes(3, 0)?;
    s.ws.set_repeat_rows(0, 2)?;
    let mut row = 4;
    if !u.perspectives.is_empty() {
        s.text(row, 0, t::PERSPECTIVE.s(), &st.head)?;
        s.text(row, 1, t::WEIGHT.s(), &st.head_n)?;
        s.text(row, 2, t::VALUE.s(), &st.head_n)?;
        row += 1;
        for p in &u.perspectives {
            s.text(row, 0, t::perspective(p.perspective), &st.text)?;
            s.exact(row, 1, Some(p.weight), st)?;
            s.value(row, 2, p.value, &st.two, st)?;
            row += 1;
        }
        row += 1;
    }
    if !u.ss.is_empty() {
        for (c, h) in [
            t::SS.s(),
            t::PERSPECTIVE.s(),
            t::VALUE.s(),
            t::STATUS.s(),
            t::NAME.s(),
        ]
        .iter()
        .enumerate()
        {
            s.text(row, c as u16, h, if c == 2 { &st.head_n } else { &st.head })?;
        }
        row += 1;
        for x in &u.ss {
            s.text(row, 0, &x.code, &st.text)?;
            s.text(row, 1, t::perspective(x.perspective), &st.text)?;
            s.value(row, 2, x.value, &st.two, st)?;
            s.text(row, 3, status_word(x.status), &st.text)?;
            s.text(row, 4, &x.name, &st.text)?;
            row += 1;
        }
        row += 1;
    }
    // NKO and perspectives by month: the table the charts draw
    let first = row;
    s.text(row, 0, t::MONTH.s(), &st.head)?;
    s.text(row, 1, t::NKO.s(), &st.head_n)?;
    for (k, (p, _)) in u.perspective_by_month.iter().enumerate() {
        s.text(row, 2 + k as u16, t::perspective(*p), &st.head_n)?;
    }
    row += 1;
    for (i, (m, nko)) in u.nko_by_month.iter().enumerate() {
        s.text(row, 0, t::month_short(*m), &st.text)?;
        s.point(row, 1, *nko, &st.two)?;
        for (k, (_, values)) in u.perspective_by_month.iter().enumerate() {
            s.point(row, 2 + k as u16, values.get(i).copied().flatten(), &st.two)?;
        }
        row += 1;
    }
    let last = row - 1;
    if last > first {
        let mut c = Chart::new(ChartType::Column);
        c.title().set_name(t::NKO_BY_MONTH.s());
        c.add_series()
            .set_name(t::NKO.s())
            .set_categories((name.as_str(), first + 1, 0, last, 0))
            .set_values((name.as_str(), first + 1, 1, last, 1))
            .set_format(ChartSolidFill::new().set_color(Color::RGB(BLUE)));
        c.legend().set_hidden();
        c.set_width(520).set_height(260);
        s.ws.insert_chart(row + 1, 0, &c)?;
        if !u.perspective_by_month.is_empty() {
            let mut c = Chart::new(ChartType::Line);
            c.title().set_name(t::PERSPECTIVE_BY_MONTH.s());
            for k in 0..u.perspective_by_month.len() {
                let col = 2 + k as u16;
                let colour = Color::RGB(PERSPECTIVE_COLOURS[k % 4]);
                c.add_series()
                    .set_name((name.as_str(), first, col))
                    .set_categories((name.as_str(), first + 1, 0, last, 0))
                    .set_values((name.as_str(), first + 1, col, last, col))
                    .set_format(ChartLine::new().set_color(colour).set_width(2))
                    .set_marker(
                        ChartMarker::new()
                            .set_type(ChartMarkerType::Circle)
                            .set_format(ChartSolidFill::new().set_color(colour)),
                    );
            }
            c.set_width(620).set_height(260);
            s.ws.insert_chart(row + 15, 0, &c)?;
        }
    }
    s.finish();
    Ok(())
}

fn subtree(wb: &mut Workbook, name: String, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let Some(rows) = &r.subtree else {
        return Ok(());
    };
    let mut s = Sheet::new(wb, name.clone())?;
    s.ws.set_landscape();
    let head = [
        t::UNIT.s(),
        t::NAME.s(),
        t::LEVEL.s(),
        t::NKO.s(),
        t::PREDIKAT.s(),
        t::K3_INDEX.s(),
        t::NKO_K3.s(),
        t::PERIOD_STATE.s(),
    ];
    for (c, h) in head.iter().enumerate() {
        let f = if matches!(c, 3 | 5 | 6) {
            &st.head_n
        } else {
            &st.head
        };
        s.text(0, c as u16, h, f)?;
    }
    s.ws.set_freeze_panes(1, 1)?;
    s.ws.set_repeat_rows(0, 0)?;
    for (i, x) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        s.text(
            row,
            0,
            &format!("{}{}", "  ".repeat(x.depth), x.code),
            &st.text,
        )?;
        s.text(row, 1, &x.name, &st.text)?;
        s.text(row, 2, x.level.as_str(), &st.text)?;
        s.value(row, 3, x.nko, &st.two, st)?;
        s.text(row, 4, x.predikat.as_deref().unwrap_or(DASH), &st.text)?;
        s.value(row, 5, x.k3_index, &st.four, st)?;
        s.value(row, 6, x.nko_k3, &st.two, st)?;
        s.text(row, 7, &crate::text::round::state_word(x.state), &st.text)?;
    }
    // the direct children, beside the table, for the chart
    let children: Vec<_> = rows.iter().filter(|x| x.depth == 1).collect();
    if !children.is_empty() {
        s.text(0, 8, t::UNIT.s(), &st.head)?;
        s.text(0, 9, t::NKO.s(), &st.head_n)?;
        for (i, x) in children.iter().enumerate() {
            s.text(1 + i as u32, 8, &x.code, &st.text)?;
            s.point(1 + i as u32, 9, x.nko, &st.two)?;
        }
        let n = children.len() as u32;
        let mut c = Chart::new(ChartType::Column);
        c.title().set_name(t::CHILD_NKO.s());
        c.add_series()
            .set_name(t::NKO.s())
            .set_categories((name.as_str(), 1, 8, n, 8))
            .set_values((name.as_str(), 1, 9, n, 9))
            .set_format(ChartSolidFill::new().set_color(Color::RGB(BLUE)));
        c.legend().set_hidden();
        c.set_width(640).set_height(300);
        s.ws.insert_chart(1, 11, &c)?;
    }
    s.finish();
    Ok(())
}

fn iku(
    wb: &mut Workbook,
    name: String,
    r: &Report,
    u: &UnitSection,
    k: &IkuSection,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut s = Sheet::new(wb, name.clone())?;
    s.ws.set_landscape();
    s.title(
        0,
        &format!("{} / {} — {}", u.code, k.code, k.name),
        &st.title,
    )?;
    // the quarterly table: header row 1 (frozen, repeated), Target / Realisasi / Capaian
    s.text(1, 0, t::IKU.s(), &st.head)?;
    for (c, col) in k.columns.iter().enumerate() {
        s.text(1, 1 + c as u16, t::column(col.column), &st.head_n)?;
    }
    s.ws.set_freeze_panes(2, 1)?;
    s.ws.set_repeat_rows(0, 1)?;
    s.text(2, 0, t::TARGET.s(), &st.label)?;
    s.text(3, 0, t::REALISASI.s(), &st.label)?;
    s.text(4, 0, t::CAPAIAN.s(), &st.label)?;
    for (c, col) in k.columns.iter().enumerate() {
        let c = 1 + c as u16;
        s.exact(2, c, col.target, st)?;
        s.exact(3, c, col.realisasi, st)?;
        s.value(4, c, col.capaian, &st.two, st)?;
    }
    // the IKU's facts and its numbers s.d. the period
    let mut row = 6;
    for (label, v) in [
        (t::SS.s(), k.ss.clone()),
        (t::UNIT_OF_MEASURE.s(), k.unit_of_measure.clone()),
        (t::POLARITY.s(), t::word(k.polarity).to_string()),
        (t::CONSOLIDATION.s(), t::word(k.consolidation).to_string()),
        (t::REPORTING.s(), t::word(k.reporting_period).to_string()),
        (t::RESPONSIBLE.s(), k.responsible.clone()),
    ] {
        s.text(row, 0, label, &st.label)?;
        s.ws.write_string_with_format(row, 1, &v, &st.text)?;
        row += 1;
    }
    s.text(row, 0, t::PERIOD.s(), &st.label)?;
    s.ws.write_string_with_format(row, 1, &r.period_label, &st.text)?;
    row += 1;
    s.text(row, 0, t::TARGET.s(), &st.label)?;
    s.exact(row, 1, k.target, st)?;
    row += 1;
    s.text(row, 0, t::REALISASI.s(), &st.label)?;
    s.exact(row, 1, k.realisasi, st)?;
    row += 1;
    s.text(row, 0, t::CAPAIAN.s(), &st.label)?;
    s.value(row, 1, k.capaian, &st.two, st)?;
    row += 1;
    s.text(row, 0, t::STATUS.s(), &st.label)?;
    s.ws.write_string_with_format(row, 1, status_word(k.status), &st.text)?;
    row += 2;
    // the monthly series and its chart (target and realisasi on one axis)
    let first = row;
    s.text(row, 0, t::MONTH.s(), &st.head)?;
    s.text(row, 1, t::TARGET.s(), &st.head_n)?;
    s.text(row, 2, t::REALISASI.s(), &st.head_n)?;
    row += 1;
    for (m, target, realisasi) in &k.series {
        s.text(row, 0, &super::month_label(r.year, *m), &st.text)?;
        s.point(row, 1, *target, &st.exact)?;
        s.point(row, 2, *realisasi, &st.exact)?;
        row += 1;
    }
    let last = row - 1;
    let mut c = Chart::new(ChartType::Line);
    c.title().set_name(t::TARGET_VS_REALISASI.s());
    for (col, colour) in [(1u16, BLUE), (2, ORANGE)] {
        c.add_series()
            .set_name((name.as_str(), first, col))
            .set_categories((name.as_str(), first + 1, 0, last, 0))
            .set_values((name.as_str(), first + 1, col, last, col))
            .set_format(
                ChartLine::new()
                    .set_color(Color::RGB(colour))
                    .set_width(2.25),
            )
            .set_marker(
                ChartMarker::new()
                    .set_type(ChartMarkerType::Circle)
                    .set_format(ChartSolidFill::new().set_color(Color::RGB(colour))),
            );
    }
    c.set_width(640).set_height(300);
    s.ws.insert_chart(6, 4, &c)?;
    // the analyses and the evidence of the period's quarter, below the series
    row += 1;
    for (m, a) in &k.analyses {
        let month = super::month_label(r.year, *m);
        s.title(
            row,
            &t::ANALYSIS.fill(&[("month", &month)]),
            &Format::new().set_bold(),
        )?;
        row += 1;
        let by = a.rencana.by.map(|d| d.format("%Y-%m-%d").to_string());
        for (label, v) in [
            (t::ISU.s(), a.isu.as_str()),
            (t::IMPLIKASI.s(), a.implikasi.as_str()),
            (t::AKSI.s(), a.aksi.as_str()),
            (t::RENCANA.s(), a.rencana.what.as_str()),
            (t::RENCANA_WHO.s(), a.rencana.who.as_str()),
            (t::RENCANA_BY.s(), by.as_deref().unwrap_or("")),
            (t::CATATAN.s(), a.catatan.as_str()),
        ] {
            if v.is_empty() {
                continue;
            }
            s.text(row, 0, label, &st.label)?;
            // the text spans the columns up to the chart's, wrapped
            s.ws.merge_range(row, 1, row, 3, v, &st.wrap)?;
            let lines = v.chars().count() / 45 + v.matches('\n').count() + 1;
            s.ws.set_row_height(row, 15.0 * lines.min(12) as f64)?;
            row += 1;
        }
        row += 1;
    }
    if !k.evidence.is_empty() {
        s.title(row, t::EVIDENCE.s(), &Format::new().set_bold())?;
        row += 1;
        s.text(row, 0, t::MONTH.s(), &st.head)?;
        s.text(row, 1, t::FILE.s(), &st.head)?;
        s.text(row, 2, t::SIZE.s(), &st.head_n)?;
        s.text(row, 3, t::SHA256.s(), &st.head)?;
        row += 1;
        for (m, e) in &k.evidence {
            s.text(row, 0, &super::month_label(r.year, *m), &st.text)?;
            s.text(row, 1, &e.name, &st.text)?;
            s.number(row, 2, Decimal::from(e.size), &st.int)?;
            s.text(row, 3, super::sha_short(&e.sha256), &st.text)?;
            row += 1;
        }
    }
    s.finish();
    Ok(())
}

/// The unit's IS: planned against realised % at the period, a data bar of the realised %.
fn inisiatif(
    wb: &mut Workbook,
    name: String,
    r: &Report,
    u: &UnitSection,
    x: &IsSection,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut s = Sheet::new(wb, name)?;
    s.ws.set_landscape();
    s.title(
        0,
        &format!("{} — {} · {}", u.code, t::IS_TITLE.s(), r.period_label),
        &st.title,
    )?;
    let head = [
        t::IS_CODE.s(),
        t::NAME.s(),
        t::IKU.s(),
        t::RESPONSIBLE.s(),
        t::IS_MONTHS.s(),
        t::PLANNED_PCT.s(),
        t::REALISED_PCT.s(),
        t::STATUS.s(),
        t::IS_FINDINGS.s(),
        t::KENDALA.s(),
        t::TINDAK_LANJUT.s(),
    ];
    for (c, h) in head.iter().enumerate() {
        s.text(
            1,
            c as u16,
            h,
            if matches!(c, 5 | 6) {
                &st.head_n
            } else {
                &st.head
            },
        )?;
    }
    s.ws.set_freeze_panes(2, 1)?;
    s.ws.set_repeat_rows(0, 1)?;
    let mut row = 2;
    for i in &x.rows {
        s.text(row, 0, &i.code, &st.text)?;
        s.text(row, 1, &i.name, &st.wrap)?;
        s.text(row, 2, &i.iku.join(", "), &st.text)?;
        s.text(row, 3, &i.pic, &st.wrap)?;
        s.text(row, 4, &format!("{}–{}", i.start, i.end), &st.text)?;
        s.number(row, 5, i.planned, &st.two)?;
        s.number(row, 6, i.realised, &st.two)?;
        s.text(row, 7, &i.status, &st.text)?;
        s.text(row, 8, &is_findings_text(i, r.locale), &st.wrap)?;
        s.text(row, 9, &i.kendala, &st.wrap)?;
        s.text(row, 10, &i.tindak_lanjut, &st.wrap)?;
        row += 1;
    }
    if row > 2 {
        let bar = ConditionalFormatDataBar::new()
            .set_minimum(ConditionalFormatType::Number, 0)
            .set_maximum(ConditionalFormatType::Number, 100)
            .set_fill_color(Color::RGB(0x2E8B57));
        s.ws.add_conditional_format(2, 6, row - 1, 6, &bar)?;
    }
    s.text(row, 4, t::IS_MEAN.s(), &st.label)?;
    s.number(row, 5, x.planned, &st.two)?;
    s.number(row, 6, x.realised, &st.two)?;
    s.finish();
    Ok(())
}

/// The unit's budget lines: pagu, planned and realised to date, absorption against plan, the
/// total, and a native column chart of the absorption against plan per line.
fn anggaran(
    wb: &mut Workbook,
    name: String,
    r: &Report,
    u: &UnitSection,
    b: &BudgetSection,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut s = Sheet::new(wb, name.clone())?;
    s.ws.set_landscape();
    s.title(
        0,
        &format!("{} — {} · {}", u.code, t::BUDGET_TITLE.s(), r.period_label),
        &st.title,
    )?;
    let head = [
        t::BUDGET_LINE.s(),
        t::PROGRAM.s(),
        t::OUTPUT.s(),
        t::PAGU.s(),
        t::BUDGET_PLANNED.s(),
        t::BUDGET_REALISASI.s(),
        t::ABSORPTION_PLANNED.s(),
        t::ABSORPTION.s(),
    ];
    for (c, h) in head.iter().enumerate() {
        s.text(1, c as u16, h, if c >= 3 { &st.head_n } else { &st.head })?;
    }
    s.ws.set_freeze_panes(2, 1)?;
    s.ws.set_repeat_rows(0, 1)?;
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    let mut row = 2;
    for (x, total) in b
        .rows
        .iter()
        .map(|x| (x, false))
        .chain(std::iter::once((&b.total, true)))
    {
        if total {
            s.text(row, 0, &x.short, &bold)?;
            s.text(row, 1, "", &bold)?;
            s.text(row, 2, "", &bold)?;
        } else {
            s.text(row, 0, &x.code, &st.text)?;
            s.text(row, 1, &x.program, &st.text)?;
            s.text(row, 2, &x.output_name, &st.text)?;
        }
        s.number(row, 3, x.pagu, &st.int)?;
        s.number(row, 4, x.planned, &st.int)?;
        s.number(row, 5, x.realisasi, &st.int)?;
        s.value(row, 6, x.planned_absorption, &st.two, st)?;
        s.value(row, 7, x.absorption, &st.two, st)?;
        row += 1;
    }
    let (first, last) = (2, row - 1);
    let mut c = Chart::new(ChartType::Column);
    c.title().set_name(t::ABSORPTION_CHART.s());
    for (col, colour) in [(6u16, BLUE), (7, ORANGE)] {
        c.add_series()
            .set_name((name.as_str(), 1, col))
            .set_categories((name.as_str(), first, 0, last, 0))
            .set_values((name.as_str(), first, col, last, col))
            .set_format(ChartSolidFill::new().set_color(Color::RGB(colour)));
    }
    c.set_width(720).set_height(320);
    s.ws.insert_chart(row + 1, 0, &c)?;
    s.finish();
    Ok(())
}

fn findings(wb: &mut Workbook, name: String, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let mut s = Sheet::new(wb, name)?;
    s.ws.set_landscape();
    let head = [
        t::UNIT.s(),
        t::RULE.s(),
        t::SEVERITY.s(),
        t::SS.s(),
        t::IKU.s(),
        t::MONTH.s(),
        t::MESSAGE.s(),
    ];
    for (c, h) in head.iter().enumerate() {
        s.text(0, c as u16, h, &st.head)?;
    }
    s.ws.set_freeze_panes(1, 0)?;
    s.ws.set_repeat_rows(0, 0)?;
    let mut row = 1;
    for u in &r.units {
        for f in &u.findings {
            s.text(row, 0, &u.code, &st.text)?;
            s.text(row, 1, &f.id, &st.text)?;
            s.text(row, 2, severity_word(f.severity), &st.text)?;
            s.text(row, 3, f.ss.as_deref().unwrap_or(""), &st.text)?;
            s.text(row, 4, f.iku.as_deref().unwrap_or(""), &st.text)?;
            let month = f.month.map(|m| super::month_label(r.year, m));
            s.text(row, 5, month.as_deref().unwrap_or(""), &st.text)?;
            s.text(row, 6, &f.message, &st.wrap)?;
            row += 1;
        }
    }
    if row == 1 {
        s.ws.write_string_with_format(1, 0, t::NO_FINDINGS.s(), &Format::new())?;
    }
    s.finish();
    Ok(())
}
