//! Contract 1.1's pictures, bylines, languages and update dates as the adapters read them:
//! from the real documents of `tests/fixtures/wild/` (see its `SOURCES.md`), and the edge
//! cases of each format in small documents (unusable addresses, tracking pixels, `srcset`,
//! `<picture>`, lists with blanks, language objects).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use scraper::{Html, Selector};
use serde_json::{Value, json};
use signal_model::adapt::{NATIVE, encoding, read_index};
use signal_model::{Article, Block, FeedPage, Image, ImageSize, RichText, Span};

const BASE: &str = "https://news.example.org/feeds/main.xml";

/// A file of the real-world corpus, decoded as the app decodes it.
fn wild(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/wild")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    encoding::decode(&bytes, None)
}

/// A page's JSON-LD blocks as one document, as `wild.rs` serves them.
fn json_ld_of_page(file: &str) -> String {
    let selector = Selector::parse(r#"script[type="application/ld+json"]"#).expect("a selector");
    let mut objects = Vec::new();
    for script in Html::parse_document(&wild(file)).select(&selector) {
        let text: String = script.text().collect();
        match serde_json::from_str::<Value>(text.trim()) {
            Ok(Value::Array(items)) => objects.extend(items),
            Ok(other) => objects.push(other),
            Err(_) => {}
        }
    }
    Value::Array(objects).to_string()
}

fn page(text: &str) -> FeedPage {
    read_index(text, Some(BASE), NATIVE).unwrap_or_else(|e| panic!("{e}"))
}

fn article(page: &FeedPage, slug: &str) -> Article {
    page.full
        .iter()
        .find(|a| a.slug == slug)
        .unwrap_or_else(|| panic!("no {slug}"))
        .clone()
}

fn only(text: &str) -> Article {
    let page = page(text);
    assert_eq!(page.full.len(), 1);
    page.full[0].clone()
}

fn hero(article: &Article) -> &Image {
    article.image.as_ref().expect("a hero image")
}

fn url(image: &Image) -> &str {
    image.url.as_str()
}

fn widths(image: &Image) -> Vec<u32> {
    image.sources.iter().map(|s| s.width).collect()
}

fn size(width: u32, height: u32) -> Option<ImageSize> {
    Some(ImageSize { width, height })
}

fn names(article: &Article) -> Vec<(&str, Option<&str>)> {
    article
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.url.as_ref().map(|u| u.as_str())))
        .collect()
}

fn language(article: &Article) -> Option<&str> {
    article.language.as_ref().map(|l| l.as_str())
}

fn updated(article: &Article) -> Option<String> {
    article.updated_at.map(|d| d.machine())
}

fn figures(article: &Article) -> Vec<&Image> {
    article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Figure(image) => Some(image),
            _ => None,
        })
        .collect()
}

/// The body as short strings: `p:…` for a paragraph's text, `fig:<url>` for a figure.
fn outline(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => format!("p:{}", text.plain()),
            Block::Heading(text) => format!("h:{text}"),
            Block::Quote { text, .. } => format!("q:{}", text.plain()),
            Block::List(items) => format!("l:{}", items.len()),
            Block::Figure(image) => format!("fig:{}", image.url.as_str()),
        })
        .collect()
}

fn caption(image: &Image) -> Option<String> {
    image.caption.as_ref().map(RichText::plain)
}

/// Every card carries its article's hero, so the feed shows the same picture.
fn cards_have_heroes(page: &FeedPage) {
    for article in &page.full {
        let card = page
            .articles
            .iter()
            .find(|card| card.slug == article.slug)
            .expect("a card");
        assert_eq!(card.image, article.image, "{}", article.slug);
    }
}

// Real documents.

#[test]
fn a_real_json_feed_11_has_authors_languages_and_updates() {
    let page = page(&wild("jsonfeed/reader-full-1.1.json"));
    // Item "2": its own `language` wins over the feed's; its `authors` name nobody, so the
    // feed's are its byline (a `mailto:` is no web address); `date_modified` is later.
    let second = article(&page, "2");
    assert_eq!(language(&second), Some("de"));
    assert_eq!(names(&second), [("Joe", None), ("Jane", None)]);
    assert_eq!(
        updated(&second).as_deref(),
        Some("2020-01-04T01:00:00+01:00")
    );
    // Item "1": 1.0's `author`, and the feed's language.
    let first = article(&page, "1");
    assert_eq!(names(&first), [("Jane", None)]);
    assert_eq!(language(&first), Some("en"));
    assert_eq!(first.updated_at, None);
}

#[test]
fn a_real_json_feeds_image_is_the_hero_and_its_tracking_pixel_is_dropped() {
    let page = page(&wild("jsonfeed/trafilatura-npr-technology.json"));
    let drones = article(&page, "1050315385");
    let image = hero(&drones);
    assert_eq!(
        url(image),
        "https://media.npr.org/assets/img/2021/10/29/kellerrinaudo_2017g-embed-bdfc2d80fbbc16211290c23601d19263c12b2e8c.jpg"
    );
    // JSON Feed has no text alternative.
    assert_eq!(image.alt, "");
    assert_eq!(
        names(&drones),
        [(
            "Manoush Zomorodi",
            Some(
                "https://www.npr.org/people/812094023/manoush-zomorodi?utm_medium=JSONFeed&utm_campaign=technology"
            )
        )]
    );
    assert_eq!(
        updated(&drones).as_deref(),
        Some("2021-10-29T11:59:00-04:00")
    );
    // Every item ends its content with `<img src='…/tracking/npr-rss-pixel.png?story=…' />`.
    assert!(page.full.iter().all(|a| figures(a).is_empty()));
    cards_have_heroes(&page);
    // The banner, which a detail view shows at the top, wins over `image`.
    let sample = only(&wild("jsonfeed/gofeed-sample.json"));
    assert_eq!(
        url(hero(&sample)),
        "https://sample-json-feed.com/banner_image.png"
    );
}

