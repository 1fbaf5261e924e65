import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, formatNumber, useLocale } from '../kit';
import type { DemoOptions, DemoTemplate } from '../../app/workspaceActions';

const TEMPLATES: DemoTemplate[] = ['mother_baby', 'beauty', 'food'];
export const DEMO_SIZES = [10_000, 100_000, 1_000_000] as const;

/** Choose a brand template and a size; the generation itself runs in a worker with progress. */
export function NewDemoDialog({ open, onCreate, onClose }: { open: boolean; onCreate: (o: DemoOptions) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [template, setTemplate] = useState<DemoTemplate>('mother_baby');
  const [members, setMembers] = useState<number>(DEMO_SIZES[0]);
  return (
    <Dialog
      open={open}
      title={t('settings.demo.title')}
      onClose={onClose}
      testId="new-demo-dialog"
      actions={
        <>
          <Button onClick={onClose}>{t('kit.cancel')}</Button>
          <Button
            variant="primary"
            data-testid="new-demo-create"
            onClick={() => onCreate({ template, members, seed: Math.floor(Math.random() * 2 ** 31) })}
          >
            {t('settings.demo.create')}
          </Button>
        </>
      }
    >
      <p className="k-muted">{t('settings.demo.body')}</p>
      <fieldset className="choice">
        <legend>{t('settings.demo.template')}</legend>
        {TEMPLATES.map((tp) => (
          <label key={tp} className="choice-item">
            <input type="radio" name="demo-template" value={tp} checked={template === tp} onChange={() => setTemplate(tp)} data-testid={`demo-template-${tp}`} />
            {t(`shell.templates.${tp}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>{t('settings.demo.size')}</legend>
        {DEMO_SIZES.map((n) => (
          <label key={n} className="choice-item">
            <input type="radio" name="demo-size" value={n} checked={members === n} onChange={() => setMembers(n)} data-testid={`demo-size-${n}`} />
            {formatNumber(n, locale)}
          </label>
        ))}
      </fieldset>
      <p className="k-muted small">{t('settings.demo.sizeHint')}</p>
    </Dialog>
  );
}
