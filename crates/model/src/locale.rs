//! Dates and counts in an article's language (contract 1.1's `language`).
//!
//! An article without a language, or in US English, is written here exactly as before
//! ("Thursday, July 2, 2026", "4 min read"). Any other language is written by a
//! [`Formatter`], a service like the HTML parser (`adapt::HtmlParser`): the browser's `Intl` in
//! the app, ICU4X natively for prerendered pages (`src/source/intl.rs`), both checked against
//! one table of expected texts (`tests/fixtures/locale/expected.json`).
//!
//! The words around the numbers and names ("Updated", "min read", "By … and …") come from
//! [`PHRASES`], one entry per language; a language without an entry gets the English words
//! around its own dates and digits. The rest of the page's interface stays English.

use super::{PublishedAt, image::Language};

/// How much of a date to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLength {
    /// The full date, weekday to year: the dateline ("Thursday, July 2, 2026").
    Long,
    /// The medium date: a card ("Jul 2, 2026", "02.07.2026").
    Short,
}

/// CLDR's plural categories (<https://cldr.unicode.org/index/cldr-spec/plural-rules>).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// From the name `Intl.PluralRules` gives (`"one"`); anything else is `Other`.
    pub fn from_name(name: &str) -> Self {
        match name {
            "zero" => Self::Zero,
            "one" => Self::One,
            "two" => Self::Two,
            "few" => Self::Few,
            "many" => Self::Many,
            _ => Self::Other,
        }
    }
}

/// A day of the proleptic Gregorian calendar, as the document gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    pub day: u8,
}

impl From<&PublishedAt> for CalendarDate {
    fn from(at: &PublishedAt) -> Self {
        let date = at.calendar_date();
        Self {
            year: date.year(),
            month: u8::from(date.month()),
            day: date.day(),
        }
    }
}

/// Writes dates and numbers in a language, as CLDR says. `None` when it cannot (a tag it
/// does not accept): the text is then written in English.
pub trait Formatter {
    /// `date` in the language's own calendar, in CLDR's full date format ([`DateLength::Long`])
    /// or its medium one ([`DateLength::Short`]).
    fn date(&self, date: CalendarDate, length: DateLength, language: &str) -> Option<String>;
    /// The cardinal plural category of `n`.
    fn plural(&self, n: u32, language: &str) -> Option<PluralCategory>;
    /// `n` in the language's digits.
    fn number(&self, n: u32, language: &str) -> Option<String>;
}

/// The words of a language around its dates and numbers.
pub struct Phrases {
    /// An update's date, `{date}` standing for it: "Updated {date}".
    pub updated: &'static str,
    /// The reading time by plural category, `{n}` standing for the number; the `Other`
    /// entry (always there) is used for a category the list lacks.
    pub reading_time: &'static [(PluralCategory, &'static str)],
    /// The byline around its names, `{names}` standing for them: "By {names}".
    pub byline: &'static str,
    /// Between the last two names, and between the others: " and ", ", ".
    pub and: &'static str,
    pub comma: &'static str,
}

use PluralCategory::{Few, Many, One, Other, Two};

/// The languages the reader has words for, by primary language subtag.
#[rustfmt::skip]
pub const PHRASES: &[(&str, Phrases)] = &[
    ("en", Phrases {
        updated: "Updated {date}",
        reading_time: &[(Other, "{n} min read")],
        byline: "By {names}", and: " and ", comma: ", ",
    }),
    ("de", Phrases {
        updated: "Aktualisiert am {date}",
        reading_time: &[(Other, "{n} Min. Lesezeit")],
        byline: "Von {names}", and: " und ", comma: ", ",
    }),
    ("fr", Phrases {
        updated: "Mis à jour le {date}",
        reading_time: &[(Other, "{n} min de lecture")],
        byline: "Par {names}", and: " et ", comma: ", ",
    }),
    ("es", Phrases {
        updated: "Actualizado el {date}",
        reading_time: &[(Other, "{n} min de lectura")],
        byline: "Por {names}", and: " y ", comma: ", ",
    }),
    ("it", Phrases {
        updated: "Aggiornato il {date}",
        reading_time: &[(Other, "{n} min di lettura")],
        byline: "Di {names}", and: " e ", comma: ", ",
    }),
    ("pt", Phrases {
        updated: "Atualizado em {date}",
        reading_time: &[(Other, "{n} min de leitura")],
        byline: "Por {names}", and: " e ", comma: ", ",
    }),
    ("nl", Phrases {
        updated: "Bijgewerkt op {date}",
        reading_time: &[(Other, "{n} min leestijd")],
        byline: "Door {names}", and: " en ", comma: ", ",
    }),
    ("ar", Phrases {
        updated: "آخر تحديث {date}",
        reading_time: &[
            (One, "قراءة في دقيقة واحدة"),
            (Two, "قراءة في دقيقتين"),
            (Few, "قراءة في {n} دقائق"),
            (Many, "قراءة في {n} دقيقة"),
            (Other, "قراءة في {n} دقيقة"),
        ],
        byline: "بقلم {names}", and: " و ", comma: "، ",
    }),
    ("he", Phrases {
        updated: "עודכן {date}",
        reading_time: &[(One, "דקת קריאה אחת"), (Two, "שתי דקות קריאה"), (Other, "{n} דקות קריאה")],
        byline: "מאת {names}", and: " ו", comma: ", ",
    }),
    ("fa", Phrases {
        updated: "به‌روزرسانی {date}",
        reading_time: &[(Other, "{n} دقیقه مطالعه")],
        byline: "نوشتهٔ {names}", and: " و ", comma: "، ",
    }),
    ("ja", Phrases {
        updated: "{date}更新",
        reading_time: &[(Other, "{n}分で読めます")],
        byline: "文：{names}", and: "、", comma: "、",
    }),
    ("zh", Phrases {
        updated: "更新于 {date}",
        reading_time: &[(Other, "阅读时间 {n} 分钟")],
        byline: "作者：{names}", and: "、", comma: "、",
    }),
];