#[test]
fn real_json_ld_images_authors_and_languages() {
    // One ImageObject with a description (its text alternative) and a credit.
    let time = page(&json_ld_of_page("jsonld/newspaper4k-time-com.html"));
    let image = hero(&time.full[0]);
    assert_eq!(
        url(image),
        "https://api.time.com/wp-content/uploads/2023/11/climate-change-study-geoengineering-james-hansen.jpg"
    );
    assert_eq!(image.size, size(1024, 683));
    assert_eq!(
        image.alt,
        "The sun rises over an oil field over the Monterey Shale formation March 24, 2014 near Lost Hills, California."
    );
    assert_eq!(image.credit.as_deref(), Some("David McNew—Getty Images"));
    assert_eq!(names(&time.full[0]), [("Alejandro de la Garza", None)]);

    // Three crops: the first has no URL, the widest of the others is the hero; the
    // copyright holder is the credit; two authors with their pages.
    let zeit = page(&json_ld_of_page("jsonld/html2jsonld-zeit-de-article.html"));
    let image = hero(&zeit.full[0]);
    assert_eq!(
        url(image),
        "https://img.zeit.de/2023/20/schon-wieder-krimi-bild-3/standard__1120x840"
    );
    assert_eq!(image.size, size(1120, 840));
    // The square crop is another picture, not another width of this one.
    assert!(image.sources.is_empty());
    assert_eq!(
        image.credit.as_deref(),
        Some("©\u{a0}Illustration: José Navarro für DIE ZEIT")
    );
    assert_eq!(
        names(&zeit.full[0]),
        [
            (
                "Anne Hähnig",
                Some("https://www.zeit.de/autoren/H/Anne_Haehnig")
            ),
            (
                "Martin Machowecz",
                Some("https://www.zeit.de/autoren/M/Martin_Machowecz/index.xml")
            )
        ]
    );

    // An `@graph` whose image is an `@id` reference to an ImageObject with a caption and
    // sizes as strings; `inLanguage`; an update an hour later.
    let graph = page(&json_ld_of_page(
        "jsonld/newspaper4k-video-article-graph.html",
    ));
    let article = &graph.full[0];
    let image = hero(article);
    assert_eq!(
        url(image),
        "https://cdn.oneesports.gg/cdn-data/2023/11/LeagueOfLegends_Worlds2023_Finals_T1_SummonersCup.jpg"
    );
    assert_eq!(image.size, size(1600, 900));
    assert_eq!(
        caption(image).as_deref(),
        Some("T1 and the Summoners Cup at the Worlds 2023 finals")
    );
    assert_eq!(language(article), Some("en-US"));
    assert_eq!(
        updated(article).as_deref(),
        Some("2023-11-19T20:31:10+08:00")
    );
    assert_eq!(
        names(article),
        [(
            "Amanda \"Tania Mae\" Tan",
            Some("https://www.oneesports.gg/author/taniamaeesports/")
        )]
    );

    // An author with a blank name is nobody; `inLanguage` as written.
    let yonhap = page(&json_ld_of_page("jsonld/newspaper4k-yonhap-korea.html"));
    assert!(yonhap.full[0].authors.is_empty());
    assert_eq!(language(&yonhap.full[0]), Some("en"));
    assert_eq!(
        url(hero(&yonhap.full[0])),
        "https://r.yna.co.kr/global/home/v01/img/yonhapnews_logo_1200x800_en01.jpg"
    );

    // `en-us` in its usual case; modified years later.
    let moz = page(&json_ld_of_page(
        "jsonld/html2jsonld-moz-blog-json-ld-for-beginners.html",
    ));
    assert_eq!(language(&moz.full[0]), Some("en-US"));
    assert_eq!(
        updated(&moz.full[0]).as_deref(),
        Some("2023-05-17T14:53:43-07:00")
    );
    assert_eq!(hero(&moz.full[0]).size, size(880, 440));

    // `dateModified` before `datePublished` (16:11 and 17:40 EET) is no update.
    let latvian = page(&json_ld_of_page("jsonld/newspaper4k-latvian-news.html"));
    assert_eq!(latvian.full[0].updated_at, None);
    assert_eq!(hero(&latvian.full[0]).size, size(796, 1194));

    // A list of URL strings, sizes unknown: the first.
    let wired = page(&json_ld_of_page("jsonld/newspaper4k-wired-article.html"));
    assert_eq!(
        url(hero(&wired.full[0])),
        "https://media.wired.com/photos/654984001c4861433a7b1c4e/16:9/w_2400,h_1350,c_limit/West-Bank-Lockdown-Security-1718977485.jpg"
    );
    // An ImageObject with no URL at all gives no picture.
    let fox = page(&json_ld_of_page("jsonld/newspaper4k-fox13now-article.html"));
    assert_eq!(fox.full[0].image, None);
    assert_eq!(names(&fox.full[0]), [("CNN Wire", None)]);
    cards_have_heroes(&time);
}

