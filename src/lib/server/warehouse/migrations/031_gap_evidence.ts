// Gap coverage explained: why each verdict (nearest article and its similarity, similar
// questions the AI answered citing it), and KB articles' translation groups.
export default {
	version: 31,
	name: 'gap_evidence',
	sql: `
ALTER TABLE gaps ADD COLUMN coverage_reason VARCHAR;       -- one line: why missing / weak / covered
ALTER TABLE gaps ADD COLUMN answered_citing BIGINT;        -- similar questions answered citing the nearest article
ALTER TABLE gaps ADD COLUMN translation_group VARCHAR;     -- the nearest article's translation group, if any
ALTER TABLE kb_articles ADD COLUMN translation_group VARCHAR; -- articles that translate one another share it
`
};
