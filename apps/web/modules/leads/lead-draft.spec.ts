import { describe, expect, it } from 'vitest';
import {
  changedLeadFields,
  draftFieldOf,
  draftFromLead,
  emptyLeadDraft,
  type LeadFieldValues,
  readLeadDraft,
} from './lead-draft';

const saved: LeadFieldValues = {
  requestedService: 'Weekly mowing',
  source: 'phone',
  estimatedValue: { amountMinor: 125050, currency: 'USD' },
  nextFollowUpOn: '2026-03-20',
  assigneeUserId: null,
  notes: null,
};

describe('readLeadDraft', () => {
  it('turns the typed fields into the API’s, money in exact minor units of the lead’s currency', () => {
    const draft = { ...emptyLeadDraft(), requestedService: '  Patio  ', value: '1.250,50', notes: '  ' };
    expect(readLeadDraft(draft, { currency: 'EUR', locale: 'es' })).toEqual({
      ok: true,
      fields: {
        requestedService: 'Patio',
        source: 'phone',
        estimatedValue: { amountMinor: 125050, currency: 'EUR' },
        nextFollowUpOn: null,
        assigneeUserId: null,
        notes: null,
      },
    });
  });

  it('names every field that is wrong', () => {
    const draft = { ...emptyLeadDraft(), value: '12.345' };
    expect(readLeadDraft(draft, { currency: 'USD', locale: 'en', dateInvalid: true })).toEqual({
      ok: false,
      problems: { requestedService: 'required', value: 'money-precision', nextFollowUpOn: 'date' },
    });
    expect(
      readLeadDraft({ ...draft, requestedService: 'x', value: 'lots' }, { currency: 'USD', locale: 'en' }),
    ).toEqual({
      ok: false,
      problems: { value: 'money-format' },
    });
  });

  it('round-trips a lead through its draft unchanged', () => {
    const draft = draftFromLead(saved, 'es');
    expect(draft.value).toBe('1250,50');
    const read = readLeadDraft(draft, { currency: 'USD', locale: 'es' });
    expect(read.ok && changedLeadFields(saved, read.fields)).toEqual({});
  });
});

describe('changedLeadFields', () => {
  it('sends only what changed, and null for what was emptied', () => {
    const next: LeadFieldValues = { ...saved, estimatedValue: null, notes: 'Gate code at the office', source: 'email' };
    expect(changedLeadFields(saved, next)).toEqual({
      estimatedValue: null,
      notes: 'Gate code at the office',
      source: 'email',
    });
  });
});

describe('draftFieldOf', () => {
  it('maps the API’s field paths to the form’s fields', () => {
    expect(draftFieldOf('estimatedValue.amountMinor')).toBe('value');
    expect(draftFieldOf('requestedService')).toBe('requestedService');
    expect(draftFieldOf('contactId')).toBe('contactId');
    expect(draftFieldOf('version')).toBeUndefined();
  });
});