#[test]
fn real_media_rss_enclosures_and_languages() {
    // The Guardian: two `media:content` widths of one photograph, with its credit.
    let guardian = page(&wild("rss/rssparser-guardian.rss"));
    let first = article(
        &guardian,
        "donald-trump-state-of-the-union-address-unity-discord",
    );
    let image = hero(&first);
    assert!(
        url(image).contains("master/3000.jpg?w=460&"),
        "{}",
        url(image)
    );
    assert_eq!(widths(image), [140, 460]);
    assert_eq!(image.size, None);
    assert_eq!(
        image.credit.as_deref(),
        Some("Photograph: Networ/Sipa USA/REX/Shutterstock")
    );
    assert_eq!(names(&first), [("David Smith in Washington", None)]);
    assert_eq!(language(&first), Some("en-GB"));
    cards_have_heroes(&guardian);

    // Channel 9: four `media:thumbnail` sizes of one picture beside a video.
    let channel9 = page(&wild("rss/feedrs-channel9-azure-friday.xml"));
    let image = hero(&channel9.full[0]);
    assert_eq!(
        url(image),
        "https://sec.ch9.ms/ch9/3724/8609074c-2b7b-41ae-9345-f49973543724/azfr663_960.jpg"
    );
    assert_eq!(image.size, size(960, 540));
    assert_eq!(widths(image), [100, 220, 512]);

    // An enclosure that is a JPEG; `<language>IT-it</language>` in its usual case.
    let messaggero = page(&wild("rss/feedrs-ilmessaggero-it.xml"));
    assert_eq!(
        url(hero(&messaggero.full[0])),
        "https://www.ilmessaggero.it/photos/MED/48/69/7054869_16003922_missili_polonia_1_.jpg"
    );
    assert_eq!(language(&messaggero.full[0]), Some("it-IT"));
    // `en_US`; a podcast's audio enclosure is no picture.
    assert_eq!(
        language(&page(&wild("rss/feedrs-nbc-newyork.xml")).full[0]),
        Some("en-US")
    );
    assert_eq!(
        page(&wild("rss/feedrs-bbc-in-our-time.xml")).full[0].image,
        None
    );

    // Wirecutter: several `dc:creator`s' first item, and a body picture with its `srcset`.
    let wirecutter = page(&wild("rss/feedrs-wirecutter.xml"));
    let picture = figures(&wirecutter.full[0])[0];
    assert_eq!(picture.size, size(630, 420));
    assert_eq!(
        picture.alt,
        "How to Teach Someone a Board Game (and Even Have Fun Doing It)"
    );
    assert!(picture.sources.len() > 10, "{:?}", widths(picture));
}

#[test]
fn real_atom_authors_updates_and_thumbnails() {
    // YouTube: the video's thumbnail, the channel as author with its page, an update.
    let youtube = page(&wild("atom/feedrs-youtube-channel.xml"));
    let video = &youtube.full[0];
    assert_eq!(
        url(hero(video)),
        "https://i1.ytimg.com/vi/0A1ouV7iD8o/hqdefault.jpg"
    );
    assert_eq!(hero(video).size, size(480, 360));
    assert_eq!(
        names(video),
        [(
            "PBS Space Time",
            Some("https://www.youtube.com/channel/UC7_gcs09iThXybpVgjHZ_7g")
        )]
    );
    assert_eq!(updated(video).as_deref(), Some("2020-12-25T23:12:12Z"));
    // GitHub's 30-pixel avatars are no heroes.
    let github = page(&wild("atom/feedrs-github-releases.xml"));
    assert!(github.full.iter().all(|a| a.image.is_none()));
    assert_eq!(names(&github.full[0]), [("markpritchard", None)]);
    // Daring Fireball: `xml:lang` on the content; the author's `uri`.
    let df = page(&wild("atom/jsonfeed-to-atom-daringfireball.xml"));
    assert_eq!(language(&df.full[0]), Some("en"));
    assert_eq!(
        names(&df.full[0]),
        [("John Gruber", Some("http://daringfireball.net/"))]
    );
    // The Register: the feed's `xml:lang`.
    assert_eq!(
        language(&page(&wild("atom/feedrs-the-register-science.xml")).full[0]),
        Some("en")
    );
    // Two authors; `updated` (RFC 2822 there) two days after `published`.
    let two = page(&wild("atom/atomcrate-rfc2822-dates-with-whitespace.xml"));
    assert_eq!(
        names(&two.full[0]),
        [("John Doe", None), ("Jane Doe", None)]
    );
    assert_eq!(
        updated(&two.full[0]).as_deref(),
        Some("2017-06-03T15:15:44-05:00")
    );
}

#[test]
fn real_wordpress_featured_media_and_authors() {
    let page = page(&wild(
        "wordpress/frontity-demo-worona-posts-category-7-embed.json",
    ));
    let post = article(&page, "shinjuku-gyoen-national-garden");
    let image = hero(&post);
    assert_eq!(
        url(image),
        "https://demo.worona.org/wp-content/uploads/2016/11/japan.jpg"
    );
    assert_eq!(image.alt, "");
    assert_eq!(image.size, size(4173, 2782));
    // The sizes WordPress made of it, but not the square 150×150 thumbnail it cropped.
    assert_eq!(widths(image), [300, 768, 1024, 1200]);
    assert_eq!(
        names(&post),
        [(
            "Reyes Martinez",
            Some("https://demo.worona.org/author/reyes/")
        )]
    );
    assert_eq!(updated(&post).as_deref(), Some("2017-06-07T12:11:37Z"));
    assert_eq!(post.language, None);
    assert_eq!(hero(&article(&page, "lower-antelope-canyon")).alt, "canyon");
    cards_have_heroes(&page);

    // A single post: the featured image's alt text and its caption (HTML), and the post's
    // images in the body as figures.
    let single = only(&wild("wordpress/migrate-mg-wp-api-single-post.json"));
    let image = hero(&single);
    assert_eq!(image.alt, "Boopity");
    assert_eq!(caption(image).as_deref(), Some("This is Boopity"));
    assert_eq!(widths(image), [300, 400]);
    assert_eq!(
        names(&single),
        [("Guest Writer", Some("https://mysite.com/team/guest-writer"))]
    );
    assert!(
        figures(&single)
            .iter()
            .any(|f| url(f) == "https://mysite.com/wp-content/uploads/2020/06/image.png")
    );
}

