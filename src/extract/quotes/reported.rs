//! Reported speech: a cue with a subject and a clause or object, no marks
//! needed ("X said (that) CLAUSE", "CLAUSE, X said", "according to X,
//! CLAUSE", "X acknowledged these talks", "..., adding that CLAUSE").
//!
//! Decides, for every cue not used by a direct quote, who the subject is (to
//! the left, inverted to the right, an appositive, a participle's sentence
//! subject) and where the content starts and ends (after "that" and a hearer,
//! up to the next attribution or the sentence end). The rule chosen here sets
//! the base confidence. Content never reaches into a direct quote already
//! taken.

use std::ops::Range;

use super::words::{
    lower_eq, ADJUNCT_PREPS, CONTENT_NEVER_OPENS, CONTRAST_SUBJECTS, DETERMINERS, FINITE_AUX, INTRO_WORDS, NP_INNER_PREPS,
    OBJECT_FIRST, PREPOSITIONS, SKIPPABLE_ADVERBS, SUBORDINATORS, TIME_WORDS, WH_WORDS,
};
use super::{Candidate, Cue, Finder, THAT_REACH};
use crate::extract::lexicon::CueFrame;
use crate::extract::rule::{Rule, SPEAKER_CUE_THAT_CONFIDENCE};
use crate::model::{QuoteKind, Span};
use crate::text::{MarkStyle, TokenKind};

/// At most this many tokens from a nested attribution's subject to its cue
/// ("its anonymous source claimed"); further is no longer the subject.
const NESTED_SUBJECT_REACH: usize = 8;

/// At most this many tokens from an adjunct preposition after a cue to the
/// "that" of its content ("says at a campaign stop in Toledo, Ohio, that").
const ADJUNCT_THAT_REACH: usize = 12;

/// At most this many words make an introductory phrase without an
/// introductory word ("Longer term, according to X, ..."); a longer stretch is
/// the reported clause itself ("Nine people died, according to police").
const INTRO_PHRASE_WORDS: usize = 3;

/// At most this many tokens from a reported clause's start to its auxiliary
/// ("both production and export of oil had"); further is an object's relative clause.
const FINITE_CLAUSE_REACH: usize = 9;

/// Whether `span` overlaps any of the sorted, mostly disjoint `spans`.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    // Spans may nest; look a little further for one that starts before `span` ends.
    // Invariant: `partition_point` returns at most `spans.len()`.
    spans[i..].iter().take_while(|s| s.start < span.end).any(|s| s.overlaps(span))
}

impl Finder<'_, '_> {
    /// End of reported content starting at token `from` in sentence `s`:
    /// the sentence end, or where a new attribution starts (", adding ...").
    pub(super) fn clause_end(&self, from: usize, s: usize) -> usize {
        let r = self.sentence_tokens(s);
        let mut k = from;
        while k < r.end {
            let w = self.tok(k);
            // A semicolon closes the clause.
            if w == ";" {
                return k;
            }
            if w == "," {
                // "..., but the NYPD overruled that request, the source added."
                let final_attribution = (k + 1..(k + 8).min(r.end)).any(|j| {
                    self.cue_at(j).is_some_and(|ci| {
                        let e = self.cues[ci].tokens.end;
                        e >= r.end || (e + 1 == r.end && matches!(self.tok(e), "." | "!" | "?"))
                    })
                });
                if final_attribution && k > from {
                    return k;
                }
                // "..., and more than 4 in 10 said ...": a new subject with its own cue.
                let mut j = k + 1;
                if j < r.end && lower_eq(self.tok(j), &["and", "but", "while", "whereas"]) {
                    j += 1;
                }
                let new_attribution = (j + 1..(j + 9).min(r.end)).any(|c| {
                    self.cue_at(c).is_some_and(|ci| {
                        let cue = &self.cues[ci];
                        !cue.according_to && self.left_np(cue.aux_start, j).is_some_and(|(np, _)| np.start == j)
                    })
                });
                if new_attribution && k > from {
                    return k;
                }
                if let Some(ci) = self.cue_at(k + 1) {
                    let c = &self.cues[ci];
                    if c.according_to || self.tok(c.tokens.start).ends_with("ing") {
                        return k;
                    }
                }
                if k + 2 < r.end && self.tok(k + 1) == "and" && self.cue_at(k + 2).is_some() {
                    return k;
                }
                // "... would reopen in May, but the council has not set a date": a
                // contrast with a new subject is the narrator's (PolNeAR train: the
                // content ends there 85 times, runs on 32).
                if k > from
                    && k + 2 < r.end
                    && self.tok(k + 1) == "but"
                    && (self.is_cap(k + 2) || CONTRAST_SUBJECTS.has(self.tok(k + 2)))
                {
                    return k;
                }
            }
            // "confirmed direct talks with the administration and are willing to ...":
            // after a verbless object, "and" + auxiliary starts the subject's next predicate.
            if k > from && w == "and" && k + 1 < r.end && FINITE_AUX.has(self.tok(k + 1)) {
                let verbless = (from..k).all(|j| !FINITE_AUX.has(self.tok(j)));
                if verbless {
                    return k;
                }
            }
            // "... but noted that ...", "... and said ...": a second attribution of the same subject.
            if k > from && (w == "and" || w == "but") && self.cue_at(k + 1).is_some_and(|ci| !self.cues[ci].according_to) {
                return k;
            }
            k += 1;
        }
        // Trim trailing sentence punctuation.
        let mut e = r.end;
        while e > from && matches!(self.tok(e - 1), "." | "!" | "?" | ";" | ":" | ",") {
            e -= 1;
        }
        e
    }

