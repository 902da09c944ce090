//! From a Markdown guide's blocks to a draft guide: which heading is a section, a role or a
//! question, which quote is said and when, which list holds questions and which follow-ups.
//! Where that takes a person's judgment the draft carries a check, written beside the line.
//!
//! The rules, in the order they are tried:
//!
//! - The title is the front matter's `title:`, else the first heading.
//! - A heading "Before …"/"Prepar…" holds `prepare`, "After …" holds `after`; "Purpose",
//!   "Overview", "About", "Background", "Goal" are left out, and the output says so.
//! - A paragraph that says to say what follows ("say this", "by saying", …) and the quotes
//!   right after it are the intro: the paragraph its instruction, each quoted paragraph a
//!   paragraph of the statement (a quote in italics throughout loses the italics).
//! - A heading that ends with `?`, is quoted or numbered as one ("Question 3: …") is a
//!   question (its numbering taken off); the lists under it are its
//!   follow-ups, its italic paragraphs follow-ups too, its other paragraphs guidance.
//! - Any other heading is a section: "Questions for X and Y" is for the roles X and Y, and
//!   each sub-heading of a heading about roles or positions is one role (checked).
//! - A list most of whose items read as questions holds questions: each item one, its
//!   sub-items follow-ups (nested, "If yes: …" or "(Based on their answer) …" the
//!   condition), its italic paragraphs follow-ups, its other paragraphs guidance. Quote
//!   marks around a question and a numbering before it are taken off; a link becomes its
//!   words, and its target the question's guidelines link.
//! - "Warning signs"/"Great signs" over a list: the weak and strong signs of the question.
//! - "Ask one (or more) of the following": the section is a pick group.
//! - The candidate's turn: an item, paragraph or quote that asks what questions they have;
//!   a paragraph about leaving time for their questions is its instruction. A quote after
//!   it is the closing statement.
//! - Other quotes are said at the start of their section; other paragraphs and lists are
//!   the section's guidance. A section without questions hands its words to the next.
//! - Sentences that give minutes or hours are quoted beside the timing, which stays the
//!   console's default.

use super::document::{Block, Document, Item, Words};
use super::words::{self, Part, Signs};
use crate::guide::rich::Unfilled;
use crate::guide::{Link, RichText};
use crate::markdown::{Run, one_paragraph, runs_markdown};