#[test]
fn real_ghost_feature_images_and_authors() {
    let post = only(&wild(
        "ghost/migrate-ghost2-posts-include-authors-tags.json",
    ));
    assert_eq!(
        url(hero(&post)),
        "https://casper.ghost.org/v2.0.0/images/welcome-to-ghost.jpg"
    );
    assert_eq!(
        names(&post),
        [("Ghost", Some("https://demo.ghost.io/author/ghost/"))]
    );
    assert_eq!(updated(&post).as_deref(), Some("2019-03-26T19:45:31Z"));
    // Ghost 6: a kg-image-card figure in the html, its alt and size kept.
    let page = page(&wild("ghost/algolia-ghost6-posts-page-1.json"));
    let post = article(&page, "ghost-6-rendered-content-contract");
    let figure = figures(&post)[0];
    assert_eq!(
        url(figure),
        "https://fixture.invalid/images/content-card.png"
    );
    assert_eq!(figure.alt, "Synthetic fixture image");
    assert_eq!(figure.size, size(1200, 630));
    // Created, updated and published at the same moment: no update.
    assert_eq!(post.updated_at, None);
    cards_have_heroes(&page);
}

// Small documents: the edge cases.

fn json_feed(item: Value) -> String {
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Feed",
        "items": [item]
    })
    .to_string()
}

fn feed_item(content_html: &str) -> Value {
    json!({
        "id": "a",
        "title": "A",
        "date_published": "2026-07-02T09:30:00Z",
        "content_html": content_html
    })
}

fn body_of(html: &str) -> Article {
    only(&json_feed(feed_item(html)))
}

fn rss_item(item: &str) -> String {
    format!(
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><title>News</title><link>https://news.example.org/</link>\
         <item><title>t</title><link>https://news.example.org/t</link>\
         <pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate>{item}</item></channel></rss>"
    )
}

#[test]
fn unusable_image_addresses_are_dropped() {
    for src in [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
        "/images/a.png",
        "images/a.png",
        "//cdn.example/a.png",
        "",
        "https://exa mple.org/a.png",
    ] {
        let article = body_of(&format!(
            "<p>Before</p><img src=\"{src}\" alt=\"x\"><p>After</p>"
        ));
        assert_eq!(outline(&article), ["p:Before", "p:After"], "{src}");
        let item = json!({ "id": "a", "title": "A", "image": src, "content_text": "x" });
        assert_eq!(only(&json_feed(item)).image, None, "{src}");
        let ld = json!({ "@type": "NewsArticle", "headline": "A", "datePublished": "2026-07-02",
            "image": { "@type": "ImageObject", "url": src } });
        assert_eq!(only(&ld.to_string()).image, None, "{src}");
    }
    // An `<img>` without `src`, and one whose `srcset` alone has addresses.
    let article = body_of("<img alt=\"x\"><img srcset=\"https://i.example/a.jpg 480w\">");
    assert!(article.body.is_empty());
    // Nothing else of the element is read: its handlers and styles never reach the page.
    let article = body_of(
        "<img src=\"https://i.example/a.jpg\" onerror=\"alert(1)\" style=\"x\" \
         data-src=\"https://i.example/b.jpg\" alt=\"A\">",
    );
    assert_eq!(outline(&article), ["fig:https://i.example/a.jpg"]);
}

#[test]
fn relative_images_in_feeds_are_resolved_like_links() {
    let article = only(&rss_item(
        "<content:encoded><![CDATA[<p>One</p><img src=\"/img/a.jpg\" \
         srcset=\"/img/a-480.jpg 480w, b-960.jpg 960w\" alt=\"A\"><p>Two</p>]]></content:encoded>",
    ));
    assert_eq!(
        outline(&article),
        ["p:One", "fig:https://news.example.org/img/a.jpg", "p:Two"]
    );
    let image = figures(&article)[0];
    let sources: Vec<(&str, u32)> = image
        .sources
        .iter()
        .map(|s| (s.url.as_str(), s.width))
        .collect();
    assert_eq!(
        sources,
        [
            ("https://news.example.org/img/a-480.jpg", 480),
            ("https://news.example.org/feeds/b-960.jpg", 960)
        ]
    );
}

#[test]
fn tracking_pixels_are_dropped() {
    for img in [
        "<img src=\"https://stats.example/p.gif\" width=\"1\" height=\"1\">",
        "<img src=\"https://stats.example/p.gif\" width=\"0\" height=\"0\" alt=\"\">",
        "<img src=\"https://stats.example/p.gif\" height=\"1\">",
        "<img src=\"https://pixel.wp.com/b.gif?host=example\" alt=\"\">",
        "<img src=\"http://feeds.feedburner.com/~r/Example/~4/abc\">",
        "<img src=\"https://media.npr.org/include/images/tracking/npr-rss-pixel.png?story=1\" />",
    ] {
        let article = body_of(&format!("<p>Text</p>{img}"));
        assert_eq!(outline(&article), ["p:Text"], "{img}");
    }
    // A picture whose name only mentions a pixel is a picture.
    let article =
        body_of("<img src=\"https://i.example/pixel-7-review.jpg\" width=\"800\" height=\"600\">");
    assert_eq!(figures(&article)[0].size, size(800, 600));
}

