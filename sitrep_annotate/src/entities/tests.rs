//! Tests of entity recognition on invented sentences, against two tiny
//! knowledge bases written for the purpose (with the Phoenix-format actor
//! dictionaries and without them), the built-in knowledge alone, and the
//! converter script; plus property tests (no panics, valid spans,
//! determinism) and, when `../shared/seeds` exists, general expectations
//! on the example corpus.

use std::sync::OnceLock;

use proptest::prelude::*;
use sitrep_model::{EntityKind, PlaceMention, PublishedDate, Sentence, Span};

use super::*;

const FULL: &str = include_str!("../../tests/fixtures/entities/knowledge.tsv");
const COUNTRIES_ONLY: &str = include_str!("../../tests/fixtures/entities/knowledge-countries-only.tsv");

fn full() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::from_bytes(FULL.as_bytes()).expect("fixture knowledge base"))
}

fn countries_only() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::from_bytes(COUNTRIES_ONLY.as_bytes()).expect("fixture knowledge base"))
}

/// Sentences split at ". ", "? ", "! " and line breaks (enough for the
/// invented texts here).
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        let end_mark = matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|b| *b == b' ');
        if end_mark || bytes[i] == b'\n' {
            let end = if bytes[i] == b'\n' { i } else { i + 1 };
            if !text[start..end].trim().is_empty() {
                out.push(Sentence {
                    span: Span::new(start, end),
                });
            }
            start = i + 1;
            while start < bytes.len() && bytes[start] == b' ' {
                start += 1;
            }
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(Sentence {
            span: Span::new(start, text.len()),
        });
    }
    out
}

fn date(y: i32, m: u32, d: u32) -> Option<PublishedDate> {
    PublishedDate::from_ymd(y, m, d)
}

fn run(kb: &KnowledgeBase, text: &str, published: Option<PublishedDate>) -> EntityAnnotations {
    find_entities(text, &sentences(text), &[], kb, published)
}

/// One invented text and the mentions it must give: (text, entity id,
/// role), in text order.
struct Case {
    name: &'static str,
    text: &'static str,
    published: Option<(i32, u32, u32)>,
    mentions: &'static [(&'static str, &'static str, Option<&'static str>)],
}

fn check(kb: &KnowledgeBase, case: &Case) {
    let published = case.published.and_then(|(y, m, d)| date(y, m, d));
    let found = run(kb, case.text, published);
    let got: Vec<(&str, &str, Option<&str>)> = found
        .mentions
        .iter()
        .map(|m| {
            (
                &case.text[m.span.start..m.span.end],
                m.entity.as_str(),
                m.role.as_deref(),
            )
        })
        .collect();
    assert_eq!(got, case.mentions, "{}", case.name);
}

/// The entity `id` of `text` has this kind, country and sector.
fn check_entity(
    kb: &KnowledgeBase,
    text: &str,
    published: Option<PublishedDate>,
    id: &str,
    expected: (EntityKind, Option<&str>, Option<&str>),
) {
    let found = run(kb, text, published);
    let Some(e) = found.entities.iter().find(|e| e.id.as_str() == id) else {
        panic!("{id} not found in {text:?}: {:?}", found.entities);
    };
    assert_eq!(
        (e.kind, e.country.as_deref(), e.sector.as_deref()),
        expected,
        "{text}"
    );
}

