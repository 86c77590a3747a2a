//! Element names the parser and the extractor treat specially, as a small
//! enum, so that every test of an element's kind is an integer compare
//! rather than a string compare. Any other name is [`Tag::Other`] and keeps
//! its text in the document.

macro_rules! tags {
    ($($variant:ident => $name:literal,)*) => {
        /// An element name (lower case).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Tag {
            $(
                #[doc = concat!("`<", $name, ">`")]
                $variant,
            )*
            /// Any other element name.
            Other,
        }

        impl Tag {
            /// The tag of a lower-case element name.
            pub fn from_name(name: &str) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }

            /// The element name; empty for [`Tag::Other`].
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$variant => $name,)*
                    Tag::Other => "",
                }
            }
        }
    };
}

tags! {
    A => "a",
    Abbr => "abbr",
    Address => "address",
    Applet => "applet",
    Area => "area",
    Article => "article",
    Aside => "aside",
    Audio => "audio",
    B => "b",
    Base => "base",
    Basefont => "basefont",
    Bdi => "bdi",
    Bdo => "bdo",
    Bgsound => "bgsound",
    Big => "big",
    Blockquote => "blockquote",
    Body => "body",
    Br => "br",
    Button => "button",
    Canvas => "canvas",
    Caption => "caption",
    Center => "center",
    Cite => "cite",
    Code => "code",
    Col => "col",
    Colgroup => "colgroup",
    Data => "data",
    Datalist => "datalist",
    Dd => "dd",
    Del => "del",
    Desc => "desc",
    Details => "details",
    Dfn => "dfn",
    Dialog => "dialog",
    Dir => "dir",
    Div => "div",
    Dl => "dl",
    Dt => "dt",
    Em => "em",
    Embed => "embed",
    Fieldset => "fieldset",
    Figcaption => "figcaption",
    Figure => "figure",
    Font => "font",
    Footer => "footer",
    ForeignObject => "foreignobject",
    Form => "form",
    Frame => "frame",
    Frameset => "frameset",
    H1 => "h1",
    H2 => "h2",
    H3 => "h3",
    H4 => "h4",
    H5 => "h5",
    H6 => "h6",
    Head => "head",
    Header => "header",
    Hgroup => "hgroup",
    Hr => "hr",
    Html => "html",
    I => "i",
    Iframe => "iframe",
    Image => "image",
    Img => "img",
    Input => "input",
    Ins => "ins",
    Kbd => "kbd",
    Keygen => "keygen",
    Label => "label",
    Legend => "legend",
    Li => "li",
    Link => "link",
    Listing => "listing",
    Main => "main",
    Map => "map",
    Mark => "mark",
    Marquee => "marquee",
    Math => "math",
    Menu => "menu",
    Meta => "meta",
    Meter => "meter",
    Nav => "nav",
    Nobr => "nobr",
    Noembed => "noembed",
    Noframes => "noframes",
    Noscript => "noscript",
    Object => "object",
    Ol => "ol",
    Optgroup => "optgroup",
    Option => "option",
    Output => "output",
    P => "p",
    Param => "param",
    Picture => "picture",
    Plaintext => "plaintext",
    Pre => "pre",
    Progress => "progress",
    Q => "q",
    Rb => "rb",
    Rp => "rp",
    Rt => "rt",
    Rtc => "rtc",
    Ruby => "ruby",
    S => "s",
    Samp => "samp",
    Script => "script",
    Search => "search",
    Section => "section",
    Select => "select",
    Small => "small",
    Source => "source",
    Span => "span",
    Strike => "strike",
    Strong => "strong",
    Style => "style",
    Sub => "sub",
    Summary => "summary",
    Sup => "sup",
    Svg => "svg",
    Table => "table",
    Tbody => "tbody",
    Td => "td",
    Template => "template",
    Textarea => "textarea",
    Tfoot => "tfoot",
    Th => "th",
    Thead => "thead",
    Time => "time",
    Title => "title",
    Tr => "tr",
    Track => "track",
    Tt => "tt",
    U => "u",
    Ul => "ul",
    Var => "var",
    Video => "video",
    Wbr => "wbr",
    Xmp => "xmp",
}