#[test]
fn html_images_become_figures() {
    // Sizes that are integers are kept; `100%` is no size; alt is kept as written.
    let article = body_of(
        "<p>Intro</p><img src=\"https://i.example/a.jpg\" alt=\" A  lake \" width=\"800\" \
         height=\"600\"><img src=\"https://i.example/b.jpg\" width=\"100%\" height=\"300\">",
    );
    let images = figures(&article);
    assert_eq!(images[0].alt, "A lake");
    assert_eq!(images[0].size, size(800, 600));
    assert_eq!(images[1].alt, "");
    assert_eq!(images[1].size, None);

    // An image inside a paragraph splits it where it stands; a linked image is a figure.
    let article = body_of(
        "<p>Before <a href=\"https://i.example/big.jpg\"><img src=\"https://i.example/a.jpg\"></a> \
         after <em>this</em>.</p>",
    );
    assert_eq!(
        outline(&article),
        ["p:Before", "fig:https://i.example/a.jpg", "p:after this."]
    );
    // An emoji that a feed wrote as an image is its text, where it stands.
    let article = body_of(
        "<p>Great <img src=\"https://s.w.org/images/core/emoji/14.0.0/72x72/1f389.png\" alt=\"🎉\" \
         class=\"wp-smiley\"> news :<img src=\"https://s.example/smile.png\" alt=\":)\"></p>",
    );
    assert_eq!(outline(&article), ["p:Great 🎉 news ::)"]);
    // Images in headings, list items and quotes are left out; their text stays.
    let article = body_of(
        "<h2><img src=\"https://i.example/icon.png\"> Heading</h2>\
         <ul><li><img src=\"https://i.example/x.png\">Item</li></ul>\
         <blockquote><img src=\"https://i.example/q.png\">Quoted</blockquote>",
    );
    assert_eq!(outline(&article), ["h:Heading", "l:1", "q:Quoted"]);
}

#[test]
fn srcset_widths_become_sources() {
    let article = body_of(
        "<img src=\"https://i.example/a-800.jpg\" width=\"800\" height=\"533\" \
         srcset=\"https://i.example/a-400.jpg 400w, https://i.example/a-800.jpg 800w,\
         https://i.example/w_1600,h_1066/a.jpg 1600w, https://i.example/a-2x.jpg 2x, \
         javascript:alert(1) 1200w, data:image/png;base64,AAAA 300w, \
         https://i.example/a-400b.jpg 400w\" sizes=\"(max-width: 800px) 100vw, 800px\">",
    );
    let image = figures(&article)[0];
    let sources: Vec<(&str, u32)> = image
        .sources
        .iter()
        .map(|s| (s.url.as_str(), s.width))
        .collect();
    // Density candidates have no width; unusable addresses go; each width once (the first).
    assert_eq!(
        sources,
        [
            ("https://i.example/a-400.jpg", 400),
            ("https://i.example/a-800.jpg", 800),
            ("https://i.example/w_1600,h_1066/a.jpg", 1600)
        ]
    );
}

#[test]
fn a_picture_is_its_img_with_the_sources_for_every_screen() {
    let article = body_of(
        "<picture>\
           <source media=\"(max-width: 600px)\" srcset=\"https://i.example/crop-600.jpg 600w\">\
           <source type=\"image/avif\" srcset=\"https://i.example/a-1200.avif 1200w\">\
           <source type=\"image/webp\" srcset=\"https://i.example/a-1200.webp 1200w, https://i.example/a-2400.webp 2400w\">\
           <img src=\"https://i.example/a-800.jpg\" alt=\"A lake\" width=\"800\" height=\"450\">\
         </picture>",
    );
    let images = figures(&article);
    assert_eq!(images.len(), 1);
    let image = images[0];
    assert_eq!(url(image), "https://i.example/a-800.jpg");
    assert_eq!(image.alt, "A lake");
    // Art direction (`media`) and a type not every browser shows are left out.
    assert_eq!(widths(image), [1200, 2400]);
    // A `<source>` outside a `<picture>` shows nothing; a picture without an `<img>` neither.
    let article = body_of(
        "<p>x</p><source srcset=\"https://i.example/a.jpg 100w\">\
         <picture><source srcset=\"https://i.example/a.jpg 100w\"></picture>",
    );
    assert_eq!(outline(&article), ["p:x"]);
}

#[test]
fn a_figcaption_is_its_pictures_caption() {
    let article = body_of(
        "<figure><img src=\"https://i.example/a.jpg\" alt=\"A lake\">\
         <figcaption>The lake, by <a href=\"https://photographer.example/\">Ada</a>.</figcaption>\
         </figure><p>After</p>",
    );
    assert_eq!(
        outline(&article),
        ["fig:https://i.example/a.jpg", "p:After"]
    );
    let text = figures(&article)[0].caption.clone().expect("a caption");
    assert_eq!(text.plain(), "The lake, by Ada.");
    assert!(text.spans().iter().any(|span| matches!(span,
        Span::Link { url, .. } if url.as_str() == "https://photographer.example/")));
    // A gallery: the caption is the whole figure's, a paragraph where it was.
    let article = body_of(
        "<figure><figure><img src=\"https://i.example/a.jpg\"></figure>\
         <figure><img src=\"https://i.example/b.jpg\"><figcaption>B</figcaption></figure>\
         <figcaption>Both</figcaption></figure>",
    );
    assert_eq!(
        outline(&article),
        [
            "fig:https://i.example/a.jpg",
            "fig:https://i.example/b.jpg",
            "p:Both"
        ]
    );
    assert_eq!(caption(figures(&article)[1]).as_deref(), Some("B"));
    // A figure without a usable picture (a quote, a tracking pixel) keeps its caption as text.
    let article = body_of(
        "<figure><figcaption>Caption first</figcaption><blockquote>Quote</blockquote></figure>",
    );
    assert_eq!(outline(&article), ["p:Caption first", "q:Quote"]);
}

