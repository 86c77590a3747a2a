//! Language identification of article text (whatlang), as ISO 639-1 codes.

/// ISO 639-3 codes whatlang reports, with their ISO 639-1 equivalents.
const ISO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
    ("swh", "sw"),
    ("som", "so"),
    ("yor", "yo"),
    ("hau", "ha"),
    ("ibo", "ig"),
    ("kin", "rw"),
    ("lin", "ln"),
    ("lug", "lg"),
];

/// Characters of the text that language identification reads: on 1,020
/// real articles (the gritta corpora and extraction-dev) the first 1,000
/// gave the same language as the first 4,000 for all but one (which only
/// the shorter sample identified), at a quarter of the cost.
const SAMPLE_CHARS: usize = 1000;

/// Words of the sample that decide English without whatlang: at least
/// [`PLAIN_ENGLISH_PERCENT`] of them must be [`english_marker`]s.
const PLAIN_ENGLISH_MIN_WORDS: usize = 40;

/// Share of the sample's words (percent) that are [`english_marker`]s in
/// plain English: they make up ~15% of English news prose, and next to
/// none of other languages' (each is chosen not to be a common word of
/// another language written in Latin letters: no "to", "of", "is",
/// "was", "for", "die").
const PLAIN_ENGLISH_PERCENT: usize = 8;

/// English function words that are not common words in other languages
/// (ASCII lowercase).
fn english_marker(word: &[u8]) -> bool {
    matches!(
        word,
        b"the"
            | b"and"
            | b"that"
            | b"with"
            | b"from"
            | b"said"
            | b"which"
            | b"were"
            | b"would"
            | b"been"
            | b"this"
            | b"their"
            | b"they"
            | b"have"
            | b"has"
            | b"who"
            | b"after"
            | b"about"
    )
}

/// True when `sample` is plainly English: enough words, and enough of
/// them [`english_marker`]s. A cheap first test: whatlang's trigram
/// models cost 6% of a 100k-article ingest, almost all of it on English
/// text. On 10,817 real and synthetic articles (extraction-dev, the
/// synthetic corpus, ECB+) every article it calls English whatlang calls
/// English too, or leaves unidentified (7 articles, all English), and
/// it calls none of the others English.
fn plainly_english(sample: &str) -> bool {
    let (words, markers) = word_and_marker_counts(sample);
    words >= PLAIN_ENGLISH_MIN_WORDS && markers * 100 >= PLAIN_ENGLISH_PERCENT * words
}

/// The words of `sample` (runs of letters) and how many of them are
/// [`english_marker`]s, each folded to ASCII lowercase in place.
fn word_and_marker_counts(sample: &str) -> (usize, usize) {
    let (mut words, mut markers) = (0usize, 0usize);
    let mut lower = [0u8; 5];
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if (3..=5).contains(&word.len()) {
            let folded = &mut lower[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            folded.make_ascii_lowercase();
            markers += usize::from(english_marker(folded));
        }
    }
    (words, markers)
}

