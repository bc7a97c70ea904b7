// Public API of the update-XML core (the XML read by `ssomanage -updatedb`). Pure: no `vscode`.
export type { Severity } from './rules';
export type { Position, Range, TextEdit, QuickFix, DiagnosticCode, UpdateXmlDiagnostic } from './types';
export type { ElementSpec, ValueKind, DocSource } from './schema';
export { globalInfoElements, containerElements, elementSpec } from './schema';
export { decodeUpdateXmlBytes, type UpdateXmlEncoding, type DecodedUpdateXml } from './decode';
export { validateUpdateXml, validateUpdateXmlBytes, MAX_TEXT_LENGTH, fileTooLarge } from './validate';
export { isUpdateXmlDocument, readSecretServer } from './detect';
export { generateUpdateXml, DEFAULT_UPDATE_XML_FILE_NAME } from './generate';
export { completionsAt, hoverAt, type CompletionEntry } from './assist';
export { renderXsd } from './xsd';
export { applyEdits, LineIndex } from './positions';
export { describeDiagnostic, updateDbRefusal, updateDbRefusalForBytes } from './refusal';