/// A guide as the Markdown suggests it, with what to check.
#[derive(Debug, Default)]
pub struct Draft {
    pub title: String,
    pub prepare: Vec<String>,
    pub after: Vec<String>,
    pub guidelines_url: Option<String>,
    pub roles: Vec<DraftRole>,
    pub intro: Option<DraftIntro>,
    pub sections: Vec<DraftSection>,
    pub candidate: DraftCandidate,
    pub closing: Vec<String>,
    /// Sentences that give time.
    pub timing: Vec<String>,
    /// Headings left out as background.
    pub left_out: Vec<String>,
    /// The questions as the Markdown reads them, for checking the guide written.
    pub plain_questions: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct DraftRole {
    pub id: String,
    pub name: String,
    pub check: Option<String>,
}

#[derive(Debug)]
pub struct DraftIntro {
    pub instruction: String,
    pub statement: Vec<Checked>,
}

/// A text and, when it takes a person's judgment, why.
#[derive(Debug, Clone)]
pub struct Checked {
    pub text: String,
    pub check: Option<String>,
}

impl Checked {
    fn plain(text: String) -> Checked {
        Checked { text, check: None }
    }
}

#[derive(Debug, Default)]
pub struct DraftSection {
    pub title: String,
    pub roles: Vec<String>,
    pub say: Vec<Checked>,
    pub guidance: Vec<Checked>,
    pub pick: Option<Checked>,
    pub questions: Vec<DraftQuestion>,
    /// Which heading it came from, to tell sections with the same title apart.
    key: Option<usize>,
}

#[derive(Debug, Default)]
pub struct DraftQuestion {
    pub id: String,
    pub text: Checked,
    pub url: Option<String>,
    pub guidance: Vec<String>,
    pub follow_ups: Vec<DraftFollowUp>,
    pub strong: Vec<String>,
    pub weak: Vec<String>,
}

impl Default for Checked {
    fn default() -> Checked {
        Checked::plain(String::new())
    }
}

#[derive(Debug, Clone)]
pub struct DraftFollowUp {
    pub when: Option<String>,
    pub text: String,
    pub follow_ups: Vec<DraftFollowUp>,
}

#[derive(Debug, Default)]
pub struct DraftCandidate {
    pub instruction: Option<String>,
    pub prompt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadingKind {
    Title,
    Part(Part),
    Question,
    Section,
}

#[derive(Debug)]
struct Heading {
    level: u8,
    text: String,
    kind: HeadingKind,
    /// Its place among the document's headings.
    index: usize,
}

/// Reads the document's shape into a draft.
pub fn shape(document: Document) -> Draft {
    let mut shaper = Shaper {
        draft: Draft::default(),
        turn_heading: None,
        headings: Vec::new(),
        heading_count: 0,
        title_from_heading: document.front_title.is_none(),
    };
    shaper.draft.title = document.front_title.unwrap_or_default();
    shaper.blocks(&document.blocks);
    shaper.finish()
}

struct Shaper {
    draft: Draft,
    /// The section heading the candidate's turn was found under.
    turn_heading: Option<usize>,
    /// The headings the current block stands under, outermost first.
    headings: Vec<Heading>,
    heading_count: usize,
    title_from_heading: bool,
}

impl Shaper {
    fn blocks(&mut self, blocks: &[Block]) {
        let mut at = 0;
        while at < blocks.len() {
            at += self.block(&blocks[at], &blocks[at + 1..]);
        }
    }

    /// Takes one block (and those after it that belong to it); returns how many it took.
    fn block(&mut self, block: &Block, after: &[Block]) -> usize {
        match block {
            Block::Heading { level, words } => {
                self.heading(*level, words);
                1
            }
            Block::Paragraph(words) => self.paragraph(words, after),
            Block::Quote(blocks) => {
                self.quote(blocks);
                1
            }
            Block::List(items) => {
                self.list(items);
                1
            }
        }
    }

    fn part(&self) -> Option<Part> {
        self.headings.iter().rev().find_map(|h| match h.kind {
            HeadingKind::Part(part) => Some(part),
            _ => None,
        })
    }

    fn heading(&mut self, level: u8, words: &Words) {
        let index = self.heading_count;
        self.heading_count += 1;
        let plain = words.plain();
        let text: String = plain.chars().skip(words::numbering(&plain)).collect();
        let text = text.trim().to_string();
        while self.headings.last().is_some_and(|h| h.level >= level) {
            self.headings.pop();
        }
        let kind = if self.title_from_heading && self.draft.title.is_empty() {
            self.draft.title.clone_from(&text);
            HeadingKind::Title
        } else if let Some(part) = self.part() {
            // Under "Before the interview", every heading is part of it.
            HeadingKind::Part(part)
        } else if let Some(part) = words::part(&text) {
            if part == Part::Background {
                self.draft.left_out.push(text.clone());
            }
            HeadingKind::Part(part)
        } else if words::is_candidate_turn(&text) {
            self.candidate_turn(unquoted(&text));
            HeadingKind::Section
        } else if !strip_quotes(words.clone().skip_chars(words::numbering(&plain))).is_empty()
            && (text.ends_with('?')
                || words::quoted(&text).is_some()
                || words::numbered_as_question(&plain))
        {
            HeadingKind::Question
        } else {
            HeadingKind::Section
        };
        self.headings.push(Heading {
            level,
            text: text.clone(),
            kind,
            index,
        });
        if kind == HeadingKind::Question {
            let words = strip_quotes(words.clone().skip_chars(words::numbering(&plain)));
            let question = self.question_from(&words, true);
            self.section().questions.push(question);
        }
    }

