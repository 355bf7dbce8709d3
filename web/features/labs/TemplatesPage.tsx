// The organisation's canvas templates as a table; admins may add one.
import {
  ButtonGroup,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canvasTemplateList } from '../../../common/canvas-templates.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';

/** Lists the canvas templates with their number of sections and which one is the default. */
export function TemplatesPage() {
  const { t } = useTranslation('labs');
  const { orgSlug, isAdmin } = useOrgRole();
  usePageTitle(t('templates.title'));
  const templates = useApiData(`/orgs/${orgSlug}/canvas-templates`, canvasTemplateList);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{t('templates.title')}</Heading1>
      <FlashMessage />
      <Paragraph>{t('templates.intro')}</Paragraph>
      {isAdmin && (
        <ButtonGroup>
          <ActionLink to={`${base}/canvas-templates/new`} appearance="primary">
            {t('templates.new')}
          </ActionLink>
        </ButtonGroup>
      )}
      <LoadState resource={templates}>
        {(data) =>
          data.templates.length === 0 ? (
            <Paragraph>{t('templates.empty')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('templates.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('templates.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    {t('templates.columns.description')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t('templates.columns.sections')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('templates.columns.isDefault')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.templates.map((template) => (
                  <TableRow key={template.id}>
                    <TableHeaderCell scope="row">
                      <Link to={`${base}/canvas-templates/${template.id}`} className="utrecht-link">
                        {template.name}
                      </Link>
                    </TableHeaderCell>
                    <TableCell>{template.description || <NoValue />}</TableCell>
                    <TableCell>{formatNumber(template.sections.length)}</TableCell>
                    <TableCell>
                      {template.isDefault ? t('templates.isDefault') : t('templates.notDefault')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </LoadState>
      <Paragraph>
        <Link to={`${base}/labs`} className="utrecht-link">
          {t('lab.back')}
        </Link>
      </Paragraph>
    </>
  );
}
