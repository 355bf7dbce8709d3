// The one read the exports need: a finalised version's frozen document and raw data, with the
// lab it belongs to (for the organisation check and the file name).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { labReportVersions, labs } from '../../db/schema.ts';

/** A stored version as the exports read it; document and raw are still unchecked JSON. */
export interface ExportableVersion {
  orgId: string;
  labTitle: string;
  labStatus: (typeof labs.$inferSelect)['status'];
  version: number;
  document: unknown;
  raw: unknown;
}

/** The lab's version with this number, or null when the lab or the version does not exist. */
export async function findExportableVersion(
  db: Db,
  labId: string,
  version: number,
): Promise<ExportableVersion | null> {
  const [row] = await db
    .select({
      orgId: labs.orgId,
      labTitle: labs.title,
      labStatus: labs.status,
      version: labReportVersions.version,
      document: labReportVersions.document,
      raw: labReportVersions.raw,
    })
    .from(labReportVersions)
    .innerJoin(labs, eq(labs.id, labReportVersions.labId))
    .where(and(eq(labReportVersions.labId, labId), eq(labReportVersions.version, version)));
  return row ?? null;
}