const FULL_CASES: &[Case] = &[
    Case {
        name: "bodies the dictionaries lack are known by their acronyms",
        text: "MONUSCO said the OSCE would send observers. ISIS denied it.",
        published: None,
        mentions: &[
            (
                "MONUSCO",
                "org:united-nations-organization-stabilization-mission-in-the-democratic-republic-of-the-congo",
                None,
            ),
            (
                "OSCE",
                "org:organization-for-security-and-cooperation-in-europe",
                None,
            ),
            ("ISIS", "org:islamic-state-of-iraq-and-the-levant", None),
        ],
    },
    Case {
        name: "awards, roads, teams and patrols are no people",
        text: "Fans of the Red Sox watched the Tony Awards near Dahlia Street Market. \
               The California Highway Patrol closed the road, said City Councilman Charles Barron.",
        published: None,
        mentions: &[("Charles Barron", "person:charles-barron", Some("city councilman"))],
    },
    Case {
        name: "sheriffs, deputies, officers, troopers and district attorneys are titles",
        text: "Sheriff Lee Baca said Deputy Jerry Ortiz was shot. \
               Deputy District Attorney Phil Stirling said Officer Brian Pennings and Trooper William Hakim testified. \
               The D. A. declined to comment. Sister Carol Keehan, a nun, praised them.",
        published: None,
        mentions: &[
            ("Lee Baca", "person:lee-baca", Some("sheriff")),
            ("Jerry Ortiz", "person:jerry-ortiz", Some("deputy")),
            (
                "Phil Stirling",
                "person:phil-stirling",
                Some("deputy district attorney"),
            ),
            ("Brian Pennings", "person:brian-pennings", Some("officer")),
            ("William Hakim", "person:william-hakim", Some("trooper")),
            ("Carol Keehan", "person:carol-keehan", None),
        ],
    },
    Case {
        name: "names one slip from a country, a demonym or a dictionary person are theirs",
        text: "Somalai rejected the plan. Ugnadan troops crossed the border. \
               Peter Odhiambo Exmaple said the talks would go on. \
               Sudann, Chadd and Sommalia Stevens were not named.",
        published: Some((2008, 3, 1)),
        mentions: &[
            ("Somalai", "country:SOM", None),
            ("Ugnadan", "country:UGA", None),
            ("Peter Odhiambo Exmaple", "person:peter-odhiambo-example", None),
        ],
    },
    Case {
        name: "a slip into another given name is another person",
        text: "Pieter Odhiambo Example said the talks would go on.",
        published: Some((2008, 3, 1)),
        mentions: &[("Pieter Odhiambo Example", "person:pieter-example", None)],
    },
    Case {
        name: "country names and alternate spellings are one country",
        text: "Talks on the DRC resumed. DR Congo and the Democratic Republic of Congo are one place. \
               Officials in the Congo agreed.",
        published: None,
        mentions: &[
            ("DRC", "country:COD", None),
            ("DR Congo", "country:COD", None),
            ("Democratic Republic of Congo", "country:COD", None),
            ("Congo", "country:COD", None),
        ],
    },
    Case {
        name: "a country's former name and demonym are the country",
        text: "Zaire closed its border. Zairean farmers moved east.",
        published: None,
        mentions: &[("Zaire", "country:COD", None), ("Zairean", "country:COD", None)],
    },
    Case {
        name: "a shared short name follows the country the article names",
        text: "The Republic of the Congo held a vote. Congo's capital was calm.",
        published: None,
        mentions: &[
            ("Republic of the Congo", "country:COG", None),
            ("Congo", "country:COG", None),
        ],
    },
    Case {
        name: "demonyms name countries; a country's own short name is not shared",
        text: "Kenyan farmers met Sudanese traders near South Sudan and Sudan.",
        published: None,
        mentions: &[
            ("Kenyan", "country:KEN", None),
            ("Sudanese", "country:SDN", None),
            ("South Sudan", "country:SSD", None),
            ("Sudan", "country:SDN", None),
        ],
    },
    Case {
        name: "a noun for one of a people names them in the plural",
        text: "Two Britons and Kenyans met a Briton.",
        published: None,
        mentions: &[
            ("Britons", "country:GBR", None),
            ("Kenyans", "country:KEN", None),
            ("Briton", "country:GBR", None),
        ],
    },
    Case {
        name: "abbreviations need capitals",
        text: "The U.S. and the US envoy told us nothing.",
        published: None,
        mentions: &[("U.S.", "country:USA", None), ("US", "country:USA", None)],
    },
    Case {
        name: "a role title before a dictionary person",
        text: "Kenyan President William Ruto arrived. Ruto spoke briefly.",
        published: Some((2025, 2, 21)),
        mentions: &[
            ("Kenyan", "country:KEN", None),
            ("William Ruto", "person:william-samoei-ruto", Some("president")),
            ("Ruto", "person:william-samoei-ruto", None),
        ],
    },
    Case {
        name: "a titled person no list has, then the surname and the title",
        text: "U.S. Secretary of State Marco Rubio called on Friday. Rubio urged calm. \
               The Secretary later left.",
        published: Some((2025, 2, 21)),
        mentions: &[
            ("U.S.", "country:USA", None),
            ("Marco Rubio", "person:marco-rubio", Some("secretary of state")),
            ("Rubio", "person:marco-rubio", None),
            ("The Secretary", "person:marco-rubio", Some("secretary")),
        ],
    },
    Case {
        name: "an editor's bracketed insertion between the title and the name",
        text: "Had a productive conversation with Secretary (of State Marco) Rubio on Tuesday. \
               Rubio urged calm.",
        published: Some((2025, 1, 29)),
        mentions: &[
            ("Rubio", "person:marco-rubio", Some("secretary")),
            ("Rubio", "person:marco-rubio", None),
        ],
    },
    Case {
        name: "the title is not resolved when two people hold it",
        text: "Foreign Minister Jane Mwangi met Foreign Minister Paul Odhiambo. The minister said little.",
        published: None,
        mentions: &[
            ("Jane Mwangi", "person:jane-mwangi", Some("foreign minister")),
            ("Paul Odhiambo", "person:paul-odhiambo", Some("foreign minister")),
        ],
    },
    Case {
        name: "an armed group named by its noun, then the rebels",
        text: "M23 rebels seized a town in eastern Congo. The rebels said M23 would stay.",
        published: None,
        mentions: &[
            ("M23", "group:m23", None),
            ("Congo", "country:COD", None),
            ("The rebels", "group:m23", None),
            ("M23", "group:m23", None),
        ],
    },
    Case {
        name: "fighters, with one armed group named, are its fighters",
        text: "It came after M23 fighters advanced. Fighters took control of the town.",
        published: None,
        mentions: &[("M23", "group:m23", None), ("Fighters", "group:m23", None)],
    },
    Case {
        name: "the rebels stay unresolved with two armed groups",
        text: "M23 rebels and ADF fighters clashed. The rebels withdrew.",
        published: None,
        mentions: &[
            ("M23", "group:m23", None),
            ("ADF", "group:allied-democratic-forces", None),
        ],
    },
    Case {
        name: "an indefinite armed group is any group",
        text: "M23 rebels advanced. A member of an armed group was sanctioned.",
        published: None,
        mentions: &[("M23", "group:m23", None)],
    },
    Case {
        name: "institutions of a country",
        text: "Rwanda's military denied it. Rwandan troops were seen. The army said nothing.",
        published: None,
        mentions: &[
            ("Rwanda's military", "org:rwa-military", None),
            ("Rwandan troops", "org:rwa-military", None),
            ("The army", "org:rwa-military", None),
        ],
    },
    Case {
        name: "organisations from the dictionaries and the built-in list",
        text: "The UN Security Council met as the State Department and the Security Council spoke.",
        published: None,
        mentions: &[
            ("UN Security Council", "org:un-security-council", None),
            ("State Department", "org:us-state-department", None),
            ("Security Council", "org:un-security-council", None),
        ],
    },
    Case {
        name: "organisations found by their head word, with the country they belong to",
        text: "Kenya's Foreign Ministry and the Kenya Defence Forces replied to Human Rights Watch.",
        published: None,
        mentions: &[
            ("Kenya", "country:KEN", None),
            ("Foreign Ministry", "org:ken-foreign-ministry", None),
            ("Kenya Defence Forces", "org:kenya-defence-forces", None),
            ("Human Rights Watch", "org:human-rights-watch", None),
        ],
    },
    Case {
        name: "a school named before 'said' is an organisation, and a street or a prize named after one is none",
        text: "Donna Molinari of Velmora Country Day School said the school on College Avenue won an Academy Award.",
        published: None,
        mentions: &[(
            "Velmora Country Day School",
            "org:velmora-country-day-school",
            None,
        )],
    },
    Case {
        name: "the European Community, the Union's forerunner, is a body of its own",
        text: "European Community foreign ministers met. The European Economic Community agreed.",
        published: None,
        mentions: &[
            ("European Community", "org:european-community", None),
            ("European Economic Community", "org:european-community", None),
        ],
    },
    Case {
        name: "an acronym defined in parentheses names the body later",
        text: "The Alliance for Example Unity (AEU) rebel coalition attacked. AEU fighters withdrew.",
        published: None,
        mentions: &[
            ("Alliance for Example Unity", "group:aeu", None),
            ("AEU", "group:aeu", None),
            ("AEU", "group:aeu", None),
        ],
    },
    Case {
        name: "a verb of saying and an appositive mark people",
        text: "Jane Mwangi said the talks failed. \"We wait,\" said Peter Kamau. \
               Grace Achieng, the opposition leader, disagreed.",
        published: None,
        mentions: &[
            ("Jane Mwangi", "person:jane-mwangi", None),
            ("Peter Kamau", "person:peter-kamau", None),
            ("Grace Achieng", "person:grace-achieng", Some("opposition leader")),
        ],
    },
    Case {
        name: "sentence starts, headline words, days and months are not names",
        text: "Key Quotes\nWhy It Matters\nThe ceasefire held on Monday. In March, But Then talks resumed. \
               However Officials Said Nothing.",
        published: None,
        mentions: &[],
    },
    Case {
        name: "the office holder on the publication date",
        text: "President Kabila spoke.",
        published: Some((2005, 6, 1)),
        mentions: &[("Kabila", "person:joseph-kabila-kabange", Some("president"))],
    },
    Case {
        name: "an earlier office holder for an earlier date",
        text: "President Kabila spoke.",
        published: Some((1999, 6, 1)),
        mentions: &[("Kabila", "person:laurent-desire-kabila", Some("president"))],
    },
    Case {
        name: "of two office holders, the one whose last name it is",
        text: "President Example spoke.",
        published: Some((2008, 6, 1)),
        mentions: &[("Example", "person:peter-odhiambo-example", Some("president"))],
    },
    Case {
        name: "a group's acronym from the dictionary's parenthesis",
        text: "The MELF attacked a convoy.",
        published: None,
        mentions: &[("MELF", "group:march-example-liberation-front", None)],
    },
    Case {
        name: "no dictionary surname without a date",
        text: "President Kabila spoke.",
        published: None,
        mentions: &[("Kabila", "person:kabila", Some("president"))],
    },
    Case {
        name: "abbreviated military titles and initials",
        text: "Lt. Gen. John K. Doe inspected the base.",
        published: None,
        mentions: &[("John K. Doe", "person:john-doe", Some("lieutenant general"))],
    },
];

const CUE_CASES: &[Case] = &[
    Case {
        name: "a titled surname makes the full name elsewhere a person",
        text: "Organisers said Ellen Example would host again. Ms. Example declined to comment.",
        published: None,
        mentions: &[
            ("Ellen Example", "person:ellen-example", None),
            ("Example", "person:ellen-example", None),
        ],
    },
    Case {
        name: "a hyphenated title",
        text: "President-elect Jane Example arrived.",
        published: None,
        mentions: &[("Jane Example", "person:jane-example", Some("president-elect"))],
    },
    Case {
        name: "a name spelled out by the acronym after it",
        text: "The Lake Region Trade Forum (LRTF) met in Kampala.",
        published: None,
        mentions: &[
            ("Lake Region Trade Forum", "org:lrtf", None),
            ("LRTF", "org:lrtf", None),
        ],
    },
    Case {
        name: "a number before a demonym and a group noun is no group name",
        text: "Uganda sheltered 18 Rwandan rebels.",
        published: None,
        mentions: &[
            ("Uganda", "country:UGA", None),
            ("Rwandan rebels", "group:rwa-rebels", None),
        ],
    },
    Case {
        name: "a forum is an organisation",
        text: "The Third World Water Forum urged Kenya to act.",
        published: None,
        mentions: &[
            ("Third World Water Forum", "org:third-world-water-forum", None),
            ("Kenya", "country:KEN", None),
        ],
    },
    Case {
        name: "a shared demonym is its own country's before a mentioned one's",
        text: "Chinese authorities warned protesters in Hong Kong. Chinese police watched.",
        published: None,
        mentions: &[
            ("Chinese authorities", "org:chn-government", None),
            ("Hong Kong", "country:HKG", None),
            ("Chinese police", "org:chn-police", None),
        ],
    },
    Case {
        name: "adjectives between a country and its institution, or before a title",
        text: "Kenya's new government thanked Rwanda's ousted President Jean Example.",
        published: None,
        mentions: &[
            ("Kenya's new government", "org:ken-government", None),
            ("Rwanda", "country:RWA", None),
            ("Jean Example", "person:jean-example", Some("president")),
        ],
    },
    Case {
        name: "a lone name arrested or pleading is a person's, the full name's when the text gives it",
        text: "Orvell was arrested on Tuesday. Later Orvell pleaded not guilty. \
               His teammate Michael Quillan was arrested too, and Quillan was booked.",
        published: None,
        mentions: &[
            ("Orvell", "person:orvell", None),
            ("Orvell", "person:orvell", None),
            ("Michael Quillan", "person:michael-quillan", None),
            ("Quillan", "person:michael-quillan", None),
        ],
    },
    Case {
        name: "the one met, thanked or talked with is a person, the full name's when the text gives it",
        text: "Envoy Dana Orvell arrived on Monday. The envoy met Quillan and later \
               held talks with Orvell. The mayor thanked Zentrix Holdings, not Zentrix, for it.",
        published: None,
        mentions: &[
            ("Dana Orvell", "person:dana-orvell", Some("envoy")),
            ("The envoy", "person:dana-orvell", Some("envoy")),
            ("Quillan", "person:quillan", None),
            ("Orvell", "person:dana-orvell", None),
        ],
    },
    Case {
        name: "what companies undergo too makes no person",
        text: "Zentrix was fined on Tuesday.",
        published: None,
        mentions: &[],
    },
];

