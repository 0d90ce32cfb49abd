'use client';

import { LEAD_SOURCES, type LeadSource } from '@ontrack/schemas/crm-constants';
import { DatePicker, dateInputPattern } from '@ontrack/ui/date-picker';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { NativeSelect } from '@ontrack/ui/native-select';
import { Textarea } from '@ontrack/ui/textarea';
import { useLocale, useTranslations } from 'next-intl';
import type { DraftProblem, DraftProblems, LeadDraft } from '../lead-draft';
import type { Member } from '../leads-api';

/** The calendar's own words, in the page's language. */
export function useDatePickerLabels() {
  const t = useTranslations('leads.datePicker');
  return {
    openCalendar: t('openCalendar'),
    calendar: t('calendar'),
    previousMonth: t('previousMonth'),
    nextMonth: t('nextMonth'),
    navigation: t('navigation'),
    today: t('today'),
    selected: t('selected'),
  };
}

/**
 * The fields of a lead shared by "New lead" and the lead page: what is asked for, where it came from, what it
 * may be worth, when to call back, who has it, notes. Problems found here come first; the API's after.
 */
export function LeadFields({
  draft,
  onChange,
  problems,
  serverErrors,
  currency,
  members,
  onDateInvalid,
}: {
  draft: LeadDraft;
  onChange: (patch: Partial<LeadDraft>) => void;
  problems: DraftProblems;
  /** The API's field errors, already mapped to the draft's fields. */
  serverErrors: Partial<Record<keyof LeadDraft, string>>;
  currency: string;
  /** The team, to choose an assignee from; undefined when the viewer may not read it (the field is hidden). */
  members: readonly Member[] | undefined;
  onDateInvalid: (invalid: boolean) => void;
}) {
  const t = useTranslations('leads.fields');
  const ts = useTranslations('leads.sources');
  const locale = useLocale();
  const datePickerLabels = useDatePickerLabels();
  const td = useTranslations('leads.datePicker');
  const datePattern = dateInputPattern(locale, { year: td('year'), month: td('month'), day: td('day') });
  const problemText = (problem: DraftProblem | undefined) => (problem ? t(`problems.${problem}`) : undefined);
  const error = (field: keyof LeadDraft) => problemText(problems[field]) ?? serverErrors[field];
  const active = (members ?? []).filter((member) => member.status === 'active');
  const assigneeKnown = !draft.assigneeUserId || active.some((member) => member.userId === draft.assigneeUserId);

  return (
    <>
      <FormField
        label={t('requestedService')}
        hint={t('requestedServiceHint')}
        error={error('requestedService')}
        required
      >
        <Input
          value={draft.requestedService}
          maxLength={200}
          onChange={(event) => onChange({ requestedService: event.target.value })}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('source')} error={error('source')} required>
          <NativeSelect
            value={draft.source}
            onChange={(event) => onChange({ source: event.target.value as LeadSource })}
          >
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {ts(source)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label={t('value', { currency })} hint={t('valueHint')} error={error('value')}>
          <Input
            value={draft.value}
            inputMode="decimal"
            autoComplete="off"
            onChange={(event) => onChange({ value: event.target.value })}
          />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t('followUp')}
          hint={t('followUpHint', { format: datePattern })}
          error={error('nextFollowUpOn')}
        >
          <DatePicker
            value={draft.nextFollowUpOn}
            locale={locale}
            labels={datePickerLabels}
            placeholder={datePattern}
            onValueChange={(value) => {
              onDateInvalid(false);
              onChange({ nextFollowUpOn: value });
            }}
            onInvalidInput={() => onDateInvalid(true)}
          />
        </FormField>
        {members ? (
          <FormField label={t('assignee')} error={error('assigneeUserId')}>
            <NativeSelect
              value={draft.assigneeUserId}
              onChange={(event) => onChange({ assigneeUserId: event.target.value })}
            >
              <option value="">{t('unassigned')}</option>
              {assigneeKnown ? null : <option value={draft.assigneeUserId}>{t('formerMember')}</option>}
              {active.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name || member.email}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        ) : null}
      </div>
      <FormField label={t('notes')} error={error('notes')}>
        <Textarea
          value={draft.notes}
          rows={3}
          maxLength={10_000}
          onChange={(event) => onChange({ notes: event.target.value })}
        />
      </FormField>
    </>
  );
}
