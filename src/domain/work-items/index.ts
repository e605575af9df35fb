/** Jira work items for pain points and opportunities: references, drafts, the send plan, status. */
export * from './work-item-ref';
export * from './work-item-draft';
export * from './work-status';
export * from './send-plan';
