//! What the last frame drew where: drawing returns it, the shell hands it
//! back, and mouse clicks and page sizes are resolved against it. The app
//! never guesses the layout; it reads the one that was drawn.

use super::Focus;

/// A rectangle of terminal cells (kept free of ratatui so the app is too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// True when the cell at (`column`, `row`) is inside.
    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && u32::from(column) < u32::from(self.x) + u32::from(self.width)
            && u32::from(row) < u32::from(self.y) + u32::from(self.height)
    }
}

/// Something a click can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Anywhere in a pane.
    Pane(Focus),
    /// A row of the tree, by index into its rows.
    TreeRow(usize),
    /// A diagnostic in the list, by index among the node's diagnostics.
    Diagnostic(usize),
    /// A level of the roll-up, by index into the chain.
    RollupLevel(usize),
    /// A search result, by rank.
    SearchHit(usize),
    /// An entry of the filter menu.
    FilterItem(usize),
    /// Inside an overlay, on nothing in particular.
    Overlay,
}

/// The geometry of the last frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screen {
    /// Click targets, later ones drawn on top of earlier ones.
    pub targets: Vec<(Area, Target)>,
    /// Rows of the tree on screen.
    pub tree_rows: usize,
    /// Lines of two-pager text on screen.
    pub document_lines: usize,
    /// Columns the two-pager text was wrapped to; 0 before the first frame.
    pub document_width: usize,
    /// Columns the section editor wraps its text to, so up/down move by
    /// the rows it drew; 0 while no editor is drawn.
    pub editor_width: usize,
    /// Lines of the help overlay on screen.
    pub help_lines: usize,
    /// Lines the help overlay has in all, wrapped to its width.
    pub help_total: usize,
    /// Lines the load-problems panel shows at once.
    pub panel_lines: usize,
    /// Lines the load-problems panel has in all.
    pub panel_total: usize,
    /// Results of the search list on screen.
    pub search_rows: usize,
}

impl Screen {
    /// The topmost target under (`column`, `row`).
    pub fn target_at(&self, column: u16, row: u16) -> Option<Target> {
        self.targets
            .iter()
            .rev()
            .find(|(area, _)| area.contains(column, row))
            .map(|(_, target)| *target)
    }

    /// The pane under (`column`, `row`), for the mouse wheel.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Focus> {
        self.targets
            .iter()
            .rev()
            .filter(|(area, _)| area.contains(column, row))
            .find_map(|(_, target)| match target {
                Target::Pane(focus) => Some(*focus),
                _ => None,
            })
    }
}
