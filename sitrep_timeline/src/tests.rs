//! Consolidation and report tests on invented articles with known
//! overlaps, disputes and relative dates.

use std::collections::BTreeMap;

use sitrep_model::{
    Article, ArticleId, DatePrecision, EntityId, EntityKind, Event, EventActor, EventDateBasis, PartialDate,
    PloverType, PublishedBasis, PublishedDate, Span,
};

use crate::consolidate::{Timeline, consolidate_thread};
use crate::input::{ArticleInput, EntityName, ThreadInput};
use crate::report::{ThreadReport, render_html, render_markdown};

fn article(id: &str, source: &str, published: Option<(i32, u32, u32)>, text: &str) -> Article {
    let published = published.and_then(|(y, m, d)| PublishedDate::from_ymd(y, m, d));
    Article {
        id: ArticleId::from_stored(id),
        origin: format!("{id}.txt"),
        url: None,
        title: Some(format!("Report {id}")),
        text: text.to_owned(),
        published,
        published_basis: published.map(|_| PublishedBasis::Metadata),
        authors: Vec::new(),
        source: Some(source.to_owned()),
        language: Some("en".into()),
    }
}

fn actor(name: &str, entity: &str) -> EventActor {
    EventActor {
        name: name.into(),
        entity: Some(EntityId(entity.into())),
        country: None,
        sector: None,
        span: Span::new(0, 0),
    }
}

/// An event whose evidence is the sentence of `text` containing `needle`.
fn event(
    text: &str,
    needle: &str,
    kind: PloverType,
    source: EventActor,
    target: Option<EventActor>,
    date: Option<&str>,
) -> Event {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at..].find(". ").map_or(text.len(), |i| at + i + 1);
    let date: Option<PartialDate> = date.map(|d| d.parse().expect("date"));
    Event {
        kind,
        mode: None,
        context: None,
        cameo: None,
        source,
        target,
        date,
        date_precision: date.map_or(DatePrecision::Unknown, |d| d.precision()),
        date_basis: if date.is_some() {
            EventDateBasis::Text
        } else {
            EventDateBasis::Publication
        },
        place: None,
        span: Span::new(start, end),
        trigger: Span::new(at, at + needle.len()),
    }
}

struct Fixture {
    articles: Vec<Article>,
    events: Vec<Vec<Event>>,
    stories: Vec<&'static str>,
}

fn fixture() -> Fixture {
    let a1 = "Foreign Minister Lena Varo spoke with her Dalmarian counterpart Tomas Reek by phone on Friday. She urged an immediate ceasefire along the border. The two ministers last spoke on March 2.";
    let a2 = "Lena Varo and Tomas Reek held a phone call on Friday, officials said. Varo demanded that Dalmaria pull back 4,000 soldiers. Rebels of the Free Hills Front seized the town of Orlo on March 10.";
    let a3 = "The ministers held a phone call on Thursday, a spokesman said. Dalmaria has moved 3,000 soldiers to the border.";
    let a4 = "Rebels of the Free Hills Front seized the town of Orlo, weeks before the talks. The front now controls the valley.";
    let articles = vec![
        article("a1", "Northern Herald", Some((2025, 3, 22)), a1),
        article("a2", "Valley Wire", Some((2025, 3, 22)), a2),
        article("a3", "Coast Times", Some((2025, 3, 22)), a3),
        article("a4", "Hill Post", Some((2025, 4, 15)), a4),
    ];
    let varo = || actor("Lena Varo", "person:lena-varo");
    let reek = || actor("Tomas Reek", "person:tomas-reek");
    let front = || actor("Free Hills Front", "group:free-hills-front");
    let events = vec![
        vec![
            event(
                a1,
                "spoke with",
                PloverType::Consult,
                varo(),
                Some(reek()),
                Some("2025-03-21"),
            ),
            event(
                a1,
                "last spoke",
                PloverType::Consult,
                varo(),
                Some(reek()),
                Some("2025-03-02"),
            ),
        ],
        vec![
            event(
                a2,
                "held a phone call",
                PloverType::Consult,
                varo(),
                Some(reek()),
                Some("2025-03-21"),
            ),
            event(
                a2,
                "demanded",
                PloverType::Demand,
                varo(),
                Some(actor("Dalmaria", "country:DLM")),
                Some("2025-03-21"),
            ),
            event(a2, "seized", PloverType::Fight, front(), None, Some("2025-03-10")),
        ],
        vec![event(
            a3,
            "held a phone call",
            PloverType::Consult,
            varo(),
            Some(reek()),
            Some("2025-03-20"),
        )],
        vec![event(a4, "seized", PloverType::Fight, front(), None, None)],
    ];
    Fixture {
        articles,
        events,
        stories: vec!["s-call", "s-call", "s-call", "s-valley"],
    }
}

