import type { LeadSource } from '@ontrack/schemas/crm-constants';
import { moneyInputText, parseMoneyInput } from './money-input';

// A lead's editable fields as a form holds them (text), and as the API takes them. Shared by "New lead" and
// the lead page; pure, so the rules are tested without a browser.

export interface LeadDraft {
  requestedService: string;
  source: LeadSource;
  /** The estimated value as typed, in the lead's currency. */
  value: string;
  /** YYYY-MM-DD or ''. */
  nextFollowUpOn: string;
  /** A member's user id or ''. */
  assigneeUserId: string;
  notes: string;
}

export interface LeadFieldValues {
  requestedService: string;
  source: LeadSource;
  estimatedValue: { amountMinor: number; currency: string } | null;
  nextFollowUpOn: string | null;
  assigneeUserId: string | null;
  notes: string | null;
}

export type DraftProblem = 'required' | 'money-format' | 'money-precision' | 'date';
export type DraftProblems = Partial<Record<keyof LeadDraft, DraftProblem>>;

export const emptyLeadDraft = (source: LeadSource = 'phone'): LeadDraft => ({
  requestedService: '',
  source,
  value: '',
  nextFollowUpOn: '',
  assigneeUserId: '',
  notes: '',
});

export function draftFromLead(lead: Pick<LeadFieldValues, keyof LeadFieldValues>, locale: string): LeadDraft {
  return {
    requestedService: lead.requestedService,
    source: lead.source,
    value: lead.estimatedValue
      ? moneyInputText(lead.estimatedValue.amountMinor, lead.estimatedValue.currency, locale)
      : '',
    nextFollowUpOn: lead.nextFollowUpOn ?? '',
    assigneeUserId: lead.assigneeUserId ?? '',
    notes: lead.notes ?? '',
  };
}

/**
 * The draft as the API's fields, or what is wrong with it. `currency` is the lead's (a new lead: the
 * business's); `dateInvalid` is set when the date field holds text that is not a date (its value is then '').
 */
export function readLeadDraft(
  draft: LeadDraft,
  { currency, locale, dateInvalid = false }: { currency: string; locale: string; dateInvalid?: boolean },
): { ok: true; fields: LeadFieldValues } | { ok: false; problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.requestedService.trim()) problems.requestedService = 'required';
  const money = parseMoneyInput(draft.value, currency, locale);
  if (!money.ok) problems.value = money.problem === 'precision' ? 'money-precision' : 'money-format';
  if (dateInvalid) problems.nextFollowUpOn = 'date';
  if (Object.keys(problems).length > 0 || !money.ok) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      requestedService: draft.requestedService.trim(),
      source: draft.source,
      estimatedValue: money.minor === null ? null : { amountMinor: money.minor, currency },
      nextFollowUpOn: draft.nextFollowUpOn || null,
      assigneeUserId: draft.assigneeUserId || null,
      notes: draft.notes.trim() ? draft.notes : null,
    },
  };
}

/** Only what changed, for a PATCH (an unchanged field is not sent, so it cannot overwrite someone's edit). */
export function changedLeadFields(saved: LeadFieldValues, next: LeadFieldValues): Partial<LeadFieldValues> {
  const patch: Partial<LeadFieldValues> = {};
  if (next.requestedService !== saved.requestedService) patch.requestedService = next.requestedService;
  if (next.source !== saved.source) patch.source = next.source;
  const before = saved.estimatedValue;
  const after = next.estimatedValue;
  if (before?.amountMinor !== after?.amountMinor || before?.currency !== after?.currency) {
    patch.estimatedValue = after;
  }
  if (next.nextFollowUpOn !== saved.nextFollowUpOn) patch.nextFollowUpOn = next.nextFollowUpOn;
  if (next.assigneeUserId !== saved.assigneeUserId) patch.assigneeUserId = next.assigneeUserId;
  if ((next.notes ?? '') !== (saved.notes ?? '')) patch.notes = next.notes;
  return patch;
}

/** The API's field names (`estimatedValue.amountMinor`) mapped to the form's (`value`). */
export function draftFieldOf(apiField: string): keyof LeadDraft | 'contactId' | 'stageId' | undefined {
  const root = apiField.split('.')[0];
  switch (root) {
    case 'estimatedValue':
      return 'value';
    case 'requestedService':
    case 'source':
    case 'nextFollowUpOn':
    case 'assigneeUserId':
    case 'notes':
    case 'contactId':
    case 'stageId':
      return root;
    default:
      return undefined;
  }
}
