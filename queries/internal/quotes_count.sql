-- name: quotes_count
-- description: How many quotes `quotes` would list without a limit (same filters; index-only without --doc: quote_date, or quote_outlet_date with --outlet).
-- params: :doc?, :kind?, :outlet?, :since?, :until?
SELECT (SELECT count(*)
          FROM quote q
         WHERE :outlet IS NULL
           {{quote_filters}})
     + (SELECT count(*)
          FROM quote q
         WHERE q.outlet = lower(:outlet)
           {{quote_filters}}) AS total;
