//! Layer 2 of `bench/layers.sh`: layer 1, plus reading an article document in our format as the
//! article page does (size check, format detection, the contract's validation and limits, and
//! the error message with its path). The text comes from the page, so nothing is optimised away.

use leptos::prelude::*;
use signal_model::{
    Article,
    adapt::{self, Reading},
};

fn main() {
    let json = document().title();
    let headline = match adapt::reading(&json) {
        Ok(Reading::Contract(version)) => {
            adapt::contract::<Article>(&json, version).map(|article| article.headline)
        }
        Ok(Reading::Foreign(format)) => Ok(format.name().to_owned()),
        Err(err) => Err(err),
    }
    .unwrap_or_else(|err| err.to_string());
    leptos::mount::mount_to_body(move || view! { <h1>{headline}</h1> });
}