#[test]
fn a_hero_repeated_at_the_top_of_the_body_is_shown_once() {
    let item = json!({
        "id": "a", "title": "A", "date_published": "2026-07-02",
        "image": "https://i.example/lead.jpg",
        "content_html": "<figure><img src=\"https://i.example/lead.jpg\" alt=\"The lead\">\
            <figcaption>Its caption</figcaption></figure><p>Text</p>\
            <img src=\"https://i.example/lead.jpg\" alt=\"Again, further down\">"
    });
    let article = only(&json_feed(item));
    let image = hero(&article);
    // The body's lead picture lends the hero its text alternative and caption.
    assert_eq!(image.alt, "The lead");
    assert_eq!(caption(image).as_deref(), Some("Its caption"));
    assert_eq!(
        outline(&article),
        ["p:Text", "fig:https://i.example/lead.jpg"]
    );
}

#[test]
fn json_feed_authors_languages_and_the_signal_extension() {
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Feed",
        "language": "en_GB",
        "authors": [{ "name": "Feed Author" }],
        "items": [
            { "id": "a", "title": "A", "content_text": "x", "language": "English",
              "authors": [{ "name": " " }, { "name": "Ada", "url": "javascript:alert(1)" },
                          { "name": "ada" }, { "name": "Bo", "url": "https://bo.example/" }, 7] },
            { "id": "b", "title": "B", "content_text": "x", "author": { "name": "Cy" },
              "date_published": "2026-07-02", "date_modified": "2026-07-01" },
            { "id": "c", "title": "C", "content_text": "x",
              "date_published": "2026-07-02", "date_modified": "2026-07-02T10:00:00Z",
              "_signal": {
                  "image": { "url": "https://i.example/s.jpg", "alt": "Its own words" },
                  "authors": [{ "name": "Dee" }],
                  "language": "fr",
                  "updated_at": "2026-07-05"
              } }
        ]
    })
    .to_string();
    let page = page(&feed);
    // Blank and repeated names go; a link that is no web address is dropped, not the name;
    // an item language that is no tag falls back to the feed's.
    let a = article(&page, "a");
    assert_eq!(
        names(&a),
        [("Ada", None), ("Bo", Some("https://bo.example/"))]
    );
    assert_eq!(language(&a), Some("en-GB"));
    let b = article(&page, "b");
    assert_eq!(names(&b), [("Cy", None)]);
    // Modified before it was published: no update.
    assert_eq!(b.updated_at, None);
    // `_signal` carries the contract's fields as they are, winning over the item's.
    let c = article(&page, "c");
    assert_eq!(url(hero(&c)), "https://i.example/s.jpg");
    assert_eq!(hero(&c).alt, "Its own words");
    assert_eq!(names(&c), [("Dee", None)]);
    assert_eq!(language(&c), Some("fr"));
    assert_eq!(updated(&c).as_deref(), Some("2026-07-05"));
}

fn json_ld(article: Value) -> Article {
    let mut node = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A",
        "datePublished": "2026-07-02T09:00:00Z"
    });
    for (key, value) in article.as_object().expect("an object") {
        node[key] = value.clone();
    }
    only(&node.to_string())
}

#[test]
fn json_ld_image_objects_and_arrays() {
    // The widest known; a QuantitativeValue, a string and a number as sizes; the others of
    // its shape are its other widths, the square crop is not.
    let article = json_ld(json!({ "image": [
        "https://i.example/unknown.jpg",
        { "@type": "ImageObject", "url": "https://i.example/800.jpg", "width": "800", "height": "450" },
        { "@type": "ImageObject", "contentUrl": "https://i.example/1600.jpg",
          "width": { "@type": "QuantitativeValue", "value": 1600, "unitCode": "E37" },
          "height": { "@type": "QuantitativeValue", "value": 900 },
          "caption": "The &amp; lake", "creditText": "Ada / Agency" },
        { "@type": "ImageObject", "url": "https://i.example/square.jpg", "width": 1200, "height": 1200 },
        { "@type": "ImageObject", "url": "https://i.example/icon.png", "width": 40, "height": 40 }
    ] }));
    let image = hero(&article);
    assert_eq!(url(image), "https://i.example/1600.jpg");
    assert_eq!(image.size, size(1600, 900));
    assert_eq!(widths(image), [800]);
    assert_eq!(caption(image).as_deref(), Some("The & lake"));
    assert_eq!(image.credit.as_deref(), Some("Ada / Agency"));
    // schema.org has no alt: nothing is made up.
    assert_eq!(image.alt, "");
    // Sizes unknown: the first usable one; the copyright holder as credit.
    let article = json_ld(json!({ "image": [
        { "@type": "ImageObject", "url": "data:image/png;base64,AAAA" },
        { "@type": "ImageObject", "url": "https://i.example/a.jpg",
          "copyrightHolder": { "@type": "Organization", "name": "Agency" },
          "description": "A lake at dawn" },
        "https://i.example/b.jpg"
    ] }));
    let image = hero(&article);
    assert_eq!(url(image), "https://i.example/a.jpg");
    assert_eq!(image.credit.as_deref(), Some("Agency"));
    assert_eq!(image.alt, "A lake at dawn");
    // Without `image`, `thumbnailUrl`; a Yoast `@id` with a fragment is not a file.
    let article = json_ld(json!({ "thumbnailUrl": "https://i.example/t.jpg" }));
    assert_eq!(url(hero(&article)), "https://i.example/t.jpg");
    let article = json_ld(json!({ "image": { "@id": "https://site.example/post/#primaryimage" } }));
    assert_eq!(article.image, None);
    // A wrong type is no picture, not an error.
    for image in [
        json!(7),
        json!(true),
        json!({ "url": 3 }),
        json!([[]]),
        json!(null),
    ] {
        assert_eq!(json_ld(json!({ "image": image })).image, None);
    }
}

