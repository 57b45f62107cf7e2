//! The characters [`super`] draws as `⟨U+…⟩` markers, as tables of ranges.
//!
//! `INVISIBLE`: every default-ignorable code point (DerivedCoreProperties,
//! Unicode 16) but the variation selectors, which are markers only where
//! they stand alone (`super::is_variation_selector`); every format character
//! (General_Category=Cf: soft hyphen, bidi controls, zero-width characters,
//! Arabic number signs, the interlinear annotation characters, Egyptian
//! hieroglyph format controls, the tag characters U+E0000-E007F); U+2028
//! LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. Nothing in them is meant to
//! be seen, and terminals draw several of them at a width the screen library
//! does not expect (U+3164 HANGUL FILLER: 0 columns for ratatui, 2 in the
//! terminal).
//!
//! `WIDTH_DISPUTED`: visible characters whose width `unicode-width` 0.2 (what
//! ratatui measures cells with) and the C library's `wcwidth` (what terminals
//! and tmux draw with) disagree on, measured over every code point against
//! glibc 2.36 in the C.UTF-8 locale, the invisible ones above left out. Drawn
//! as they are, each would shift the rest of its line by a column or two,
//! over a pane's border. `tests/engine/terminal_widths.rs` repeats the
//! measurement against the C library it runs on.
//!
//! Generated once from Python's `unicodedata` (Unicode 14, plus the format
//! controls U+13439-1343F that Unicode 15 added) and that measurement; the
//! names are for the reader.

pub(super) const INVISIBLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),   // SOFT HYPHEN
    ('\u{034F}', '\u{034F}'),   // COMBINING GRAPHEME JOINER
    ('\u{0600}', '\u{0605}'),   // ARABIC NUMBER SIGN .. ARABIC NUMBER MARK ABOVE
    ('\u{061C}', '\u{061C}'),   // ARABIC LETTER MARK
    ('\u{06DD}', '\u{06DD}'),   // ARABIC END OF AYAH
    ('\u{070F}', '\u{070F}'),   // SYRIAC ABBREVIATION MARK
    ('\u{0890}', '\u{0891}'),   // ARABIC POUND MARK ABOVE .. ARABIC PIASTRE MARK ABOVE
    ('\u{08E2}', '\u{08E2}'),   // ARABIC DISPUTED END OF AYAH
    ('\u{115F}', '\u{1160}'),   // HANGUL CHOSEONG FILLER .. HANGUL JUNGSEONG FILLER
    ('\u{17B4}', '\u{17B5}'),   // KHMER VOWEL INHERENT AQ .. KHMER VOWEL INHERENT AA
    ('\u{180E}', '\u{180E}'),   // MONGOLIAN VOWEL SEPARATOR
    ('\u{200B}', '\u{200F}'),   // ZERO WIDTH SPACE .. RIGHT-TO-LEFT MARK
    ('\u{2028}', '\u{202E}'),   // LINE SEPARATOR .. RIGHT-TO-LEFT OVERRIDE
    ('\u{2060}', '\u{206F}'),   // WORD JOINER .. NOMINAL DIGIT SHAPES
    ('\u{3164}', '\u{3164}'),   // HANGUL FILLER
    ('\u{FEFF}', '\u{FEFF}'),   // ZERO WIDTH NO-BREAK SPACE
    ('\u{FFA0}', '\u{FFA0}'),   // HALFWIDTH HANGUL FILLER
    ('\u{FFF0}', '\u{FFFB}'), // unassigned, default ignorable .. INTERLINEAR ANNOTATION TERMINATOR
    ('\u{110BD}', '\u{110BD}'), // KAITHI NUMBER SIGN
    ('\u{110CD}', '\u{110CD}'), // KAITHI NUMBER SIGN ABOVE
    ('\u{13430}', '\u{1343F}'), // EGYPTIAN HIEROGLYPH VERTICAL JOINER .. EGYPTIAN HIEROGLYPH format control
    ('\u{1BCA0}', '\u{1BCA3}'), // SHORTHAND FORMAT LETTER OVERLAP .. SHORTHAND FORMAT UP STEP
    ('\u{1D173}', '\u{1D17A}'), // MUSICAL SYMBOL BEGIN BEAM .. MUSICAL SYMBOL END PHRASE
    ('\u{E0000}', '\u{E00FF}'), // TAG .. unassigned, default ignorable
    ('\u{E01F0}', '\u{E0FFF}'), // unassigned, default ignorable .. unassigned, default ignorable
];