    /// Whether the current blocks come before any heading but the title's: an intro and
    /// questions there count, other words are background, left out.
    fn in_top_matter(&self) -> bool {
        self.headings.iter().all(|h| h.kind == HeadingKind::Title)
    }

    /// Leaves out top-matter words, and says so once.
    fn leave_out_top_matter(&mut self) {
        const TOP: &str = "the words before the first heading";
        if !self.draft.left_out.iter().any(|l| l == TOP) {
            self.draft.left_out.insert(0, TOP.to_string());
        }
    }

    /// The heading question the current blocks stand under, if any.
    fn in_heading_question(&self) -> bool {
        self.headings
            .last()
            .is_some_and(|h| h.kind == HeadingKind::Question)
    }

    /// The section the current blocks belong to, made when first needed.
    fn section(&mut self) -> &mut DraftSection {
        let owner = self
            .headings
            .iter()
            .rposition(|h| h.kind == HeadingKind::Section);
        let key = owner.map(|at| self.headings[at].index);
        if self.draft.sections.last().is_none_or(|s| s.key != key) {
            let (title, roles) = match owner {
                Some(at) if !self.headings[at].text.is_empty() => {
                    (self.headings[at].text.clone(), self.roles_of(at))
                }
                _ => ("Questions".to_string(), Vec::new()),
            };
            self.draft.sections.push(DraftSection {
                title,
                roles,
                key,
                ..DraftSection::default()
            });
        }
        let last = self.draft.sections.len() - 1;
        &mut self.draft.sections[last]
    }

    /// The roles a section heading names, registered as the guide's.
    fn roles_of(&mut self, at: usize) -> Vec<String> {
        let heading = &self.headings[at];
        let (names, check) = match words::roles_in_heading(&heading.text) {
            Some(names) => (
                names,
                format!(
                    "CHECK: a role, from the heading “{}”; or a topic for every candidate",
                    heading.text
                ),
            ),
            None => {
                let parent = self.headings[..at]
                    .iter()
                    .rev()
                    .find(|h| h.kind == HeadingKind::Section);
                match parent {
                    Some(parent) if words::heads_roles(&parent.text) => (
                        vec![heading.text.clone()],
                        format!(
                            "CHECK: a role, from a heading under “{}”; or a topic for every candidate",
                            parent.text
                        ),
                    ),
                    _ => return Vec::new(),
                }
            }
        };
        names
            .into_iter()
            .map(|name| {
                let id = words::slug(&name);
                if !self.draft.roles.iter().any(|r| r.id == id) {
                    self.draft.roles.push(DraftRole {
                        id: id.clone(),
                        name,
                        check: Some(check.clone()),
                    });
                }
                id
            })
            .collect()
    }

