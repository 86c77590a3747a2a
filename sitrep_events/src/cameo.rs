//! CAMEO codes: their PLOVER type, mode and context, and the codes of
//! "intent", "appeal", "demand", "rejection" and "threat" of an action.
//!
//! Why: CAMEO mirrors its material categories in its verbal ones — 036
//! "express intent to meet" mirrors 04 "consult", 1056 "demand
//! de-escalation" mirrors 087 "de-escalate", 1384 "threaten conventional
//! attack" mirrors 19 — so a frame ("agreed to", "called for", "refused
//! to", "threatened to") takes its code from the action it governs. The
//! type of a code follows the CAMEO root; modes and contexts follow the
//! CAMEO→PLOVER table's vocabulary, compiled in for the codes this file
//! knows and overridden by the converted table when set-up provided it.

use sitrep_model::PloverType;

/// The verbal category a frame belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// CAMEO 02: appeal ("urged", "called for").
    Appeal,
    /// CAMEO 03: express intent ("agreed to", "will").
    Intent,
    /// CAMEO 10: demand ("demanded", "must").
    Demand,
    /// CAMEO 11: disapprove ("accused … of").
    Disapprove,
    /// CAMEO 12: reject ("refused to").
    Reject,
    /// CAMEO 13: threaten ("threatened to").
    Threaten,
}

impl Family {
    /// The family of a frame's own CAMEO code, by its root.
    pub fn of_code(code: &str) -> Option<Self> {
        match code.get(..2)? {
            "02" => Some(Self::Appeal),
            "03" => Some(Self::Intent),
            "10" => Some(Self::Demand),
            "11" => Some(Self::Disapprove),
            "12" => Some(Self::Reject),
            "13" => Some(Self::Threaten),
            _ => None,
        }
    }

    /// The family's generic code.
    pub fn generic(self) -> &'static str {
        match self {
            Self::Appeal => "020",
            Self::Intent => "030",
            Self::Demand => "100",
            Self::Disapprove => "110",
            Self::Reject => "120",
            Self::Threaten => "130",
        }
    }

    /// The PLOVER type of the family.
    pub fn plover(self) -> PloverType {
        match self {
            Self::Appeal | Self::Demand => PloverType::Demand,
            Self::Intent => PloverType::Agree,
            Self::Disapprove => PloverType::Disapprove,
            Self::Reject => PloverType::Reject,
            Self::Threaten => PloverType::Threaten,
        }
    }
}

