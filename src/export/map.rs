//! The cascade on one page, as inline SVG drawn by strata: the vision on
//! top, a band per intent, a card per initiative holding its options as
//! rows. Levels wrap (the cards of an intent fill rows of a grid), so the map
//! grows down, never wider than the page, and reads at 33 nodes as at 300.
//!
//! Laid out once as data ([`layout`]: boxes with their place, size and font),
//! then drawn; the tests check the data: no box overlaps another, no text is
//! below 11 px or wider than its box. Each box is a link to its two-pager and
//! carries the full title as a `<title>` tooltip when the title is cut. File
//! text reaches the markup only through [`escape::html`].

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::escape::html as h;
use super::outline::{Entry, Outline};
use crate::sanitize;

/// The smallest font the map uses, in px.
pub const MIN_FONT: f64 = 11.0;

/// A width to lay the map out for, and the cards per row.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// The map's width in px.
    pub width: f64,
    /// How many initiative cards share a row.
    pub columns: usize,
}

/// The page at full width: beside the cascade list at 1280 px (832 px of
/// room), and on A4 paper (about 717 px between the margins), unscaled.
pub const WIDE: Frame = Frame {
    width: 700.0,
    columns: 3,
};

/// A phone (390 px): one card per row.
pub const NARROW: Frame = Frame {
    width: 340.0,
    columns: 1,
};

/// One node's box.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// The node's position in [`Outline::entries`].
    pub entry: usize,
    /// Left edge, px.
    pub x: f64,
    /// Top edge, px.
    pub y: f64,
    /// Width, px.
    pub w: f64,
    /// Height, px.
    pub h: f64,
    /// The font size of its text, px.
    pub font: f64,
    /// The text shown: the title, cut to fit with `…` when too long.
    pub text: String,
    /// Whether `text` is the title cut short.
    pub cut: bool,
}

#[cfg(test)]
impl NodeBox {
    /// Whether this box and `other` share any area.
    pub fn overlaps(&self, other: &NodeBox) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + other.h
    }
}

/// A frame drawn around a group of boxes (an intent's band, an initiative's card).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Left, top, width, height, px.
    pub rect: (f64, f64, f64, f64),
    /// A label for a group that has no node of its own ("Not linked").
    pub label: Option<&'static str>,
}

/// The map laid out.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The width and height of the drawing, px.
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Every node's box, in reading order.
    pub boxes: Vec<NodeBox>,
    /// Bands and cards, drawn behind the boxes.
    pub groups: Vec<Group>,
}

const GAP: f64 = 10.0;
const INSET: f64 = 8.0;
const VISION_H: f64 = 40.0;
const BAND_H: f64 = 30.0;
const CARD_H: f64 = 26.0;
const ROW_H: f64 = 20.0;
const ROW_PITCH: f64 = 22.0;
const INDENT: f64 = 10.0;
/// A generous average advance per column of text, in ems: DejaVu Sans, the
/// widest common fallback (Linux, headless Chromium), runs to 0.58 on
/// English titles, so an estimate this wide does not spill out of its box;
/// the browser test measures the real text.
const ADVANCE: f64 = 0.6;

/// A card: its head node and the rows under it, with their depth below it.
struct Card {
    head: usize,
    rows: Vec<(usize, usize)>,
}

/// A band: its head node (none for "Not linked") and its cards.
struct Band {
    head: Option<usize>,
    cards: Vec<Card>,
}

