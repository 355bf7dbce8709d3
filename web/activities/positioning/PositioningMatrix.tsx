// The overlap matrix (programmes × places) and the generated summary. Overlap is said in words
// in every cell, so nothing depends on colour.
import {
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositioningConfig } from '../../../common/activities/positioning.ts';
import { joinList } from '../../../common/activities/positioning.overlap.ts';
import { cellKey, matrixCells } from './positioningModel.ts';
import type { PositioningData } from './usePositioningData.ts';

/** The matrix as a table: a row per programme, a column per place, and how the programme stands. */
export function PositioningMatrix({
  config,
  data,
  locale,
}: {
  config: PositioningConfig;
  data: PositioningData;
  locale: string;
}) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  const cells = matrixCells(data.analysis);
  return (
    <section aria-labelledby={headingId} className="stadshart-positioning-matrix">
      <Heading3 id={headingId}>{t('matrix.heading')}</Heading3>
      <div className="stadshart-positioning-matrix__scroll">
        <Table>
          <TableCaption>{t('matrix.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('matrix.programme')}</TableHeaderCell>
              {config.placeIds.map((placeId) => (
                <TableHeaderCell key={placeId} scope="col">
                  {data.placeName(placeId)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('matrix.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.analysis.programmes.map((programme) => (
              <TableRow key={programme.programme}>
                <TableHeaderCell scope="row">{programme.label}</TableHeaderCell>
                {config.placeIds.map((placeId) => {
                  const entries = cells.get(cellKey(programme.programme, placeId)) ?? [];
                  return (
                    <TableCell key={placeId}>
                      {entries.length === 0 ? (
                        <span className="stadshart-positioning-matrix__none">
                          {t('matrix.noRole')}
                        </span>
                      ) : (
                        <ul className="stadshart-positioning-list">
                          {entries.map((entry) => (
                            <li
                              key={entry.label}
                              className={
                                entry.overlapKey ? 'stadshart-positioning-role--overlap' : undefined
                              }
                            >
                              {entry.label}
                              {entry.overlapKey && (
                                <>
                                  {' '}
                                  <strong className="stadshart-positioning-role__overlap">
                                    {t('roles.overlap', {
                                      places: joinList(
                                        locale,
                                        entry.otherPlaceIds.map(data.placeName),
                                      ),
                                    })}
                                  </strong>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  );
                })}
                <TableCell>{t(`matrix.statuses.${programme.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** The generated summary: one sentence per programme. */
export function PositioningSummary({ data }: { data: PositioningData }) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stadshart-positioning-summary">
      <Heading3 id={headingId}>{t('summary.heading')}</Heading3>
      <Paragraph className="stadshart-positioning-summary__hint">{t('summary.hint')}</Paragraph>
      <ul className="stadshart-positioning-list">
        {data.summary.map((sentence, index) => (
          <li key={index}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