#[test]
fn json_ld_authors_with_blanks_and_languages_as_objects() {
    let article = json_ld(json!({
        "author": [
            { "@type": "Person", "name": "" },
            "Plain Name",
            { "@type": "Person", "name": "Ada", "sameAs": ["not a url", "https://ada.example/"] },
            { "@type": "Organization", "name": "Agency", "url": "https://agency.example/" },
            { "@type": "Person", "@id": "https://site.example/#/schema/person/1", "name": "Bo" },
            { "@type": "Person", "name": "https://profile.example/cy" },
            null, 5,
            { "@type": "Person", "name": "ada" }
        ],
        "inLanguage": { "@type": "Language", "name": "German", "alternateName": "de-at" }
    }));
    assert_eq!(
        names(&article),
        [
            ("Plain Name", None),
            ("Ada", Some("https://ada.example/")),
            ("Agency", Some("https://agency.example/")),
            ("Bo", None)
        ]
    );
    assert_eq!(language(&article), Some("de-AT"));
    // A language's name alone is no tag: none, and the article still reads.
    let article =
        json_ld(json!({ "inLanguage": [{ "@type": "Language", "name": "English" }, "pt_BR"] }));
    assert_eq!(language(&article), Some("pt-BR"));
    let article = json_ld(json!({ "inLanguage": "Deutsch", "author": "   " }));
    assert_eq!(article.language, None);
    assert!(article.authors.is_empty());
    // dateModified: later is an update, the same moment is not.
    let article = json_ld(json!({ "dateModified": "2026-07-03 08:00:00+02:00" }));
    assert_eq!(
        updated(&article).as_deref(),
        Some("2026-07-03T08:00:00+02:00")
    );
    let article = json_ld(json!({ "dateModified": "2026-07-02T11:00:00+02:00" }));
    assert_eq!(article.updated_at, None);
}

#[test]
fn media_rss_and_enclosures() {
    // The widest image `media:content`, in a group, with the others of its shape; a video's
    // content is no picture.
    let article = only(&rss_item(
        "<media:group>\
           <media:content url=\"https://v.example/a.mp4\" medium=\"video\" width=\"1920\" height=\"1080\"/>\
           <media:content url=\"https://i.example/640.jpg\" medium=\"image\" width=\"640\" height=\"360\">\
             <media:description>Solar panels at dusk</media:description>\
             <media:credit>Jo &amp; Co</media:credit></media:content>\
           <media:content url=\"https://i.example/1280.jpg\" type=\"image/jpeg\" width=\"1280\" height=\"720\">\
             <media:description>Solar panels at dusk</media:description></media:content>\
           <media:content url=\"https://i.example/sq.jpg\" type=\"image/jpeg\" width=\"600\" height=\"600\"/>\
         </media:group>\
         <dc:creator>Ada</dc:creator><dc:creator>Bo</dc:creator><dc:language>de_CH</dc:language>",
    ));
    let image = hero(&article);
    assert_eq!(url(image), "https://i.example/1280.jpg");
    assert_eq!(image.alt, "Solar panels at dusk");
    assert_eq!(widths(image), [640]);
    assert_eq!(names(&article), [("Ada", None), ("Bo", None)]);
    assert_eq!(language(&article), Some("de-CH"));
    // Only a thumbnail: it; an image enclosure (relative, resolved); an audio one is none.
    let article = only(&rss_item(
        "<media:thumbnail url=\"https://i.example/t.jpg\" width=\"320\" height=\"180\"/>\
         <enclosure url=\"/e.jpg\" type=\"image/jpeg\" length=\"1\"/>",
    ));
    assert_eq!(url(hero(&article)), "https://i.example/t.jpg");
    let article = only(&rss_item(
        "<enclosure url=\"/e.jpg\" type=\"image/jpeg\" length=\"1\"/>",
    ));
    assert_eq!(url(hero(&article)), "https://news.example.org/e.jpg");
    let article = only(&rss_item(
        "<enclosure url=\"/e.mp3\" type=\"audio/mpeg\" length=\"1\"/>",
    ));
    assert_eq!(article.image, None);
    // A `media:content` with an address that is no picture's, or unusable: none.
    let article = only(&rss_item(
        "<media:content url=\"javascript:alert(1)\" medium=\"image\"/>\
         <media:content url=\"https://i.example/a.jpg\" width=\"1\" height=\"1\" medium=\"image\"/>",
    ));
    assert_eq!(
        article.image.as_ref().map(url),
        None,
        "a 1×1 pixel is an icon's size, not a hero"
    );
}

