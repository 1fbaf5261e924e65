import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_LABELS } from '../../core/journey/fields';
import { newId } from '../../core/journey/ids';
import { pick, type Lang } from '../../core/journey/text';
import { instantiateTemplate, placeholderDefault, TEMPLATES, type JourneyTemplate, type Placeholder } from '../../core/journey/templates';
import { CHANNELS, type Audience, type Journey } from '../../core/model';
import { listAudiences } from '../../storage/audiences';
import type { WorkspaceDB } from '../../storage/db';
import { createJourney } from '../../storage/journeys';
import { nowLocal } from '../../storage/tags';
import { Button, Dialog, ErrorBox, useLang } from '../kit';

type Template = JourneyTemplate;

/** Each placeholder's default, wording in the UI language where the template has it in both. */
const initialValues = (tpl: Template, lang: Lang): Record<string, string> =>
  Object.fromEntries(tpl.placeholders.map((p) => [p.key, placeholderDefault(p, lang)]));

/** Pick a template, fill in its placeholders (an audience picker for audiences), create the journey. */
export function TemplateDialog({ db, onClose, onCreated }: { db: WorkspaceDB; onClose: () => void; onCreated: (j: Journey) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [chosen, setChosen] = useState<Template | null>(TEMPLATES.length === 1 ? TEMPLATES[0] : null);
  const [values, setValues] = useState<Record<string, string>>(() => (chosen ? initialValues(chosen, lang) : {}));
  const [audiences, setAudiences] = useState<Audience[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listAudiences(db).then(setAudiences, setError);
  }, [db]);

  const choose = (tpl: Template | null) => {
    setChosen(tpl);
    setValues(tpl ? initialValues(tpl, lang) : {});
    setError(null);
  };

  const create = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const init = instantiateTemplate(chosen, values, { newId, now: nowLocal(), lang });
      onCreated(await createJourney(db, init));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={chosen ? pick(chosen.title, lang) : t('journeys.template.title')}
      onClose={busy ? undefined : onClose}
      testId="journey-template-dialog"
      actions={
        <>
          {chosen && TEMPLATES.length > 1 ? (
            <Button variant="ghost" disabled={busy} onClick={() => choose(null)} data-testid="template-back">
              ‹ {t('journeys.template.back')}
            </Button>
          ) : null}
          <Button disabled={busy} onClick={onClose} data-testid="template-cancel">
            {t('journeys.template.cancel')}
          </Button>
          {chosen ? (
            <Button variant="primary" disabled={busy} onClick={() => void create()} data-testid="template-create">
              {t('journeys.template.create')}
            </Button>
          ) : null}
        </>
      }
    >
      {!chosen ? (
        TEMPLATES.length === 0 ? (
          <p className="k-muted">{t('journeys.template.none')}</p>
        ) : (
          <>
            <p className="k-muted">{t('journeys.template.choose')}</p>
            <ul className="jr-templates">
              {TEMPLATES.map((tpl) => (
                <li key={tpl.id}>
                  <button type="button" className="jr-template" data-testid="template-option" data-template={tpl.id} onClick={() => choose(tpl)}>
                    <strong>{pick(tpl.title, lang)}</strong>
                    <span className="k-muted small">{pick(tpl.description, lang)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <>
          <p className="k-muted small">{pick(chosen.description, lang)}</p>
          {chosen.placeholders.map((p) => (
            <label key={p.key} className="jr-field">
              <span>{pick(p.label, lang)}</span>
              <PlaceholderInput p={p} value={values[p.key] ?? ''} audiences={audiences} lang={lang} onChange={(v) => setValues({ ...values, [p.key]: v })} />
              {p.help ? <span className="k-muted small">{pick(p.help, lang)}</span> : null}
              {p.kind === 'audience' && audiences?.length === 0 ? <span className="k-muted small">{t('journeys.template.noAudiences')}</span> : null}
            </label>
          ))}
        </>
      )}
      {error ? <ErrorBox error={error} testId="template-error" /> : null}
    </Dialog>
  );
}

/** The input for one placeholder, by its kind. */
function PlaceholderInput({ p, value, audiences, lang, onChange }: { p: Placeholder; value: string; audiences: Audience[] | null; lang: Lang; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const common = { className: 'k-input', value, 'data-testid': `template-field-${p.key}` };
  switch (p.kind) {
    case 'audience':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('journeys.template.pickAudience')}</option>
          {(audiences ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      );
    case 'channel':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {pick(CHANNEL_LABELS[c], lang)}
            </option>
          ))}
        </select>
      );
    case 'content':
      return <textarea {...common} className="k-input jr-textarea" rows={3} onChange={(e) => onChange(e.target.value)} />;
    case 'time':
      return <input {...common} type="time" onChange={(e) => onChange(e.target.value)} />;
    case 'int':
    case 'money':
      return <input {...common} inputMode="decimal" onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input {...common} onChange={(e) => onChange(e.target.value)} />;
  }
}
