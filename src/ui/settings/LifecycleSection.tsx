import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { formatDate, formatNumber, useLocale } from '../kit';

/**
 * The active workspace's lifecycle in brief (preset, thresholds) and where its data came from.
 * The stages are edited on Audiences › Lifecycle, beside their counts and flows.
 */
export function LifecycleSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace: ws } = useActiveWorkspace();
  if (!ws) {
    return (
      <section className="k-card section" data-testid="settings-lifecycle">
        <h2>{t('settings.lifecycle.title')}</h2>
        <p className="k-muted">{t('settings.lifecycle.none')}</p>
      </section>
    );
  }
  const source =
    ws.source.kind === 'demo'
      ? t('settings.lifecycle.sourceDemo', {
          template: t(`shell.templates.${ws.source.template}`),
          members: formatNumber(ws.source.members, locale),
          seed: ws.source.seed,
        })
      : ws.source.kind === 'import'
        ? t('settings.lifecycle.sourceImport', { file: ws.source.fileName })
        : t('settings.lifecycle.sourceEmpty');
  // With hand-written rules the thresholds are inside the rules, not settings of their own.
  const custom = ws.lifecycle.preset === 'custom';
  const rows: [string, string, string][] = [
    [t('settings.lifecycle.preset'), t(`lifecycle.presets.${ws.lifecycle.preset}`), 'lifecycle-preset-name'],
    ...(custom
      ? []
      : ([
          [t('settings.lifecycle.active'), t('settings.lifecycle.days', { count: ws.lifecycle.activeDays }), 'settings-lifecycle-active-days'],
          [t('settings.lifecycle.churn'), t('settings.lifecycle.days', { count: ws.lifecycle.churnDays }), 'settings-lifecycle-churn-days'],
        ] as [string, string, string][])),
    [t('settings.lifecycle.asOf'), formatDate(ws.asOf, locale), 'workspace-as-of'],
    [t('settings.lifecycle.currency'), ws.currency, 'workspace-currency'],
    [t('settings.lifecycle.source'), source, 'workspace-source'],
  ];
  return (
    <section className="k-card section" data-testid="settings-lifecycle">
      <h2>{t('settings.lifecycle.title')}</h2>
      <p className="k-muted">{t('settings.lifecycle.body')}</p>
      <dl className="kv">
        {rows.map(([k, v, id]) => (
          <div key={id} className="kv-row">
            <dt>{k}</dt>
            <dd data-testid={id}>{v}</dd>
          </div>
        ))}
      </dl>
      <Link className="k-btn k-btn-secondary" to="/audiences/lifecycle" data-testid="settings-lifecycle-edit">
        {t('settings.lifecycle.edit')}
      </Link>
    </section>
  );
}
