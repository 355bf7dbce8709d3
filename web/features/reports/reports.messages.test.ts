import { describe, expect, it } from 'vitest';
import { expectCompleteMessages, expectSamePlaceholders } from '../../i18n/messages.testing.ts';
import { knownReportSteps } from './reportJob.ts';
import { reportsMessages } from './reports.messages.ts';
import { reportExportFiles } from '../../../common/reports.ts';

describe('messages of the report page', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expectCompleteMessages(reportsMessages);
  });

  it('uses the same placeholders in both languages', () => {
    expectSamePlaceholders(reportsMessages);
  });

  it('names every step the server reports and every file a version offers', () => {
    for (const step of knownReportSteps) expect(reportsMessages.nl.job.steps).toHaveProperty(step);
    for (const file of reportExportFiles) {
      expect(reportsMessages.nl.files).toHaveProperty(file.replace('.', '_'));
    }
  });
});