/// No canonical names: actors are named as their sources name them.
static NO_NAMES: BTreeMap<String, EntityName> = BTreeMap::new();

fn timeline(f: &Fixture) -> Timeline {
    timeline_named(f, &NO_NAMES)
}

fn timeline_named(f: &Fixture, entity_names: &BTreeMap<String, EntityName>) -> Timeline {
    let thread = ThreadInput {
        id: "t-border",
        title: "Border crisis between Varenia and Dalmaria",
        stories: vec!["s-call", "s-valley"],
        articles: f
            .articles
            .iter()
            .zip(&f.events)
            .zip(&f.stories)
            .map(|((a, e), s)| ArticleInput {
                article: a,
                story: Some(s),
                events: e,
                quotes: &[],
                inferred_published: None,
            })
            .collect(),
        entity_names,
    };
    consolidate_thread(&thread)
}

#[test]
fn linked_actors_are_named_by_their_canonical_names() {
    let names: BTreeMap<String, EntityName> = [
        ("person:lena-varo", "Lena K. Varo", EntityKind::Person),
        (
            "group:free-hills-front",
            "Free Hills Front (FHF)",
            EntityKind::Group,
        ),
    ]
    .into_iter()
    .map(|(k, v, kind)| {
        (
            k.to_owned(),
            EntityName {
                name: v.to_owned(),
                kind,
                sector: None,
            },
        )
    })
    .collect();
    let tl = timeline_named(&fixture(), &names);
    let titles: Vec<&str> = tl.events.iter().map(|e| e.title.as_str()).collect();
    assert!(
        titles.contains(&"Lena K. Varo holds talks with Tomas Reek"),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Free Hills Front (FHF) ")),
        "{titles:?}"
    );
}

#[test]
fn one_call_reported_three_times_is_one_event_with_a_date_dispute() {
    let f = fixture();
    let tl = timeline(&f);
    let calls: Vec<_> = tl
        .events
        .iter()
        .filter(|e| e.kind == PloverType::Consult)
        .collect();
    assert_eq!(
        calls.len(),
        2,
        "the March 2 call is a different happening: {calls:#?}"
    );
    let friday = calls
        .iter()
        .find(|e| e.articles.len() == 3)
        .expect("the Friday call");
    assert_eq!(friday.date.map(|d| d.to_string()).as_deref(), Some("2025-03-21"));
    assert_eq!(friday.evidence.len(), 3);
    let dispute = friday
        .disputes
        .iter()
        .find(|d| d.field == "date")
        .expect("date dispute");
    assert_eq!(dispute.claims[0].value, "2025-03-21");
    assert_eq!(dispute.claims[0].articles, ["a1", "a2"]);
    assert_eq!(dispute.claims[1].value, "2025-03-20");
    assert_eq!(friday.title, "Lena Varo holds talks with Tomas Reek");
    let earlier = calls
        .iter()
        .find(|e| e.articles.len() == 1)
        .expect("the March 2 call");
    assert_eq!(earlier.date.map(|d| d.to_string()).as_deref(), Some("2025-03-02"));
}

