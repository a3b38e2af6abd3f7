/**
 * The app's and the tfjs packages' versions, as package.json pins them, for the results.json the
 * page writes. Named JSON imports: the bundle keeps these two fields of package.json, not the file.
 */
import { dependencies, name, version } from '../../../package.json';

export const VERSIONS: Record<string, string> = {
  [name]: version,
  ...Object.fromEntries(Object.entries(dependencies).filter(([k]) => k.startsWith('@tensorflow/'))),
};