/// The phrases for `language` (English when there is none or no entry).
pub fn phrases(language: Option<&Language>) -> &'static Phrases {
    let primary = language.map(Language::primary);
    let english = &PHRASES[0].1;
    primary.map_or(english, |primary| {
        PHRASES
            .iter()
            .find(|(tag, _)| *tag == primary)
            .map_or(english, |(_, phrases)| phrases)
    })
}

/// The language a [`Formatter`] is asked for: `None` where the English written here applies.
fn foreign(language: Option<&Language>) -> Option<&str> {
    language
        .filter(|l| !l.reads_as_us_english())
        .map(Language::as_str)
}

/// `date` written in `language` at `length`.
pub fn date(
    at: &PublishedAt,
    length: DateLength,
    language: Option<&Language>,
    formatter: &dyn Formatter,
) -> String {
    foreign(language)
        .and_then(|tag| formatter.date(CalendarDate::from(at), length, tag))
        .unwrap_or_else(|| match length {
            DateLength::Long => at.long_date(),
            DateLength::Short => at.short_date(),
        })
}

/// The byline's words around `count` names, in `language`: the text before the names, the
/// separator before each name (`""` before the first), and the text after them.
pub fn byline_words(
    count: usize,
    language: Option<&Language>,
) -> (&'static str, Vec<&'static str>, &'static str) {
    let phrases = phrases(language);
    let (before, after) = phrases
        .byline
        .split_once("{names}")
        .unwrap_or((phrases.byline, ""));
    let separators = (0..count)
        .map(|index| list_separator(index, count, language))
        .collect();
    (before, separators, after)
}

/// The separator written before item `index` of a list of `len` in running text, in
/// `language`: "A", "A and B", "A, B and C" ("A, B und C").
pub fn list_separator(index: usize, len: usize, language: Option<&Language>) -> &'static str {
    let phrases = phrases(language);
    match index {
        0 => "",
        i if i + 1 == len => phrases.and,
        _ => phrases.comma,
    }
}

/// "Updated Friday, July 3, 2026", in `language`.
pub fn updated(at: &PublishedAt, language: Option<&Language>, formatter: &dyn Formatter) -> String {
    let date = date(at, DateLength::Long, language, formatter);
    phrases(language).updated.replace("{date}", &date)
}

/// "4 min read", in `language`: its words, its plural form and its digits.
pub fn reading_time(
    minutes: u32,
    language: Option<&Language>,
    formatter: &dyn Formatter,
) -> String {
    let phrases = phrases(language);
    let tag = foreign(language);
    let category = tag
        .and_then(|tag| formatter.plural(minutes, tag))
        .unwrap_or(Other);
    let number = tag
        .and_then(|tag| formatter.number(minutes, tag))
        .unwrap_or_else(|| minutes.to_string());
    let pattern = phrases
        .reading_time
        .iter()
        .find(|(c, _)| *c == category)
        .or_else(|| phrases.reading_time.iter().find(|(c, _)| *c == Other))
        .map_or("{n} min read", |(_, pattern)| pattern);
    pattern.replace("{n}", &number)
}

/// A [`Formatter`] that knows no language: everything in English (tests, and builds with no
/// formatter of their own).
pub struct EnglishOnly;

impl Formatter for EnglishOnly {
    fn date(&self, _: CalendarDate, _: DateLength, _: &str) -> Option<String> {
        None
    }

    fn plural(&self, _: u32, _: &str) -> Option<PluralCategory> {
        None
    }

    fn number(&self, _: u32, _: &str) -> Option<String> {
        None
    }
}