#[test]
fn background_restatement_joins_the_original_happening() {
    let f = fixture();
    let tl = timeline(&f);
    let fights: Vec<_> = tl.events.iter().filter(|e| e.kind == PloverType::Fight).collect();
    assert_eq!(fights.len(), 1);
    assert_eq!(fights[0].articles, ["a2", "a4"]);
    assert_eq!(
        fights[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(fights[0].date_basis, EventDateBasis::Text);
}

#[test]
fn events_are_in_date_order_and_ids_are_stable() {
    let f = fixture();
    let tl = timeline(&f);
    let dates: Vec<String> = tl
        .events
        .iter()
        .filter_map(|e| e.date.map(|d| d.to_string()))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(tl, timeline(&fixture()), "deterministic");
}

#[test]
fn numbers_stated_differently_are_disputed() {
    let f = fixture();
    let thread = ThreadInput {
        id: "t",
        title: "t",
        stories: vec!["s"],
        articles: vec![
            ArticleInput {
                article: &f.articles[1],
                story: Some("s"),
                events: &f.events[1][1..2],
                quotes: &[],
                inferred_published: None,
            },
            ArticleInput {
                article: &f.articles[2],
                story: Some("s"),
                events: &[],
                quotes: &[],
                inferred_published: None,
            },
        ],
        entity_names: &NO_NAMES,
    };
    let mut demand_a3 = f.events[1][1].clone();
    let a3 = &f.articles[2].text;
    let at = a3.find("Dalmaria has moved").expect("needle");
    demand_a3.span = Span::new(at, a3.len());
    let with_both = ThreadInput {
        articles: vec![
            thread.articles[0].clone(),
            ArticleInput {
                events: std::slice::from_ref(&demand_a3),
                ..thread.articles[1].clone()
            },
        ],
        ..thread.clone()
    };
    let tl = consolidate_thread(&with_both);
    assert_eq!(tl.events.len(), 1);
    let numbers = tl.events[0]
        .disputes
        .iter()
        .find(|d| d.field == "number:soldiers")
        .expect("dispute");
    let values: Vec<&str> = numbers.claims.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["3000", "4000"]);
}

fn report_of(f: &Fixture, tl: &Timeline) -> String {
    let report = ThreadReport {
        timeline: tl,
        articles: f.articles.iter().collect(),
        quotes: Vec::new(),
        copies: Vec::new(),
    };
    render_markdown(&[report])
}

#[test]
fn markdown_report_snapshot() {
    let f = fixture();
    let tl = timeline(&f);
    insta::assert_snapshot!(report_of(&f, &tl));
}

#[test]
fn json_timeline_snapshot() {
    let f = fixture();
    let tl = timeline(&f);
    insta::assert_json_snapshot!(tl);
}

#[test]
fn html_report_escapes_article_text() {
    let mut f = fixture();
    f.articles[0].title = Some("<script>alert(1)</script>".into());
    let tl = timeline(&f);
    let report = ThreadReport {
        timeline: &tl,
        articles: f.articles.iter().collect(),
        quotes: Vec::new(),
        copies: Vec::new(),
    };
    let html = render_html(&[report]);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
}

/// A thread of one story from `(article, events)` pairs, with optional
/// inferred publication dates.
fn thread_of<'a>(
    articles: &'a [Article],
    events: &'a [Vec<Event>],
    inferred: &[Option<PublishedDate>],
) -> Timeline {
    let thread = ThreadInput {
        id: "t",
        title: "t",
        stories: vec!["s"],
        articles: articles
            .iter()
            .zip(events)
            .enumerate()
            .map(|(i, (a, e))| ArticleInput {
                article: a,
                story: Some("s"),
                events: e,
                quotes: &[],
                inferred_published: inferred.get(i).copied().flatten(),
            })
            .collect(),
        entity_names: &NO_NAMES,
    };
    consolidate_thread(&thread)
}

#[test]
fn talks_coded_both_ways_in_two_articles_are_one_happening_without_a_target_dispute() {
    let t1 = "Lena Varo spoke with Tomas Reek on Friday.";
    let t2 = "Tomas Reek and Lena Varo held talks on Friday, aides said.";
    let varo = || actor("Lena Varo", "person:lena-varo");
    let reek = || actor("Tomas Reek", "person:tomas-reek");
    let articles = vec![
        article("b1", "Herald", Some((2025, 3, 22)), t1),
        article("b2", "Wire", Some((2025, 3, 22)), t2),
    ];
    let day = Some("2025-03-21");
    let events = vec![
        vec![
            event(t1, "spoke", PloverType::Consult, varo(), Some(reek()), day),
            event(t1, "spoke", PloverType::Consult, reek(), Some(varo()), day),
        ],
        vec![event(
            t2,
            "held talks",
            PloverType::Consult,
            reek(),
            Some(varo()),
            day,
        )],
    ];
    let tl = thread_of(&articles, &events, &[]);
    assert_eq!(tl.events.len(), 1, "{:#?}", tl.events);
    let e = &tl.events[0];
    assert_eq!(e.articles, ["b1", "b2"]);
    assert_eq!(e.evidence.len(), 2, "one sentence per article");
    assert!(e.disputes.is_empty(), "{:?}", e.disputes);
    let names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 2, "each participant once: {names:?}");
}

#[test]
fn one_sentence_with_several_targets_is_one_happening() {
    let t = "Varenia rejects allegations from Dalmaria and the United Nations that it arms the rebels.";
    let articles = vec![article("c1", "Herald", Some((2025, 3, 22)), t)];
    let varenia = || actor("Varenia", "country:VRN");
    let events = vec![vec![
        event(
            t,
            "rejects",
            PloverType::Reject,
            varenia(),
            Some(actor("Dalmaria", "country:DLM")),
            None,
        ),
        event(
            t,
            "rejects",
            PloverType::Reject,
            varenia(),
            Some(actor("United Nations", "org:united-nations")),
            None,
        ),
    ]];
    let tl = thread_of(&articles, &events, &[]);
    assert_eq!(tl.events.len(), 1);
    assert_eq!(tl.events[0].title, "Varenia rejects Dalmaria and United Nations");
    assert!(tl.events[0].disputes.is_empty());
}