/// The language of `text` as an ISO 639-1 code (ISO 639-3 where no
/// two-letter code exists): English when [`plainly_english`], else
/// whatlang's answer when it is confident.
pub fn detect_language(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let sample = &text[..end];
    if plainly_english(sample) {
        return Some("en".to_owned());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    let short = ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two);
    Some(short.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let en = "The delegates met in the capital on Friday and agreed to resume talks next week, officials said.";
        let fr = "Les délégués se sont réunis vendredi dans la capitale et ont convenu de reprendre les pourparlers la semaine prochaine.";
        assert_eq!(detect_language(en).as_deref(), Some("en"));
        assert_eq!(detect_language(fr).as_deref(), Some("fr"));
        assert_eq!(detect_language("").as_deref(), None);
    }

    const ENGLISH: &str = "Employees at the warehouse were coping on Saturday with the death of their \
        manager, who was shot at the office party. A man facing murder charges was on suicide watch \
        on Monday as friends and family paid tribute to the victim, police said. They have asked \
        anyone who saw the attack to come forward, and said that the inquiry would take weeks.";

    /// News prose in other languages written in Latin letters, each
    /// longer than the least sample the first test reads.
    const OTHERS: &[(&str, &str)] = &[
        (
            "fr",
            "Les employés de l'entrepôt ont appris samedi la mort de leur directeur, abattu lors de \
             la fête du bureau. Un homme accusé de meurtre était placé sous surveillance lundi, \
             tandis que les amis et la famille rendaient hommage à la victime, a indiqué la police, \
             qui demande aux témoins de se manifester.",
        ),
        (
            "de",
            "Die Mitarbeiter des Lagers erfuhren am Samstag vom Tod ihres Chefs, der bei der \
             Weihnachtsfeier im Büro erschossen wurde. Ein Mann, dem Mord vorgeworfen wird, stand \
             am Montag unter Beobachtung, während Freunde und Familie dem Opfer gedachten, teilte \
             die Polizei mit, die Zeugen bittet, sich zu melden.",
        ),
        (
            "nl",
            "De medewerkers van het magazijn hoorden zaterdag van de dood van hun baas, die op het \
             kerstfeest van het kantoor werd doodgeschoten. Een man die van moord wordt beschuldigd \
             was maandag onder toezicht, terwijl vrienden en familie het slachtoffer herdachten, zei \
             de politie, die getuigen vraagt zich te melden. Wat er precies is gebeurd, is nog niet \
             duidelijk.",
        ),
        (
            "pl",
            "Pracownicy magazynu dowiedzieli się w sobotę o śmierci swojego szefa, który został \
             zastrzelony podczas przyjęcia w biurze. Mężczyzna oskarżony o morderstwo był w \
             poniedziałek pod obserwacją, a przyjaciele i rodzina oddali hołd ofierze, poinformowała \
             policja, która prosi świadków o kontakt. To była tragedia dla całej firmy.",
        ),
        (
            "nb",
            "De ansatte på lageret fikk lørdag vite om sjefens død, han ble skutt under julebordet \
             på kontoret. En mann som er siktet for drap, var mandag under oppsikt, mens venner og \
             familie hedret offeret, sier politiet, som ber vitner om å ta kontakt. Det er for tidlig \
             å si hva som skjedde, og politiet har ikke gitt flere detaljer.",
        ),
        (
            "id",
            "Para karyawan gudang itu pada hari Sabtu mendengar kabar kematian atasan mereka, yang \
             ditembak dalam pesta kantor. Seorang pria yang didakwa melakukan pembunuhan berada di \
             bawah pengawasan pada hari Senin, sementara teman dan keluarga memberi penghormatan \
             kepada korban, kata polisi, yang meminta saksi untuk melapor.",
        ),
        (
            "tl",
            "Nalaman ng mga empleyado ng bodega noong Sabado ang pagkamatay ng kanilang amo, na \
             binaril sa isang salu-salo sa opisina. Ang lalaking kinasuhan ng pagpatay ay \
             binabantayan noong Lunes habang nagbibigay-pugay ang mga kaibigan at pamilya sa biktima, \
             ayon sa pulisya, na humihiling sa mga saksi na lumapit.",
        ),
    ];

    proptest::proptest! {
        /// The in-place folding counts a word as a marker exactly when
        /// it is ASCII and lowercases to one, and no text makes the test
        /// or the sampling panic (multi-byte letters, dotted capitals
        /// whose lowercase is longer, texts past the sample's end).
        #[test]
        fn markers_are_counted_as_by_lowercasing_each_word(
            words in proptest::collection::vec(
                "(the|The|THE|said|Said|which|about|AFTER|thé|İT|straße|to|of|[a-zA-Zéİß]{1,7}|[0-9]{1,3})",
                0..120,
            ),
            separator in "( |, |\\. |\n|—)",
        ) {
            let text = words.join(&separator);
            let reference: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let expected_markers = reference
                .iter()
                .filter(|w| w.is_ascii() && english_marker(w.to_ascii_lowercase().as_bytes()))
                .count();
            let expected = reference.len() >= PLAIN_ENGLISH_MIN_WORDS
                && expected_markers * 100 >= PLAIN_ENGLISH_PERCENT * reference.len();
            proptest::prop_assert_eq!(word_and_marker_counts(&text), (reference.len(), expected_markers));
            proptest::prop_assert_eq!(plainly_english(&text), expected);
            let long = text.repeat(12);
            let _ = detect_language(&long);
        }
    }

    #[test]
    fn plain_english_is_told_by_its_function_words() {
        assert!(plainly_english(ENGLISH));
        assert_eq!(detect_language(ENGLISH).as_deref(), Some("en"));
        // Too few words to tell: whatlang decides.
        assert!(!plainly_english(
            "The talks with the rebels have resumed, the minister said."
        ));
    }

    #[test]
    fn other_languages_are_never_taken_for_plain_english() {
        for (lang, text) in OTHERS {
            assert!(
                text.split_whitespace().count() >= PLAIN_ENGLISH_MIN_WORDS,
                "{lang}: sample too short"
            );
            assert!(!plainly_english(text), "{lang} taken for plain English");
            assert_ne!(detect_language(text).as_deref(), Some("en"), "{lang}");
        }
    }
}
