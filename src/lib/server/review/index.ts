// The weekly quality review's server side: ISO week helpers, the tables of what needs a look
// (reopened contained conversations, reroutes, flagged drafts, escalations) and the page data.
export { isoWeekOf, parseIsoWeek, previousIsoWeek, type IsoWeek } from './isoWeek';
export { HEAVY_EDIT_MAGNITUDE, flaggedDrafts } from './flaggedDrafts';
export { escalations } from './escalations';
export { reopenedContained } from './reopenedContained';
export { reroutes } from './reroutes';
export { REVIEW_TABLES, reviewTable } from './reviewTables';
export { CSV_ROW_CAP, type ReviewColumn, type ReviewRow, type ReviewTable, type ReviewTableResult } from './reviewTable';
export { latestWeek, loadReview, REVIEW_PAGE_ROWS, REVIEW_TREND_WEEKS, type ReviewData, type ReviewTableData } from './loadReview';
export { cachedReview } from './cachedReview';
export { reviewPageData, type ReviewPageData } from './reviewPageData';
