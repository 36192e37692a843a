//! The WordPress REST API and the Ghost Content API: their posts read as the contract, how
//! they are recognised, their URLs (the posts endpoint as the index, one post by its slug),
//! and their paging (Ghost's page numbers, WordPress's `Link` and `X-WP-TotalPages`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NativeUrl;
use serde_json::{Value, json};
use signal_model::adapt::NATIVE;
use signal_model::adapt::{Format, Reading, convert, read_article, read_index, reading};
use signal_model::api::{ApiBase, Kind, is_empty_list, next_link, next_page_number, with_page};
use signal_model::{Article, Block, Route};

fn detect(json: &Value) -> Format {
    match reading(&json.to_string()).expect("within the size limit") {
        Reading::Contract(_) => Format::Contract,
        Reading::Foreign(format) => format,
    }
}

fn index(json: &Value) -> signal_model::FeedPage {
    read_index(&json.to_string(), None, NATIVE).unwrap_or_else(|e| panic!("{e}"))
}

fn paragraphs(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => text.plain(),
            other => format!("{other:?}"),
        })
        .collect()
}

/// A WordPress post as `/wp-json/wp/v2/posts?_embed` gives it (fields trimmed to those read).
fn wp_post(id: u64, slug: &str) -> Value {
    json!({
        "id": id,
        "date": "2018-01-06T09:00:00",
        "date_gmt": "2018-01-06T08:00:00",
        "guid": { "rendered": format!("https://site.example/?p={id}") },
        "slug": slug,
        "status": "publish",
        "type": "post",
        "link": format!("https://www.site.example/2018/01/06/{slug}/"),
        "title": { "rendered": "Solar&#8217;s &#8220;big&#8221; year &amp; more" },
        "content": {
            "rendered": "<p>First <em>paragraph</em> &hellip;</p>\n<h2>Next</h2>\n<p>Second.</p>\n",
            "protected": false
        },
        "excerpt": {
            "rendered": "<p>Solar power grew &hellip; <a href=\"https://site.example/x/\" class=\"more-link\">Continue reading<span class=\"screen-reader-text\"> &#8220;Solar&#8217;s big year&#8221;</span></a></p>\n",
            "protected": false
        },
        "author": 1,
        "categories": [1, 7],
        "tags": [12],
        "_embedded": {
            "author": [{ "id": 1, "name": "Ana" }],
            "wp:term": [
                [
                    { "id": 1, "name": "Uncategorized", "slug": "uncategorized", "taxonomy": "category" },
                    { "id": 7, "name": "Energy &amp; Climate", "slug": "energy-climate", "taxonomy": "category" }
                ],
                [
                    { "id": 12, "name": "Solar", "slug": "solar", "taxonomy": "post_tag" },
                    { "id": 13, "name": "Energy &amp; Climate", "slug": "energy-climate", "taxonomy": "post_tag" }
                ],
                [
                    { "id": 40, "name": "Feature", "slug": "feature", "taxonomy": "post_format" }
                ]
            ]
        }
    })
}

/// A Ghost post as `/ghost/api/content/posts/?include=tags,authors` gives it (trimmed).
fn ghost_post(slug: &str) -> Value {
    json!({
        "id": "5ddc9141c35e7700383b2937",
        "uuid": "a5aa9bd8-ea31-415c-b452-3040dae1e730",
        "title": "Wind & water",
        "slug": slug,
        "html": "<p>Turbines <strong>turn</strong>.</p><figure class=\"kg-card kg-image-card\"><img src=\"x.png\" alt=\"\"></figure><p>Tides too.</p>",
        "feature_image": null,
        "featured": false,
        "created_at": "2019-11-26T02:43:15.000+00:00",
        "updated_at": "2019-11-26T02:44:17.000+00:00",
        "published_at": "2019-11-26T02:44:17.000+01:00",
        "custom_excerpt": null,
        "url": format!("https://blog.site.example/{slug}/"),
        "excerpt": "Turbines turn. Tides too.",
        "tags": [
            { "id": "1", "name": "Renewables", "slug": "renewables", "visibility": "public" },
            { "id": "2", "name": "#feature", "slug": "hash-feature", "visibility": "internal" }
        ],
        "authors": [{ "id": "a", "name": "Ghost", "slug": "ghost" }],
        "primary_author": { "id": "a", "name": "Ghost", "slug": "ghost" },
        "primary_tag": { "id": "1", "name": "Renewables", "slug": "renewables" }
    })
}