#[test]
fn invented_sentences_for_text_cues() {
    for case in CUE_CASES {
        check(full(), case);
    }
    let d = date(2025, 2, 21);
    check_entity(
        full(),
        "King Jean Example of Uganda spoke.",
        d,
        "person:jean-example",
        (EntityKind::Person, Some("UGA"), Some("GOV")),
    );
    check_entity(
        full(),
        "Former President Jean Example of Uganda spoke.",
        d,
        "person:jean-example",
        (EntityKind::Person, Some("UGA"), Some("ELI")),
    );
    // "City" ends capitals' names ("Mexico City", "Kuwait City") but
    // names no country; a city's council is local government.
    let found = run(full(), "The Velmora City Council met on Monday.", d);
    let council = found
        .entities
        .iter()
        .find(|e| e.id.as_str() == "org:velmora-city-council");
    assert_eq!(
        council.map(|e| (e.kind, e.country.as_deref(), e.sector.as_deref())),
        Some((EntityKind::Organization, None, Some("GOV")))
    );
}

#[test]
fn a_bare_surname_goes_to_the_larger_country_or_to_the_country_all_share() {
    let d = date(2005, 3, 1);
    // Two Smiths in government then: the United States' has over ten
    // times Rwanda's people.
    check_entity(
        full(),
        "President Smith spoke on Tuesday.",
        d,
        "person:hugo-example-smith",
        (EntityKind::Person, Some("USA"), Some("GOV")),
    );
    // Two Okoros, both of the United States: which one is unknown, the
    // country is not.
    check_entity(
        full(),
        "President Okoro spoke on Tuesday.",
        d,
        "person:okoro",
        (EntityKind::Person, Some("USA"), Some("GOV")),
    );
    // Without a date the dictionaries say nothing.
    check_entity(
        full(),
        "President Okoro spoke on Tuesday.",
        None,
        "person:okoro",
        (EntityKind::Person, None, Some("GOV")),
    );
}

#[test]
fn a_government_named_after_its_leader_is_the_leaders() {
    let d = date(2005, 3, 1);
    for text in [
        "The Smith administration rejected the plan.",
        "Officials of the Smith government rejected the plan.",
    ] {
        check_entity(
            full(),
            text,
            d,
            "person:hugo-example-smith",
            (EntityKind::Person, Some("USA"), Some("GOV")),
        );
    }
    // A word no dictionary person has as a surname stays out.
    let found = run(full(), "The Federal government rejected the plan.", d);
    assert!(
        found
            .mentions
            .iter()
            .all(|m| !m.entity.as_str().starts_with("person:"))
    );
}

#[test]
fn a_group_whose_name_opens_with_a_demonym_is_that_countrys() {
    // The sentence names another country as often: the name decides.
    check_entity(
        full(),
        "The radical Kenyan Islamic Jihad rebel group rejected a meeting of Kenyan factions on independence from Uganda.",
        None,
        "group:kenyan-islamic-jihad",
        (EntityKind::Group, Some("KEN"), Some("REB")),
    );
}

#[test]
fn a_dictionary_group_coded_with_a_legacy_country_code_has_the_iso_country() {
    // Phoenix codes UNITA "ANGREB"; ANG is Angola's old code, AGO its ISO one.
    check_entity(
        full(),
        "UNITA fighters ambushed a convoy.",
        None,
        "group:unita",
        (EntityKind::Group, Some("AGO"), Some("REB")),
    );
}

#[test]
fn a_dictionary_office_holder_with_a_long_name_is_a_person() {
    check_entity(
        full(),
        "Grace da Piedade Dias dos Santos Example visited Kigali.",
        date(2005, 3, 1),
        "person:grace-da-piedade-dias-dos-santos-example",
        (EntityKind::Person, Some("RWA"), Some("GOV")),
    );
}

#[test]
fn a_bare_surname_before_a_verb_names_the_one_dictionary_person_of_the_time() {
    check_entity(
        full(),
        "Example offered to negotiate with Kenya.",
        date(2013, 1, 5),
        "person:john-quincy-example",
        (EntityKind::Person, Some("USA"), Some("GOV")),
    );
    // Two people of that name held posts then (Paul and Anne Okoro): no guess.
    let found = run(full(), "Okoro offered to negotiate with Kenya.", date(2005, 6, 1));
    assert!(
        !found.entities.iter().any(|e| e.kind == EntityKind::Person),
        "{:?}",
        found.entities
    );
    // Without a date, no dictionary person is known to hold a post.
    let found = run(full(), "Example offered to negotiate with Kenya.", None);
    assert!(
        !found
            .entities
            .iter()
            .any(|e| e.id.as_str() == "person:john-quincy-example")
    );
}

#[test]
fn a_bare_surname_names_one_whose_posts_all_ended_under_their_code_since() {
    // Joseph Kabila Kabange's dated codes end in 2019; since, the
    // dictionary codes him a Congolese elite.
    check_entity(
        full(),
        "Kabange offered to negotiate with Kenya.",
        date(2025, 2, 22),
        "person:joseph-kabila-kabange",
        (EntityKind::Person, Some("COD"), Some("ELI")),
    );
}

#[test]
fn armed_groups_the_dictionaries_predate_are_built_in_with_their_times() {
    // The Rapid Support Forces: Sudan's military until the war of April
    // 2023, rebels after.
    for (text, year, id, country, sector) in [
        ("M23 rebels seized Goma.", 2013, "group:m23", "COD", "REB"),
        (
            "The Rapid Support Forces deployed.",
            2020,
            "group:rapid-support-forces",
            "SDN",
            "MIL",
        ),
        (
            "The Rapid Support Forces attacked.",
            2024,
            "group:rapid-support-forces",
            "SDN",
            "REB",
        ),
    ] {
        check_entity(
            full(),
            text,
            date(year, 6, 1),
            id,
            (EntityKind::Group, Some(country), Some(sector)),
        );
    }
}

#[test]
fn an_ethnic_group_of_one_country_is_that_countrys() {
    // Dinka: Sudan's before South Sudan's independence, South Sudan's after.
    for (text, year, id, country) in [
        ("Kikuyu elders met in Nyeri.", 2005, "group:kikuyu", "KEN"),
        ("Police detained dozens of Uighurs.", 2005, "group:uighurs", "CHN"),
        ("Dinka elders met in a village.", 2005, "group:dinka", "SDN"),
        ("Dinka elders met in a village.", 2015, "group:dinka", "SSD"),
    ] {
        check_entity(
            full(),
            text,
            date(year, 6, 1),
            id,
            (EntityKind::Group, Some(country), None),
        );
    }
}

