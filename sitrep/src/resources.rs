//! Reference data the annotation stage runs on, loaded once per command
//! from the cache folder. Missing data is not an error: each missing piece
//! is reported once on stderr with what to run, and a documented built-in
//! fallback is used.

use std::path::Path;

use sitrep_annotate::Resources;
use sitrep_annotate::entities::KnowledgeBase;
use sitrep_annotate::gazetteer::Gazetteer;

use crate::config::{gazetteer_path, knowledge_path};

/// Load the gazetteer at `path`, or say why not and use the built-in table.
pub fn load_gazetteer(path: &Path) -> Gazetteer {
    let loaded = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| Gazetteer::from_bytes(&bytes).map_err(|e| e.to_string()));
    match loaded {
        Ok(g) => g,
        Err(why) => {
            eprintln!(
                "sitrep: gazetteer unavailable ({}: {why}); run scripts/setup.sh to build it. \
                 Falling back to the built-in country table: only countries, their demonyms \
                 and continents are resolved.",
                path.display()
            );
            Gazetteer::builtin()
        }
    }
}

/// Load the entity knowledge base at `path`, or say why not and use the
/// built-in list (international organisations and role words; people and
/// groups then come from text cues only).
pub fn load_knowledge(path: &Path) -> KnowledgeBase {
    let loaded = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| KnowledgeBase::from_bytes(&bytes).map_err(|e| e.to_string()));
    match loaded {
        Ok(kb) => {
            if !kb.has_actor_dictionaries() {
                eprintln!(
                    "sitrep: the knowledge base has no actor dictionaries (the Phoenix dictionaries were \
                     absent at set-up); people, groups and organisations come from text cues only."
                );
            }
            kb
        }
        Err(why) => {
            eprintln!(
                "sitrep: entity knowledge unavailable ({}: {why}); run scripts/setup.sh to build it. \
                 Falling back to the built-in list: countries come from the gazetteer's table, \
                 people, groups and organisations from text cues only.",
                path.display()
            );
            KnowledgeBase::builtin()
        }
    }
}

/// The event lexicon from the cache folder (see [`load_event_lexicon`]).
pub fn event_lexicon() -> sitrep_events::Lexicon {
    load_event_lexicon(&crate::config::event_lexicon_path())
}

/// Load the event lexicon at `path`, or say why not and use the
/// compiled-in core patterns (the common news verbs; no PETRARCH
/// dictionary patterns, CAMEO→PLOVER modes from the built-in mapping).
pub fn load_event_lexicon(path: &Path) -> sitrep_events::Lexicon {
    let loaded = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| sitrep_events::Lexicon::from_bytes(&bytes).map_err(|e| e.to_string()));
    match loaded {
        Ok(lexicon) => lexicon,
        Err(why) => {
            eprintln!(
                "sitrep: event lexicon unavailable ({}: {why}); run scripts/setup.sh to build it. \
                 Falling back to the compiled-in core patterns: events are coded from the common \
                 news verbs only.",
                path.display()
            );
            sitrep_events::Lexicon::builtin()
        }
    }
}

/// The annotation resources from the cache folder.
pub fn load() -> Resources {
    Resources {
        gazetteer: load_gazetteer(&gazetteer_path()),
        knowledge: load_knowledge(&knowledge_path()),
    }
}
