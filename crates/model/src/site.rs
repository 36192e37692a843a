//! The reader's own identity, shown in its chrome (not in articles, which bring their own).

pub const PRODUCT_NAME: &str = "Signal of Hope";
pub const PUBLISHER_NAME: &str = "DrakX Intelligence";
pub const TAGLINE: &str =
    "Analysis of the breakthroughs that move science, markets and infrastructure forward.";