/// Lays `outline` out in `frame`; linear in the nodes.
pub fn layout(outline: &Outline<'_>, frame: Frame) -> Layout {
    let entries = outline.entries();
    let mut vision = None;
    let mut bands: Vec<Band> = Vec::new();
    let linked = outline.linked().len();
    for (i, entry) in entries.iter().enumerate().take(linked) {
        match entry.depth {
            0 => vision = Some(i),
            1 => bands.push(Band {
                head: Some(i),
                cards: Vec::new(),
            }),
            2 => band_for(&mut bands).cards.push(Card {
                head: i,
                rows: Vec::new(),
            }),
            depth => add_row(band_for(&mut bands), i, depth - 3),
        }
    }
    if linked < entries.len() {
        let mut band = Band {
            head: None,
            cards: Vec::new(),
        };
        for (i, entry) in entries.iter().enumerate().skip(linked) {
            match entry.depth {
                0 => band.cards.push(Card {
                    head: i,
                    rows: Vec::new(),
                }),
                depth => add_row(&mut band, i, depth - 1),
            }
        }
        bands.push(band);
    }

    let width = frame.width;
    let mut out = Layout {
        width,
        ..Layout::default()
    };
    let mut y = 0.0;
    if let Some(i) = vision {
        out.boxes
            .push(node_box(&entries[i], i, (0.0, y, width, VISION_H), 15.0));
        y += VISION_H + GAP;
    }
    let columns = frame.columns.max(1);
    let inner = width - 2.0 * INSET;
    let card_w = (inner - GAP * (columns - 1) as f64) / columns as f64;
    for band in &bands {
        let top = y;
        match band.head {
            Some(i) => out
                .boxes
                .push(node_box(&entries[i], i, (0.0, y, width, BAND_H), 13.0)),
            None => out.groups.push(Group {
                rect: (0.0, y, width, BAND_H),
                label: Some("Not linked"),
            }),
        }
        y += BAND_H + INSET;
        for row in band.cards.chunks(columns) {
            let mut tallest: f64 = 0.0;
            for (c, card) in row.iter().enumerate() {
                let x = INSET + c as f64 * (card_w + GAP);
                let height = CARD_H + 8.0 + card.rows.len() as f64 * ROW_PITCH;
                tallest = tallest.max(height);
                out.groups.push(Group {
                    rect: (x, y, card_w, height),
                    label: None,
                });
                let head = &entries[card.head];
                out.boxes
                    .push(node_box(head, card.head, (x, y, card_w, CARD_H), 12.0));
                for (r, &(i, depth)) in card.rows.iter().enumerate() {
                    let indent = 6.0 + INDENT * depth.min(4) as f64;
                    let top = y + CARD_H + 4.0 + r as f64 * ROW_PITCH;
                    let rect = (x + indent, top, card_w - indent - 6.0, ROW_H);
                    out.boxes.push(node_box(&entries[i], i, rect, MIN_FONT));
                }
            }
            y += tallest + GAP;
        }
        // The band's frame encloses its bar and its cards.
        out.groups.push(Group {
            rect: (0.0, top, width, y - top),
            label: None,
        });
        y += GAP;
    }
    out.height = y.max(1.0);
    out
}

fn band_for(bands: &mut Vec<Band>) -> &mut Band {
    if bands.is_empty() {
        bands.push(Band {
            head: None,
            cards: Vec::new(),
        });
    }
    let last = bands.len() - 1;
    &mut bands[last]
}

/// Entry `i` as a row of the band's last card, `depth` below its head; the
/// head of a new card when the band has none.
fn add_row(band: &mut Band, i: usize, depth: usize) {
    match band.cards.last_mut() {
        Some(card) => card.rows.push((i, depth)),
        None => band.cards.push(Card {
            head: i,
            rows: Vec::new(),
        }),
    }
}

fn node_box(entry: &Entry<'_>, i: usize, rect: (f64, f64, f64, f64), font: f64) -> NodeBox {
    let (x, y, w, h) = rect;
    let (text, cut) = fit(entry.title(), w - 2.0 * INSET, font);
    NodeBox {
        entry: i,
        x,
        y,
        w,
        h,
        font,
        text,
        cut,
    }
}

/// How wide `text` is at `font` px, by the generous estimate.
pub fn text_width(text: &str, font: f64) -> f64 {
    let columns: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    columns as f64 * ADVANCE * font
}