fn ghost_page(posts: Vec<Value>, page: u64, next: Option<u64>) -> Value {
    json!({
        "posts": posts,
        "meta": { "pagination": { "page": page, "limit": 15, "pages": 3, "total": 40, "next": next, "prev": null } }
    })
}

#[test]
fn wordpress_and_ghost_are_recognised_from_the_document() {
    assert_eq!(detect(&json!([wp_post(1, "a")])), Format::WordPress);
    assert_eq!(detect(&wp_post(60, "a")), Format::WordPress);
    assert_eq!(
        detect(&ghost_page(vec![ghost_post("a")], 1, None)),
        Format::Ghost
    );
    // One post by slug: no pagination, but a post with `html` and `uuid`.
    assert_eq!(
        detect(&json!({ "posts": [ghost_post("a")] })),
        Format::Ghost
    );
    // Not enough to tell: read as the contract, which then says what is wrong.
    assert_eq!(
        detect(&json!([{ "title": { "rendered": "x" } }])),
        Format::Contract
    );
    assert_eq!(
        detect(&json!({ "posts": [{ "title": "x" }] })),
        Format::Contract
    );
    assert_eq!(
        detect(&json!({ "posts": "none", "meta": { "pagination": {} } })),
        Format::Contract
    );
    // A JSON Feed's title is a string, not WordPress's object.
    assert_eq!(
        detect(
            &json!({ "version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [] })
        ),
        Format::JsonFeed
    );
    assert_eq!(Format::from_name("wordpress"), Some(Format::WordPress));
    assert_eq!(Format::from_name("ghost"), Some(Format::Ghost));
}

#[test]
fn a_wordpress_post_maps_to_the_contract() {
    let page = index(&json!([wp_post(1, "solar-year"), wp_post(2, "second")]));
    assert_eq!(page.full.len(), 2);
    let article = &page.full[0];
    assert_eq!(article.slug, "solar-year");
    // References decoded once.
    assert_eq!(
        article.headline,
        "Solar\u{2019}s \u{201c}big\u{201d} year & more"
    );
    // `date_gmt` is UTC; `date` (site-local) is not used when it is there.
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2018-01-06T08:00:00Z"
    );
    // The excerpt without its "Continue reading" link, ending in one ellipsis.
    assert_eq!(article.summary.as_deref(), Some("Solar power grew\u{2026}"));
    assert_eq!(
        paragraphs(article),
        vec![
            "First paragraph \u{2026}".to_owned(),
            "Heading(\"Next\")".to_owned(),
            "Second.".to_owned()
        ]
    );
    // Categories and tags, each once, "Uncategorized" and post formats left out.
    let pillars: Vec<(&str, &str)> = article
        .pillars
        .iter()
        .map(|p| (p.slug.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        pillars,
        vec![("energy-climate", "Energy & Climate"), ("solar", "Solar")]
    );
    // The posts response names no site: the host of `link` is the publisher.
    let publisher = article.publisher.as_ref().expect("a publisher");
    assert_eq!(publisher.name, "site.example");
    assert_eq!(
        publisher.url.as_ref().map(|u| u.as_str()),
        Some("https://www.site.example/")
    );
    assert_eq!(article.sources.len(), 1);
    assert_eq!(
        article.sources[0].url.as_ref().map(|u| u.as_str()),
        Some("https://www.site.example/2018/01/06/solar-year/")
    );
}

#[test]
fn wordpress_without_embed_has_no_pillars_and_a_local_date_gives_the_day() {
    let mut post = wp_post(1, "a");
    post.as_object_mut().expect("an object").remove("_embedded");
    post.as_object_mut().expect("an object").remove("date_gmt");
    let article = &index(&json!([post])).full[0];
    assert!(article.pillars.is_empty(), "no names invented for ids");
    assert_eq!(article.published_at.expect("dated").machine(), "2018-01-06");
}

#[test]
fn wordpress_excerpts_are_reduced_to_text() {
    let with = |excerpt: &str| {
        let mut post = wp_post(1, "a");
        post["excerpt"]["rendered"] = Value::from(excerpt);
        read_index(&json!([post]).to_string(), None, NATIVE)
            .expect("read")
            .full[0]
            .summary
            .clone()
    };
    assert_eq!(
        with("<p>Welcome to WordPress. This is your first post. Edit or delete it, then start writing!</p>\n").as_deref(),
        Some("Welcome to WordPress. This is your first post. Edit or delete it, then start writing!")
    );
    assert_eq!(
        with("<p>Power to the people [&hellip;]</p>\n").as_deref(),
        Some("Power to the people\u{2026}")
    );
    assert_eq!(
        with("<p>Text&#8230; <a class=\"more-link\" href=\"x\">Read more</a></p>").as_deref(),
        Some("Text\u{2026}")
    );
    // Only the link: no summary at all.
    assert_eq!(with("<p><a href=\"x\">Continue reading</a></p>"), None);
    assert_eq!(with(""), None);
}

#[test]
fn a_wordpress_single_post_object_is_read_and_errors_name_its_fields() {
    let article = read_article(&wp_post(60, "post-60").to_string(), None, "post-60", NATIVE)
        .expect("one post object");
    assert_eq!(article.slug, "post-60");

    // A date_gmt that is no date: the local `date` gives the day.
    let mut bad = wp_post(3, "a");
    bad["date_gmt"] = json!("sometime");
    let page = index(&json!([wp_post(1, "b"), bad]));
    assert_eq!(
        page.full[1].published_at.map(|d| d.machine()).as_deref(),
        Some("2018-01-06")
    );

    let mut untitled = wp_post(3, "a");
    untitled["title"]["rendered"] = json!("");
    untitled["excerpt"]["rendered"] = json!("");
    let article = &index(&json!([untitled])).full[0];
    assert_eq!(article.headline, "First paragraph \u{2026}");

    let mut no_date = wp_post(3, "a");
    no_date
        .as_object_mut()
        .expect("an object")
        .remove("date_gmt");
    no_date.as_object_mut().expect("an object").remove("date");
    assert_eq!(
        index(&json!([no_date])).full[0].published_at,
        None,
        "undated"
    );
}

#[test]
fn the_by_slug_answer_gives_the_one_post() {
    // WordPress `?slug=` answers a list of one; Ghost `posts/slug/<slug>/` a `posts` of one.
    let wp = json!([wp_post(5, "only")]).to_string();
    assert_eq!(
        read_article(&wp, None, "only", NATIVE).expect("read").slug,
        "only"
    );
    let ghost = json!({ "posts": [ghost_post("wind")] }).to_string();
    assert_eq!(
        read_article(&ghost, None, "wind", NATIVE)
            .expect("read")
            .slug,
        "wind"
    );
    // From a list of several, the one with the slug.
    let list = json!([wp_post(1, "one"), wp_post(2, "two")]).to_string();
    assert_eq!(
        read_article(&list, None, "two", NATIVE).expect("read").slug,
        "two"
    );
}

#[test]
fn a_ghost_post_maps_to_the_contract() {
    let page = index(&ghost_page(vec![ghost_post("wind-water")], 1, Some(2)));
    let article = &page.full[0];
    assert_eq!(article.slug, "wind-water");
    assert_eq!(article.headline, "Wind & water");
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2019-11-26T02:44:17+01:00"
    );
    assert_eq!(
        article.summary.as_deref(),
        Some("Turbines turn. Tides too.")
    );
    assert_eq!(paragraphs(article), vec!["Turbines turn.", "Tides too."]);
    let pillars: Vec<&str> = article.pillars.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(pillars, vec!["renewables"], "internal tags are not pillars");
    let publisher = article.publisher.as_ref().expect("a publisher");
    assert_eq!(publisher.name, "blog.site.example");
    assert_eq!(
        article.sources[0].url.as_ref().map(|u| u.as_str()),
        Some("https://blog.site.example/wind-water/")
    );
    // The next page is a number, set as `page` of the URL read.
    assert_eq!(page.next, None);
    assert_eq!(page.next_page, Some(2));
    let last = index(&ghost_page(vec![ghost_post("a")], 3, None));
    assert_eq!(last.next_page, None);
}

#[test]
fn ghost_custom_excerpts_win_and_errors_name_the_post() {
    let mut post = ghost_post("a");
    post["custom_excerpt"] = json!("The author&#8217;s own");
    let article = &index(&ghost_page(vec![post], 1, None)).full[0];
    assert_eq!(article.summary.as_deref(), Some("The author\u{2019}s own"));

    // A published_at that is no date: the updated date stands in.
    let mut bad = ghost_post("b");
    bad["published_at"] = json!(12);
    let page = index(&ghost_page(vec![ghost_post("a"), bad], 1, None));
    assert_eq!(
        page.full[1].published_at.map(|d| d.machine()).as_deref(),
        Some("2019-11-26T02:44:17Z")
    );

    // A post that cannot be read is left out, and the page says why.
    let mut untitled = ghost_post("c");
    for field in ["title", "html", "excerpt", "custom_excerpt", "plaintext"] {
        untitled.as_object_mut().expect("an object").remove(field);
    }
    let page = index(&ghost_page(vec![ghost_post("a"), untitled], 1, None));
    assert_eq!(page.full.len(), 1);
    assert!(
        page.cut[0]
            .message()
            .contains("posts[1].title: required, but missing"),
        "{}",
        page.cut[0].message()
    );
}

#[test]
fn the_adapter_module_hands_on_the_next_page_number() {
    let doc = ghost_page(vec![ghost_post("a")], 1, Some(2)).to_string();
    let converted = convert(Format::Ghost, &doc, None, None, NATIVE).expect("converted");
    let answer = signal_model::adapt::encode_answer(&Ok(converted));
    let decoded = signal_model::adapt::decode_answer(&answer)
        .expect("an answer")
        .expect("a success");
    assert_eq!(decoded.into_page().expect("a page").next_page, Some(2));
}

fn api(meta: &str) -> ApiBase {
    ApiBase::resolve::<NativeUrl>("https://reader.example/", Some(meta)).expect("an API base")
}

#[test]
fn a_wordpress_posts_endpoint_is_the_index_and_posts_are_asked_for_by_slug() {
    let wp = api("https://site.example/wp-json/wp/v2/posts");
    assert_eq!(wp.kind(), Kind::WordPress);
    assert!(wp.by_slug() && wp.names_document());
    // `_embed` (the terms, featured picture and authors) is added: without it there are no
    // category names, no picture and no byline.
    assert_eq!(
        wp.index_url(),
        "https://site.example/wp-json/wp/v2/posts?_embed=wp:term,wp:featuredmedia,author"
    );
    assert_eq!(
        wp.article_url::<NativeUrl>("a&b c"),
        "https://site.example/wp-json/wp/v2/posts?_embed=wp:term,wp:featuredmedia,author&slug=a%26b%20c"
    );
    // The deployer's own query is kept, but for the page.
    let wp = api("https://site.example/wp-json/wp/v2/posts/?_embed&per_page=5&page=2#x");
    assert_eq!(
        wp.index_url(),
        "https://site.example/wp-json/wp/v2/posts/?_embed&per_page=5&page=2"
    );
    assert_eq!(
        wp.article_url::<NativeUrl>("x"),
        "https://site.example/wp-json/wp/v2/posts/?_embed&per_page=5&slug=x"
    );
    // Sites without pretty permalinks.
    let wp = api("https://site.example/?rest_route=/wp/v2/posts");
    assert_eq!(wp.kind(), Kind::WordPress);
    assert_eq!(
        wp.article_url::<NativeUrl>("x"),
        "https://site.example/?rest_route=/wp/v2/posts&_embed=wp:term,wp:featuredmedia,author&slug=x"
    );
    assert_eq!(
        api("https://site.example/?rest_route=%2Fwp%2Fv2%2Fposts").kind(),
        Kind::WordPress
    );
    // Other WordPress routes are not posts.
    assert_eq!(
        api("https://site.example/wp-json/wp/v2/pages").kind(),
        Kind::Folder
    );
    assert_eq!(
        api("https://site.example/wp-json/wp/v2/posts/60").kind(),
        Kind::Folder
    );
    // The article page asks for the post alone; the feed and a pillar for the list.
    let wp = api("https://site.example/wp-json/wp/v2/posts?_embed");
    assert_eq!(
        wp.first_document::<NativeUrl>(&Route::Article("x".into())),
        Some("https://site.example/wp-json/wp/v2/posts?_embed&slug=x".into())
    );
    assert_eq!(
        wp.first_document::<NativeUrl>(&Route::Feed),
        Some("https://site.example/wp-json/wp/v2/posts?_embed".into())
    );
}

#[test]
fn a_ghost_posts_endpoint_is_the_index_and_posts_are_asked_for_by_slug() {
    let ghost = api("https://site.example/ghost/api/content/posts/?key=k1&include=tags,authors");
    assert_eq!(ghost.kind(), Kind::Ghost);
    assert_eq!(
        ghost.index_url(),
        "https://site.example/ghost/api/content/posts/?key=k1&include=tags,authors"
    );
    assert_eq!(
        ghost.article_url::<NativeUrl>("wind/water"),
        "https://site.example/ghost/api/content/posts/slug/wind%2Fwater/?key=k1&include=tags,authors"
    );
    // Without the slash, with list parameters that a single post does not take.
    let ghost = api("https://site.example/blog/ghost/api/content/posts?key=k1&limit=5&page=2");
    assert_eq!(
        ghost.index_url(),
        "https://site.example/blog/ghost/api/content/posts/?key=k1&limit=5&page=2"
    );
    assert_eq!(
        ghost.article_url::<NativeUrl>("x"),
        "https://site.example/blog/ghost/api/content/posts/slug/x/?key=k1"
    );
    // Older Ghosts name their API version.
    for versioned in [
        "https://site.example/ghost/api/v3/content/posts/?key=k",
        "https://site.example/ghost/api/v4.0/content/posts/?key=k",
        "https://site.example/ghost/api/canary/content/posts/?key=k",
    ] {
        assert_eq!(api(versioned).kind(), Kind::Ghost, "{versioned}");
    }
    assert_eq!(
        api("https://site.example/ghost/api/content/pages/?key=k").kind(),
        Kind::Document
    );
    assert_eq!(
        api("https://site.example/ghost/api/vx/content/posts/").kind(),
        Kind::Folder
    );
}

#[test]
fn a_page_number_is_set_in_the_url_read() {
    assert_eq!(
        with_page(
            "https://s.example/ghost/api/content/posts/?key=k&include=tags",
            2
        ),
        "https://s.example/ghost/api/content/posts/?key=k&include=tags&page=2"
    );
    assert_eq!(
        with_page("https://s.example/posts?page=2&key=k", 3),
        "https://s.example/posts?key=k&page=3"
    );
    assert_eq!(
        with_page("https://s.example/posts", 2),
        "https://s.example/posts?page=2"
    );
}

#[test]
fn wordpress_total_pages_give_the_next_page_and_never_one_past_the_last() {
    let url = "https://s.example/wp-json/wp/v2/posts?_embed";
    assert_eq!(next_page_number(url, "3"), Some(2));
    assert_eq!(next_page_number(&with_page(url, 2), "3"), Some(3));
    assert_eq!(next_page_number(&with_page(url, 3), " 3 "), None);
    assert_eq!(next_page_number(url, "1"), None);
    assert_eq!(next_page_number(url, "0"), None);
    assert_eq!(next_page_number(url, "many"), None);
    assert_eq!(next_page_number("https://s.example/p?page=x", "3"), None);
}

#[test]
fn the_link_header_gives_the_next_page() {
    // As WordPress sends it on a middle page.
    let header = "<https://s.example/wp-json/wp/v2/posts?page=1>; rel=\"prev\", \
                  <https://s.example/wp-json/wp/v2/posts?page=3>; rel=\"next\"";
    assert_eq!(
        next_link(header).as_deref(),
        Some("https://s.example/wp-json/wp/v2/posts?page=3")
    );
    // Unquoted, in another case, a relation list, other parameters, and commas in the URL.
    assert_eq!(
        next_link("</p?a=1,2>; rel=NEXT").as_deref(),
        Some("/p?a=1,2")
    );
    assert_eq!(
        next_link(
            "<a>; title=\"x, y\"; rel=\"prev\", <b>; rel=\"last next\"; type=\"application/json\""
        )
        .as_deref(),
        Some("b")
    );
    assert_eq!(
        next_link("<https://s.example/wp-json/>; rel=\"https://api.w.org/\"").as_deref(),
        None
    );
    assert_eq!(next_link("<a>; rel=\"prev\"").as_deref(), None);
    assert_eq!(next_link("").as_deref(), None);
    assert_eq!(next_link("<>; rel=next").as_deref(), None);
    assert_eq!(next_link("garbage; rel=next").as_deref(), None);
}

#[test]
fn an_empty_list_is_told_apart() {
    assert!(is_empty_list("[]"));
    assert!(is_empty_list(" [\n ]\n"));
    assert!(!is_empty_list("[1]"));
    assert!(!is_empty_list("{}"));
    assert!(!is_empty_list(""));
}

fn wild(path: &str) -> String {
    common::fixture_text(&format!("wild/{path}"))
}

/// Real responses (see `tests/fixtures/wild/SOURCES.md`) read as the by-slug answers they are.
#[test]
fn real_single_posts_are_read_by_slug() {
    let wp = wild("wordpress/migrate-mg-wp-api-single-post-with-html-in-title.json");
    let article = read_article(&wp, None, "my-awesome-post", NATIVE).expect("a WordPress post");
    // HTML in `title.rendered` is reduced to its text.
    assert!(
        article
            .headline
            .starts_with("Lorem ipsum dolor sit amet, consectetur")
    );
    assert!(!article.headline.contains('<'));
    // `date_gmt` (UTC), not the site's local `date`.
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2019-11-07T15:36:54Z"
    );
    let pillars: Vec<&str> = article.pillars.iter().map(|p| p.name.as_str()).collect();
    assert!(pillars.contains(&"Bar & Baz"), "{pillars:?}");
    assert_eq!(
        article.summary.as_deref(),
        Some("This is my strong headline thing. Here we have some excerpt content\u{2026}")
    );

    let ghost = wild("ghost/migrate-ghost2-posts-include-authors-tags.json");
    let article = read_article(&ghost, None, "welcome-short", NATIVE).expect("a Ghost post");
    assert_eq!(article.headline, "Welcome");
    assert_eq!(
        article.published_at.expect("dated").machine(),
        "2012-11-27T15:30:00Z"
    );
    assert_eq!(
        article
            .pillars
            .iter()
            .map(|p| p.slug.as_str())
            .collect::<Vec<_>>(),
        ["getting-started"]
    );
    assert_eq!(
        article.publisher.as_ref().map(|p| p.name.as_str()),
        Some("demo.ghost.io")
    );
}
