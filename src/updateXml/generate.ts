// The update XML for a master secret server move, in the shape of the sample in Microsoft's
// "How to Move the Master Secret Server"
// (https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server); the
// format is described in docs/update-xml.md.
import { checkServerName } from '../ssoTools/serverName';
import { validateUpdateXml } from './validate';

/**
 * Returns the XML that moves the master secret server to `server`:
 * `<sso>` / `<globalInfo>` / `<secretServer>`, 2-space indent, trailing line break.
 * Line breaks default to CRLF (the file is read by ssomanage on Windows).
 * Throws an Error with the explanation when the name breaks an error-level rule, or when the
 * text would have any error `validateUpdateXml` reports; a warning (e.g. a fully qualified name)
 * does not stop generation.
 */
export function generateUpdateXml(server: string, eol: '\r\n' | '\n' = '\r\n'): string {
  const check = checkServerName(server);
  if (!check.ok) throw new Error(check.message);
  const xml = ['<sso>', '  <globalInfo>', `    <secretServer>${server}</secretServer>`, '  </globalInfo>', '</sso>', ''].join(eol);
  // What `mss-xml validate` and the editor would refuse is never written (the name rules above
  // should already have said why; this is the last check, on the very text).
  const error = validateUpdateXml(xml).find((d) => d.severity === 'error');
  if (error) throw new Error(error.message);
  return xml;
}

/** The file name used by "How to Move the Master Secret Server". */
export const DEFAULT_UPDATE_XML_FILE_NAME = 'NewMSSServer.xml';
