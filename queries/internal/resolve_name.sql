-- name: resolve_name
-- description: Entities a normalised name (canonical name or alias) refers to, best first: shared entities, exact names, most documents.
-- params: :name
SELECT e.id
  FROM alias a
  JOIN entity e ON e.id = a.entity_id
 WHERE a.norm = :name
 GROUP BY e.id
 ORDER BY (e.scope = '') DESC, max(a.source = 'name') DESC,
          (SELECT count(*) FROM appears_in ap WHERE ap.entity_id = e.id) DESC, e.id;