impl Tag {
    /// Elements that never have children (`<br>`, `<img>`, `<meta>` …).
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Basefont
                | Bgsound
                | Br
                | Col
                | Embed
                | Frame
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// Elements whose content is raw text up to their end tag (no tags, no
    /// character references). `<noscript>` is not one: pages are parsed as
    /// with scripting off, so its content is markup.
    pub fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(self, Script | Style | Xmp | Iframe | Noembed | Noframes)
    }

    /// Elements whose content is text with character references but no tags.
    pub fn is_rcdata(self) -> bool {
        matches!(self, Tag::Title | Tag::Textarea)
    }

    /// `<h1>` … `<h6>`.
    pub fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }

    /// Start tags that close an open `<p>` (HTML's "close a p element").
    pub fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Header
                | Hgroup
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Search
                | Section
                | Summary
                | Ul
                | Pre
                | Listing
                | Form
                | Table
                | Hr
                | Xmp
                | Plaintext
                | Dd
                | Dt
                | Li
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
        )
    }

    /// HTML's "special" elements: an unmatched end tag does not close
    /// past them.
    pub fn is_special(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Applet
                | Area
                | Article
                | Aside
                | Base
                | Basefont
                | Bgsound
                | Blockquote
                | Body
                | Br
                | Button
                | Caption
                | Center
                | Col
                | Colgroup
                | Dd
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dt
                | Embed
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Frame
                | Frameset
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Head
                | Header
                | Hgroup
                | Hr
                | Html
                | Iframe
                | Img
                | Input
                | Keygen
                | Li
                | Link
                | Listing
                | Main
                | Marquee
                | Menu
                | Meta
                | Nav
                | Noembed
                | Noframes
                | Noscript
                | Object
                | Ol
                | P
                | Param
                | Plaintext
                | Pre
                | Script
                | Search
                | Section
                | Select
                | Source
                | Style
                | Summary
                | Table
                | Tbody
                | Td
                | Template
                | Textarea
                | Tfoot
                | Th
                | Thead
                | Title
                | Tr
                | Track
                | Ul
                | Wbr
                | Xmp
        )
    }

    /// Elements that bound HTML's default element scope.
    pub fn bounds_scope(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Applet | Caption | Html | Table | Td | Th | Marquee | Object | Template
        )
    }

    /// Table-structure elements, which are never foster-parented out of a
    /// table.
    pub fn is_table_part(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Table
                | Caption
                | Colgroup
                | Col
                | Tbody
                | Thead
                | Tfoot
                | Tr
                | Td
                | Th
                | Script
                | Style
                | Template
        )
    }

    /// Start tags that end foreign (SVG, MathML) content.
    pub fn breaks_out_of_foreign(self) -> bool {
        use Tag::*;
        matches!(
            self,
            B | Big
                | Blockquote
                | Body
                | Br
                | Center
                | Code
                | Dd
                | Div
                | Dl
                | Dt
                | Em
                | Embed
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Head
                | Hr
                | I
                | Img
                | Li
                | Listing
                | Menu
                | Meta
                | Nobr
                | Ol
                | P
                | Pre
                | Ruby
                | S
                | Small
                | Span
                | Strong
                | Strike
                | Sub
                | Sup
                | Table
                | Tt
                | U
                | Ul
                | Var
        )
    }

    /// Elements that belong in `<head>` when met before `<body>`.
    pub fn belongs_in_head(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Base | Basefont | Bgsound | Link | Meta | Title | Script | Style | Noscript | Template | Noframes
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["a", "div", "h1", "foreignobject", "xmp", "tbody"] {
            assert_eq!(Tag::from_name(name).as_str(), name);
        }
        assert_eq!(Tag::from_name("custom-element"), Tag::Other);
        assert!(Tag::Br.is_void() && !Tag::Div.is_void());
        assert!(Tag::Script.is_raw_text() && Tag::Title.is_rcdata());
    }
}