/// `title` made safe for display, cut with `…` to fit `room` px at `font` px.
fn fit(title: &str, room: f64, font: f64) -> (String, bool) {
    let clean = sanitize::line(title);
    if text_width(&clean, font) <= room {
        return (clean.into_owned(), false);
    }
    let budget = room - text_width("…", font);
    let mut used = 0.0;
    let mut out = String::new();
    for c in clean.chars() {
        let advance = c.width().unwrap_or(0) as f64 * ADVANCE * font;
        if used + advance > budget {
            break;
        }
        used += advance;
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    (out, true)
}

/// The map in `frame` as an `<svg>` element with the class `map {class}`.
pub fn draw(outline: &Outline<'_>, frame: Frame, class: &str) -> String {
    let map = layout(outline, frame);
    let entries = outline.entries();
    let mut out = String::with_capacity(map.boxes.len() * 320);
    let _ = write!(
        out,
        "<svg class=\"map {class}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"The cascade: {n} two-pagers\">",
        w = map.width,
        h = map.height,
        n = entries.len()
    );
    for group in &map.groups {
        let (x, y, w, h) = group.rect;
        match group.label {
            Some(label) => {
                let _ = write!(
                    out,
                    "<text class=\"label\" x=\"{}\" y=\"{}\" font-size=\"13\">{label}</text>",
                    x + INSET,
                    y + BAND_H / 2.0 + 4.5
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<rect class=\"frame\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\"/>"
                );
            }
        }
    }
    for b in &map.boxes {
        let entry = &entries[b.entry];
        let status = entry.node.doc.status;
        let _ = write!(
            out,
            "<a href=\"#{anchor}\" class=\"node {status}\"><title>{level}: {title} ({status})</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"4\"/>\
             <text x=\"{tx}\" y=\"{ty:.1}\" font-size=\"{font}\">{text}</text></a>",
            anchor = h(&entry.anchor),
            level = entry.node.level.title(),
            title = h(entry.title()),
            x = b.x,
            y = b.y,
            w = b.w,
            h = b.h,
            tx = b.x + INSET,
            ty = b.y + b.h / 2.0 + b.font * 0.35,
            font = b.font,
            text = h(&b.text),
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Level, Node, Strategy};

    /// A vision, `intents` intents, each with `initiatives` initiatives of
    /// `options` options, every title long.
    fn cascade(intents: usize, initiatives: usize, options: usize) -> Strategy {
        let mut s = Strategy::new("Acme");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.title = "Every shipper tracks every load without a phone call ".repeat(3);
        s.add(vision);
        for i in 0..intents {
            let mut intent = Node::new(Level::Intent, format!("i{i}"));
            intent.doc.title = format!("Intent {i} with a title long enough to be cut short");
            s.add(intent);
            for j in 0..initiatives {
                let key = format!("i{i}-{j}");
                let mut initiative = Node::child_of(Level::Initiative, &key, format!("i{i}"));
                initiative.doc.title = format!("Initiative {key}: {}", "longer words ".repeat(4));
                s.add(initiative);
                for k in 0..options {
                    let mut option = Node::child_of(Level::Option, format!("{key}-{k}"), &key);
                    option.doc.title = "一个很长的选项标题 with wide characters".into();
                    s.add(option);
                }
            }
        }
        s.relink();
        s
    }

    fn check(map: &Layout, nodes: usize, frame: Frame) {
        assert_eq!(map.boxes.len(), nodes);
        for (i, a) in map.boxes.iter().enumerate() {
            assert!(a.font >= MIN_FONT, "{a:?}");
            assert!(a.x >= 0.0 && a.x + a.w <= frame.width + 1e-9, "{a:?}");
            assert!(text_width(&a.text, a.font) <= a.w - 2.0 * INSET, "{a:?}");
            for b in &map.boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        assert!(map.width <= frame.width);
    }

    #[test]
    fn the_map_stays_readable_at_33_and_at_300_nodes() {
        for (shape, nodes) in [((4, 1, 6), 33), ((3, 11, 8), 301)] {
            let s = cascade(shape.0, shape.1, shape.2);
            assert_eq!(s.len(), nodes);
            let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
            for frame in [WIDE, NARROW] {
                let map = layout(&outline, frame);
                check(&map, nodes, frame);
                assert!(map.boxes.iter().any(|b| b.cut), "long titles are cut");
            }
        }
    }

    #[test]
    fn cut_titles_keep_the_whole_title_as_a_tooltip() {
        let s = cascade(1, 1, 1);
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        let svg = draw(&outline, WIDE, "wide");
        let title = h(outline.entries()[0].title());
        assert!(svg.contains(&format!("<title>Vision: {title} (draft)</title>")));
        assert!(svg.contains("…</text>"));
        assert!(svg.contains("<a href=\"#vision\" class=\"node draft\">"));
    }

    #[test]
    fn orphans_get_a_band_of_their_own() {
        let mut s = cascade(1, 1, 1);
        s.add(Node::child_of(Level::Option, "lost", "nowhere"));
        s.relink();
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        let map = layout(&outline, WIDE);
        check(&map, 5, WIDE);
        assert!(map.groups.iter().any(|g| g.label == Some("Not linked")));
    }
}
