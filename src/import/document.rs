//! A Markdown guide as blocks: headings, paragraphs, quotes and lists, each with its inline
//! words and their emphasis and links. Read with `pulldown-cmark`; what a guide's shape
//! does not use (HTML, code blocks, rules, tables) is left out.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// The guide as Markdown reads it.
#[derive(Debug, Default)]
pub struct Document {
    /// The `title:` of a YAML front matter block.
    pub front_title: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading { level: u8, words: Words },
    Paragraph(Words),
    Quote(Vec<Block>),
    List(Vec<Item>),
}

/// A list item: its first words, and what stands under them (sub-lists, paragraphs).
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub words: Words,
    pub under: Vec<Block>,
}

/// Inline words: runs of text, each with its emphasis and link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    pub runs: Vec<WordRun>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordRun {
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
    /// The link's target, as written.
    pub link: Option<String>,
}

impl Words {
    /// What a person reads.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.plain().trim().is_empty()
    }

    /// Whether every word is emphasized (the seed's `*…*` quotes).
    pub fn all_emphasis(&self) -> bool {
        self.runs
            .iter()
            .all(|r| r.emphasis || r.text.trim().is_empty())
            && self.runs.iter().any(|r| r.emphasis)
    }

    /// The links, in order, each once.
    pub fn links(&self) -> Vec<&str> {
        let mut links: Vec<&str> = Vec::new();
        for link in self.runs.iter().filter_map(|r| r.link.as_deref()) {
            if !links.contains(&link) {
                links.push(link);
            }
        }
        links
    }

    /// The words with the outer whitespace taken off.
    pub fn trimmed(mut self) -> Words {
        if let Some(first) = self.runs.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = self.runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        self.runs.retain(|r| !r.text.is_empty());
        self
    }

    /// The words without their first `chars` characters (a label, an opening quote).
    pub fn skip_chars(mut self, mut chars: usize) -> Words {
        for run in &mut self.runs {
            let count = run.text.chars().count();
            if chars >= count {
                chars -= count;
                run.text.clear();
            } else {
                run.text = run.text.chars().skip(chars).collect();
                break;
            }
        }
        self.runs.retain(|r| !r.text.is_empty());
        self
    }

    /// The words without their last `chars` characters (a closing quote).
    pub fn drop_last_chars(mut self, mut chars: usize) -> Words {
        for run in self.runs.iter_mut().rev() {
            let count = run.text.chars().count();
            if chars >= count {
                chars -= count;
                run.text.clear();
            } else {
                run.text = run.text.chars().take(count - chars).collect();
                break;
            }
        }
        self.runs.retain(|r| !r.text.is_empty());
        self
    }

    /// The same words, none emphasized.
    pub fn without_emphasis(mut self) -> Words {
        for run in &mut self.runs {
            run.emphasis = false;
            run.strong = false;
        }
        self
    }

    /// The same words, no link kept.
    pub fn without_links(mut self) -> Words {
        for run in &mut self.runs {
            run.link = None;
        }
        self
    }
}

#[derive(Deserialize)]
struct FrontMatter {
    title: Option<String>,
}

/// Reads a Markdown guide.
pub fn read(markdown: &str) -> Document {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut events = Parser::new_ext(markdown, options).peekable();
    let mut document = Document::default();
    if let Some(Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle))) = events.peek() {
        events.next();
        let mut yaml = String::new();
        for event in events.by_ref() {
            match event {
                Event::Text(text) => yaml.push_str(&text),
                Event::End(TagEnd::MetadataBlock(_)) => break,
                _ => {}
            }
        }
        document.front_title = serde_saphyr::from_str::<FrontMatter>(&yaml)
            .ok()
            .and_then(|f| f.title)
            .filter(|t| !t.trim().is_empty());
    }
    document.blocks = blocks_until(&mut events, None);
    document
}

/// Blocks until the end of the element that holds them (`None`: the document's end).
fn blocks_until<'a>(
    events: &mut impl Iterator<Item = Event<'a>>,
    end: Option<TagEnd>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::End(tag) if Some(tag) == end => break,
            Event::Start(Tag::Heading { level, .. }) => blocks.push(Block::Heading {
                level: heading_level(level),
                words: words_until(events, TagEnd::Heading(level)),
            }),
            Event::Start(Tag::Paragraph) => {
                let (words, html) = paragraph(events);
                // A paragraph that is one HTML element (a button's link) holds no words of
                // the guide's.
                if !words.is_empty() && !html {
                    blocks.push(Block::Paragraph(words));
                }
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                blocks.push(Block::Quote(blocks_until(
                    events,
                    Some(TagEnd::BlockQuote(kind)),
                )));
            }
            Event::Start(Tag::List(start)) => {
                blocks.push(Block::List(items(events, TagEnd::List(start.is_some()))));
            }
            Event::Start(tag) => skip(events, tag.to_end()),
            _ => {}
        }
    }
    blocks
}

/// The items of a list, until its end.
fn items<'a>(events: &mut impl Iterator<Item = Event<'a>>, end: TagEnd) -> Vec<Item> {
    let mut items = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::End(tag) if tag == end => break,
            Event::Start(Tag::Item) => items.push(item(events)),
            Event::Start(tag) => skip(events, tag.to_end()),
            _ => {}
        }
    }
    items
}

