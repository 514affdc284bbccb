//! The rules that produce quotes: one variant per way a quote is found, with
//! the name the output carries (`rule` in the JSON, the store and the
//! explanation trail) and the base confidence of its attribution.
//!
//! Decides how much each way of finding a quote is trusted, in one place:
//! marks plus a cue and a named speaker next to them are the surest (0.93);
//! speech without marks less so (0.65 to 0.8); a reporting noun or a layout
//! alone the least (0.5 to 0.6); a quoted passage nobody claims 0.4. The
//! figures order the rules by how often their attributions were right when
//! they were set; they are not calibrated probabilities.

use std::fmt;

/// How a quote candidate was found. `name()` is part of the output contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// "…," said X.
    DirectQuoteCueSpeaker,
    /// "…," X said.
    DirectQuoteSpeakerCue,
    /// According to X, "…".
    DirectAccordingToQuote,
    /// X said: "…".
    DirectSpeakerCueQuote,
    /// "A," he said, "B."
    DirectSplitAroundCue,
    /// And the polling "felt like a push poll," Heiserman said.
    MixedClauseQuoteSpeakerCue,
    /// The senator made the following statement: "…".
    DirectColonIntro,
    /// A quoted passage continuing the previous speaker's quote.
    DirectContinuation,
    /// A quoted statement of six or more words without an attribution.
    DirectUnattributed,
    /// According to X, CLAUSE. / CLAUSE, according to X.
    ReportedAccordingTo,
    /// ..., saying CLAUSE: the sentence's subject speaks.
    ReportedParticiple,
    /// CLAUSE, said X.
    ReportedClauseCommaCueSpeaker,
    /// CLAUSE, X said.
    ReportedClauseCommaSpeakerCue,
    /// X said (that) CLAUSE.
    ReportedSpeakerCue,
    /// X, a division of Y, said CLAUSE.
    ReportedSpeakerAppositiveCue,
    /// Officials who spoke with Z said CLAUSE.
    ReportedSpeakerRelativeCue,
    /// X ... and said CLAUSE.
    ReportedSubjectAndCue,
    /// X went on to say CLAUSE.
    ReportedSubjectToCue,
    /// X acknowledged these talks.
    ReportedCueObject,
    /// The museum, Mr. Obama said, would ...
    ReportedParentheticalAttribution,
    /// In a statement, CLAUSE.
    ReportedInSource,
    /// X's claim that CLAUSE.
    ReportedNounThat,
    /// Sanders: CLAUSE (a short name and a colon open the paragraph).
    ReportedNameColon,
    /// X declined to comment / X vowed to appeal (an intention verb and a "to"-infinitive).
    ReportedIntentInfinitive,
    /// X asked whether CLAUSE / When asked if CLAUSE (an indirect question).
    ReportedQuestion,
    /// CLAUSE with "is expected to" (a passive expectation, no source).
    ReportedExpectation,
}

/// A direct quote whose speaker is only a pronoun ("…," he said): the
/// pronoun still has to be resolved, so it is trusted a little less.
pub const PRONOUN_SPEAKER_CONFIDENCE: f32 = 0.85;
/// "X said that CLAUSE": the complementiser marks the content's start for sure.
pub const SPEAKER_CUE_THAT_CONFIDENCE: f32 = 0.8;

impl Rule {
    /// Every rule, in the order of the enum.
    pub const ALL: [Rule; 26] = [
        Rule::DirectQuoteCueSpeaker,
        Rule::DirectQuoteSpeakerCue,
        Rule::DirectAccordingToQuote,
        Rule::DirectSpeakerCueQuote,
        Rule::DirectSplitAroundCue,
        Rule::MixedClauseQuoteSpeakerCue,
        Rule::DirectColonIntro,
        Rule::DirectContinuation,
        Rule::DirectUnattributed,
        Rule::ReportedAccordingTo,
        Rule::ReportedParticiple,
        Rule::ReportedClauseCommaCueSpeaker,
        Rule::ReportedClauseCommaSpeakerCue,
        Rule::ReportedSpeakerCue,
        Rule::ReportedSpeakerAppositiveCue,
        Rule::ReportedSpeakerRelativeCue,
        Rule::ReportedSubjectAndCue,
        Rule::ReportedSubjectToCue,
        Rule::ReportedCueObject,
        Rule::ReportedParentheticalAttribution,
        Rule::ReportedInSource,
        Rule::ReportedNounThat,
        Rule::ReportedNameColon,
        Rule::ReportedIntentInfinitive,
        Rule::ReportedQuestion,
        Rule::ReportedExpectation,
    ];

