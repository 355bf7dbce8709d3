// The trend scan settings in the agenda editor: tick trends and developments from the
// organisation's catalogue (a copy is stored), allow new developments, and the number of themes.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  THEME_COUNT_MAX,
  THEME_COUNT_MIN,
  TREND_ITEMS_MAX,
  type TrendItem,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import { builtinCatalogue } from '../../../common/trends.builtin.ts';
import { trendCatalogue } from '../../../common/trends.ts';
import { useApiData } from '../../api/useApiData.ts';
import { SelectField } from '../../components/Fields.tsx';
import { LoadProblem } from '../../components/LoadState.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ConfigFormProps } from '../registry.types.ts';
import { catalogueItems, selectItems, type CatalogueTrend } from './trendscanModel.ts';

/** The trend scan's settings form; renders nothing for another kind's config. */
export function TrendscanConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'trendscan') return null;
  return <TrendscanSettings {...props} value={value} />;
}

/** The first error under `items` (the list itself or one of its entries), if any. */
function itemsErrorOf(errors: Record<string, string>): string | null {
  return (
    errors.items ?? Object.entries(errors).find(([path]) => path.startsWith('items.'))?.[1] ?? null
  );
}

function TrendscanSettings({
  lab,
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: TrendscanConfig }) {
  const { t } = useTranslation('trendscan');
  const { t: tc } = useTranslation();
  const catalogue = useApiData(`/orgs/${lab.orgSlug}/trends`, trendCatalogue);

  // Archived trends and developments are not offered; when the catalogue cannot be loaded, the
  // built-in six trends are, so a facilitator can still prepare the lab.
  const source: readonly CatalogueTrend[] | null = catalogue.data
    ? catalogue.data.trends
        .filter((trend) => !trend.archived)
        .map((trend) => ({
          ...trend,
          developments: trend.developments.filter((development) => !development.archived),
        }))
    : catalogue.error
      ? builtinCatalogue
      : null;
  const available = source ? catalogueItems(source) : [];
  const selected = new Set(value.items.map((item) => item.key));
  const offered = new Set(available.map((item) => item.key));
  const kept = value.items.filter((item) => !offered.has(item.key));
  const itemsError =
    itemsErrorOf(errors) ??
    (value.items.length > TREND_ITEMS_MAX
      ? t('config.errors.tooMany', { max: formatNumber(TREND_ITEMS_MAX) })
      : null);

  function setItems(next: ReadonlySet<string>) {
    onChange({ ...value, items: selectItems(value.items, available, next) });
  }

  function toggle(key: string, isOn: boolean) {
    const next = new Set(selected);
    if (isOn) next.add(key);
    else next.delete(key);
    setItems(next);
  }

  const checkbox = (item: TrendItem, label: string) => (
    <FormFieldCheckbox
      key={item.key}
      name={`config.items.${item.key}`}
      label={label}
      description={item.description || undefined}
      checked={selected.has(item.key)}
      onChange={(event: ChangeEvent<HTMLInputElement>) => toggle(item.key, event.target.checked)}
    />
  );

  return (
    <div className="stadshart-stack">
      <div id="field-config.items" tabIndex={-1}>
        <Heading4>{t('config.catalogue')}</Heading4>
        <FormFieldDescription>{t('config.catalogueHint')}</FormFieldDescription>
        {itemsError && <FormFieldErrorMessage>{itemsError}</FormFieldErrorMessage>}
        {catalogue.error !== null && (
          <>
            <LoadProblem error={catalogue.error} />
            <Paragraph>{t('config.builtin')}</Paragraph>
          </>
        )}
        {source === null ? (
          <Paragraph role="status">{tc('loading')}</Paragraph>
        ) : (
          <>
            <Paragraph role="status">
              {t('config.selected', {
                count: value.items.length,
                formatted: formatNumber(value.items.length),
                max: formatNumber(TREND_ITEMS_MAX),
              })}
            </Paragraph>
            <ButtonGroup>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() =>
                  setItems(new Set(available.filter((i) => i.kind === 'trend').map((i) => i.key)))
                }
              >
                {t('config.trendsOnly')}
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => setItems(new Set())}
              >
                {t('config.none')}
              </Button>
            </ButtonGroup>
            {source.length === 0 && <Paragraph>{t('config.empty')}</Paragraph>}
            {source.map((trend) => {
              const items = available.filter((item) => item.trendKey === trend.key);
              return (
                <Fieldset key={trend.key}>
                  <FieldsetLegend>{trend.title}</FieldsetLegend>
                  {items.map((item) =>
                    checkbox(item, item.kind === 'trend' ? t('config.wholeTrend') : item.title),
                  )}
                </Fieldset>
              );
            })}
            {kept.length > 0 && (
              <Fieldset>
                <FieldsetLegend>{t('config.kept')}</FieldsetLegend>
                <FormFieldDescription>{t('config.keptHint')}</FormFieldDescription>
                {kept.map((item) => checkbox(item, item.title))}
              </Fieldset>
            )}
          </>
        )}
      </div>

      <FormFieldCheckbox
        name="config.allowNewDevelopments"
        label={t('config.allowNew')}
        checked={value.allowNewDevelopments}
        onChange={(event: ChangeEvent<HTMLInputElement>) =>
          onChange({ ...value, allowNewDevelopments: event.target.checked })
        }
      />

      <SelectField
        name="config.themeCount"
        label={t('config.themeCount')}
        description={t('config.themeCountHint')}
        value={String(value.themeCount)}
        error={errors.themeCount}
        onChange={(next) => onChange({ ...value, themeCount: Number(next) })}
        options={Array.from({ length: THEME_COUNT_MAX - THEME_COUNT_MIN + 1 }, (_, index) => {
          const count = THEME_COUNT_MIN + index;
          return { value: String(count), label: formatNumber(count) };
        })}
      />
    </div>
  );
}
