-- name: quotes_by_speaker_count
-- description: How many quotes `quotes --by` would list without a limit (same filters; index-only on quote_speaker_date, or quote_speaker_outlet_date with --outlet, without --about/--doc).
-- params: :name, :about?, :doc?, :kind?, :outlet?, :since?, :until?
SELECT (SELECT count(*)
          FROM quote q INDEXED BY quote_speaker_date
         WHERE :outlet IS NULL
           AND q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           {{speaker_quote_filters}})
     + (SELECT count(*)
          FROM quote q INDEXED BY quote_speaker_outlet_date
         WHERE q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           AND q.outlet = lower(:outlet)
           {{speaker_quote_filters}}) AS total;