#[test]
fn a_surname_after_a_full_name_in_the_text_is_that_person_not_a_dictionary_one() {
    // "Example" alone is John Quincy Example (USA, GOV) in 2013; after
    // "David Example" (or a name the name lists lack), "Mr. Example" is
    // the one the text named, of no dictionary person's country.
    for text in [
        "Police shot David Example on Saturday. Mr. Example was 16.",
        "Police shot the teenager, Kimani Example, on Saturday. Mr. Example was 16.",
        "Police found Kimani Example and Wanjiru Example on Saturday. Mr. Example was 16.",
    ] {
        let found = run(full(), text, date(2013, 1, 5));
        let example = found
            .mentions
            .iter()
            .find(|m| &text[m.span.start..m.span.end] == "Example")
            .unwrap_or_else(|| panic!("no mention of Example in {text:?}: {:?}", found.mentions));
        assert_ne!(example.entity.as_str(), "person:john-quincy-example", "{text}");
        let entity = found
            .entities
            .iter()
            .find(|e| e.id == example.entity)
            .expect("entity");
        assert_eq!(entity.country, None, "{text}");
    }
}

/// The mentions of `text`, published 2008-08-06 (Kagame in office), with
/// the geocoder's `places`: (surface, entity id).
fn mentions_in_2008<'t>(text: &'t str, places: &[PlaceMention]) -> Vec<(&'t str, String)> {
    find_entities(text, &sentences(text), places, full(), date(2008, 8, 6))
        .mentions
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.entity.as_str().to_owned()))
        .collect()
}

#[test]
fn an_office_holder_s_surname_closing_a_phrase_names_the_office_holder() {
    let mentions = |text: &'static str| mentions_in_2008(text, &[]);
    assert_eq!(
        mentions("The court issued a warrant for Kagame."),
        [("Kagame", "person:paul-kagame".to_owned())]
    );
    assert_eq!(
        mentions("The envoy thanked the court and Kagame, who spoke."),
        [("Kagame", "person:paul-kagame".to_owned())]
    );
    // Joined to another capitalised word, it is part of another name.
    assert_eq!(mentions("The court met at Hotel Kagame."), []);
    // Before a possessive and a common noun, it is the office holder's.
    assert_eq!(
        mentions("The report angered Kagame's government."),
        [("Kagame", "person:paul-kagame".to_owned())]
    );
}

#[test]
fn an_office_holder_s_surname_wins_over_a_lone_place_of_another_country() {
    let mentions = |text: &'static str| mentions_in_2008(text, &[geocoded(text, "Kagame", 1_001, "KEN")]);
    // A town of that name in a country the text names nowhere else.
    assert_eq!(
        mentions("Before leaving, Kagame was scheduled to speak."),
        [("Kagame", "person:paul-kagame".to_owned())]
    );
    // The text is about that country: the town stays.
    assert_eq!(
        mentions("Kenya opened a road. Before leaving, Kagame was scheduled to speak."),
        [
            ("Kenya", "country:KEN".to_owned()),
            ("Kagame", "geonames:1001".to_owned())
        ]
    );
}

#[test]
fn a_lone_place_of_another_country_wins_over_a_surname_whose_posts_all_ended() {
    // Joseph Kabila Kabange's dated codes end in 2019: in 2025 a town
    // "Kabange" stays a town.
    let text = "Rwandan troops attacked Kabange on Friday.";
    let places = [geocoded(text, "Kabange", 1_002, "KEN")];
    let mentions: Vec<(&str, String)> =
        find_entities(text, &sentences(text), &places, full(), date(2025, 2, 22))
            .mentions
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.entity.as_str().to_owned()))
            .collect();
    assert!(
        mentions.contains(&("Kabange", "geonames:1002".to_owned())),
        "{mentions:?}"
    );
}

#[test]
fn invented_sentences_with_the_actor_dictionaries() {
    for case in FULL_CASES {
        check(full(), case);
    }
}

const COUNTRIES_ONLY_CASES: &[Case] = &[
    Case {
        name: "without dictionaries a titled person comes from text cues",
        text: "Kenyan President William Ruto arrived. Ruto spoke briefly.",
        published: Some((2025, 2, 21)),
        mentions: &[
            ("Kenyan", "country:KEN", None),
            ("William Ruto", "person:william-ruto", Some("president")),
            ("Ruto", "person:william-ruto", None),
        ],
    },
    Case {
        name: "without dictionaries an armed group comes from its noun",
        text: "Al-Shabaab fighters attacked a base in Somalia.",
        published: None,
        mentions: &[
            ("Al-Shabaab", "group:al-shabaab", None),
            ("Somalia", "country:SOM", None),
        ],
    },
    Case {
        name: "the built-in list still knows international bodies",
        text: "The United Nations and the State Department spoke.",
        published: None,
        mentions: &[
            ("United Nations", "org:united-nations", None),
            ("State Department", "org:us-state-department", None),
        ],
    },
];

#[test]
fn invented_sentences_with_countries_only() {
    assert!(!countries_only().has_actor_dictionaries());
    assert!(full().has_actor_dictionaries());
    for case in COUNTRIES_ONLY_CASES {
        check(countries_only(), case);
    }
}

#[test]
fn builtin_knowledge_alone_finds_people_bodies_and_countries() {
    let kb = KnowledgeBase::builtin();
    assert!(kb.country_count() > 190, "the compiled-in country table");
    check(
        &kb,
        &Case {
            name: "built-in only",
            text: "Kenyan President William Ruto met NATO envoys.",
            published: None,
            mentions: &[
                ("Kenyan", "country:KEN", None),
                ("William Ruto", "person:william-ruto", Some("president")),
                ("NATO", "org:nato", None),
            ],
        },
    );
}

#[test]
fn entities_carry_country_and_sector_for_event_coding() {
    let d = date(2025, 2, 21);
    let kb = full();
    check_entity(
        kb,
        "Kenyan President William Ruto spoke.",
        d,
        "person:william-samoei-ruto",
        (EntityKind::Person, Some("KEN"), Some("GOV")),
    );
    check_entity(
        kb,
        "The UN Security Council met.",
        d,
        "org:un-security-council",
        (EntityKind::Organization, None, Some("IGO")),
    );
    check_entity(
        kb,
        "M23 rebels fought the army in eastern Congo. Rwanda-backed M23 held Goma.",
        d,
        "group:m23",
        (EntityKind::Group, Some("COD"), Some("REB")),
    );
    // Where someone else is from says nothing of the group; the group's
    // own origin does.
    check_entity(
        kb,
        "Kivu Lions rebels killed three peacekeepers from Kenya.",
        d,
        "group:kivu-lions",
        (EntityKind::Group, None, Some("REB")),
    );
    // A backer is named often, but is not the group's country.
    check_entity(
        kb,
        "The Rwanda-backed Kivu Lions rebels seized Goma in eastern Congo. Rwanda denied arming the Kivu Lions rebels. \
         Troops from Rwanda fought beside the Kivu Lions rebels.",
        d,
        "group:kivu-lions",
        (EntityKind::Group, Some("COD"), Some("REB")),
    );
    check_entity(
        kb,
        "Kivu Lions rebels from Rwanda attacked Goma.",
        d,
        "group:kivu-lions",
        (EntityKind::Group, Some("RWA"), Some("REB")),
    );
    check_entity(
        kb,
        "The State Department said so.",
        d,
        "org:us-state-department",
        (EntityKind::Organization, Some("USA"), Some("GOV")),
    );
    check_entity(
        kb,
        "Rwanda's military denied it.",
        d,
        "org:rwa-military",
        (EntityKind::Organization, Some("RWA"), Some("MIL")),
    );
    check_entity(
        kb,
        "Al-Shabaab fighters attacked.",
        d,
        "group:al-shabaab",
        (EntityKind::Group, Some("SOM"), Some("REB")),
    );
    // Bodies no list knows and no country claims: states' when the name
    // spans them and its head is one states form, else non-governmental.
    check_entity(
        kb,
        "The International Labor Office said so.",
        d,
        "org:international-labor-office",
        (EntityKind::Organization, None, Some("IGO")),
    );
    check_entity(
        kb,
        "The Asia-Pacific Economic Cooperation (APEC) forum agreed.",
        d,
        "org:apec",
        (EntityKind::Organization, None, Some("IGO")),
    );
    check_entity(
        kb,
        "The East African Community said so.",
        d,
        "org:east-african-community",
        (EntityKind::Organization, None, Some("IGO")),
    );
    // A region's name alone makes no body of states.
    check_entity(
        kb,
        "The African Wildlife Foundation said so.",
        d,
        "org:african-wildlife-foundation",
        (EntityKind::Organization, None, Some("NGO")),
    );
    check_entity(
        kb,
        "The Ceasefire Violations Committee said so.",
        d,
        "org:ceasefire-violations-committee",
        (EntityKind::Organization, None, Some("NGO")),
    );
    // An international militarized group is of no one country, not even
    // the one its article names.
    check_entity(
        kb,
        "Al-Qaeda threatened the United States.",
        d,
        "group:al-qaida",
        (EntityKind::Group, None, Some("IMG")),
    );
    // A country's institutions name it as much as its name does.
    check_entity(
        kb,
        "The Sudanese government accused Darfur rebels. The Sudanese army fought them, Kenyan mediators said.",
        d,
        "group:darfur",
        (EntityKind::Group, Some("SDN"), Some("REB")),
    );
    // The Arabic article in lower case still opens the name.
    check_entity(
        kb,
        "Its al-Qaeda network threatened the United States.",
        d,
        "group:al-qaida",
        (EntityKind::Group, None, Some("IMG")),
    );
    check_entity(
        kb,
        "U.S. Secretary of State Marco Rubio called.",
        d,
        "person:marco-rubio",
        (EntityKind::Person, Some("USA"), Some("GOV")),
    );
    check_entity(
        kb,
        "Rebel leader Jean Example warned.",
        d,
        "person:jean-example",
        (EntityKind::Person, None, Some("REB")),
    );
    check_entity(
        countries_only(),
        "Rwanda Defence Force soldiers moved. Rwandan troops followed.",
        d,
        "org:rwa-military",
        (EntityKind::Organization, Some("RWA"), Some("MIL")),
    );
}

