-- name: stats_quote_kinds
-- description: Quotes by kind.
-- params: 
SELECT kind, count(*) AS n FROM quote GROUP BY kind ORDER BY kind;
