//! Layer 1 of `bench/layers.sh`: Leptos mounting one static paragraph, with none of our code.
//! What any Leptos CSR page costs before it does anything.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"Signal of Hope"</p> });
}