#[test]
fn entity_records_have_names_and_sorted_aliases() {
    let text =
        "Talks on the DRC resumed. DR Congo agreed. Secretary of State Marco Rubio called. Rubio left.";
    let found = run(full(), text, None);
    let congo = found
        .entities
        .iter()
        .find(|e| e.id.as_str() == "country:COD")
        .expect("congo");
    assert_eq!(congo.name, "Democratic Republic of the Congo");
    assert_eq!(congo.aliases, ["DR Congo", "DRC"]);
    let rubio = found
        .entities
        .iter()
        .find(|e| e.id.as_str() == "person:marco-rubio")
        .expect("rubio");
    assert_eq!(rubio.name, "Marco Rubio");
    assert_eq!(rubio.aliases, ["Rubio"]);
    let ids: Vec<&str> = found.entities.iter().map(|e| e.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

/// The geocoder's mention of `name` in `text` (first occurrence).
fn geocoded(text: &str, name: &str, id: u64, country: &str) -> PlaceMention {
    let start = text.find(name).expect("in text");
    PlaceMention {
        span: Span::new(start, start + name.len()),
        name: name.to_string(),
        geonames_id: Some(id),
        lat: None,
        lon: None,
        country: Some(country.to_string()),
    }
}

/// The geocoder's place for the last `name` in `text`.
fn geocoded_last(text: &str, name: &str, id: u64, country: &str) -> PlaceMention {
    let start = text.rfind(name).expect("in text");
    PlaceMention {
        span: Span::new(start, start + name.len()),
        ..geocoded(name, name, id, country)
    }
}

/// (surface, entity id) of each mention found in `text` given `places`.
fn mentions_with_places<'t>(text: &'t str, places: &[PlaceMention]) -> Vec<(&'t str, String)> {
    find_entities(text, &sentences(text), places, full(), None)
        .mentions
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.entity.as_str().to_owned()))
        .collect()
}

/// Asserts the (surface, entity id) of each mention found in `text`.
fn assert_mentions(text: &str, places: &[PlaceMention], expected: &[(&str, &str)]) {
    let got = mentions_with_places(text, places);
    let got: Vec<(&str, &str)> = got.iter().map(|(s, id)| (*s, id.as_str())).collect();
    assert_eq!(got, expected);
}

#[test]
fn a_place_the_geocoder_resolved_whole_is_no_body_of_its_head_word() {
    let text = "Troops stayed in the West Bank while the World Bank paid.";
    let places = [geocoded(text, "West Bank", 6_254_930, "PSE")];
    assert_eq!(
        mentions_with_places(text, &places),
        [
            ("West Bank", "geonames:6254930".to_owned()),
            ("World Bank", "org:world-bank".to_owned())
        ]
    );
}

#[test]
fn geocoded_places_become_place_or_country_mentions() {
    let text = "Fighting reached Goma, in Congo, and Kenya sent envoys.";
    let places = [
        geocoded(text, "Goma", 217_831, "COD"),
        geocoded(text, "Kenya", 192_950, "KEN"),
    ];
    assert_mentions(
        text,
        &places,
        &[
            ("Goma", "geonames:217831"),
            ("Congo", "country:COD"),
            ("Kenya", "country:KEN"),
        ],
    );
    let found = find_entities(text, &sentences(text), &places, full(), None);
    let goma = found
        .entities
        .iter()
        .find(|e| e.id.as_str() == "geonames:217831")
        .expect("goma");
    assert_eq!(
        (goma.kind, goma.country.as_deref()),
        (EntityKind::Place, Some("COD"))
    );
}

#[test]
fn a_group_named_after_a_geocoded_place_is_of_its_country() {
    // "Goma rebels": rebels of Goma, Congo's, though Kenya is the only
    // country named.
    let text = "Kenyan troops clashed with Goma rebels on Monday.";
    let places = [geocoded(text, "Goma", 217_831, "COD")];
    let found = find_entities(text, &sentences(text), &places, full(), None);
    let rebels = found
        .entities
        .iter()
        .find(|e| e.id.as_str() == "group:goma")
        .expect("the Goma rebels");
    assert_eq!(
        (rebels.kind, rebels.country.as_deref(), rebels.sector.as_deref()),
        (EntityKind::Group, Some("COD"), Some("REB"))
    );
    // Without the geocoder's place it takes the only country named.
    let found = find_entities(text, &sentences(text), &[], full(), None);
    let rebels = found.entities.iter().find(|e| e.id.as_str() == "group:goma");
    assert_eq!(rebels.map(|e| e.country.as_deref()), Some(Some("KEN")));
}

#[test]
fn a_country_inside_a_body_of_water_s_name_is_not_the_country() {
    // "Congo River", "Gulf of Mexico", "Somali Sea": the feature, not the
    // country; the country named on its own stays.
    let text = "Boats on the Congo River reached Kenya. Oil spread in the Gulf of Mexico.";
    let got = mentions_with_places(text, &[]);
    assert_eq!(
        got.iter()
            .map(|(name, id)| format!("{name}={id}"))
            .collect::<Vec<_>>(),
        ["Kenya=country:KEN"],
        "{got:?}"
    );
    // A group named after a delta is not the country its name opens with.
    let text = "Kenyan troops clashed with Somali Delta militants on Monday.";
    let found = find_entities(text, &sentences(text), &[], full(), None);
    let group = found
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Group)
        .expect("the group");
    assert_ne!(group.country.as_deref(), Some("SOM"), "{group:?}");
}

#[test]
fn a_given_name_opening_a_capitalised_pair_names_a_person() {
    // No title and no "said": the given name is the cue. Its surname and
    // full name refer to the person later.
    let text =
        "Chargers receiver Vincent Exampleton was arrested on Tuesday. Exampleton will play on Sunday.";
    assert_mentions(
        text,
        &[],
        &[
            ("Vincent Exampleton", "person:vincent-exampleton"),
            ("Exampleton", "person:vincent-exampleton"),
        ],
    );
    // A given name that starts a place the geocoder found, or a pair
    // ending in a place or organisation head, names no one.
    let text = "Paris Exampleton reopened. Crowds filled Grace Church and Mary Square.";
    let places = [geocoded(text, "Paris", 2_988_507, "FRA")];
    let got = mentions_with_places(text, &places);
    assert!(got.iter().all(|(_, id)| !id.starts_with("person:")), "{got:?}");
    // Without the name list, the same pair is no one.
    let found = find_entities(
        "Chargers receiver Vincent Exampleton was arrested on Tuesday.",
        &sentences("Chargers receiver Vincent Exampleton was arrested on Tuesday."),
        &[],
        countries_only(),
        None,
    );
    assert!(found.mentions.is_empty(), "{:?}", found.mentions);
}