#[test]
fn atom_updates_authors_and_languages() {
    let feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-us\">\
        <title>F</title><author><name>Feed Author</name><uri>/about</uri></author>\
        <entry><id>a</id><title>A</title><published>2026-07-02T09:00:00Z</published>\
          <updated>2026-07-01T09:00:00Z</updated><content type=\"html\">x</content></entry>\
        <entry xml:lang=\"fr\"><id>b</id><title>B</title><published>2026-07-02T09:00:00Z</published>\
          <updated>2026-07-04T09:00:00Z</updated>\
          <author><name>Ada</name><uri>https://ada.example/</uri></author>\
          <author><name> </name></author>\
          <link rel=\"enclosure\" type=\"image/png\" href=\"/i.png\"/>\
          <content type=\"html\" xml:lang=\"de\">x</content></entry>\
        </feed>";
    let page = read_index(feed, Some("https://blog.example/feed.atom"), NATIVE)
        .unwrap_or_else(|e| panic!("{e}"));
    let a = article(&page, "a");
    // Updated before it was published: no update; the feed's author and language.
    assert_eq!(a.updated_at, None);
    assert_eq!(
        names(&a),
        [("Feed Author", Some("https://blog.example/about"))]
    );
    assert_eq!(language(&a), Some("en-US"));
    let b = article(&page, "b");
    assert_eq!(updated(&b).as_deref(), Some("2026-07-04T09:00:00Z"));
    assert_eq!(names(&b), [("Ada", Some("https://ada.example/"))]);
    // The content's own `xml:lang` is the nearest to its text.
    assert_eq!(language(&b), Some("de"));
    assert_eq!(url(hero(&b)), "https://blog.example/i.png");
}

#[test]
fn wordpress_featured_media_that_cannot_be_shown_is_none() {
    let post = |media: Value| {
        json!({
            "id": 1, "slug": "p", "link": "https://blog.example/p/",
            "date_gmt": "2026-07-02T09:00:00", "modified_gmt": "2026-07-02T09:00:00",
            "title": { "rendered": "P" }, "content": { "rendered": "<p>x</p>" },
            "_embedded": {
                "wp:featuredmedia": [media],
                "author": [{ "name": "" }, { "name": "Ada &amp; Bo", "link": "https://blog.example/author/ada/" }]
            }
        })
        .to_string()
    };
    for media in [
        json!({ "code": "rest_forbidden", "message": "Sorry", "data": { "status": 401 } }),
        json!({ "media_type": "file", "source_url": "https://blog.example/a.pdf" }),
        json!({ "source_url": "/wp-content/uploads/a.jpg" }),
        json!("https://blog.example/a.jpg"),
    ] {
        let article = only(&post(media.clone()));
        assert_eq!(article.image, None, "{media}");
        assert_eq!(
            names(&article),
            [("Ada & Bo", Some("https://blog.example/author/ada/"))]
        );
        // Modified when it was published: no update.
        assert_eq!(article.updated_at, None);
    }
    // Sizes that keep the shape are other widths; the caption's link is kept.
    let article = only(&post(json!({
        "media_type": "image", "source_url": "https://blog.example/a.jpg", "alt_text": "A",
        "caption": { "rendered": "<p>By <a href=\"https://ph.example/\">Ph</a></p>\n" },
        "media_details": { "width": 2000, "height": 1000, "sizes": {
            "thumbnail": { "source_url": "https://blog.example/a-150x150.jpg", "width": 150, "height": 150 },
            "medium": { "source_url": "https://blog.example/a-300x150.jpg", "width": 300, "height": 150 },
            "odd": { "source_url": "https://blog.example/a-odd.jpg", "width": "x", "height": 1 }
        } }
    })));
    let image = hero(&article);
    assert_eq!(image.size, size(2000, 1000));
    assert_eq!(widths(image), [300]);
    assert_eq!(caption(image).as_deref(), Some("By Ph"));
}

#[test]
fn ghost_feature_image_alt_and_caption() {
    let doc = json!({ "posts": [{
        "id": "1", "uuid": "u", "slug": "p", "title": "P", "html": "<p>x</p>",
        "url": "https://ghost.example/p/",
        "published_at": "2026-07-02T09:00:00.000+00:00",
        "updated_at": "2026-07-03T09:00:00.000+00:00",
        "feature_image": "https://ghost.example/content/images/a.jpg",
        "feature_image_alt": "A lake",
        "feature_image_caption": "<span style=\"white-space: pre-wrap;\">Photo by </span><a href=\"https://unsplash.com/@ada\">Ada</a>",
        "authors": [],
        "primary_author": { "name": "Bo", "url": "https://ghost.example/author/bo/" }
    }, {
        "id": "2", "uuid": "v", "slug": "q", "title": "Q", "html": "<p>x</p>",
        "url": "https://ghost.example/q/",
        "published_at": "2026-07-02T09:00:00.000+00:00",
        "feature_image": "__GHOST_URL__/content/images/b.jpg",
        "authors": [{ "name": "Cy", "url": "https://ghost.example/author/cy/" }, { "name": "Dee" }]
    }] })
    .to_string();
    let page = page(&doc);
    let p = article(&page, "p");
    let image = hero(&p);
    assert_eq!(image.alt, "A lake");
    let text = image.caption.clone().expect("a caption");
    assert_eq!(text.plain(), "Photo by Ada");
    assert!(text.spans().iter().any(|s| matches!(s, Span::Link { .. })));
    assert_eq!(
        names(&p),
        [("Bo", Some("https://ghost.example/author/bo/"))]
    );
    assert_eq!(updated(&p).as_deref(), Some("2026-07-03T09:00:00Z"));
    // An address Ghost did not make absolute is no picture.
    let q = article(&page, "q");
    assert_eq!(q.image, None);
    assert_eq!(
        names(&q),
        [
            ("Cy", Some("https://ghost.example/author/cy/")),
            ("Dee", None)
        ]
    );
}
