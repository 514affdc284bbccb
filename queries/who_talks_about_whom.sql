-- name: who_talks_about_whom
-- description: Pairs of speaker and the entity their quotes name, with how many quotes.
-- params:
SELECT speaker, about, about_type, quotes FROM who_talks_about_whom ORDER BY quotes DESC, speaker, about;