    fn paragraph(&mut self, words: &Words, after: &[Block]) -> usize {
        let plain = words.plain();
        self.draft.timing.extend(words::timing_sentences(&plain));
        if plain.trim_start().starts_with("{%") {
            // A site template's directive, not the guide's words.
            return 1;
        }
        match self.part() {
            Some(Part::Prepare) => {
                self.draft.prepare.push(text(words));
                return 1;
            }
            Some(Part::After) => {
                self.draft.after.push(text(words));
                return 1;
            }
            Some(Part::Background) => return 1,
            None => {}
        }
        if words::says_what_follows(&plain) && self.draft.intro.is_none() {
            let quotes: Vec<&Vec<Block>> = after
                .iter()
                .map_while(|b| match b {
                    Block::Quote(blocks) => Some(blocks),
                    _ => None,
                })
                .collect();
            if !quotes.is_empty() {
                let statement = quotes
                    .iter()
                    .flat_map(|blocks| quoted_paragraphs(blocks))
                    .map(|w| {
                        self.draft
                            .timing
                            .extend(words::timing_sentences(&w.plain()));
                        let check = blank_check(&w.plain());
                        Checked {
                            text: said(&w),
                            check,
                        }
                    })
                    .collect();
                self.draft.intro = Some(DraftIntro {
                    instruction: text(&words.clone().without_emphasis()),
                    statement,
                });
                return 1 + quotes.len();
            }
        }
        if self.in_top_matter() && !words::is_candidate_turn(&plain) {
            self.leave_out_top_matter();
            return 1;
        }
        if let Some(signs) = words::signs(&plain)
            && let Some(Block::List(items)) = after.first()
        {
            let signs_text: Vec<String> = items.iter().map(|i| text(&i.words)).collect();
            if let Some(question) = self.last_question() {
                match signs {
                    Signs::Strong => question.strong.extend(signs_text),
                    Signs::Weak => question.weak.extend(signs_text),
                }
                return 2;
            }
        }
        if words::is_candidate_turn(&plain) && !self.in_heading_question() {
            self.candidate_turn(unquoted(&plain));
            return 1;
        }
        if words::is_candidate_turn_instruction(&plain)
            && self.draft.candidate.instruction.is_none()
        {
            self.draft.candidate.instruction = Some(text(&words.clone().without_emphasis()));
            return 1;
        }
        if self.in_heading_question() {
            if let Some(question) = self.last_question() {
                if words.all_emphasis() {
                    question
                        .follow_ups
                        .extend(follow_up(&words.clone().without_emphasis(), &[]));
                } else {
                    question.guidance.push(text(words));
                }
            }
            return 1;
        }
        let pick = words::pick(&plain);
        let section = self.section();
        if let Some(n) = pick {
            section.pick = Some(Checked {
                text: n.to_string(),
                check: Some(format!(
                    "CHECK: from “{}”: the default plan asks this many of the section's questions",
                    plain.trim()
                )),
            });
        }
        section.guidance.push(Checked::plain(text(words)));
        1
    }

    fn quote(&mut self, blocks: &[Block]) {
        let paragraphs = quoted_paragraphs(blocks);
        let plain: String = paragraphs
            .iter()
            .map(Words::plain)
            .collect::<Vec<_>>()
            .join(" ");
        self.draft.timing.extend(words::timing_sentences(&plain));
        match self.part() {
            Some(Part::Prepare) => {
                self.draft.prepare.extend(paragraphs.iter().map(text));
                return;
            }
            Some(Part::After) => {
                self.draft.after.extend(paragraphs.iter().map(text));
                return;
            }
            Some(Part::Background) => return,
            None => {}
        }
        if words::is_candidate_turn(&plain) {
            self.candidate_turn(paragraphs.iter().map(said).collect::<Vec<_>>().join(" "));
            return;
        }
        if self.in_top_matter() {
            self.leave_out_top_matter();
            return;
        }
        let at_the_end = self
            .headings
            .iter()
            .rev()
            .find(|h| h.kind == HeadingKind::Section)
            .is_some_and(|h| words::is_closing(&h.text) || Some(h.index) == self.turn_heading);
        if self.draft.candidate.prompt.is_some() && at_the_end {
            self.draft.closing.extend(paragraphs.iter().map(said));
            return;
        }
        let for_interviewer = plain.to_lowercase().contains("the candidate");
        let section = self.section();
        for words in &paragraphs {
            if for_interviewer {
                section.guidance.push(Checked {
                    text: text(words),
                    check: Some(
                        "CHECK: a quote that speaks of the candidate: for you (guidance), or said (say)?"
                            .into(),
                    ),
                });
            } else {
                section.say.push(Checked::plain(said(words)));
            }
        }
    }

