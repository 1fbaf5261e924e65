import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_LABELS } from '../../../core/journey/fields';
import type { Lang } from '../../../core/journey/text';
import type { ValidationIssue } from '../../../core/journey/validate';
import { CHANNELS, type Channel } from '../../../core/model/common';
import type { Journey, JourneySettings } from '../../../core/model/journey';
import type { RuleEditorContext } from '../../rules/RuleEditor';
import { Check, DateInput, Issues, NumberInput, Section, TimeInput } from './inputs';
import { RuleSetting } from './RuleSetting';
import {
  RULES, addChannelCap, capOf, removeChannelCap, setCap, setGoalRule, setQuietHours, setReEntry, setSendWindow, settingsIssues, toggleWeekday,
  wrapsMidnight, type CapOwner,
} from './settingsModel';
import './settings.css';

export interface SettingsPatch {
  name?: string;
  description?: string;
  owner?: string;
  settings?: JourneySettings;
}

const PLACES = ['maxEntries', 'reEntry', 'caps.global', ...CHANNELS.map((c) => `caps.${c}`), 'caps', 'quietHours', 'sendWindow', 'goal', 'exitRule', 'controlPercent', 'startDate', 'endDate'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Everything about a journey that is not on the canvas: name, description, owner and the
 * journey-wide rules (domain §6) every path obeys. Each edit hands onChange a complete settings
 * object the schema accepts; the editor turns it into one undoable command. Issues whose field
 * starts with 'settings.' show beside their inputs. Made for a 320 px side panel.
 */
export function SettingsPanel({
  journey,
  readOnly,
  onChange,
  issues,
  ruleContext = {},
}: {
  journey: Journey;
  readOnly: boolean;
  onChange: (patch: SettingsPatch) => void;
  issues?: ValidationIssue[];
  /** Audience and tag names the goal and exit rules are checked against. */
  ruleContext?: RuleEditorContext;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.resolvedLanguage?.startsWith('zh') ? 'zh' : 'en';
  const uid = useId();
  const id = (k: string) => `${uid}-${k}`;
  const s = journey.settings;
  const at = settingsIssues(issues, PLACES);
  const set = (next: JourneySettings) => onChange({ settings: next });
  const d = readOnly;
  const k = (key: string) => t(`journeySettings.${key}`);

  const capRow = (owner: CapOwner, title: string) => {
    const cap = capOf(s, owner) ?? { perDay: null, perWeek: null };
    return (
      <div className="jset-cap" key={owner} data-testid={`jset-cap-${owner}`}>
        <span className="jset-cap-name">{title}</span>
        {(['perDay', 'perWeek'] as const).map((key) => (
          <NumberInput
            key={key}
            id={id(`cap-${owner}-${key}`)}
            testId={`jset-cap-${owner}-${key}`}
            label={`${title} · ${k(`caps.${key}`)}`}
            disabled={d}
            width={56}
            placeholder="—"
            value={cap[key]}
            rule={RULES.cap}
            onValue={(v) => set(setCap(s, owner, key, v))}
          />
        ))}
        {owner !== 'global' && !d ? (
          <button type="button" className="jset-x" data-testid={`jset-cap-remove-${owner}`} aria-label={t('journeySettings.caps.remove', { channel: title })} onClick={() => set(removeChannelCap(s, owner))}>
            ×
          </button>
        ) : (
          <span className="jset-x-space" />
        )}
        <div className="jset-cap-issues">
          <Issues issues={at.get(`caps.${owner}`)} lang={lang} />
        </div>
      </div>
    );
  };
  const capped = CHANNELS.filter((c) => s.caps.perChannel[c]);
  const uncapped = CHANNELS.filter((c) => !s.caps.perChannel[c]);

  return (
    <div className="jset" data-testid="journey-settings">
      {readOnly ? <p className="jset-ro k-muted small">{k('readOnly')}</p> : null}
      <Issues issues={at.get('')} lang={lang} />

      <Section title={k('about.title')} testId="jset-about">
        <NameInput id={id('name')} value={journey.name} disabled={d} label={k('about.name')} required={k('about.nameRequired')} onName={(name) => onChange({ name })} />
        <label className="jset-label" htmlFor={id('desc')}>{k('about.description')}</label>
        <textarea id={id('desc')} className="k-input jset-textarea" data-testid="jset-description" maxLength={5000} rows={3} disabled={d} value={journey.description} onChange={(e) => onChange({ description: e.target.value })} />
        <label className="jset-label" htmlFor={id('owner')}>{k('about.owner')}</label>
        <input id={id('owner')} className="k-input jset-wide" data-testid="jset-owner" maxLength={200} disabled={d} value={journey.owner} onChange={(e) => onChange({ owner: e.target.value })} />
      </Section>

      <Section title={k('entry.title')} testId="jset-entry">
        <div className="jset-row">
          <label htmlFor={id('max')}>{k('entry.maxEntries')}</label>
          <NumberInput id={id('max')} testId="jset-max-entries" disabled={d} placeholder={k('entry.noLimit')} value={s.maxEntries} rule={RULES.maxEntries} onValue={(v) => set({ ...s, maxEntries: v })} />
        </div>
        <p className="jset-help">{k('entry.blankNoLimit')}</p>
        <Issues issues={at.get('maxEntries')} lang={lang} />
        <div className="jset-row">
          <label htmlFor={id('reentry')}>{k('entry.reEntry')}</label>
          <select id={id('reentry')} className="k-input jset-select" data-testid="jset-reentry" disabled={d} value={s.reEntry.mode} onChange={(e) => set(setReEntry(s, e.target.value as JourneySettings['reEntry']['mode']))}>
            <option value="never">{k('entry.never')}</option>
            <option value="after">{k('entry.after')}</option>
            <option value="always">{k('entry.always')}</option>
          </select>
        </div>
        {s.reEntry.mode === 'after' ? (
          <div className="jset-row">
            <label htmlFor={id('after')}>{k('entry.afterDays')}</label>
            <span className="jset-inline">
              <NumberInput id={id('after')} testId="jset-reentry-days" disabled={d} value={s.reEntry.afterDays} rule={RULES.afterDays} onValue={(v) => set({ ...s, reEntry: { ...s.reEntry, afterDays: v! } })} />
              {k('entry.days')}
            </span>
          </div>
        ) : null}
        <Issues issues={at.get('reEntry')} lang={lang} />
      </Section>

      <Section title={k('caps.title')} testId="jset-caps">
        <p className="jset-help">{k('caps.help')}</p>
        <div className="jset-cap jset-cap-head" aria-hidden="true">
          <span className="jset-cap-name" />
          <span>{k('caps.perDay')}</span>
          <span>{k('caps.perWeek')}</span>
          <span className="jset-x-space" />
        </div>
        {capRow('global', k('caps.global'))}
        {capped.map((c) => capRow(c, CHANNEL_LABELS[c][lang]))}
        {!d && uncapped.length ? (
          <select className="k-input jset-select jset-wide" data-testid="jset-cap-add" aria-label={k('caps.add')} value="" onChange={(e) => e.target.value && set(addChannelCap(s, e.target.value as Channel))}>
            <option value="">+ {k('caps.add')}</option>
            {uncapped.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c][lang]}
              </option>
            ))}
          </select>
        ) : null}
        <Issues issues={at.get('caps')} lang={lang} />
      </Section>

      <Section title={k('quiet.title')} testId="jset-quiet">
        <Check id={id('quiet')} testId="jset-quiet-on" disabled={d} checked={s.quietHours.enabled} onChecked={(enabled) => set(setQuietHours(s, { enabled }))}>
          {k('quiet.on')}
        </Check>
        <div className="jset-row jset-times">
          <label htmlFor={id('qs')}>{k('quiet.from')}</label>
          <TimeInput id={id('qs')} testId="jset-quiet-start" disabled={d || !s.quietHours.enabled} value={s.quietHours.start} onValue={(start) => set(setQuietHours(s, { start }))} />
          <label htmlFor={id('qe')}>{k('quiet.to')}</label>
          <TimeInput id={id('qe')} testId="jset-quiet-end" disabled={d || !s.quietHours.enabled} value={s.quietHours.end} onValue={(end) => set(setQuietHours(s, { end }))} />
        </div>
        {s.quietHours.enabled && wrapsMidnight(s.quietHours.start, s.quietHours.end) ? (
          <p className="jset-help" data-testid="jset-quiet-wraps">{t('journeySettings.quiet.wraps', { from: s.quietHours.start, to: s.quietHours.end })}</p>
        ) : null}
        <p className="jset-help">{k('quiet.help')}</p>
        <Issues issues={at.get('quietHours')} lang={lang} />
      </Section>

      <Section title={k('window.title')} testId="jset-window">
        <Check id={id('win')} testId="jset-window-on" disabled={d} checked={s.sendWindow.enabled} onChecked={(enabled) => set(setSendWindow(s, { enabled }))}>
          {k('window.on')}
        </Check>
        <div className="jset-days" role="group" aria-label={k('window.days')}>
          {WEEKDAYS.map((day) => (
            <button
              key={day}
              type="button"
              className={`jset-day${s.sendWindow.days.includes(day) ? ' on' : ''}`}
              data-testid={`jset-window-day-${day}`}
              aria-pressed={s.sendWindow.days.includes(day)}
              aria-label={k(`window.dayLong.d${day}`)}
              disabled={d || !s.sendWindow.enabled}
              onClick={() => set(toggleWeekday(s, day))}
            >
              {k(`window.day.d${day}`)}
            </button>
          ))}
        </div>
        <div className="jset-row jset-times">
          <label htmlFor={id('wf')}>{k('window.from')}</label>
          <TimeInput id={id('wf')} testId="jset-window-from" disabled={d || !s.sendWindow.enabled} value={s.sendWindow.from} onValue={(from) => set(setSendWindow(s, { from }))} />
          <label htmlFor={id('wt')}>{k('window.to')}</label>
          <TimeInput id={id('wt')} testId="jset-window-to" disabled={d || !s.sendWindow.enabled} value={s.sendWindow.to} onValue={(to) => set(setSendWindow(s, { to }))} />
        </div>
        <Issues issues={at.get('sendWindow')} lang={lang} />
      </Section>

      <Section title={k('goal.title')} testId="jset-goal">
        <p className="jset-help">{k('goal.help')}</p>
        <RuleSetting kind="goal" value={s.goal.rule} readOnly={d} context={ruleContext} onValue={(rule) => set(setGoalRule(s, rule))} />
        {s.goal.rule ? (
          <div className="jset-row">
            <label htmlFor={id('gw')}>{k('goal.windowDays')}</label>
            <span className="jset-inline">
              <NumberInput id={id('gw')} testId="jset-goal-days" disabled={d} value={s.goal.windowDays} rule={RULES.goalWindow} onValue={(v) => set({ ...s, goal: { ...s.goal, windowDays: v! } })} />
              {k('goal.days')}
            </span>
          </div>
        ) : null}
        <Issues issues={at.get('goal')} lang={lang} />
      </Section>

      <Section title={k('exit.title')} testId="jset-exit">
        <p className="jset-help">{k('exit.help')}</p>
        <RuleSetting kind="exit" value={s.exitRule} readOnly={d} context={ruleContext} onValue={(exitRule) => set({ ...s, exitRule })} />
        <Issues issues={at.get('exitRule')} lang={lang} />
      </Section>

      <Section title={k('control.title')} testId="jset-control">
        <div className="jset-row">
          <label htmlFor={id('ctl')}>{k('control.label')}</label>
          <span className="jset-inline">
            <NumberInput id={id('ctl')} testId="jset-control-percent" disabled={d} value={s.controlPercent} rule={RULES.controlPercent} onValue={(v) => set({ ...s, controlPercent: v! })} />%
          </span>
        </div>
        <p className="jset-help">{k('control.help')}</p>
        <Issues issues={at.get('controlPercent')} lang={lang} />
      </Section>

      <Section title={k('dates.title')} testId="jset-dates">
        <div className="jset-row">
          <label htmlFor={id('start')}>{k('dates.start')}</label>
          <DateInput id={id('start')} testId="jset-start" disabled={d} value={s.startDate} onValue={(startDate) => set({ ...s, startDate })} />
        </div>
        <Issues issues={at.get('startDate')} lang={lang} />
        <div className="jset-row">
          <label htmlFor={id('end')}>{k('dates.end')}</label>
          <DateInput id={id('end')} testId="jset-end" disabled={d} value={s.endDate} onValue={(endDate) => set({ ...s, endDate })} />
        </div>
        <Issues issues={at.get('endDate')} lang={lang} />
        <p className="jset-help">{k('dates.help')}</p>
      </Section>
    </div>
  );
}

/** The name may be cleared while typing, but a journey without a name is never emitted. */
function NameInput({ id, value, disabled, label, required, onName }: { id: string; value: string; disabled: boolean; label: string; required: string; onName: (name: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const empty = shown.trim() === '';
  return (
    <>
      <label className="jset-label" htmlFor={id}>{label}</label>
      <input
        id={id}
        className="k-input jset-wide"
        data-testid="jset-name"
        maxLength={200}
        disabled={disabled}
        aria-invalid={empty || undefined}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim() !== '' && e.target.value !== value) onName(e.target.value);
        }}
        onBlur={() => setDraft(null)}
      />
      {empty ? <p className="jset-issue jset-error">{required}</p> : null}
    </>
  );
}
