//! The reader's own identity, shown in its chrome (not in articles, which bring their own).

pub const PRODUCT_NAME: &str = "Signal of Hope";
pub const PUBLISHER_NAME: &str = "DrakX Intelligence";
pub const TAGLINE: &str =
    "Analysis of the breakthroughs that move science, markets and infrastructure forward.";

/// Where the reader's theme choice is kept (`localStorage`): `light` or `dark`, or nothing
/// for the system's. `public/boot.js` reads it before the first paint (checked against this by
/// `tests/fixtures/url-rules.json`).
pub const THEME_STORAGE_KEY: &str = "signal-of-hope:theme";
