//! Small helpers for fitting text into columns by display width.

use ratatui::layout::Rect;

use crate::app::screen::Area;
use crate::app::text::TextBuffer;
use crate::app::text::wrap::{char_width, shown_text_width, text_width, unit_width, units};
use crate::sanitize;

/// `text` cut to at most `width` columns, ending in `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// An id cut to at most `width` columns at a word boundary (`-`, `_`),
/// ending in `…` when cut: `french-bakers…`, not `french-bak…`. A first
/// word wider than `width` is cut where it must be.
pub fn fit_id(id: &str, width: usize) -> String {
    if text_width(id) <= width {
        return id.to_owned();
    }
    let cut = id
        .char_indices()
        .filter(|&(_, c)| c == '-' || c == '_')
        .map(|(at, _)| at)
        .take_while(|&at| text_width(&id[..at]) < width)
        .last();
    match cut {
        // Keep at least a third of the room, or the cut says little.
        Some(at) if text_width(&id[..at]) * 3 >= width => format!("{}…", &id[..at]),
        _ => fit(id, width),
    }
}

/// `text` cut from the left to at most `width` columns, starting with `…` when cut.
pub fn fit_left(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
}

/// A `width` × `height` rectangle centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The app's view of a ratatui rectangle.
pub fn area(rect: Rect) -> Area {
    Area {
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
    }
}

/// The first line of `input` as it fits in `width` columns, scrolled
/// sideways so the cursor stays in view, sanitized, and the cursor's column.
pub fn one_line(input: &TextBuffer, width: usize) -> (String, usize) {
    let text = input.lines().first().map_or("", String::as_str);
    let (_, column) = input.cursor();
    let column = column.min(text.len());
    let before = shown_text_width(&text[..column]);
    // Scroll horizontally so the cursor stays visible.
    let skip = before.saturating_sub(width.saturating_sub(1));
    let mut used = 0;
    let from = units(text)
        .find(|&(_, unit)| {
            used += unit_width(unit);
            used > skip
        })
        .map_or(text.len(), |(at, _)| at);
    let skipped = shown_text_width(&text[..from]);
    let shown = fit(&sanitize::line(&text[from..]), width);
    (shown, (before - skipped).min(width.saturating_sub(1)))
}

/// The row `i` of `rect` (height 1), or `None` past its end.
pub fn row(rect: Rect, i: usize) -> Option<Rect> {
    (i < rect.height as usize).then(|| Rect {
        x: rect.x,
        y: rect.y + i as u16,
        width: rect.width,
        height: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_columns_not_bytes() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello", 4), "hel…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("日本語", 0), "");
        assert_eq!(fit_left("a › b › c", 5), "… › c");
        assert_eq!(
            fit_id("french-bakers-will-not-switch", 20),
            "french-bakers-will…"
        );
        assert_eq!(
            fit_id("french-bakers-will-not-switch", 14),
            "french-bakers…"
        );
        assert_eq!(fit_id("french-bakers", 13), "french-bakers");
        assert_eq!(fit_id("extraordinarily-long", 6), "extra…");
    }
}