#[test]
fn one_sentence_reporting_two_times_gives_two_happenings() {
    let t = "Rebels took Orlo last Sunday, weeks after capturing Velm.";
    let articles = vec![article("d1", "Herald", Some((2025, 3, 22)), t)];
    let front = || actor("Free Hills Front", "group:free-hills-front");
    let events = vec![vec![
        event(t, "took", PloverType::Fight, front(), None, Some("2025-03-16")),
        event(t, "capturing", PloverType::Fight, front(), None, None),
    ]];
    let tl = thread_of(&articles, &events, &[]);
    assert_eq!(tl.events.len(), 2, "{:#?}", tl.events);
}

#[test]
fn an_undated_copy_dated_from_its_story_joins_the_happening_it_reports() {
    let dated = "The council voted on Friday to demand a withdrawal.";
    let undated = "The council voted to demand a withdrawal, diplomats said.";
    let council = || actor("Regional Council", "org:regional-council");
    let dalmaria = || actor("Dalmaria", "country:DLM");
    let articles = vec![
        article("e1", "Herald", Some((2025, 3, 22)), dated),
        article("e2", "Blog", None, undated),
    ];
    let events = vec![
        vec![event(
            dated,
            "demand",
            PloverType::Demand,
            council(),
            Some(dalmaria()),
            Some("2025-03-21"),
        )],
        vec![event(
            undated,
            "demand",
            PloverType::Demand,
            council(),
            Some(dalmaria()),
            None,
        )],
    ];
    let alone = thread_of(&articles, &events, &[]);
    assert_eq!(alone.events.len(), 2, "no date, no way to place the copy in time");
    let inferred = [None, PublishedDate::from_ymd(2025, 3, 22)];
    let tl = thread_of(&articles, &events, &inferred);
    assert_eq!(tl.events.len(), 1);
    assert_eq!(tl.events[0].articles, ["e1", "e2"]);
    assert_eq!(
        tl.events[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-21")
    );
}

#[test]
fn a_report_of_another_time_joins_the_happening_it_names_or_stays_undated() {
    let t1 = "Rebels of the Free Hills Front marched into Velm on Monday.";
    let t2 = "The Free Hills Front advanced on several fronts on Friday.";
    let t3 = "Rebels took Orlo last Sunday, weeks after capturing Velm.";
    let front = || actor("Free Hills Front", "group:free-hills-front");
    let velm = || actor("Velm", "geonames:1");
    let orlo = || actor("Orlo", "geonames:2");
    let articles = vec![
        article("g1", "Herald", Some((2025, 1, 28)), t1),
        article("g2", "Wire", Some((2025, 3, 22)), t2),
        article("g3", "Post", Some((2025, 3, 22)), t3),
        article("g4", "Blog", Some((2025, 3, 22)), t2),
    ];
    let advance = || {
        event(
            t2,
            "advanced",
            PloverType::Fight,
            front(),
            None,
            Some("2025-03-21"),
        )
    };
    let mut weeks_before = event(t3, "capturing", PloverType::Fight, front(), Some(velm()), None);
    weeks_before.date_basis = EventDateBasis::None;
    let events = vec![
        vec![event(
            t1,
            "marched",
            PloverType::Fight,
            front(),
            Some(velm()),
            Some("2025-01-27"),
        )],
        vec![advance()],
        vec![
            event(
                t3,
                "took",
                PloverType::Fight,
                front(),
                Some(orlo()),
                Some("2025-03-16"),
            ),
            weeks_before.clone(),
        ],
        vec![advance()],
    ];
    let tl = thread_of(&articles, &events, &[]);
    let velm_capture = tl
        .events
        .iter()
        .find(|e| e.evidence.iter().any(|x| x.text.contains("marched")))
        .expect("the capture of Velm");
    assert_eq!(
        velm_capture.articles,
        ["g1", "g3"],
        "the background joins the capture it names, not the advance more sources report"
    );
    assert_eq!(
        velm_capture.date.map(|d| d.to_string()).as_deref(),
        Some("2025-01-27")
    );

    // Alone, it happened at some time before the report: undated, not
    // dated by the publication.
    let alone = thread_of(&articles[2..3], &[vec![weeks_before]], &[]);
    assert_eq!(alone.events.len(), 1);
    assert_eq!(alone.events[0].date, None);
    assert_eq!(alone.events[0].date_basis, EventDateBasis::None);
}