#[test]
fn a_quoted_nickname_inside_a_name_leaves_the_person_and_their_surname_one() {
    // Straight, curly and single quotes: the nickname is no part of the
    // name, and the surname alone later is the same person, not the place
    // the geocoder made of it.
    for text in [
        "Mob boss Vincent \"The Chin\" Exampleton died on Monday. In 1957, Exampleton shot Costello.",
        "Mob boss Vincent \u{201c}The Chin\u{201d} Exampleton died on Monday. In 1957, Exampleton shot Costello.",
        "Mob boss Vincent 'Chin' Exampleton died on Monday. In 1957, Exampleton shot Costello.",
    ] {
        let places = [geocoded_last(text, "Exampleton", 3_681_000, "COL")];
        let got = mentions_with_places(text, &places);
        let people: Vec<(&str, &str)> = got
            .iter()
            .filter(|(s, _)| s.contains("Exampleton"))
            .map(|(s, id)| (*s, id.as_str()))
            .collect();
        assert_eq!(people.len(), 2, "{text}: {got:?}");
        assert!(
            people.iter().all(|(_, id)| *id == "person:vincent-exampleton"),
            "{text}: {got:?}"
        );
    }
    // After a preposition of place the word is where, not who.
    let text = "Mob boss Vincent Exampleton died on Monday. Police in Exampleton said so.";
    let places = [geocoded_last(text, "Exampleton", 3_681_000, "COL")];
    assert_eq!(
        mentions_with_places(text, &places)
            .last()
            .map(|(_, id)| id.as_str()),
        Some("geonames:3681000")
    );
}

#[test]
fn a_given_name_that_is_only_a_country_s_alternate_name_opens_a_person_s_name() {
    // "America" is the United States' alternate name and a given name:
    // before a surname, a person, even where the geocoder saw the country;
    // alone, the country. "Kenya", a country's own name, opens no name.
    let text = "America Exampleton was fired on Saturday. Exampleton had talked to America and \
                Kenya Sampleton.";
    let places = [geocoded(text, "America", 6_252_001, "USA")];
    assert_mentions(
        text,
        &places,
        &[
            ("America Exampleton", "person:america-exampleton"),
            ("Exampleton", "person:america-exampleton"),
            ("America", "country:USA"),
            ("Kenya", "country:KEN"),
        ],
    );
}

#[test]
fn a_short_given_name_and_its_full_form_with_one_surname_are_one_person() {
    assert_mentions(
        "Mr. Fred Exampleton has died. Mr. Frederick Exampleton was 75. Exampleton lived alone.",
        &[],
        &[
            ("Fred Exampleton", "person:frederick-exampleton"),
            ("Frederick Exampleton", "person:frederick-exampleton"),
            ("Exampleton", "person:frederick-exampleton"),
        ],
    );
    // Short for two names: whose, the text does not say.
    assert_mentions(
        "Mr. Chris Sampleton met Mr. Christopher Sampleton and Ms. Christine Sampleton.",
        &[],
        &[
            ("Chris Sampleton", "person:chris-sampleton"),
            ("Christopher Sampleton", "person:christopher-sampleton"),
            ("Christine Sampleton", "person:christine-sampleton"),
        ],
    );
}

#[test]
fn coaches_managers_and_police_ranks_are_titles_not_names() {
    assert_mentions(
        "General Manager Tony Exampleton fired Coach Mary Sampleton on Saturday, and \
         Insp. Tim Gaskin arrested him.",
        &[],
        &[
            ("Tony Exampleton", "person:tony-exampleton"),
            ("Mary Sampleton", "person:mary-sampleton"),
            ("Tim Gaskin", "person:tim-gaskin"),
        ],
    );
}

#[test]
fn initials_before_and_a_suffix_after_a_name_are_no_part_of_its_id() {
    // The given-name cue reads past an initial and a suffix, and the
    // surname alone, later, is the same person.
    let text = "W. Vincent Exampleton has died. Exampleton was 95. Officials said \
                Mary Sampleton Jr., 49, escaped. Sampleton is armed.";
    assert_mentions(
        text,
        &[],
        &[
            ("W. Vincent Exampleton", "person:vincent-exampleton"),
            ("Exampleton", "person:vincent-exampleton"),
            ("Mary Sampleton Jr", "person:mary-sampleton"),
            ("Sampleton", "person:mary-sampleton"),
        ],
    );
}

#[test]
fn a_country_s_person_described_by_a_role_word_takes_the_country() {
    check_entity(
        full(),
        "Grace Achieng, Kenya's best-known rebel, staged a hunger strike in prison.",
        None,
        "person:grace-achieng",
        (EntityKind::Person, Some("KEN"), Some("REB")),
    );
    // A place described the same way is no person.
    let found = run(full(), "Nyeri Town, Kenya's fifth city, flooded.", None);
    assert!(
        found.entities.iter().all(|e| e.kind != EntityKind::Person),
        "{:?}",
        found.entities
    );
}

#[test]
fn a_body_named_after_a_geocoded_place_is_of_its_country() {
    let text = "Kenyan doctors delivered medicine to Goma University Hospital on Monday.";
    let places = [geocoded(text, "Goma", 217_831, "COD")];
    let found = find_entities(text, &sentences(text), &places, full(), None);
    let hospital = found
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Organization)
        .expect("the hospital");
    assert_eq!(
        (hospital.name.as_str(), hospital.country.as_deref()),
        ("Goma University Hospital", Some("COD"))
    );
}

#[test]
fn corpus_merge_unions_aliases_and_folds_short_forms() {
    let kb = full();
    let a = run(
        kb,
        "Secretary of State Marco Rubio spoke with DR Congo. M23 rebels advanced.",
        None,
    );
    let b = run(
        kb,
        "Secretary Rubio phoned the DRC. The Northern Example Movement (NEM) rebel group and M23 rebels met.",
        None,
    );
    let c = run(
        kb,
        "The Northern Example Movement rebel group spoke with Congo.",
        None,
    );
    let articles = [
        ArticleEntities {
            article: "a",
            entities: &a.entities,
            mentions: &a.mentions,
        },
        ArticleEntities {
            article: "b",
            entities: &b.entities,
            mentions: &b.mentions,
        },
        ArticleEntities {
            article: "c",
            entities: &c.entities,
            mentions: &c.mentions,
        },
    ];
    let merged = merge_entities(&articles);
    let find = |id: &str| merged.entities.iter().find(|e| e.entity.id.as_str() == id);
    let congo = find("country:COD").expect("congo");
    assert_eq!(congo.articles, ["a", "b", "c"]);
    assert_eq!(congo.entity.aliases, ["Congo", "DR Congo", "DRC"]);
    assert_eq!(congo.mentions, 3);
    let rubio = find("person:marco-rubio").expect("rubio");
    assert_eq!(rubio.articles, ["a", "b"]);
    assert!(find("person:rubio").is_none());
    assert_eq!(
        merged
            .redirects
            .get(&sitrep_model::EntityId("person:rubio".to_string()))
            .map(|i| i.as_str()),
        Some("person:marco-rubio")
    );
    assert!(
        find("group:nem").is_some_and(|e| e.articles == ["b", "c"]),
        "{merged:?}"
    );
    // The JSON shape of `sitrep entities --json`.
    let json = serde_json::to_value(congo).expect("json");
    let mut keys: Vec<&str> = json
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "aliases", "articles", "country", "id", "kind", "mentions", "name", "sector"
        ]
    );
    assert_eq!(json["kind"], "country");
    // The merge does not depend on the order of the articles.
    let reversed = [articles[2], articles[1], articles[0]];
    assert_eq!(merge_entities(&reversed), merged);
}

#[test]
fn knowledge_base_errors_are_typed() {
    assert_eq!(
        KnowledgeBase::from_bytes(b"\xff\xfe").err(),
        Some(KnowledgeError::NotUtf8)
    );
    assert!(matches!(
        KnowledgeBase::from_bytes(b"hello\n"),
        Err(KnowledgeError::BadHeader(_))
    ));
    let bad = "sitrep-knowledge\t1\ncountry\tKE\t1\tKenya\t\t\n";
    assert!(matches!(
        KnowledgeBase::from_bytes(bad.as_bytes()),
        Err(KnowledgeError::BadLine { line: 2, .. })
    ));
    let bad_code = "sitrep-knowledge\t1\nactor\tx\tperson\tX Y\t\tKENGOV:2020:\n";
    assert!(matches!(
        KnowledgeBase::from_bytes(bad_code.as_bytes()),
        Err(KnowledgeError::BadLine { line: 2, .. })
    ));
    let newer = "sitrep-knowledge\t1\nfuture-record\tanything\n";
    assert!(KnowledgeBase::from_bytes(newer.as_bytes()).is_ok());
}

