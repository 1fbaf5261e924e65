import { downloadBlob } from '../kit';
import { newId } from '../../core/journey/ids';
import { exportJourneyFile, importJourneyFile, type ImportOutcome } from '../../core/journey/file';
import type { Journey } from '../../core/model';
import { listAudiences } from '../../storage/audiences';
import type { WorkspaceDB } from '../../storage/db';
import { nowLocal } from '../../storage/tags';

/** The journey file's name: the journey's name without characters file systems refuse. */
export function journeyFileName(name: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 100) || 'journey';
  return `${safe}.journey.json`;
}

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Export one journey as a file, naming the audiences it uses so another workspace can re-link them. */
export async function exportJourney(db: WorkspaceDB, j: Journey): Promise<void> {
  const audiences = new Map((await listAudiences(db)).map((a) => [a.id, a.name]));
  downloadText(exportJourneyFile(j, audiences, nowLocal()), journeyFileName(j.name));
}

/** Read a journey file against this workspace's audiences (nothing is written here). */
export async function readJourneyFile(db: WorkspaceDB, file: Blob): Promise<ImportOutcome> {
  const audiencesByName = new Map((await listAudiences(db)).map((a) => [a.name, a.id]));
  return importJourneyFile(await file.text(), { audiencesByName, newId, now: nowLocal() });
}
