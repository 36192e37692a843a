//! One small component per layout element. Components take model values and render them as
//! text; they never fetch, parse JSON, build URLs or format dates themselves.

mod article_card;
mod article_header;
mod article_view;
mod back_link;
mod body;
mod byline;
mod cut_notice;
mod dateline;
mod embed_card;
mod embed_control;
mod error_panel;
mod figure;
mod full_article_link;
mod kicker;
mod later;
mod page_meta;
mod pillar_badges;
mod publisher_line;
mod rich_text;
mod settled;
mod site_footer;
mod site_header;
mod skeleton;
mod sources;
mod summary_box;
mod theme_toggle;

pub use article_card::{ArticleCard, CardList};
pub use article_header::ArticleHeader;
pub use article_view::{ArticleView, language_attributes};
pub use back_link::{BackLink, PreviousPath};
pub use body::{BodyBlock, BodyBlocks};
pub use byline::Byline;
pub use cut_notice::CutNotice;
pub use dateline::{Dateline, UpdatedLine};
pub use embed_card::EmbedCard;
pub use embed_control::EmbedControl;
pub use error_panel::{ErrorPanel, ErrorsPanel, NotFoundPanel};
pub use figure::{CardImage, ImageFigure};
pub use full_article_link::FullArticleLink;
pub use kicker::Kicker;
pub use later::AfterPaint;
pub use page_meta::PageMetaTags;
pub use pillar_badges::{PillarBadges, PillarSection};
pub use publisher_line::PublisherLine;
pub use rich_text::RichTextView;
pub use settled::{PageSettled, Settled};
pub use site_footer::SiteFooter;
pub use site_header::{PagePath, SiteHeader, focus_main};
pub use skeleton::{ArticleSkeleton, BodySkeleton, CardsSkeleton};
pub use sources::Sources;
pub use summary_box::{SummaryBox, SummaryBoxes};
pub use theme_toggle::ThemeToggle;

use leptos::prelude::*;
use signal_model::AppPaths;

/// The app's paths, provided by the app; the root paths when mounted alone (tests).
pub fn use_paths() -> AppPaths {
    use_context::<AppPaths>().unwrap_or_default()
}
