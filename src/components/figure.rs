//! Images: the hero above the article's text, figures in its body, card thumbnails.

use leptos::prelude::*;

use super::RichTextView;
use signal_model::Image;

/// The width an image is shown at, for the browser's choice among `srcset` widths: the
/// article's column (`--measure`, 42rem) on a wide screen, the screen less its margins on a
/// narrow one.
const ARTICLE_SIZES: &str = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

/// A card is at most the wide layout's column (`--wide`) and often a third of it.
const CARD_SIZES: &str = "(min-width: 60rem) 30rem, calc(100vw - 2rem)";

/// An image with its caption and credit. `hero`: the article's own image, loaded at once;
/// any other waits until it is near the screen. Its box is reserved before it loads (from
/// its size, or a 3:2 frame when the document gives none), and a picture that cannot be
/// loaded takes its figure away with it: no broken-image icon, no empty frame.
#[component]
pub fn ImageFigure(image: Image, #[prop(optional)] hero: bool) -> impl IntoView {
    let failed = RwSignal::new(false);
    let without_size = image.size.is_none();
    let mut picture = image;
    let (caption, credit) = (picture.caption.take(), picture.credit.take());
    let caption = (caption.is_some() || credit.is_some()).then(|| {
        // A space between them, so that they are not read as one word.
        let space = (caption.is_some() && credit.is_some()).then_some(" ");
        let credit = credit.map(|credit| view! { <span class="figure-credit">{credit}</span> });
        view! {
            <figcaption>
                {caption.map(|text| view! { <RichTextView text /> })}
                {space}
                {credit}
            </figcaption>
        }
    });
    view! {
        <figure
            class="figure"
            class:figure-hero=hero
            class:figure-unsized=without_size
            hidden=move || failed.get()
        >
            <Picture image=picture sizes=ARTICLE_SIZES lazy=!hero failed />
            {caption}
        </figure>
    }
}

/// A card's thumbnail: decorative (the headline beside it names the article), cropped to
/// the card's frame, and gone if it cannot be loaded.
#[component]
pub fn CardImage(image: Image) -> impl IntoView {
    let failed = RwSignal::new(false);
    let image = Image {
        alt: String::new(),
        ..image
    };
    view! {
        <div class="card-image" hidden=move || failed.get()>
            <Picture image sizes=CARD_SIZES lazy=true failed />
        </div>
    }
}

/// The `<img>` itself. Its URLs were checked when the document was read (absolute http(s),
/// `signal_model::image`); no referrer goes with the request, so an image's host does not
/// learn which article is being read.
#[component]
fn Picture(image: Image, sizes: &'static str, lazy: bool, failed: RwSignal<bool>) -> impl IntoView {
    let srcset = image.srcset();
    let sizes = srcset.is_some().then_some(sizes);
    let (width, height) = image
        .size
        .map_or((None, None), |s| (Some(s.width), Some(s.height)));
    view! {
        <img
            src=image.url.as_str().to_owned()
            srcset=srcset
            sizes=sizes
            alt=image.alt
            width=width
            height=height
            loading=lazy.then_some("lazy")
            decoding="async"
            referrerpolicy="no-referrer"
            on:error=move |_| failed.set(true)
        />
    }
}