    fn list(&mut self, items: &[Item]) {
        for item in items {
            self.draft
                .timing
                .extend(words::timing_sentences(&item.words.plain()));
        }
        match self.part() {
            Some(Part::Prepare) => {
                self.draft
                    .prepare
                    .extend(items.iter().map(|i| text(&i.words)));
                return;
            }
            Some(Part::After) => {
                self.draft
                    .after
                    .extend(items.iter().map(|i| text(&i.words)));
                return;
            }
            Some(Part::Background) => return,
            None => {}
        }
        if self.in_heading_question() {
            if let Some(question) = self.last_question() {
                add_follow_ups(question, items);
            }
            return;
        }
        let asking = items
            .iter()
            .filter(|i| {
                let plain = i.words.plain();
                words::looks_like_question(&plain) || words::is_candidate_turn(&plain)
            })
            .count();
        if asking * 2 < items.len() {
            if self.in_top_matter() {
                self.leave_out_top_matter();
                return;
            }
            let section = self.section();
            section
                .guidance
                .extend(items.iter().map(|i| Checked::plain(text(&i.words))));
            return;
        }
        for item in items
            .iter()
            .filter(|i| !strip_quotes(i.words.clone()).is_empty())
        {
            let plain = item.words.plain();
            if words::is_candidate_turn(&plain) {
                self.candidate_turn(unquoted(&plain));
                continue;
            }
            let asks = words::looks_like_question(&plain);
            let mut question = self.question_from(&strip_quotes(item.words.clone()), asks);
            add_follow_ups_under(&mut question, &item.under);
            self.section().questions.push(question);
        }
    }

    /// A question from its words: a link becomes its words, its target the guidelines link;
    /// `asks`: whether it read as a question where it was found.
    fn question_from(&mut self, words: &Words, asks: bool) -> DraftQuestion {
        let plain = words.plain().trim().to_string();
        let mut checks = Vec::new();
        let links = words.links();
        let url = links.iter().find_map(|l| Link::parse(l).ok());
        for link in &links {
            if Link::parse(link).is_err() {
                checks.push(format!("the link “{link}” is no web link: left out"));
            }
        }
        if links.iter().filter(|l| Link::parse(l).is_ok()).count() > 1 {
            checks.push("several links: the first is the guidelines link".to_string());
        }
        if !asks {
            checks.push("said to the candidate, or an instruction?".to_string());
        }
        if let Some(blank) = blank_check(&plain) {
            checks.push(blank.trim_start_matches("CHECK: ").to_string());
        }
        self.draft.plain_questions.push((
            plain.clone(),
            url.as_ref()
                .map(|u| u.as_str().to_string())
                .unwrap_or_default(),
        ));
        DraftQuestion {
            id: words::slug(&plain),
            text: Checked {
                text: said(&words.clone().without_links()),
                check: (!checks.is_empty()).then(|| format!("CHECK: {}", checks.join("; "))),
            },
            url: url.map(|u| u.as_str().to_string()),
            ..DraftQuestion::default()
        }
    }

    /// The candidate's turn, asked in these words (the first found).
    fn candidate_turn(&mut self, prompt: String) {
        if self.draft.candidate.prompt.is_none() {
            self.draft.candidate.prompt = Some(prompt);
            self.turn_heading = self
                .headings
                .iter()
                .rev()
                .find(|h| h.kind == HeadingKind::Section)
                .map(|h| h.index);
        }
    }

    fn last_question(&mut self) -> Option<&mut DraftQuestion> {
        self.draft.sections.last_mut()?.questions.last_mut()
    }

