/**
 * Purposes an export may serve (AVG purpose limitation): every export states one, and the audit log records it.
 */
export const EXPORT_PURPOSES = {
  verwerving: 'Verwervingsronde (actieve verwerving, oude centrum eerst)',
  'aanpak-woonoverlast': 'Aanpak woonoverlast',
  leegstandsaanpak: 'Aanpak leegstand en ongewenste kamerverhuur',
} as const;

export type ExportPurpose = keyof typeof EXPORT_PURPOSES;
export const EXPORT_PURPOSE_IDS = Object.keys(EXPORT_PURPOSES) as ExportPurpose[];

export function isExportPurpose(s: string): s is ExportPurpose {
  return Object.hasOwn(EXPORT_PURPOSES, s);
}