#[test]
fn duplicate_dictionary_entries_are_merged() {
    // "UN", "The United Nations" and the built-in "United Nations" are one.
    let found = run(full(), "The UN and the United Nations agreed.", None);
    let ids: Vec<&str> = found.mentions.iter().map(|m| m.entity.as_str()).collect();
    assert_eq!(ids, ["org:united-nations", "org:united-nations"]);
}

/// Runs the converter on the fixture sources and compares with the
/// committed fixture knowledge bases (skips when python3 is missing).
#[test]
fn converter_output_matches_the_fixture_knowledge_bases() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../scripts/build_knowledge.py");
    let sources = root.join("tests/fixtures/entities/sources");
    let out_dir = std::env::temp_dir().join(format!("sitrep-knowledge-test-{}", std::process::id()));
    if std::fs::create_dir_all(&out_dir).is_err() {
        return;
    }
    for (phoenix, expected) in [(true, FULL), (false, COUNTRIES_ONLY)] {
        let out = out_dir.join(if phoenix { "full.tsv" } else { "countries.tsv" });
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&script)
            .arg("--countryinfo")
            .arg(sources.join("countryinfo"));
        if phoenix {
            cmd.arg("--phoenix").arg(sources.join("phoenix"));
            cmd.arg("--given-names").arg(sources.join("given"));
        }
        let Ok(status) = cmd.arg(&out).stdout(std::process::Stdio::null()).status() else {
            eprintln!("python3 not available: converter test skipped");
            return;
        };
        assert!(status.success(), "converter failed");
        let got = std::fs::read_to_string(&out).expect("converter output");
        assert_eq!(
            got, expected,
            "regenerate the fixture with scripts/build_knowledge.py"
        );
    }
    let _ = std::fs::remove_dir_all(&out_dir);
}

/// General expectations on the example corpus, when it is there: the
/// spellings of DR Congo are one entity across articles, and so are the
/// forms of one person's name.
#[test]
fn seed_articles_link_spellings_and_short_names() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} not found: seed test skipped", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let found: Vec<EntityAnnotations> = texts.iter().map(|t| run(full(), t, None)).collect();
    let mut congo_ids = std::collections::BTreeSet::new();
    let mut surname_ids: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for (text, f) in texts.iter().zip(&found) {
        for m in &f.mentions {
            let surface = &text[m.span.start..m.span.end];
            if [
                "DRC",
                "DR Congo",
                "Democratic Republic of Congo",
                "Democratic Republic of the Congo",
            ]
            .contains(&surface)
            {
                congo_ids.insert(m.entity.0.clone());
            }
            if m.kind == EntityKind::Person
                && let Some(last) = surface.split_whitespace().last()
            {
                surname_ids
                    .entry(last.to_string())
                    .or_default()
                    .insert(m.entity.0.clone());
            }
        }
    }
    assert!(congo_ids.len() <= 1, "DR Congo spellings split: {congo_ids:?}");
    let articles: Vec<ArticleEntities<'_>> = found
        .iter()
        .enumerate()
        .map(|(i, f)| ArticleEntities {
            article: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"][i % 10],
            entities: &f.entities,
            mentions: &f.mentions,
        })
        .collect();
    let merged = merge_entities(&articles);
    for (surname, ids) in surname_ids {
        let canonical: std::collections::BTreeSet<String> = ids
            .iter()
            .map(|id| {
                merged
                    .redirects
                    .get(&sitrep_model::EntityId(id.clone()))
                    .map_or(id.clone(), |to| to.0.clone())
            })
            .collect();
        assert!(
            canonical.len() <= 1,
            "{surname} names several people: {canonical:?}"
        );
    }
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "The",
        "Congo",
        "DRC",
        "DR",
        "U.S.",
        "US",
        "Rwanda",
        "'s",
        "’s",
        "-",
        "backed",
        "M23",
        "rebels",
        "President",
        "Secretary",
        "of",
        "State",
        "Marco",
        "Rubio",
        "said",
        ",",
        ".",
        "(",
        ")",
        "ADF",
        "army",
        "Kenyan",
        "William",
        "Ruto",
        "Gen.",
        "Lt.",
        "W.",
        "Ministry",
        "Foreign",
        "Défense",
        "Félix",
        "\n",
        "UN",
        "Security",
        "Council",
        "rebel",
        "group",
        "armed",
        "Al-Shabaab",
        "\"",
        "according",
        "to",
        "é",
        "Ki-moon",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_are_valid(text in "\\PC{0,200}", words in arbitrary_text(), cut in 0usize..3) {
        for t in [text.as_str(), words.as_str()] {
            let glued = if cut == 1 { t.replace(' ', "") } else { t.to_string() };
            let found = run(full(), &glued, date(2025, 2, 21));
            let mut last_end = 0;
            for m in &found.mentions {
                prop_assert!(m.span.start < m.span.end && m.span.end <= glued.len());
                prop_assert!(glued.is_char_boundary(m.span.start) && glued.is_char_boundary(m.span.end));
                prop_assert!(m.span.start >= last_end, "overlap in {:?}", glued);
                last_end = m.span.end;
                prop_assert!(found.entities.iter().any(|e| e.id == m.entity));
            }
            prop_assert_eq!(run(full(), &glued, date(2025, 2, 21)), found);
        }
    }

    #[test]
    fn knowledge_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200), tail in "\\PC{0,80}") {
        let _ = KnowledgeBase::from_bytes(&bytes);
        let text = format!("sitrep-knowledge\t1\n{tail}");
        let _ = KnowledgeBase::from_bytes(text.as_bytes());
    }
}

#[test]
fn a_name_opening_with_a_given_name_is_found_after_a_capitalised_modifier() {
    // A team, a position's abbreviation, a demonym: no part of the name.
    for text in [
        "Fellow Charger Vincent Jackson was arrested on Tuesday.",
        "Steelers QB Vincent Jackson threw two touchdowns on Sunday.",
    ] {
        assert_mentions(text, &[], &[("Vincent Jackson", "person:vincent-jackson")]);
    }
    assert_mentions(
        "Briton Vincent Jackson won the final on Sunday.",
        &[],
        &[
            ("Briton", "country:GBR"),
            ("Vincent Jackson", "person:vincent-jackson"),
        ],
    );
}