    /// Sections without questions hand their words to the next; ids made unique; roles
    /// without questions dropped; one guidelines link for all when every question has it.
    fn finish(mut self) -> Draft {
        let mut draft = std::mem::take(&mut self.draft);
        draft.drop_empty_words();
        let mut carried_say: Vec<Checked> = Vec::new();
        let mut carried_guidance: Vec<Checked> = Vec::new();
        let mut sections = Vec::new();
        for mut section in std::mem::take(&mut draft.sections) {
            if section.questions.is_empty() {
                carried_say.append(&mut section.say);
                carried_guidance.append(&mut section.guidance);
                continue;
            }
            section.say.splice(0..0, carried_say.drain(..));
            section.guidance.splice(0..0, carried_guidance.drain(..));
            if let Some(pick) = &mut section.pick
                && pick
                    .text
                    .parse::<usize>()
                    .is_ok_and(|n| n > section.questions.len())
            {
                pick.text = section.questions.len().to_string();
            }
            sections.push(section);
        }
        draft.sections = sections;
        let mut seen: Vec<String> = Vec::new();
        for question in draft.sections.iter_mut().flat_map(|s| &mut s.questions) {
            let base = question.id.clone();
            let mut n = 1;
            while seen.contains(&question.id) {
                n += 1;
                question.id = format!("{base}-{n}");
            }
            seen.push(question.id.clone());
        }
        let asked: Vec<&String> = draft.sections.iter().flat_map(|s| &s.roles).collect();
        draft.roles.retain(|r| asked.contains(&&r.id));
        let urls: Vec<Option<&String>> = draft
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .map(|q| q.url.as_ref())
            .collect();
        if urls.len() > 1 && urls[0].is_some() && urls.iter().all(|u| *u == urls[0]) {
            draft.guidelines_url = urls[0].cloned();
            for question in draft.sections.iter_mut().flat_map(|s| &mut s.questions) {
                question.url = None;
            }
        }
        draft
    }
}

impl Draft {
    /// Words that came out empty (a list item that was only a quote, say) are no words.
    fn drop_empty_words(&mut self) {
        let said = |t: &String| !t.trim().is_empty();
        let checked = |c: &Checked| !c.text.trim().is_empty();
        self.prepare.retain(said);
        self.after.retain(said);
        self.closing.retain(said);
        if let Some(intro) = &mut self.intro {
            intro.statement.retain(checked);
        }
        if self.intro.as_ref().is_some_and(|i| i.statement.is_empty()) {
            self.intro = None;
        }
        self.candidate.instruction = self.candidate.instruction.take().filter(said);
        self.candidate.prompt = self.candidate.prompt.take().filter(said);
        for section in &mut self.sections {
            section.say.retain(checked);
            section.guidance.retain(checked);
            for question in &mut section.questions {
                question.guidance.retain(said);
                question.strong.retain(said);
                question.weak.retain(said);
            }
        }
    }
}

/// The paragraphs of a quote; a list in it gives one paragraph an item.
fn quoted_paragraphs(blocks: &[Block]) -> Vec<Words> {
    let mut paragraphs = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(words) | Block::Heading { words, .. } => {
                paragraphs.push(words.clone());
            }
            Block::Quote(inner) => paragraphs.extend(quoted_paragraphs(inner)),
            Block::List(items) => {
                for item in items {
                    let mut words = item.words.clone();
                    words.runs.insert(
                        0,
                        super::document::WordRun {
                            text: "- ".into(),
                            emphasis: false,
                            strong: false,
                            link: None,
                        },
                    );
                    paragraphs.push(words);
                }
            }
        }
    }
    paragraphs
}

/// Follow-ups and signs from the lists under a question's item; its paragraphs: italic
/// ones follow-ups, the rest guidance.
fn add_follow_ups_under(question: &mut DraftQuestion, under: &[Block]) {
    for block in under {
        match block {
            Block::List(items) => add_follow_ups(question, items),
            Block::Paragraph(words) if words.all_emphasis() => question
                .follow_ups
                .extend(follow_up(&words.clone().without_emphasis(), &[])),
            Block::Paragraph(words) => question.guidance.push(text(words)),
            Block::Quote(_) | Block::Heading { .. } => {}
        }
    }
}

