import type { Visibility } from '../release/ghcr-visibility.js';

/** What the log says when GHCR refused an anonymous pull of a chart just pushed: who cannot pull it, and where to change that. */
export function visibilityLines(repository: string, seen: Visibility): string[] {
  if (seen.visibility === 'unknown')
    return [
      `${repository}: could not check whether the package is public (an anonymous pull met: ${seen.why ?? 'no answer'}); if it is private, change its visibility at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl})`,
    ];
  return [
    `${repository}: the package is private (an anonymous pull was refused: ${seen.why ?? 'refused'}). Only accounts with read access to the package can pull it: helm pull without credentials, other organisations' workflows and Artifact Hub cannot. To publish it, set its visibility to public at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl}), under Danger Zone, Change visibility`,
  ];
}
