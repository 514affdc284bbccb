//! SVG charts through plotters' SVG backend (no hand-written SVG): a bar
//! chart of a timeline and one panel of horizontal bars per dimension of
//! source diversity.

use std::path::Path;

use plotters::prelude::*;
use thiserror::Error;

use super::diversity::Share;
use super::timeline::{Period, UNDATED};

#[derive(Debug, Error)]
#[error("{path}: cannot draw the chart: {message}")]
pub struct ChartError {
    pub path: String,
    pub message: String,
}

const BAR: RGBColor = RGBColor(0x21, 0x66, 0xac);
const BAR_LIGHT: RGBColor = RGBColor(0x92, 0xc5, 0xde);
/// Period labels on the x axis at most; the others are left out (every k-th shown).
const MAX_X_LABELS: usize = 24;

fn err(path: &Path, e: impl std::fmt::Display) -> ChartError {
    ChartError { path: path.display().to_string(), message: e.to_string() }
}

/// Quotes per period as bars; the undated count goes into the caption.
pub fn timeline_svg(path: &Path, title: &str, periods: &[Period]) -> Result<(), ChartError> {
    let dated: Vec<&Period> = periods.iter().filter(|p| p.period != UNDATED).collect();
    let undated = periods.iter().find(|p| p.period == UNDATED).map_or(0, |p| p.quotes);
    let n = dated.len().max(1);
    let max = dated.iter().map(|p| p.quotes).max().unwrap_or(0).max(1);
    let root = SVGBackend::new(path, (1000, 600)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(path, e))?;
    let caption = if undated > 0 { format!("{title} ({undated} undated not shown)") } else { title.to_string() };
    let mut chart = ChartBuilder::on(&root)
        .caption(caption, ("sans-serif", 22))
        .margin(15)
        .x_label_area_size(40)
        .y_label_area_size(60)
        // A segmented 0..k range has k + 1 segments.
        .build_cartesian_2d((0..n - 1).into_segmented(), 0..(max + max / 10 + 1))
        .map_err(|e| err(path, e))?;
    // Every k-th period is labelled, so that labels (about 8 px a character) do not overlap.
    let longest = dated.iter().map(|p| p.period.len()).max().unwrap_or(7);
    let fit = (900 / (8 * longest + 16)).clamp(1, MAX_X_LABELS);
    let step = n.div_ceil(fit);
    let label = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) if i % step == 0 => {
            dated.get(*i).map_or(String::new(), |p| p.period.clone())
        }
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&label)
        .x_label_style(("sans-serif", 13))
        .y_desc("quotes")
        .axis_desc_style(("sans-serif", 15))
        .draw()
        .map_err(|e| err(path, e))?;
    chart
        .draw_series(
            Histogram::vertical(&chart).style(BAR.filled()).margin(2).data(dated.iter().enumerate().map(|(i, p)| (i, p.quotes))),
        )
        .map_err(|e| err(path, e))?;
    root.present().map_err(|e| err(path, e))
}

/// One panel per dimension: for each group, the share of quotes (dark) and of speakers (light).
pub fn diversity_svg(path: &Path, title: &str, shares: &[Share]) -> Result<(), ChartError> {
    let mut dims: Vec<&str> = Vec::new();
    for s in shares {
        if !dims.contains(&s.dimension.as_str()) {
            dims.push(&s.dimension);
        }
    }
    let rows_of = |d: &str| shares.iter().filter(|s| s.dimension == d).count();
    let heights: Vec<u32> = dims.iter().map(|d| 60 + 34 * rows_of(d) as u32).collect();
    let total: u32 = 50 + heights.iter().sum::<u32>();
    let root = SVGBackend::new(path, (1000, total)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(path, e))?;
    let (head, mut rest) = root.split_vertically(50);
    head.titled(title, ("sans-serif", 24)).map_err(|e| err(path, e))?;
    head.draw(&Text::new(
        "dark: share of quotes, light: share of distinct speakers",
        (640, 30),
        ("sans-serif", 14).into_font().color(&BLACK.mix(0.7)),
    ))
    .map_err(|e| err(path, e))?;
    for (d, h) in dims.iter().zip(&heights) {
        let (panel, below) = rest.split_vertically(*h);
        rest = below;
        let groups: Vec<&Share> = shares.iter().filter(|s| s.dimension == *d).collect();
        let n = groups.len();
        if n == 0 {
            continue;
        }
        // Group i is centred on y = 10 i, so that the integer axis puts its ticks (step 10) on the groups.
        let ys = -5i32..(10 * n as i32 - 5);
        // The first group at the top.
        let pos = |i: usize| 10 * (n - 1 - i) as i32;
        let mut chart = ChartBuilder::on(&panel)
            .caption(*d, ("sans-serif", 18))
            .margin(8)
            .margin_right(290)
            .x_label_area_size(24)
            .y_label_area_size(230)
            .build_cartesian_2d(0f64..100f64, ys)
            .map_err(|e| err(path, e))?;
        let names: Vec<String> = groups.iter().map(|g| g.group.clone()).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(11)
            .x_label_formatter(&|x| format!("{x:.0}%"))
            .y_labels(n + 1)
            .y_label_formatter(&|y| match y % 10 == 0 && *y >= 0 {
                true => names.get(n.saturating_sub(1 + (y / 10) as usize)).cloned().unwrap_or_default(),
                false => String::new(),
            })
            .label_style(("sans-serif", 14))
            .draw()
            .map_err(|e| err(path, e))?;
        let bars = groups.iter().enumerate().flat_map(|(i, g)| {
            let y = pos(i);
            [
                Rectangle::new([(0.0, y), (g.quote_share, y + 4)], BAR.filled()),
                Rectangle::new([(0.0, y - 4), (g.speaker_share, y)], BAR_LIGHT.filled()),
            ]
        });
        chart.draw_series(bars).map_err(|e| err(path, e))?;
        let values = groups.iter().enumerate().map(|(i, g)| {
            Text::new(
                format!("{:.1}% ({} quotes), {:.1}% ({} speakers)", g.quote_share, g.quotes, g.speaker_share, g.speakers),
                // Right of the plot, in the margin kept for it.
                (102.0, pos(i) + 2),
                ("sans-serif", 12),
            )
        });
        chart.draw_series(values).map_err(|e| err(path, e))?;
    }
    root.present().map_err(|e| err(path, e))
}
