// The scenario settings in the agenda editor: the two axes, typed or taken from the trend scan in one click.
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AXIS_LABEL_MAX,
  AXIS_POLE_MAX,
  pickScenarioAxes,
  scenariosConfig,
  type ScenarioAxis,
  type ScenariosConfig,
} from '../../../common/activities/scenarios.ts';
import { synthesis as synthesisSchema } from '../../../common/synthesis.ts';
import { api } from '../../api/client.ts';
import { guestHeaders } from '../../collab/guestSecrets.ts';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ConfigFormProps } from '../registry.types.ts';
import { useShownMessages } from '../useShownMessages.ts';
import { lowerFirst } from './scenariosModel.ts';

type AxisField = 'label' | 'low' | 'high';
const axisFields: readonly AxisField[] = ['label', 'low', 'high'];

/** The scenarios activity's settings form; renders nothing for another kind's config. */
export function ScenariosConfigForm(props: ConfigFormProps) {
  const { value } = props;
  if (value.kind !== 'scenarios') return null;
  return <ScenariosSettings {...props} value={value} />;
}

/** Which message explains a zod issue on `path` (inside config), and which field shows it. */
function describeIssue(
  path: (string | number | symbol)[],
  code: string,
): { field: string; key: string } {
  const [root, index, field] = path;
  if (root !== 'axes' || typeof index !== 'number')
    return { field: 'axes', key: 'config.errors.other' };
  if (field === 'key') return { field: `axes.${index}.label`, key: 'config.errors.same' };
  const shown =
    typeof field === 'string' && axisFields.includes(field as AxisField) ? field : 'label';
  if (code === 'too_big') return { field: `axes.${index}.${shown}`, key: 'config.errors.tooLong' };
  return {
    field: `axes.${index}.${shown}`,
    key: shown === 'label' ? 'config.errors.label' : 'config.errors.pole',
  };
}

type PickState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; first: string; second: string }
  | { kind: 'none' }
  | { kind: 'failed' };

function ScenariosSettings({
  lab,
  value,
  onChange,
  errors,
}: Omit<ConfigFormProps, 'value'> & { value: ScenariosConfig }) {
  const { t } = useTranslation('scenarios');
  const [pick, setPick] = useState<PickState>({ kind: 'idle' });
  const pickHintId = useId();

  // Our own wording of each problem the shared schema finds: once a field was left, or in place
  // of the generic message when the agenda editor reports the same field after a submit.
  const checked = scenariosConfig.safeParse(value);
  const ownMessages: Record<string, string> = {};
  for (const issue of checked.success ? [] : checked.error.issues) {
    const { field, key } = describeIssue(issue.path, issue.code);
    const max = field.endsWith('label') ? AXIS_LABEL_MAX : AXIS_POLE_MAX;
    ownMessages[field] ??= t(key, { max: formatNumber(max) });
  }
  const { shown, touch } = useShownMessages(ownMessages, errors, (path) =>
    /^axes\.\d\.key$/.test(path) ? path.replace(/key$/, 'label') : path,
  );

  function changeAxis(index: 0 | 1, patch: Partial<ScenarioAxis>) {
    const axes: ScenariosConfig['axes'] = [value.axes[0], value.axes[1]];
    axes[index] = { ...axes[index], ...patch };
    onChange({ ...value, axes });
  }

  async function takeFromTrendscan() {
    setPick({ kind: 'busy' });
    let axes: ScenariosConfig['axes'] | null;
    try {
      const result = await api('GET', `/labs/${lab.id}/synthesis`, {
        schema: synthesisSchema,
        headers: guestHeaders(lab.id),
      });
      axes = pickScenarioAxes(result, lab.themes, (label) => ({
        low: t('config.poleLow', { label: lowerFirst(label) }),
        high: t('config.poleHigh', { label: lowerFirst(label) }),
      }));
    } catch {
      return setPick({ kind: 'failed' });
    }
    if (!axes) return setPick({ kind: 'none' });
    onChange({ ...value, axes });
    setPick({ kind: 'done', first: axes[0].label, second: axes[1].label });
  }

  const pickMessage =
    pick.kind === 'busy'
      ? t('config.picking')
      : pick.kind === 'done'
        ? t('config.picked', { first: pick.first, second: pick.second })
        : pick.kind === 'none'
          ? t('config.noneFound')
          : pick.kind === 'failed'
            ? t('config.failed')
            : '';

  return (
    <div className="stadshart-stack" id="field-config.axes" tabIndex={-1}>
      {shown.axes && <FormFieldErrorMessage>{shown.axes}</FormFieldErrorMessage>}
      <div className="stadshart-scenarios-pick">
        <Paragraph id={pickHintId}>{t('config.pickHint')}</Paragraph>
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={pick.kind === 'busy'}
            aria-describedby={pickHintId}
            onClick={() => void takeFromTrendscan()}
          >
            {t('config.pick')}
          </Button>
        </ButtonGroup>
        <div role="status">{pickMessage && <Paragraph>{pickMessage}</Paragraph>}</div>
      </div>
      {([0, 1] as const).map((index) => {
        const axis = value.axes[index];
        return (
          <Fieldset key={index} id={`field-config.axes.${index}`}>
            <FieldsetLegend>{t(index === 0 ? 'config.axis1' : 'config.axis2')}</FieldsetLegend>
            {axis.source && (
              <FormFieldDescription>{t('config.fromTrendscan')}</FormFieldDescription>
            )}
            {axisFields.map((field) => {
              const path = `axes.${index}.${field}`;
              return (
                <div key={field} onBlur={() => touch(path)}>
                  <TextField
                    name={`config.${path}`}
                    label={t(`config.${field}`)}
                    description={field === 'label' ? undefined : t('config.poleHint')}
                    value={axis[field]}
                    onChange={(next) => changeAxis(index, { [field]: next })}
                    error={shown[path]}
                    autoComplete="off"
                  />
                </div>
              );
            })}
          </Fieldset>
        );
      })}
    </div>
  );
}
