//! Reference data the annotation stage runs on, loaded once per command
//! from the cache folder. Missing data is not an error: each missing piece
//! is reported once on stderr with what to run, and a documented built-in
//! fallback is used.

use std::path::{Path, PathBuf};

use sitrep_annotate::Resources;
use sitrep_annotate::entities::KnowledgeBase;
use sitrep_annotate::gazetteer::Gazetteer;

use crate::config::{gazetteer_path, knowledge_path};

/// Load the gazetteer at `path`, or say why not and use the built-in table.
pub fn load_gazetteer(path: &Path) -> Gazetteer {
    gazetteer_or_fallback(path, read_gazetteer(path))
}

fn read_gazetteer(path: &Path) -> Result<Gazetteer, String> {
    std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| Gazetteer::from_bytes(&bytes).map_err(|e| e.to_string()))
}

fn gazetteer_or_fallback(path: &Path, read: Result<Gazetteer, String>) -> Gazetteer {
    read.unwrap_or_else(|why| {
        eprintln!(
            "sitrep: gazetteer unavailable ({}: {why}); run scripts/setup.sh to build it. \
             Falling back to the built-in country table: only countries, their demonyms \
             and continents are resolved.",
            path.display()
        );
        Gazetteer::builtin()
    })
}

/// Load the entity knowledge base at `path`, or say why not and use the
/// built-in list (international organisations and role words; people and
/// groups then come from text cues only).
pub fn load_knowledge(path: &Path) -> KnowledgeBase {
    knowledge_or_fallback(path, read_knowledge(path))
}

fn read_knowledge(path: &Path) -> Result<KnowledgeBase, String> {
    std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| KnowledgeBase::from_bytes(&bytes).map_err(|e| e.to_string()))
}

fn knowledge_or_fallback(path: &Path, read: Result<KnowledgeBase, String>) -> KnowledgeBase {
    match read {
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
    lexicon_or_fallback(path, read_event_lexicon(path))
}

fn read_event_lexicon(path: &Path) -> Result<sitrep_events::Lexicon, String> {
    std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| sitrep_events::Lexicon::from_bytes(&bytes).map_err(|e| e.to_string()))
}

fn lexicon_or_fallback(path: &Path, read: Result<sitrep_events::Lexicon, String>) -> sitrep_events::Lexicon {
    read.unwrap_or_else(|why| {
        eprintln!(
            "sitrep: event lexicon unavailable ({}: {why}); run scripts/setup.sh to build it. \
             Falling back to the compiled-in core patterns: events are coded from the common \
             news verbs only.",
            path.display()
        );
        sitrep_events::Lexicon::builtin()
    })
}

/// The annotation resources from the cache folder (the two read at once).
pub fn load() -> Resources {
    ReadResources::all().finish()
}

/// The annotation resources and the event lexicon from the cache folder
/// (see [`Read`]).
pub fn load_with_lexicon() -> (Resources, sitrep_events::Lexicon) {
    Read::all().finish()
}

/// The gazetteer and the knowledge base, read and parsed at once (on
/// rayon) but not yet reported.
struct ReadResources {
    gazetteer: (PathBuf, Result<Gazetteer, String>),
    knowledge: (PathBuf, Result<KnowledgeBase, String>),
}

impl ReadResources {
    fn all() -> Self {
        let (gazetteer, knowledge) = (gazetteer_path(), knowledge_path());
        let (read_gazetteer, read_knowledge) =
            rayon::join(|| read_gazetteer(&gazetteer), || read_knowledge(&knowledge));
        Self {
            gazetteer: (gazetteer, read_gazetteer),
            knowledge: (knowledge, read_knowledge),
        }
    }

    /// The resources, a missing one reported (gazetteer first) and
    /// replaced by its fallback.
    fn finish(self) -> Resources {
        Resources {
            gazetteer: gazetteer_or_fallback(&self.gazetteer.0, self.gazetteer.1),
            knowledge: knowledge_or_fallback(&self.knowledge.0, self.knowledge.1),
        }
    }
}

/// The cache folder's annotation resources and event lexicon, read and
/// parsed (at once, on rayon) but not yet reported: [`Read::finish`] says
/// what is missing, in a fixed order, so the reading can run beside other
/// work without interleaving messages.
pub struct Read {
    resources: ReadResources,
    lexicon: (PathBuf, Result<sitrep_events::Lexicon, String>),
}

impl Read {
    /// Read and parse the three.
    pub fn all() -> Self {
        let lexicon = crate::config::event_lexicon_path();
        let (resources, read_lexicon) = rayon::join(ReadResources::all, || read_event_lexicon(&lexicon));
        Self {
            resources,
            lexicon: (lexicon, read_lexicon),
        }
    }

    /// The resources and the lexicon, each missing one reported and
    /// replaced by its fallback.
    pub fn finish(self) -> (Resources, sitrep_events::Lexicon) {
        let resources = self.resources.finish();
        (resources, lexicon_or_fallback(&self.lexicon.0, self.lexicon.1))
    }
}
