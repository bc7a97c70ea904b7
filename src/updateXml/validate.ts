// Kept so that `./validate` and `../updateXml/validate` resolve to the validator, which lives in
// validate/ (one file per layer, composed by validate/index.ts).
export { fileTooLarge, MAX_TEXT_LENGTH, validateUpdateXml, validateUpdateXmlBytes } from './validate/index';