    /// End of a noun-phrase object ("these talks" in "acknowledged these talks in an interview").
    pub(super) fn object_end(&self, from: usize, end: usize, lemma: &str) -> usize {
        // The complement that completes some cues: "described X as Y",
        // "accused X of Y", "blamed X on Y".
        let complement: &[&str] = match lemma {
            "describe" | "cite" | "call" | "dismiss" | "reject" | "praise" | "criticize" | "criticise" | "condemn" | "tout" => {
                &["as"]
            }
            "accuse" => &["of"],
            "blame" => &["on", "for"],
            _ => &[],
        };
        let mut k = from;
        while k < end {
            let w = self.tok(k);
            if matches!(w, "," | ";" | ":" | "(" | "\u{2014}") {
                break;
            }
            // An adjunct starts the rest of the sentence: "these talks in a recent interview",
            // but "bases in the alliance's member states" is still the object.
            let next = self.a.tokens.get(k + 1).map_or("", |t| t.span.slice(self.a.text));
            let adjunct = if lower_eq(w, &["in", "on", "at", "as"]) {
                lower_eq(next, &["a", "an", "his", "her", "their", "its", "this", "recent", "response"]) || TIME_WORDS.has(next)
            } else {
                ADJUNCT_PREPS.has(w)
            };
            if k > from && adjunct && !self.is_cap(k) && !complement.contains(&w) {
                break;
            }
            if w == "and"
                && k + 1 < end
                && lower_eq(
                    self.tok(k + 1),
                    &["is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "added"],
                )
            {
                break;
            }
            k += 1;
        }
        k
    }

    /// Content start after a cue: skips an indirect object, time adverbials
    /// and the complementiser "that".
    pub(super) fn content_start(&self, cue: &Cue, np_after: Option<usize>, end: usize) -> (usize, bool) {
        let mut k = np_after.unwrap_or(cue.tokens.end);
        // "that" within a few tokens, with nothing but words between.
        for d in 0..THAT_REACH {
            let t = k + d;
            if t >= end || !self.is_word(t) {
                break;
            }
            if self.tok(t) == "that" {
                return (t + 1, true);
            }
            // "asked whether ...": the question is the content, "whether" included.
            if d == 0 && WH_WORDS.has(self.tok(t)) && !self.is_cap(t) {
                return (t, true);
            }
        }
        if OBJECT_FIRST.has(cue.lemma) {
            // Skip the hearer: "told reporters", "told the BBC", "told him".
            if k < end && DETERMINERS.has(self.tok(k)) {
                k += 1;
                // "the congregation", "the conservative": a lower-case hearer.
                while k < end
                    && self.is_word(k)
                    && !self.is_cap(k)
                    && !WH_WORDS.has(self.tok(k))
                    && !lower_eq(self.tok(k), &["that", "to"])
                    && k < cue.tokens.end + 4
                {
                    k += 1;
                }
            }
            while k < end
                && self.is_word(k)
                && (self.is_cap(k)
                    || k == cue.tokens.end
                    || lower_eq(self.tok(k), &["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers"]))
            {
                k += 1;
                if !self.is_cap(k.min(end - 1)) {
                    break;
                }
            }
        }
        while k < end && TIME_WORDS.has(self.tok(k)) {
            k += 1;
        }
        if k < end && self.tok(k) == "," {
            k += 1;
        }
        if k < end && self.tok(k) == "that" {
            return (k + 1, true);
        }
        // "asked the conservative who he thought would win", "asked the congregation to stand".
        if cue.lemma == "ask" && k < end && (WH_WORDS.has(self.tok(k)) || self.tok(k) == "to") {
            return (k, true);
        }
        (k, false)
    }

    pub(super) fn push_reported(
        &mut self,
        content: Range<usize>,
        speaker: Option<Span>,
        cue: &Cue,
        rule: Rule,
        confidence: f32,
        trail: Vec<String>,
    ) {
        if content.start >= content.end {
            return;
        }
        let mut r = content;
        while r.start < r.end && matches!(self.tok(r.start), "," | ":" | "\u{2014}" | "\u{2013}") {
            r.start += 1;
        }
        while r.end > r.start && matches!(self.tok(r.end - 1), "," | ":" | ";" | "." | "\u{2014}" | "\u{2013}") {
            r.end -= 1;
        }
        if r.start >= r.end {
            return;
        }
        // A closing parenthesis without its opening one belongs to the sentence.
        if self.tok(r.end - 1) == ")" && !r.clone().any(|k| self.tok(k) == "(") {
            r.end -= 1;
        }
        // Only the parenthesis was left (found by fuzz/ soup): no content.
        if r.start >= r.end {
            return;
        }
        let mut content = self.span(r.clone());
        // Never end inside a quoted passage: "want “justice for Terrence,” but ..."
        if let Some(q) = self.a.quoted_near(content).iter().find(|q| {
            !q.nested && q.content.start() < content.end() && content.end() < q.outer().end() && content.start() <= q.open.start()
        }) {
            content = Span::new(content.start(), q.outer().end());
        }
        // Needs at least one word that is not just a pronoun object.
        let words = r.clone().filter(|&k| self.is_word(k)).count();
        if words == 0 || (words == 1 && lower_eq(self.tok(r.start), &["it", "this", "that", "so", "them", "him", "her"])) {
            return;
        }
        let has_marks =
            self.a.quoted_near(content).iter().any(|q| !q.nested && q.style == MarkStyle::Double && content.overlaps(q.content));
        let kind = if has_marks { QuoteKind::Mixed } else { QuoteKind::Indirect };
        self.out.push(Candidate {
            kind,
            content,
            fragments: Vec::new(),
            speaker,
            carried_from: None,
            cue: Some(self.cue_span(cue)),
            confidence,
            rule,
            trail,
        });
    }

    pub(super) fn reported_speech(&mut self) {
        let cues = self.cues.clone();
        // Reported content must not reach into a direct quote already taken.
        let mut taken: Vec<Span> = self.out.iter().filter(|c| c.kind != QuoteKind::Indirect).map(|c| c.content).collect();
        taken.sort();
        // The speaker of the latest attribution in the current sentence, for participles.
        let mut last_in_sentence: Option<(usize, Span)> = None;
        // The speaker of each quote found so far, by its cue (sorted for look-ups).
        let mut by_cue: Vec<(Span, Span)> = self.out.iter().filter_map(|c| Some((c.cue?, c.speaker?))).collect();
        by_cue.sort_by_key(|&(cue, _)| cue);
        for cue in &cues {
            if self.used[cue.tokens.start] {
                // The speaker of the quote this cue attributed (not the last quote found:
                // direct quotes of later paragraphs were found before this pass).
                let span = self.cue_span(cue);
                let at = by_cue.partition_point(|&(c, _)| c < span);
                if let Some(&(_, sp)) = by_cue.get(at).filter(|&&(c, _)| c == span) {
                    last_in_sentence = Some((cue.sentence, sp));
                }
                continue;
            }
            let sr = self.sentence_tokens(cue.sentence);
            let cue_text = self.cue_span(cue).slice(self.a.text);
            // The trail is written only for a candidate that is pushed: most cues make none,
            // and formatting is a large share of this pass.
            let cue_line = || format!("cue {cue_text:?} ({:?})", cue.frame);
            if cue.according_to {
                let Some((np, mention)) =
                    self.right_np(cue.tokens.end, sr.end).or_else(|| self.source_np(cue.tokens.end, sr.end))
                else {
                    continue;
                };
                let before_start = sr.start;
                let at_start = cue.tokens.start == sr.start || (cue.tokens.start == sr.start + 1 && !self.is_word(sr.start));
                let content = if at_start || self.intro_before_according(sr.start, cue.tokens.start, np.end, sr.end) {
                    // According to X, CLAUSE.
                    let mut k = np.end;
                    while k < sr.end && self.tok(k) != "," {
                        k += 1;
                    }
                    (k + 1).min(sr.end)..self.clause_end((k + 1).min(sr.end), cue.sentence)
                } else {
                    // CLAUSE, according to X.
                    before_start..cue.tokens.start
                };
                let cspan = if content.start < content.end { self.span(content.clone()) } else { continue };
                if overlaps_any(&taken, cspan) {
                    continue;
                }
                let rule = Rule::ReportedAccordingTo;
                let trail = vec![cue_line(), format!("source after 'according to': {:?}", mention.slice(self.a.text))];
                self.push_reported(content, Some(mention), cue, rule, rule.base_confidence(), trail);
                last_in_sentence = Some((cue.sentence, mention));
                continue;
            }
            let verb = self.tok(cue.tokens.start);
            // "..., saying", "by saying, “…”", "before eventually saying ...", "despite claiming":
            // the subject is the sentence's.
            let participle = verb.ends_with("ing") && cue.tokens.start > sr.start && {
                let mut p = cue.aux_start;
                while p > sr.start && SKIPPABLE_ADVERBS.has(self.tok(p - 1)) {
                    p -= 1;
                }
                p > sr.start
                    && (self.tok(p - 1) == ","
                        || lower_eq(self.tok(p - 1), &["by", "before", "after", "while", "when", "without", "in", "despite"]))
            };
            // Subject to the left.
            let left = self.left_np(cue.aux_start, sr.start);
            // "when he wrote his book, X said ...": a cue inside a subordinate clause.
            let subordinate =
                left.as_ref().is_some_and(|(np, _)| np.start > sr.start && SUBORDINATORS.contains(self.tok(np.start - 1)));
            // Inverted: ", said X." — the speaker ends the sentence or its clause.
            // "X, meanwhile, told Politico ...": a cue with a hearer is never inverted.
            // "..., responded to her letter on Twitter": a cue closed by a preposition has its object after it.
            let prep_cue = cue.tokens.len() > 1 && {
                let last = self.tok(cue.tokens.end - 1);
                PREPOSITIONS.has(last) || NP_INNER_PREPS.has(last)
            };
            let inverted_np = (cue.aux_start > sr.start
                && self.tok(cue.aux_start - 1) == ","
                && !participle
                && !prep_cue
                && !OBJECT_FIRST.has(cue.lemma))
            .then(|| self.right_np(cue.tokens.end, sr.end))
            .flatten()
            .filter(|(np, _)| {
                np.end >= sr.end
                    || matches!(self.tok(np.end), "," | "." | ";" | "!" | "?")
                    || lower_eq(self.tok(np.end), &["in", "at", "with", "on", "from", "during", "who", "after", "before"])
            });
            let inverted = inverted_np.is_some();
            let (speaker_span, np_after, rule_base): (Span, Option<usize>, Rule) = if participle {
                let sp = last_in_sentence
                    .filter(|(s, _)| *s == cue.sentence)
                    .map(|(_, m)| m)
                    .or_else(|| self.sentence_subject(cue.sentence, cue.aux_start));
                match sp {
                    Some(m) => (m, None, Rule::ReportedParticiple),
                    None => continue,
                }
            } else if let Some((np, m)) = inverted_np {
                (m, Some(np.end), Rule::ReportedClauseCommaCueSpeaker)
            } else if let Some((_, m)) = left.clone() {
                (m, None, Rule::ReportedSpeakerCue)
            } else if let Some(m) = self.appositive_subject(cue.aux_start, sr.start) {
                (m, None, Rule::ReportedSpeakerAppositiveCue)
            } else if let Some(m) = self.relative_clause_subject(cue.aux_start, sr.start) {
                (m, None, Rule::ReportedSpeakerRelativeCue)
            } else if let Some(m) = (cue.aux_start > sr.start && matches!(self.tok(cue.aux_start - 1), "and" | "but"))
                .then(|| self.sentence_subject(cue.sentence, cue.aux_start))
                .flatten()
            {
                (m, None, Rule::ReportedSubjectAndCue)
            } else if let Some(m) = (cue.aux_start > sr.start && self.tok(cue.aux_start - 1) == "to")
                .then(|| self.sentence_subject(cue.sentence, cue.aux_start))
                .flatten()
            {
                // "He went on to say that ...": the subject of the sentence.
                (m, None, Rule::ReportedSubjectToCue)
            } else {
                continue;
            };
            // Content to the right of the cue.
            let (start, mut has_that) = self.content_start(cue, np_after, sr.end);
            let right_end = self.clause_end(start, cue.sentence);
            let mut rule = rule_base;
            // "when he wrote his book, X said ...": a subordinate clause ends at its comma.
            // "As the Global Times noted in an op-ed, the candidate ...": the main clause is reported.
            let as_clause =
                left.as_ref().is_some_and(|(np, _)| np.start > sr.start && self.tok(np.start - 1).eq_ignore_ascii_case("as"));
            let (start, right_end) = if as_clause && !has_that {
                match (start..right_end).find(|&k| self.tok(k) == ",") {
                    Some(comma) => (comma + 1, self.clause_end(comma + 1, cue.sentence)),
                    None => (start, right_end),
                }
            } else if subordinate && !has_that {
                (start, (start..right_end).find(|&k| self.tok(k) == ",").unwrap_or(right_end))
            } else {
                (start, right_end)
            };
            let mut content = start..right_end;
            let right_len = (start..right_end).filter(|&k| self.is_word(k)).count();
            // "agreed to stay" is a clause; "agreed to a future meeting" is not (a noun phrase follows "to").
            let to_clause = start < sr.end
                && self.tok(start) == "to"
                && self.a.tokens.get(start + 1).is_some_and(|t| {
                    let next = t.span.slice(self.a.text);
                    t.kind != TokenKind::Number && !DETERMINERS.has(next)
                });
            let clause_like = start < sr.end && (WH_WORDS.has(self.tok(start)) || to_clause);
            if !has_that && cue.frame == CueFrame::Object && !inverted && !clause_like {
                content = start..self.object_end(start, right_end, cue.lemma);
                rule = Rule::ReportedCueObject;
            }
            // A parenthetical attribution: "The museum, Mr. Obama said, would ..." /
            // "It would take weeks, he said, and ...".
            let np_start = if inverted { cue.aux_start } else { left.as_ref().map_or(cue.aux_start, |(np, _)| np.start) };
            let after_attr = np_after.unwrap_or(cue.tokens.end);
            let named_here = inverted
                || (rule_base == Rule::ReportedSpeakerCue && left.as_ref().is_some_and(|(np, _)| self.tok(np.start) != "who"));
            let parenthetical = named_here
                && np_start > sr.start
                && self.tok(np_start - 1) == ","
                && after_attr < sr.end
                && self.tok(after_attr) == ","
                && !has_that;
            let mut second_fragment = None;
            if parenthetical {
                let left_part = sr.start..np_start - 1;
                let left_words = left_part.clone().filter(|&k| self.is_word(k)).count();
                if left_words > 0 {
                    content = left_part;
                    rule = Rule::ReportedParentheticalAttribution;
                    if left_words <= 4 {
                        let right = after_attr + 1..self.clause_end(after_attr + 1, cue.sentence);
                        if right.start < right.end {
                            second_fragment = Some(right);
                        }
                    }
                }
            } else if right_len == 0
                || inverted
                || (named_here
                    && !has_that
                    && start < sr.end
                    && INTRO_WORDS.has(self.tok(start))
                    && self.main_clause_before(sr.start, np_start))
            {
                // CLAUSE, X said. / CLAUSE, said X. / CLAUSE, X said Friday, as ...
                if np_start > sr.start && matches!(self.tok(np_start - 1), "," | ":" | "\u{2014}") {
                    content = sr.start..np_start - 1;
                    rule = if inverted { Rule::ReportedClauseCommaCueSpeaker } else { Rule::ReportedClauseCommaSpeakerCue };
                } else if right_len == 0 {
                    continue;
                }
            }
            // "called Friday's decision a “huge win”": a weak cue reports speech when the content quotes it.
            let quotes_inside = content.start < content.end && {
                let c = self.span(content.clone());
                self.a.quoted_near(c).iter().any(|q| !q.nested && q.style == MarkStyle::Double && c.contains(q.outer()))
            };
            // "Znak.com further reported its source said ...": nested reporting, a weak cue
            // whose content is itself an attribution (a subject and its cue) reports speech.
            let nested = content.start < content.end
                && (content.start + 1..(content.start + NESTED_SUBJECT_REACH).min(content.end)).any(|k| {
                    self.cue_at(k).is_some_and(|ci| {
                        let c = &self.cues[ci];
                        !c.according_to
                            && c.frame != CueFrame::Weak
                            && self.left_np(c.aux_start, content.start).is_some_and(|(np, _)| np.start == content.start)
                    })
                });
            // "CNBC reported there were at least 118,381 cases", "Police reported the attacker
            // left the hall": a weak cue with a finite clause (a subject, then an auxiliary or a
            // past form after a noun, before any relative word or comma) reports speech.
            let finite_clause = cue.lemma == "report"
                && content.start < content.end
                && self.is_word(content.start)
                && !FINITE_AUX.has(self.tok(content.start))
                && (content.start + 1..(content.start + FINITE_CLAUSE_REACH).min(content.end))
                    .take_while(|&k| !lower_eq(self.tok(k), &["that", "which", "who", "whom", "whose", "to", ","]))
                    .any(|k| FINITE_AUX.has(self.tok(k)) || self.past_after_noun(k));
            if cue.frame == CueFrame::Weak && !has_that && !quotes_inside && !nested && !finite_clause && !rule.is_clause_first()
            {
                continue;
            }
            if content.start >= content.end {
                continue;
            }
            // "proposed in the 1930s", "shouted at the minister", "agreed to a meeting": a content
            // read to the right of its cue never opens with an adjunct preposition. The content
            // is then what follows the adjunct: the clause after a "that" ("says at a campaign
            // stop in Toledo, Ohio, that ..."), after a comma ("said in response to the study,
            // “…”") or a quotation ("said in the announcement “…”"); without one there is none.
            if !has_that && content.start >= cue.tokens.end && self.opens_with_adjunct(content.start, start, to_clause) {
                let within = content.start + 1..(content.start + ADJUNCT_THAT_REACH).min(sr.end);
                let reach = within
                    .clone()
                    .find(|&k| self.tok(k) == "that")
                    .or_else(|| within.clone().find(|&k| matches!(self.tok(k), "," | "\u{201c}" | "\"")));
                match reach {
                    Some(k) if k + 1 < sr.end => {
                        let from = if self.tok(k) == "that" || self.tok(k) == "," { k + 1 } else { k };
                        has_that |= self.tok(k) == "that";
                        content = from..self.clause_end(from, cue.sentence);
                        if content.start >= content.end {
                            continue;
                        }
                    }
                    _ => continue,
                }
            }
            let cspan = self.span(content.clone());
            if overlaps_any(&taken, cspan) {
                continue;
            }
            let confidence = match rule {
                Rule::ReportedSpeakerCue if has_that => SPEAKER_CUE_THAT_CONFIDENCE,
                _ => rule.base_confidence(),
            };
            let trail = vec![
                cue_line(),
                format!("speaker {:?} ({rule_base})", speaker_span.slice(self.a.text)),
                format!("content {:?}{}", rule.name(), if has_that { " after 'that'" } else { "" }),
            ];
            let before = self.out.len();
            self.push_reported(content, Some(speaker_span), cue, rule, confidence, trail);
            let pushed = self.out.len() > before;
            if let (Some(right), Some(last), true) = (second_fragment, self.out.last_mut(), pushed) {
                let first = last.content;
                let second = Span::new(self.a.tokens[right.start].span.start(), self.a.tokens[right.end - 1].span.end());
                last.fragments = vec![first, second];
                last.content = first.cover(second);
            }
            last_in_sentence = Some((cue.sentence, speaker_span));
        }
    }

    /// Whether token `k` is a lower-case past form right after a lower-case
    /// noun-like word ("the attacker left" no, "the attacker exited" yes; not
    /// "a damaged ship", "of reported cases", "were injured").
    fn past_after_noun(&self, k: usize) -> bool {
        let w = self.tok(k);
        let prev = self.tok(k - 1);
        w.len() > 4
            && w.ends_with("ed")
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && self.is_word(k - 1)
            && !DETERMINERS.has(prev)
            && !PREPOSITIONS.has(prev)
            && !NP_INNER_PREPS.has(prev)
            && !FINITE_AUX.has(prev)
            && !lower_eq(prev, &["be", "been", "being", "not", "and", "or", "who", "which"])
            && !prev.ends_with("ly")
    }

    /// Whether the content at `at` opens with an adjunct preposition ("in the
    /// 1930s", "at the chairman", "to a meeting") rather than a clause or
    /// object ("at least 116 people died", "to “comply with the rules”").
    fn opens_with_adjunct(&self, at: usize, start: usize, to_clause: bool) -> bool {
        let opener = self.tok(at);
        let next = self.a.tokens.get(at + 1).map_or("", |t| t.span.slice(self.a.text));
        if opener.eq_ignore_ascii_case("at") && lower_eq(next, &["least", "most"]) {
            return false;
        }
        CONTENT_NEVER_OPENS.has(opener) || (opener == "to" && !(at == start && to_clause))
    }

    /// "Longer term, according to X, CLAUSE" / "Since their discovery,
    /// according to X, CLAUSE": the words before the cue are an introductory
    /// phrase (an introductory word first, or a few words with no sign of a
    /// verb) and a clause follows the source's comma, so that clause is reported.
    fn intro_before_according(&self, start: usize, cue: usize, np_end: usize, end: usize) -> bool {
        if cue < start + 2 || self.tok(cue - 1) != "," {
            return false;
        }
        let before = start..cue - 1;
        let words = before.clone().filter(|&k| self.is_word(k)).count();
        let verb_like = |k: usize| {
            let w = self.tok(k);
            FINITE_AUX.has(w) || (w.len() > 3 && w.ends_with("ed") && !self.is_cap(k))
        };
        let intro = INTRO_WORDS.has(self.tok(start)) || (words <= INTRO_PHRASE_WORDS && !before.clone().any(verb_like));
        let comma = (np_end..end).find(|&k| self.tok(k) == ",");
        let clause_follows = comma.is_some_and(|c| {
            c + 1 < end && self.is_word(c + 1) && !lower_eq(self.tok(c + 1), &["and", "but", "or", "which", "who", "while"])
        });
        intro && clause_follows
    }

    /// Whether the words before ", X said" form the reported clause rather
    /// than an introduction ("In a statement on Tuesday, X said ...").
    pub(super) fn main_clause_before(&self, start: usize, np_start: usize) -> bool {
        if np_start <= start + 1 || self.tok(np_start - 1) != "," {
            return false;
        }
        let words = (start..np_start - 1).filter(|&k| self.is_word(k)).count();
        let first = self.tok(start);
        let intro = INTRO_WORDS.has(first) || (first.ends_with("ing") && !self.is_cap(start + 1));
        words >= 4 && !intro && !(start..np_start - 1).any(|k| self.used[k])
    }
}