/// Is an action of this code hostile (to be threatened rather than promised)?
pub fn is_hostile(code: &str) -> bool {
    matches!(
        code.get(..2),
        Some("11" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20")
    )
}

/// Is `code` a use of force: an assault (18) or fighting (19)?
pub fn is_force(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19"))
}

/// The code of `family` applied to an action coded `action` ("refused" +
/// "withdraw" 0874 → 1246), or the family's generic code when CAMEO has
/// no specific one.
pub fn mirror(family: Family, action: &str) -> String {
    let root = action.get(..2).unwrap_or("");
    let sub = action.get(..3).unwrap_or("");
    // Cooperation of a domain (061 economic … 064 intelligence) keeps it:
    // 021 + 2 = 0212 "appeal for military cooperation".
    let third = action.get(2..3).unwrap_or("");
    let domain = |base: &str| -> String {
        if root == "06" && matches!(third, "1" | "2" | "3" | "4") {
            format!("{base}{third}")
        } else {
            base.to_owned()
        }
    };
    let specific: Option<String> = match family {
        Family::Intent => match (root, sub) {
            ("04", "045" | "046") => Some("036".into()),
            ("04", _) => Some("036".into()),
            ("05", _) => Some("032".into()),
            ("06", _) => Some(match sub {
                "061" => "0311".into(),
                "062" => "0312".into(),
                "063" => "0313".into(),
                "064" => "0314".into(),
                _ => "031".into(),
            }),
            ("07", _) => Some(match sub {
                "071" => "0331".into(),
                "072" => "0332".into(),
                "073" => "0333".into(),
                "074" => "0334".into(),
                _ => "033".into(),
            }),
            ("08", "080") => Some("035".into()),
            ("08", "081") => Some("0351".into()),
            ("08", "082") => Some("0352".into()),
            ("08", "083") => Some("034".into()),
            ("08", "084") => Some("0353".into()),
            ("08", "085") => Some("0354".into()),
            ("08", "086") => Some("0355".into()),
            ("08", "087") => Some("0356".into()),
            ("03", _) => Some(action.to_owned()),
            _ => None,
        },
        Family::Appeal => match (root, sub) {
            ("04", "045") => Some("028".into()),
            ("04", _) => Some("026".into()),
            ("05", _) => Some("022".into()),
            ("06", _) => Some(domain("021")),
            ("07", _) => Some(match sub {
                "071" => "0231".into(),
                "072" => "0232".into(),
                "073" => "0233".into(),
                "074" => "0234".into(),
                _ => "023".into(),
            }),
            ("08", "080") => Some("025".into()),
            ("08", "081") => Some("0251".into()),
            ("08", "082") => Some("0252".into()),
            ("08", "083") => Some("024".into()),
            ("08", "084") => Some("0253".into()),
            ("08", "085") => Some("0254".into()),
            ("08", "086") => Some("0255".into()),
            ("08", "087") => Some("0256".into()),
            ("03", "037") => Some("027".into()),
            ("09", _) => Some("0214".into()),
            ("02", _) => Some(action.to_owned()),
            _ => None,
        },
        Family::Demand => match (root, sub) {
            ("04", "045") => Some("108".into()),
            ("04", _) => Some("106".into()),
            ("05", _) => Some("102".into()),
            ("06", _) => Some(domain("101")),
            ("07", _) => Some(match sub {
                "071" => "1031".into(),
                "072" => "1032".into(),
                "073" => "1033".into(),
                "074" => "1034".into(),
                _ => "103".into(),
            }),
            ("08", "080") => Some("105".into()),
            ("08", "081") => Some("1051".into()),
            ("08", "082") => Some("1052".into()),
            ("08", "083") => Some(if action == "0831" {
                "1041".into()
            } else {
                "104".into()
            }),
            ("08", "084") => Some("1053".into()),
            ("08", "085") => Some("1054".into()),
            ("08", "086") => Some("1055".into()),
            ("08", "087") => Some("1056".into()),
            ("03", "037") => Some("107".into()),
            ("10", _) => Some(action.to_owned()),
            _ => None,
        },
        Family::Reject => match (root, sub) {
            ("04", _) => Some("125".into()),
            ("06", _) => Some(domain("121")),
            ("07", _) => Some("122".into()),
            ("08", "083") => Some("123".into()),
            ("08", "081") => Some("1241".into()),
            ("08", "082") => Some("1242".into()),
            ("08", "084") => Some("1243".into()),
            ("08", "085") => Some("1244".into()),
            ("08", "086") => Some("1245".into()),
            ("08", "087") => Some("1246".into()),
            ("08", _) => Some("124".into()),
            ("03", "037") => Some("127".into()),
            ("12", _) => Some(action.to_owned()),
            _ => None,
        },
        Family::Threaten => match (root, sub) {
            ("16", "162") => Some("1311".into()),
            ("16", "163") => Some("1312".into()),
            ("16", "161") => Some("1313".into()),
            ("16", "164") => Some("134".into()),
            ("16", "165") => Some("135".into()),
            ("16", "166") => Some("136".into()),
            ("16", _) => Some("131".into()),
            ("17", "172") => Some(match action {
                "1722" => "1322".into(),
                "1723" => "1323".into(),
                "1724" => "1324".into(),
                _ => "132".into(),
            }),
            ("17", "175") => Some("137".into()),
            // Coercion of no listed kind (a cyber attack) threatened.
            ("17", "170") => Some("130".into()),
            ("17", _) => Some("132".into()),
            ("14", _) => Some("133".into()),
            ("18", _) => Some("1383".into()),
            ("19", "191") => Some("1381".into()),
            ("19", "192") => Some("1382".into()),
            ("19", _) => Some("1384".into()),
            ("20", "204") => Some("1385".into()),
            ("20", _) => Some("1383".into()),
            ("13", _) => Some(action.to_owned()),
            _ => None,
        },
        Family::Disapprove => match (root, sub) {
            ("18" | "19" | "20", _) => Some("1123".into()),
            ("11", _) => Some(action.to_owned()),
            _ => None,
        },
    };
    specific.unwrap_or_else(|| family.generic().to_owned())
}

/// PLOVER type, mode and context of a CAMEO code, from the CAMEO root
/// and the sub-codes whose mode or context the PLOVER table names.
/// `None` for codes with no PLOVER category (01 statements) or that are
/// not CAMEO codes.
pub fn plover_of(code: &str) -> Option<(PloverType, Option<&'static str>, Option<&'static str>)> {
    if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let root = code.get(..2)?;
    let sub = code.get(..3)?;
    let kind = match root {
        "02" | "10" => PloverType::Demand,
        "03" => PloverType::Agree,
        "04" => PloverType::Consult,
        "05" => PloverType::Support,
        "06" => PloverType::Cooperate,
        "07" => PloverType::Aid,
        // Curfew and martial law eased are a retreat in the PLOVER table.
        "08" if matches!(code, "0813" | "0814") => PloverType::Retreat,
        "08" if matches!(sub, "080" | "081" | "082" | "083") => PloverType::Concede,
        "08" => PloverType::Retreat,
        "09" => PloverType::Investigate,
        "11" => PloverType::Disapprove,
        "12" => PloverType::Reject,
        "13" => PloverType::Threaten,
        "14" => PloverType::Protest,
        "15" => PloverType::Mobilize,
        "16" => PloverType::Sanction,
        // Violent repression and burning property are assaults in the
        // PLOVER table.
        "17" if matches!(code, "175" | "1712") => PloverType::Assault,
        "17" => PloverType::Coerce,
        "18" | "20" => PloverType::Assault,
        "19" if sub == "191" => PloverType::Coerce,
        "19" => PloverType::Fight,
        _ => return None,
    };
    let mode = match code {
        "041" => Some("phone"),
        "042" | "043" => Some("visit"),
        "044" => Some("third-party"),
        "0841" => Some("release"),
        "0842" => Some("return"),
        "085" => Some("ease"),
        "086" | "0861" | "0862" | "0863" => Some("access"),
        "087" | "0873" | "0874" => Some("disarm"),
        "0871" => Some("ceasefire"),
        "0872" => Some("withdraw"),
        "1121" | "1122" | "1123" | "1124" | "1125" | "114" | "115" => Some("allege"),
        "141" | "1411" | "1412" | "1413" | "1414" => Some("demo"),
        "142" | "1421" | "1422" | "1423" | "1424" => Some("hunger"),
        "143" | "1431" | "1432" | "1433" | "1434" => Some("boycott"),
        "144" | "1441" | "1442" | "1443" | "1444" => Some("obstruct"),
        "145" | "1451" | "1452" | "1453" | "1454" => Some("riot"),
        "151" | "153" => Some("police"),
        "152" | "154" => Some("troops"),
        "161" | "164" | "165" => Some("withdraw"),
        "162" | "1621" | "1622" | "1623" => Some("discontinue"),
        "163" | "172" | "1721" | "191" | "1312" | "1381" => Some("restrict"),
        "166" | "1661" | "1662" | "1663" | "136" => Some("expel"),
        "171" | "1711" | "1712" => Some("seize"),
        "1722" | "132" | "1322" => Some("ban"),
        "1723" => Some("curfew"),
        "1724" => Some("martial-law"),
        "173" => Some("arrest"),
        "174" => Some("deport"),
        "181" | "184" => Some("abduct"),
        "182" => Some("beat"),
        "1821" => Some("sexual"),
        "1822" => Some("torture"),
        "183" | "1831" => Some("suicide-attack"),
        "1832" | "1833" => Some("explosives"),
        "185" | "186" => Some("assassinate"),
        "193" => Some("firearms"),
        "194" | "195" => Some("heavy-weapons"),
        "200" | "202" => Some("massacre"),
        "201" | "203" => Some("cleansing"),
        "204" | "2041" | "2042" => Some("unconventional"),
        "1311" | "1313" | "133" | "134" | "135" | "139" => Some("relations"),
        "137" | "138" | "1383" | "1384" | "1385" => Some("violence"),
        "1382" => Some("territory"),
        "1051" | "1052" | "1053" | "1054" | "1055" | "1056" | "1243" | "1244" | "1245" | "1246" | "128"
        | "129" => Some("yield"),
        "101" | "1011" | "1012" | "1013" | "1014" | "102" | "103" | "1031" | "1032" | "1033" | "1034"
        | "121" | "1211" | "1212" | "1213" | "1214" | "122" | "1221" | "1222" | "1223" | "1224" => {
            Some("assist")
        }
        "104" | "1041" | "1042" | "1043" | "1044" | "105" | "123" | "1231" | "1232" | "1233" | "1234"
        | "124" | "1241" | "1242" => Some("change"),
        "106" | "107" | "108" | "125" | "126" | "127" => Some("meet"),
        _ => None,
    };
    Some((kind, mode, context_of(code)))
}

/// The PLOVER context a code's digits imply, where the CAMEO category
/// names one (economic, military, legal, …).
fn context_of(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    let sub = code.get(..3)?;
    let fourth = code.get(3..4);
    let cooperation = |d: Option<&str>| match d {
        Some("1") => Some("economic"),
        Some("2") => Some("military"),
        Some("3") => Some("legal"),
        Some("4") => Some("intelligence"),
        _ => None,
    };
    let aid = |d: Option<&str>| match d {
        Some("1") => Some("economic"),
        Some("2") => Some("military"),
        Some("3") => Some("humanitarian"),
        Some("4") => Some("peacekeeping"),
        _ => None,
    };
    match sub {
        "021" | "031" | "101" | "121" => cooperation(fourth),
        "023" | "033" | "103" | "122" => aid(fourth),
        "061" | "062" | "063" | "064" => cooperation(code.get(2..3)),
        "071" | "072" | "073" | "074" => aid(code.get(2..3)),
        "075" => Some("asylum"),
        "024" | "034" | "083" | "104" | "123" => Some("political_institutions"),
        "084" | "173" | "174" | "115" | "116" | "128" => Some("legal"),
        "087" | "138" | "152" | "154" | "0356" => Some("military"),
        "026" | "027" | "028" | "032" | "036" | "037" | "038" | "039" | "045" | "046" | "106" | "107"
        | "108" | "125" | "126" | "127" | "129" | "161" | "163" | "164" | "165" => Some("diplomatic"),
        _ if root == "05" => Some("diplomatic"),
        _ if root == "19" || root == "20" => Some("military"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(family: Family, action: &str, expected: &str) {
        assert_eq!(mirror(family, action), expected, "{family:?} {action}");
    }

    #[test]
    fn frames_mirror_the_action_they_govern() {
        check(Family::Appeal, "0871", "0256");
        check(Family::Appeal, "0874", "0256");
        check(Family::Demand, "0874", "1056");
        check(Family::Demand, "0841", "1053");
        check(Family::Intent, "040", "036");
        check(Family::Intent, "072", "0332");
        check(Family::Reject, "0874", "1246");
        check(Family::Reject, "046", "125");
        check(Family::Threaten, "190", "1384");
        check(Family::Threaten, "163", "1312");
        check(Family::Threaten, "070", "130");
        check(Family::Appeal, "066", "021");
        check(Family::Appeal, "062", "0212");
    }

    #[test]
    fn codes_map_to_plover_types_and_modes() {
        let t = |c: &str| plover_of(c).map(|(k, m, _)| format!("{k}/{}", m.unwrap_or("-")));
        assert_eq!(t("041").as_deref(), Some("CONSULT/phone"));
        assert_eq!(t("0256").as_deref(), Some("DEMAND/-"));
        assert_eq!(t("1056").as_deref(), Some("DEMAND/yield"));
        assert_eq!(t("163").as_deref(), Some("SANCTION/restrict"));
        assert_eq!(t("192").as_deref(), Some("FIGHT/-"));
        assert_eq!(t("194").as_deref(), Some("FIGHT/heavy-weapons"));
        assert_eq!(t("0874").as_deref(), Some("RETREAT/disarm"));
        assert_eq!(t("083").as_deref(), Some("CONCEDE/-"));
        assert_eq!(t("0813").as_deref(), Some("RETREAT/-"));
        assert_eq!(t("175").as_deref(), Some("ASSAULT/-"));
        assert_eq!(t("1712").as_deref(), Some("ASSAULT/seize"));
        assert_eq!(t("010"), None);
        assert_eq!(t("x1"), None);
    }
}
