//! Dates and numbers in an article's language (`signal_model::locale::Formatter`): the
//! browser's `Intl` in the app, ICU4X with its compiled CLDR data natively, where the
//! prerenderer writes the same pages (docs/decisions/0025-dates-in-the-articles-language.md).
//! Both are checked against `tests/fixtures/locale/expected.json`: natively by
//! `tests/locale.rs`, in Chromium by `tests/components.rs`.

use signal_model::locale::Formatter;

/// The formatter of this build.
pub fn formatter() -> &'static dyn Formatter {
    &imp::Platform
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use js_sys::{Object, Reflect};
    use signal_model::locale::{CalendarDate, DateLength, Formatter, PluralCategory};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl)]
        type DateTimeFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
        #[wasm_bindgen(method)]
        fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type PluralRules;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new(locale: &str) -> Result<PluralRules, JsValue>;
        #[wasm_bindgen(method)]
        fn select(this: &PluralRules, n: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type NumberFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new(locale: &str) -> Result<NumberFormat, JsValue>;
        #[wasm_bindgen(method, js_name = format)]
        fn format_number(this: &NumberFormat, n: f64) -> String;
    }

    thread_local! {
        /// Made once per language and length: a feed of a thousand cards formats a thousand
        /// dates. A list: a page has a language or two (a map would add its code to the wasm).
        static DATES: RefCell<Vec<(String, bool, Option<DateTimeFormat>)>> =
            const { RefCell::new(Vec::new()) };
    }

    pub struct Platform;

    impl Formatter for Platform {
        fn date(&self, date: CalendarDate, length: DateLength, language: &str) -> Option<String> {
            let long = length == DateLength::Long;
            DATES.with(|cache| {
                let mut cache = cache.borrow_mut();
                let index = match cache
                    .iter()
                    .position(|(l, f, _)| l == language && *f == long)
                {
                    Some(index) => index,
                    None => {
                        let options = Object::new();
                        let style = if long { "full" } else { "medium" };
                        let _ = Reflect::set(&options, &"dateStyle".into(), &style.into());
                        // The day the document gives, whatever the reader's time zone.
                        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
                        let format = DateTimeFormat::new(language, &options).ok();
                        cache.push((language.to_owned(), long, format));
                        cache.len() - 1
                    }
                };
                let format = cache[index].2.as_ref()?;
                // Midnight UTC of the day (set field by field: `Date.UTC` reads years 0 to 99
                // as 1900 to 1999).
                let day = js_sys::Date::new(&JsValue::from_f64(0.0));
                let year = u32::try_from(date.year).ok()?;
                day.set_utc_full_year_with_month_date(
                    year,
                    i32::from(date.month) - 1,
                    i32::from(date.day),
                );
                Some(format.format(&day))
            })
        }

        fn plural(&self, n: u32, language: &str) -> Option<PluralCategory> {
            let rules = PluralRules::new(language).ok()?;
            Some(PluralCategory::from_name(&rules.select(f64::from(n))))
        }

        fn number(&self, n: u32, language: &str) -> Option<String> {
            Some(
                NumberFormat::new(language)
                    .ok()?
                    .format_number(f64::from(n)),
            )
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use icu_calendar::Date;
    use icu_datetime::{DateTimeFormatter, fieldsets};
    use icu_decimal::{DecimalFormatter, input::Decimal};
    use icu_locale_core::Locale;
    use icu_plurals::{PluralCategory as Icu, PluralRules};
    use signal_model::locale::{CalendarDate, DateLength, Formatter, PluralCategory};

    pub struct Platform;

    fn locale(language: &str) -> Option<Locale> {
        language.parse().ok()
    }

    impl Formatter for Platform {
        fn date(&self, date: CalendarDate, length: DateLength, language: &str) -> Option<String> {
            let locale = locale(language)?;
            let day = Date::try_new_iso(date.year, date.month, date.day).ok()?;
            // CLDR's full and medium date formats, as `Intl.DateTimeFormat`'s `dateStyle`.
            let text = match length {
                DateLength::Long => {
                    DateTimeFormatter::try_new(locale.into(), fieldsets::YMDE::long())
                        .ok()?
                        .format(&day)
                        .to_string()
                }
                DateLength::Short => {
                    DateTimeFormatter::try_new(locale.into(), fieldsets::YMD::medium())
                        .ok()?
                        .format(&day)
                        .to_string()
                }
            };
            Some(text)
        }

        fn plural(&self, n: u32, language: &str) -> Option<PluralCategory> {
            let rules = PluralRules::try_new_cardinal(locale(language)?.into()).ok()?;
            Some(match rules.category_for(n) {
                Icu::Zero => PluralCategory::Zero,
                Icu::One => PluralCategory::One,
                Icu::Two => PluralCategory::Two,
                Icu::Few => PluralCategory::Few,
                Icu::Many => PluralCategory::Many,
                Icu::Other => PluralCategory::Other,
            })
        }

        fn number(&self, n: u32, language: &str) -> Option<String> {
            let format =
                DecimalFormatter::try_new(locale(language)?.into(), Default::default()).ok()?;
            Some(format.format(&Decimal::from(n)).to_string())
        }
    }
}
