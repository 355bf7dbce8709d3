// An empty table cell: a dash for the eye, words for screen readers (which may skip or misread a dash).
import { useTranslation } from 'react-i18next';

/** Shows "—" and says `label` (default "not filled in") to assistive technology. */
export function NoValue({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="stadshart-visually-hidden">{label ?? t('noValue')}</span>
    </>
  );
}
