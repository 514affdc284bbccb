-- name: quotes_about_count
-- description: How many quotes `quotes --about` would list without a limit (same filters; quote_about_date, or quote_about_outlet_date with --outlet).
-- params: :name, :doc?, :kind?, :outlet?, :since?, :until?
SELECT (SELECT count(DISTINCT qa.quote_id)
          FROM quote_about qa
         WHERE :outlet IS NULL
           AND qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           {{about_quote_filters}})
     + (SELECT count(DISTINCT qa.quote_id)
          FROM quote_about qa
         WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           AND qa.outlet = lower(:outlet)
           {{about_quote_filters}}) AS total;