/// One item: the words of a tight item come straight, a loose item's in a paragraph; what
/// follows is under it.
fn item<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> Item {
    let mut item = Item::default();
    // A tight item's words.
    let mut inline = Inline::default();
    let mut words_done = false;
    while let Some(event) = events.next() {
        match event {
            Event::End(TagEnd::Item) => break,
            Event::Start(Tag::Paragraph) => {
                let words = words_until(events, TagEnd::Paragraph);
                if !words_done && inline.is_empty() {
                    item.words = words;
                    words_done = true;
                } else if !words.is_empty() {
                    item.under.push(Block::Paragraph(words));
                }
            }
            Event::Start(Tag::List(start)) => {
                words_done = true;
                item.under
                    .push(Block::List(items(events, TagEnd::List(start.is_some()))));
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                words_done = true;
                item.under.push(Block::Quote(blocks_until(
                    events,
                    Some(TagEnd::BlockQuote(kind)),
                )));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                words_done = true;
                item.under.push(Block::Heading {
                    level: heading_level(level),
                    words: words_until(events, TagEnd::Heading(level)),
                });
            }
            Event::Start(tag) if !is_inline(&tag) => skip(events, tag.to_end()),
            other if !words_done => inline.take(other),
            _ => {}
        }
    }
    if item.words.runs.is_empty() {
        item.words = inline.words;
    }
    item.words = item.words.trimmed();
    item
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough
    )
}

/// A paragraph's words, and whether it is one HTML element (it starts and ends with a tag).
fn paragraph<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> (Words, bool) {
    let mut inline = Inline::default();
    let (mut first_html, mut last_html) = (None, false);
    for event in events.by_ref() {
        if event == Event::End(TagEnd::Paragraph) {
            break;
        }
        let html = matches!(event, Event::InlineHtml(_));
        first_html.get_or_insert(html);
        last_html = html;
        inline.take(event);
    }
    (
        inline.words.trimmed(),
        first_html == Some(true) && last_html,
    )
}

/// The inline words until `end`.
fn words_until<'a>(events: &mut impl Iterator<Item = Event<'a>>, end: TagEnd) -> Words {
    let mut inline = Inline::default();
    for event in events.by_ref() {
        if event == Event::End(end) {
            break;
        }
        inline.take(event);
    }
    inline.words.trimmed()
}

/// Gathers inline events into words.
#[derive(Default)]
struct Inline {
    words: Words,
    emphasis: usize,
    strong: usize,
    link: Option<String>,
    /// Inside an image: its words are its description, left out.
    image: usize,
}

impl Inline {
    fn is_empty(&self) -> bool {
        self.words.runs.is_empty()
    }

    fn push(&mut self, text: &str) {
        if self.image > 0 || text.is_empty() {
            return;
        }
        let (emphasis, strong, link) = (self.emphasis > 0, self.strong > 0, self.link.clone());
        match self.words.runs.last_mut() {
            Some(last)
                if last.emphasis == emphasis && last.strong == strong && last.link == link =>
            {
                last.text.push_str(text);
            }
            _ => self.words.runs.push(WordRun {
                text: text.to_string(),
                emphasis,
                strong,
                link,
            }),
        }
    }

    fn take(&mut self, event: Event) {
        match event {
            Event::Text(text) => self.push(&text),
            Event::Code(code) => self.push(&format!("`{code}`")),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::Start(Tag::Emphasis) => self.emphasis += 1,
            Event::End(TagEnd::Emphasis) => self.emphasis = self.emphasis.saturating_sub(1),
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => self.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => self.link = None,
            Event::Start(Tag::Image { .. }) => self.image += 1,
            Event::End(TagEnd::Image) => self.image = self.image.saturating_sub(1),
            // HTML tags and the rest carry no words a guide needs.
            _ => {}
        }
    }
}

/// Skips events to the end of an element.
fn skip<'a>(events: &mut impl Iterator<Item = Event<'a>>, end: TagEnd) {
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(tag) if depth == 0 && tag == end => return,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_headings_quotes_and_nested_lists_are_read() {
        let doc = read(
            "---\ntitle: Team guide\nparent: x\n---\n\n# Intro\n\n> *Hello\nthere.*\n\n- [Ask *this*?](https://x.com/a)\n    - If yes: why?\n- Then\n\n  a paragraph\n",
        );
        assert_eq!(doc.front_title.as_deref(), Some("Team guide"));
        let Block::Heading { level: 1, words } = &doc.blocks[0] else {
            panic!("{:?}", doc.blocks[0]);
        };
        assert_eq!(words.plain(), "Intro");
        let Block::Quote(quote) = &doc.blocks[1] else {
            panic!()
        };
        let Block::Paragraph(said) = &quote[0] else {
            panic!()
        };
        assert_eq!(said.plain(), "Hello there.");
        assert!(said.all_emphasis());
        let Block::List(items) = &doc.blocks[2] else {
            panic!()
        };
        assert_eq!(items[0].words.plain(), "Ask this?");
        assert_eq!(items[0].words.links(), ["https://x.com/a"]);
        assert!(items[0].words.runs.iter().any(|r| r.emphasis));
        let Block::List(under) = &items[0].under[0] else {
            panic!()
        };
        assert_eq!(under[0].words.plain(), "If yes: why?");
        assert_eq!(items[1].words.plain(), "Then");
        assert!(matches!(&items[1].under[0], Block::Paragraph(p) if p.plain() == "a paragraph"));
    }

    #[test]
    fn html_and_code_blocks_are_left_out() {
        let doc = read(
            "<div>\nhi\n</div>\n\n```\ncode\n```\n\n<a href=\"x\">A button</a>\n\nWords with <b>tags</b>.\n",
        );
        assert_eq!(doc.blocks.len(), 1);
        let Block::Paragraph(words) = &doc.blocks[0] else {
            panic!()
        };
        assert_eq!(words.plain(), "Words with tags.");
    }
}