    /// The rule's name in the output: `kind:pattern`.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::DirectQuoteCueSpeaker => "direct:quote-cue-speaker",
            Rule::DirectQuoteSpeakerCue => "direct:quote-speaker-cue",
            Rule::DirectAccordingToQuote => "direct:according-to-quote",
            Rule::DirectSpeakerCueQuote => "direct:speaker-cue-quote",
            Rule::DirectSplitAroundCue => "direct:split-around-cue",
            Rule::MixedClauseQuoteSpeakerCue => "mixed:clause-quote-speaker-cue",
            Rule::DirectColonIntro => "direct:colon-intro",
            Rule::DirectContinuation => "direct:continuation",
            Rule::DirectUnattributed => "direct:unattributed",
            Rule::ReportedAccordingTo => "reported:according-to",
            Rule::ReportedParticiple => "reported:participle",
            Rule::ReportedClauseCommaCueSpeaker => "reported:clause-comma-cue-speaker",
            Rule::ReportedClauseCommaSpeakerCue => "reported:clause-comma-speaker-cue",
            Rule::ReportedSpeakerCue => "reported:speaker-cue",
            Rule::ReportedSpeakerAppositiveCue => "reported:speaker-appositive-cue",
            Rule::ReportedSpeakerRelativeCue => "reported:speaker-relative-cue",
            Rule::ReportedSubjectAndCue => "reported:subject-and-cue",
            Rule::ReportedSubjectToCue => "reported:subject-to-cue",
            Rule::ReportedCueObject => "reported:cue-object",
            Rule::ReportedParentheticalAttribution => "reported:parenthetical-attribution",
            Rule::ReportedInSource => "reported:in-source",
            Rule::ReportedNounThat => "reported:noun-that",
            Rule::ReportedNameColon => "reported:name-colon",
            Rule::ReportedIntentInfinitive => "reported:intent-infinitive",
            Rule::ReportedQuestion => "reported:question",
            Rule::ReportedExpectation => "reported:expectation",
        }
    }

    /// The confidence of a quote found by this rule, before the adjustments
    /// a rule's finder makes ([`PRONOUN_SPEAKER_CONFIDENCE`],
    /// [`SPEAKER_CUE_THAT_CONFIDENCE`]).
    pub const fn base_confidence(self) -> f32 {
        match self {
            Rule::DirectQuoteCueSpeaker
            | Rule::DirectQuoteSpeakerCue
            | Rule::DirectAccordingToQuote
            | Rule::DirectSpeakerCueQuote
            | Rule::DirectSplitAroundCue
            | Rule::MixedClauseQuoteSpeakerCue => 0.93,
            Rule::ReportedAccordingTo => 0.8,
            Rule::DirectContinuation
            | Rule::ReportedClauseCommaCueSpeaker
            | Rule::ReportedClauseCommaSpeakerCue
            | Rule::ReportedSpeakerAppositiveCue
            | Rule::ReportedSpeakerRelativeCue
            | Rule::ReportedSubjectAndCue
            | Rule::ReportedSubjectToCue
            | Rule::ReportedParentheticalAttribution => 0.75,
            Rule::ReportedSpeakerCue => 0.7,
            Rule::ReportedParticiple | Rule::ReportedCueObject => 0.65,
            // Intent infinitive: lower than the clause finders, the verb is not a speech verb.
            // Question and expectation: a layout without a speech verb, like the intent infinitive.
            Rule::DirectColonIntro
            | Rule::ReportedNameColon
            | Rule::ReportedIntentInfinitive
            | Rule::ReportedQuestion
            | Rule::ReportedExpectation => 0.6,
            Rule::ReportedInSource | Rule::ReportedNounThat => 0.5,
            Rule::DirectUnattributed => 0.4,
        }
    }

    /// Whether the content is the clause before the attribution ("CLAUSE, X said").
    pub const fn is_clause_first(self) -> bool {
        matches!(self, Rule::ReportedClauseCommaCueSpeaker | Rule::ReportedClauseCommaSpeakerCue)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_kind_prefixed() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        for n in &names {
            assert!(["direct:", "mixed:", "reported:"].iter().any(|p| n.starts_with(p)), "{n}");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
    }

    #[test]
    fn confidences_are_probabilities() {
        for r in Rule::ALL {
            assert!((0.0..=1.0).contains(&r.base_confidence()), "{r}");
        }
    }
}
