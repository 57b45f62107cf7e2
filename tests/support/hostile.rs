//! Text that draws on the wrong cells: each character the screen library
//! and terminals measure differently, or that nobody can see, in a strategy
//! file (`tests/tui/width_honest.rs`, `tests/cli/hostile_files.rs`).

/// What each case repeats, and what it is.
pub const CASES: &[(&str, &str)] = &[
    ("soft hyphen", "\u{AD}"),
    ("Hangul filler", "\u{3164}"),
    ("Hangul choseong filler", "\u{115F}"),
    ("Hangul jungseong filler", "\u{1160}"),
    ("halfwidth Hangul filler", "\u{FFA0}"),
    ("line separator", "\u{2028}"),
    ("paragraph separator", "\u{2029}"),
    ("language tag", "\u{E0001}"),
    ("tag characters", "\u{E0041}\u{E0042}\u{E007F}"),
    ("lone variation selector", " \u{FE0F}"),
    ("combining grapheme joiner", "\u{34F}"),
    ("zero width space", "\u{200B}"),
    ("right-to-left override", "\u{202E}"),
    ("interlinear annotation", "\u{FFF9}"),
    ("Egyptian format control", "\u{13430}"),
    ("Tamil vowel sign", "\u{BAA}\u{BBE}"),
    ("Bengali vowel sign", "\u{995}\u{9BE}"),
    ("trigram", "\u{2630}"),
    ("Hangul tone mark", "\u{AC00}\u{302E}"),
    ("Tai Xuan Jing", "\u{1D300}"),
    ("emoji made wide by a selector", "\u{2764}\u{FE0F}"),
    ("emoji with a skin tone", "\u{1F44D}\u{1F3FD}"),
];

/// `text` as a TOML basic string with everything past ASCII escaped, so
/// the file itself is plain.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            ' '..='~' if c != '"' && c != '\\' => out.push(c),
            c if (c as u32) > 0xFFFF => out.push_str(&format!("\\U{:08X}", c as u32)),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A strategy with one intent per case, its id (three times) and title
/// (twenty times) full of the case, each before `APPROVED-FAKE`.
pub fn hostile_widths_strategy() -> String {
    let mut text = String::from(
        "version = 1\nas_of = 2026-11-01\n\n[vision]\ntitle = \"Freight that books itself\"\n",
    );
    for (i, (_, unit)) in CASES.iter().enumerate() {
        let id = format!("w{i:02}{}APPROVED-FAKE", unit.repeat(3));
        let title = format!("{} APPROVED-FAKE", unit.repeat(20));
        text.push_str(&format!(
            "\n[intents.{}]\ntitle = {}\nowner = \"Dana\"\n",
            toml_string(&id),
            toml_string(&title)
        ));
    }
    text
}