pub(super) const WIDTH_DISPUTED: &[(char, char)] = &[
    ('\u{09BE}', '\u{09BE}'),   // BENGALI VOWEL SIGN AA
    ('\u{09D7}', '\u{09D7}'),   // BENGALI AU LENGTH MARK
    ('\u{0B3E}', '\u{0B3E}'),   // ORIYA VOWEL SIGN AA
    ('\u{0B57}', '\u{0B57}'),   // ORIYA AU LENGTH MARK
    ('\u{0BBE}', '\u{0BBE}'),   // TAMIL VOWEL SIGN AA
    ('\u{0BD7}', '\u{0BD7}'),   // TAMIL AU LENGTH MARK
    ('\u{0CC0}', '\u{0CC0}'),   // KANNADA VOWEL SIGN II
    ('\u{0CC2}', '\u{0CC2}'),   // KANNADA VOWEL SIGN UU
    ('\u{0CC7}', '\u{0CC8}'),   // KANNADA VOWEL SIGN EE .. KANNADA VOWEL SIGN AI
    ('\u{0CCA}', '\u{0CCB}'),   // KANNADA VOWEL SIGN O .. KANNADA VOWEL SIGN OO
    ('\u{0CD5}', '\u{0CD6}'),   // KANNADA LENGTH MARK .. KANNADA AI LENGTH MARK
    ('\u{0D3E}', '\u{0D3E}'),   // MALAYALAM VOWEL SIGN AA
    ('\u{0D4E}', '\u{0D4E}'),   // MALAYALAM LETTER DOT REPH
    ('\u{0D57}', '\u{0D57}'),   // MALAYALAM AU LENGTH MARK
    ('\u{0DCF}', '\u{0DCF}'),   // SINHALA VOWEL SIGN AELA-PILLA
    ('\u{0DDF}', '\u{0DDF}'),   // SINHALA VOWEL SIGN GAYANUKITTA
    ('\u{1715}', '\u{1715}'),   // TAGALOG SIGN PAMUDPOD
    ('\u{1734}', '\u{1734}'),   // HANUNOO SIGN PAMUDPOD
    ('\u{17A4}', '\u{17A4}'),   // KHMER INDEPENDENT VOWEL QAA
    ('\u{17D8}', '\u{17D8}'),   // KHMER SIGN BEYYAL
    ('\u{1B35}', '\u{1B35}'),   // BALINESE VOWEL SIGN TEDUNG
    ('\u{1B3B}', '\u{1B3B}'),   // BALINESE VOWEL SIGN RA REPA TEDUNG
    ('\u{1B3D}', '\u{1B3D}'),   // BALINESE VOWEL SIGN LA LENGA TEDUNG
    ('\u{1B43}', '\u{1B44}'),   // BALINESE VOWEL SIGN PEPET TEDUNG .. BALINESE ADEG ADEG
    ('\u{1BAA}', '\u{1BAA}'),   // SUNDANESE SIGN PAMAAEH
    ('\u{1BF2}', '\u{1BF3}'),   // BATAK PANGOLAT .. BATAK PANONGONAN
    ('\u{2630}', '\u{2637}'),   // TRIGRAM FOR HEAVEN .. TRIGRAM FOR EARTH
    ('\u{268A}', '\u{268F}'),   // MONOGRAM FOR YANG .. DIGRAM FOR GREATER YIN
    ('\u{2D7F}', '\u{2D7F}'),   // TIFINAGH CONSONANT JOINER
    ('\u{302E}', '\u{302F}'),   // HANGUL SINGLE DOT TONE MARK .. HANGUL DOUBLE DOT TONE MARK
    ('\u{3248}', '\u{324F}'), // CIRCLED NUMBER TEN ON BLACK SQUARE .. CIRCLED NUMBER EIGHTY ON BLACK SQUARE
    ('\u{A8FA}', '\u{A8FA}'), // DEVANAGARI CARET
    ('\u{A953}', '\u{A953}'), // REJANG VIRAMA
    ('\u{A9C0}', '\u{A9C0}'), // JAVANESE PANGKON
    ('\u{111C0}', '\u{111C0}'), // SHARADA SIGN VIRAMA
    ('\u{111C2}', '\u{111C3}'), // SHARADA SIGN JIHVAMULIYA .. SHARADA SIGN UPADHMANIYA
    ('\u{11235}', '\u{11235}'), // KHOJKI SIGN VIRAMA
    ('\u{1133E}', '\u{1133E}'), // GRANTHA VOWEL SIGN AA
    ('\u{1134D}', '\u{1134D}'), // GRANTHA SIGN VIRAMA
    ('\u{11357}', '\u{11357}'), // GRANTHA AU LENGTH MARK
    ('\u{114B0}', '\u{114B0}'), // TIRHUTA VOWEL SIGN AA
    ('\u{114BD}', '\u{114BD}'), // TIRHUTA VOWEL SIGN SHORT O
    ('\u{115AF}', '\u{115AF}'), // SIDDHAM VOWEL SIGN AA
    ('\u{116B6}', '\u{116B6}'), // TAKRI SIGN VIRAMA
    ('\u{1171E}', '\u{1171E}'), // AHOM CONSONANT SIGN MEDIAL RA
    ('\u{11930}', '\u{11930}'), // DIVES AKURU VOWEL SIGN AA
    ('\u{1193D}', '\u{1193D}'), // DIVES AKURU SIGN HALANTA
    ('\u{1193F}', '\u{1193F}'), // DIVES AKURU PREFIXED NASAL SIGN
    ('\u{11941}', '\u{11941}'), // DIVES AKURU INITIAL RA
    ('\u{11A84}', '\u{11A89}'), // SOYOMBO SIGN JIHVAMULIYA .. SOYOMBO CLUSTER-INITIAL LETTER SA
    ('\u{11D46}', '\u{11D46}'), // MASARAM GONDI REPHA
    ('\u{16FF0}', '\u{16FF1}'), // VIETNAMESE ALTERNATE READING MARK CA .. VIETNAMESE ALTERNATE READING MARK NHAY
    ('\u{1D165}', '\u{1D166}'), // MUSICAL SYMBOL COMBINING STEM .. MUSICAL SYMBOL COMBINING SPRECHGESANG STEM
    ('\u{1D16D}', '\u{1D172}'), // MUSICAL SYMBOL COMBINING AUGMENTATION DOT .. MUSICAL SYMBOL COMBINING FLAG-5
    ('\u{1D300}', '\u{1D356}'), // MONOGRAM FOR EARTH .. TETRAGRAM FOR FOSTERING
    ('\u{1D360}', '\u{1D376}'), // COUNTING ROD UNIT DIGIT ONE .. IDEOGRAPHIC TALLY MARK FIVE
];