#[test]
fn a_capitalised_name_with_a_given_name_inside_is_no_person_when_it_names_a_thing() {
    // A place before it, "the" before it, a given name also written as a
    // lowercase word.
    let boston = "Fans of Boston Vincent Sox cheered on Sunday.";
    for (text, places) in [
        (boston, vec![geocoded(boston, "Boston", 4_930_956, "USA")]),
        ("Fans of the NBA Vincent Bobcats cheered on Sunday.", vec![]),
        ("Fans of the Old Vincent Bobcats cheered on Sunday.", vec![]),
        (
            "They met at Old Grace Chapel after saying grace together.",
            vec![],
        ),
    ] {
        let found = mentions_with_places(text, &places);
        assert!(
            found.iter().all(|(_, id)| !id.starts_with("person:")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_country_s_name_the_geocoder_put_among_the_article_s_places_is_that_place() {
    // (text, the other place and its point, what "Mexico" is): Mexico,
    // Missouri, beside Columbia, Missouri, is that town; the geocoder's
    // choice alone, with no place of that country near it, does not
    // unmake the country.
    let cases = [
        (
            "Flooding hit Columbia on Monday. Mexico police rescued 20 people.",
            ("Columbia", 4_381_982, 38.95, -92.33),
            "geonames:4395052",
        ),
        (
            "Flooding hit Boston on Monday. Mexico sent rescuers.",
            ("Boston", 4_930_956, 42.36, -71.06),
            "country:MEX",
        ),
    ];
    for (text, (other, id, lat, lon), mexico) in cases {
        let places = [
            PlaceMention {
                lat: Some(lat),
                lon: Some(lon),
                ..geocoded(text, other, id, "USA")
            },
            PlaceMention {
                lat: Some(39.17),
                lon: Some(-91.88),
                ..geocoded(text, "Mexico", 4_395_052, "USA")
            },
        ];
        let other_id = format!("geonames:{id}");
        assert_mentions(text, &places, &[(other, other_id.as_str()), ("Mexico", mexico)]);
    }
}

#[test]
fn a_person_s_gender_comes_from_a_title_or_a_given_name_of_one_gender() {
    let gender = |text: &str, id: &str| {
        let found = run(full(), text, None);
        let Some(e) = found.entities.iter().find(|e| e.id.as_str() == id) else {
            panic!("{id} not found in {text:?}: {:?}", found.entities);
        };
        e.gender
    };
    use sitrep_model::Gender::{Female, Male};
    // Looked up by binary search.
    let words = super::resolve::GENDERED_WORDS;
    assert!(words.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(
        gender("Grace Wanjiru said so.", "person:grace-wanjiru"),
        Some(Female)
    );
    assert_eq!(
        gender("Vincent Otieno said so.", "person:vincent-otieno"),
        Some(Male)
    );
    // A title wins over the name; a unisex or unknown name gives nothing.
    assert_eq!(
        gender(
            "Mr. Grace Wanjiru said so. Mr. Wanjiru left.",
            "person:grace-wanjiru"
        ),
        Some(Male)
    );
    assert_eq!(
        gender("Spokeswoman Jo Kamau said so.", "person:jo-kamau"),
        Some(Female)
    );
    assert_eq!(gender("Paris Otieno said so.", "person:paris-otieno"), None);
    // Titles that disagree give nothing.
    assert_eq!(
        gender("Mrs. Jo Kamau said so. Mr. Jo Kamau left.", "person:jo-kamau"),
        None
    );
}

#[test]
fn a_dictionary_alias_of_generic_words_names_no_body_even_merged_with_a_built_in_one() {
    // The dictionary's US Congress is also named "SENATE"; merged with the
    // built-in U.S. Congress it must not make every country's Senate the
    // US Congress.
    let tsv = format!(
        "{FULL}actor\tunited-states-congress\torganization\tUnited States Congress\tUS Congress|SENATE|US Senate\tUSAGOVLEG\n"
    );
    let kb = KnowledgeBase::from_bytes(tsv.as_bytes()).expect("knowledge base");
    let found = run(
        &kb,
        "Kenya's Senate condemned the attack. The US Senate did not.",
        None,
    );
    let linked: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .map(|m| {
            (
                &"Kenya's Senate condemned the attack. The US Senate did not."[m.span.start..m.span.end],
                m.entity.as_str(),
            )
        })
        .collect();
    assert!(linked.iter().all(|(s, _)| *s != "Senate"), "{linked:?}");
    assert!(linked.contains(&("US Senate", "org:us-congress")), "{linked:?}");
}

#[test]
fn an_entity_is_named_in_mixed_case_when_the_text_has_it_so() {
    // The dateline writes the city in capitals, the body does not.
    let text = "KIGALI, March 3 - The president arrived in Kigali on Monday.";
    let mut second = geocoded(text, "Kigali", 202_061, "RWA");
    let at = text.rfind("Kigali").expect("in text");
    second.span = Span::new(at, at + "Kigali".len());
    let places = [geocoded(text, "KIGALI", 202_061, "RWA"), second];
    let found = find_entities(text, &sentences(text), &places, full(), None);
    let kigali = found.entities.iter().find(|e| e.id.as_str() == "geonames:202061");
    assert_eq!(
        kigali.map(|e| e.name.as_str()),
        Some("Kigali"),
        "{:?}",
        found.entities
    );
}

#[test]
fn generic_words_where_they_are_name_no_body() {
    let found = run(
        full(),
        "Police in Nairobi detained 15 opposition supporters.",
        date(2025, 2, 21),
    );
    let ids: Vec<&str> = found.entities.iter().map(|e| e.id.as_str()).collect();
    assert!(!ids.iter().any(|id| id.starts_with("org:police")), "{ids:?}");
}

#[test]
fn congo_before_1997_is_the_republic_of_the_congo() {
    // From 1971 to May 1997 the larger Congo was Zaire.
    for (published, expected) in [
        (date(1988, 6, 1), "country:COG"),
        (date(2025, 2, 21), "country:COD"),
    ] {
        let found = run(full(), "Pakistan broke off relations with Congo.", published);
        let ids: Vec<&str> = found.mentions.iter().map(|m| m.entity.as_str()).collect();
        assert!(ids.contains(&expected), "{ids:?}");
    }
}

#[test]
fn office_holders_since_the_dictionaries_are_built_in_and_dated() {
    // A dictionary's record of the same person, whose office runs on
    // without end there, merges into the built-in one, whose dated
    // offices come first.
    let stale = KnowledgeBase::from_bytes(
        format!("{COUNTRIES_ONLY}actor\tjoe-biden\tperson\tJoe Biden\t\tUSAGOV:20090120:\n").as_bytes(),
    )
    .expect("knowledge");
    // (knowledge, text, date, person, country, sector): named alone on the
    // date of the office, out of office between terms, a rebel leader.
    let cases = [
        (
            full(),
            "Tshisekedi met Trump on Friday.",
            (2025, 2, 28),
            "donald-trump",
            "USA",
            "GOV",
        ),
        (
            full(),
            "Tshisekedi met Trump on Friday.",
            (2025, 2, 28),
            "felix-tshisekedi",
            "COD",
            "GOV",
        ),
        (
            full(),
            "Donald Trump spoke in Ohio.",
            (2022, 6, 1),
            "donald-trump",
            "USA",
            "ELI",
        ),
        (
            full(),
            "Corneille Nangaa spoke in Goma.",
            (2025, 2, 1),
            "corneille-nangaa",
            "COD",
            "REB",
        ),
        (
            &stale,
            "Biden spoke in Ohio.",
            (2018, 6, 1),
            "joe-biden",
            "USA",
            "ELI",
        ),
    ];
    for (kb, text, (y, m, d), person, country, sector) in cases {
        let id = format!("person:{person}");
        let expected = (EntityKind::Person, Some(country), Some(sector));
        check_entity(kb, text, date(y, m, d), &id, expected);
    }
}

#[test]
fn a_group_named_in_the_plural_is_known_in_the_singular_as_a_modifier() {
    check_entity(
        full(),
        "Troops overran an Allied Democratic Force camp on Sunday.",
        date(2025, 2, 21),
        "group:allied-democratic-forces",
        (EntityKind::Group, Some("COD"), Some("REB")),
    );
}

#[test]
fn a_person_known_by_title_and_name_together_is_that_person() {
    let kb = KnowledgeBase::builtin();
    for (text, published, country) in [
        ("Pope Francis visited Iraq.", date(2021, 3, 5), "VAT"),
        ("Pope Leo XIV met the president.", date(2025, 6, 1), "VAT"),
        ("Cardinal Robert Prevost spoke.", date(2024, 6, 1), "USA"),
    ] {
        let found = run(&kb, text, published);
        let pope = found
            .entities
            .iter()
            .find(|e| e.id.as_str().starts_with("person:pope-"))
            .unwrap_or_else(|| panic!("no pope in {text:?}: {:?}", found.entities));
        assert_eq!(
            (pope.country.as_deref(), pope.sector.as_deref()),
            (Some(country), Some("REL")),
            "{text}"
        );
    }
}

#[test]
fn the_pope_is_the_pope_of_the_day() {
    check_entity(
        full(),
        "The Pope appealed for an end to the fighting.",
        date(2025, 2, 22),
        "person:pope-francis",
        (EntityKind::Person, Some("VAT"), Some("REL")),
    );
    check_entity(
        full(),
        "The Pope appealed for an end to the fighting.",
        date(1995, 2, 22),
        "person:pope-john-paul-ii",
        (EntityKind::Person, Some("VAT"), Some("REL")),
    );
}

#[test]
fn a_one_word_name_the_built_in_list_gives_is_known_at_a_sentence_start() {
    check_entity(
        full(),
        "Hemedti rejected the talks.",
        date(2025, 2, 22),
        "person:mohamed-hamdan-dagalo",
        (EntityKind::Person, Some("SDN"), Some("REB")),
    );
}
