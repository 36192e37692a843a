//! The article body: one component per block type, chosen by type.

use leptos::prelude::*;

use super::{ImageFigure, RichTextView};
use signal_model::{Block, RichText};

#[component]
pub fn BodyBlocks(blocks: Vec<Block>) -> impl IntoView {
    (!blocks.is_empty()).then(|| {
        view! {
            <div class="article-body">
                {blocks.into_iter().map(|block| view! { <BodyBlock block /> }).collect_view()}
            </div>
        }
    })
}

#[component]
pub fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(text) => view! { <Paragraph text /> }.into_any(),
        Block::Heading(text) => view! { <Subheading text /> }.into_any(),
        Block::Quote { text, cite } => view! { <Quote text cite /> }.into_any(),
        Block::List(items) => view! { <BulletList items /> }.into_any(),
        Block::Figure(image) => view! { <ImageFigure image /> }.into_any(),
    }
}

#[component]
fn Paragraph(text: RichText) -> impl IntoView {
    view! {
        <p>
            <RichTextView text />
        </p>
    }
}

/// Under the headline's `<h1>`, so always `<h2>`.
#[component]
fn Subheading(text: String) -> impl IntoView {
    view! { <h2 class="subheading">{text}</h2> }
}

#[component]
fn Quote(text: RichText, cite: Option<String>) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote>
                <p>
                    <RichTextView text />
                </p>
            </blockquote>
            {cite.map(|cite| view! { <figcaption>{cite}</figcaption> })}
        </figure>
    }
}

#[component]
fn BulletList(items: Vec<RichText>) -> impl IntoView {
    view! {
        <ul class="body-list">
            {items
                .into_iter()
                .map(|text| view! { <li><RichTextView text /></li> })
                .collect_view()}
        </ul>
    }
}