fn add_follow_ups(question: &mut DraftQuestion, items: &[Item]) {
    for item in items {
        match words::signs(&item.words.plain()) {
            Some(signs) if !item.under.is_empty() => {
                let listed: Vec<String> = item
                    .under
                    .iter()
                    .flat_map(|b| match b {
                        Block::List(items) => items.iter().map(|i| text(&i.words)).collect(),
                        _ => Vec::new(),
                    })
                    .collect();
                match signs {
                    Signs::Strong => question.strong.extend(listed),
                    Signs::Weak => question.weak.extend(listed),
                }
            }
            _ => {
                let under: Vec<&Item> = item
                    .under
                    .iter()
                    .flat_map(|b| match b {
                        Block::List(items) => items.iter().collect(),
                        _ => Vec::new(),
                    })
                    .collect();
                question.follow_ups.extend(follow_up(&item.words, &under));
            }
        }
    }
}

/// A follow-up: quote marks off, a condition label taken out, those under it nested; none
/// when no words are left.
fn follow_up(words: &Words, under: &[&Item]) -> Option<DraftFollowUp> {
    let words = strip_quotes(words.clone());
    let plain = words.plain();
    let (when, words) = match words::condition(&plain) {
        Some((label, taken)) => (Some(escaped(&label)), words.skip_chars(taken)),
        None => (None, words),
    };
    let words = strip_quotes(words);
    if words.is_empty() {
        return None;
    }
    Some(DraftFollowUp {
        when,
        text: said(&words.without_links()),
        follow_ups: under
            .iter()
            .filter_map(|item| {
                let below: Vec<&Item> = item
                    .under
                    .iter()
                    .flat_map(|b| match b {
                        Block::List(items) => items.iter().collect(),
                        _ => Vec::new(),
                    })
                    .collect();
                follow_up(&item.words, &below)
            })
            .collect(),
    })
}

/// Quote marks around the whole words taken off.
fn strip_quotes(words: Words) -> Words {
    match words::quoted(&words.plain()) {
        Some((open, close)) => words.skip_chars(open).drop_last_chars(close).trimmed(),
        None => words.trimmed(),
    }
}

fn unquoted(text: &str) -> String {
    let words = Words {
        runs: vec![super::document::WordRun {
            text: text.to_string(),
            emphasis: false,
            strong: false,
            link: None,
        }],
    };
    escaped(&strip_quotes(words).plain())
}

/// Words for the guide's text: emphasis kept, links kept where they pass the rule (their
/// words alone otherwise), every other mark escaped, braces too. Where the marks would not
/// read back as they were (emphasis next to words a link left), the words alone.
fn text(words: &Words) -> String {
    let written = marked(words);
    let plain = words.plain();
    if RichText::parse(&written).plain(&Unfilled) == plain.trim() {
        written
    } else {
        escaped(plain.trim())
    }
}

fn marked(words: &Words) -> String {
    let links: Vec<Option<Link>> = words
        .runs
        .iter()
        .map(|r| r.link.as_deref().and_then(|l| Link::parse(l).ok()))
        .collect();
    let runs = words.runs.iter().zip(&links).map(|(run, link)| Run {
        text: &run.text,
        emphasis: run.emphasis,
        strong: run.strong,
        link: link.as_ref().map(Link::as_str),
    });
    one_paragraph(runs_markdown(runs, true).trim())
}

/// Said words: as [`text`], italics throughout taken off (the seed sets what is said in
/// italics).
fn said(words: &Words) -> String {
    if words.all_emphasis() {
        text(&words.clone().without_emphasis())
    } else {
        text(words)
    }
}

/// Plain text for the guide's text: every mark escaped.
fn escaped(plain: &str) -> String {
    one_paragraph(&runs_markdown(
        [Run {
            text: plain,
            emphasis: false,
            strong: false,
            link: None,
        }],
        true,
    ))
}

fn blank_check(plain: &str) -> Option<String> {
    let blanks = words::blanks(plain);
    (!blanks.is_empty()).then(|| {
        format!(
            "CHECK: blanks to fill ({}): a placeholder such as {{interviewer}}, or one declared under `placeholders`",
            blanks.join(", ")
        )
    })
}
