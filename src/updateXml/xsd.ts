// An XSD rendered from the schema, for XML editors (e.g. the Red Hat XML extension) and for
// anyone who wants a machine-readable description. It is OUR reconstruction, not Microsoft's
// GlobalInfo.xsd (which is not public). Choices:
//  * <xs:all> in globalInfo: every setting optional, at most once, any order (the order is only
//    a warning in our validator because enforcement is undocumented)
//  * secretServer: 1–255 characters of letters, digits, hyphens, dots and underscores (the
//    finer computer-name rules, and their warnings, live in the validator)
//  * accounts: non-empty strings; numbers: xs:int with the documented bounds where documented,
//    otherwise minimum 1
import { containerElements, globalInfoElements, type ElementSpec } from './schema';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plain(md: string): string {
  return md.replace(/\*\*|`/g, '');
}

/** The text as one sentence: ends with exactly one full stop (or its own ! or ?). */
function sentence(s: string): string {
  const t = s.trim().replace(/\.+$/, '');
  return /[!?]$/.test(t) ? t : `${t}.`;
}

function doc(indent: string, lines: string[]): string[] {
  return [
    `${indent}<xs:annotation>`,
    ...lines.map((l) => `${indent}  <xs:documentation>${esc(l)}</xs:documentation>`),
    `${indent}</xs:annotation>`,
  ];
}

function typeName(spec: ElementSpec): string {
  return `${spec.name}Type`;
}

function simpleType(spec: ElementSpec): string[] {
  const out = [`  <xs:simpleType name="${typeName(spec)}">`];
  if (spec.kind === 'computerName') {
    out.push(
      '    <xs:restriction base="xs:string">',
      '      <xs:minLength value="1"/>',
      '      <xs:maxLength value="255"/>',
      '      <xs:pattern value="[A-Za-z0-9_][A-Za-z0-9_\\-\\.]*"/>',
      '    </xs:restriction>',
    );
  } else if (spec.kind === 'account') {
    out.push('    <xs:restriction base="xs:string">', '      <xs:minLength value="1"/>', '    </xs:restriction>');
  } else {
    out.push('    <xs:restriction base="xs:int">');
    out.push(`      <xs:minInclusive value="${spec.min ?? 1}"/>`);
    if (spec.rangeDocumented && spec.max !== undefined) out.push(`      <xs:maxInclusive value="${spec.max}"/>`);
    out.push('    </xs:restriction>');
  }
  out.push('  </xs:simpleType>');
  return out;
}

export function renderXsd(): string {
  const sso = containerElements[0];
  const gi = containerElements[1];
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!--',
    '  Settings file for "ssomanage -updatedb" (Enterprise Single Sign-On global information).',
    '  Reconstructed by Master Secret Mover from the SSO documentation; this is NOT Microsoft\'s',
    '  GlobalInfo.xsd, which ships with the SDK sample "Manage" and is not public.',
    '  Generated from src/updateXml/schema.ts by scripts/gen-xsd.ts - do not edit by hand.',
    '-->',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">',
    '  <xs:element name="sso">',
    ...doc('    ', [plain(sso.meaning)]),
    '    <xs:complexType>',
    '      <xs:sequence>',
    '        <xs:element name="globalInfo">',
    ...doc('          ', [plain(gi.meaning)]),
    '          <xs:complexType>',
    '            <xs:all>',
  ];
  for (const spec of globalInfoElements) {
    lines.push(
      `              <xs:element name="${spec.name}" type="${typeName(spec)}" minOccurs="0">`,
      ...doc('                ', [
        plain(spec.meaning),
        `Type: ${sentence(plain(spec.type))} Allowed: ${sentence(plain(spec.range))} Default: ${sentence(String(spec.default))} Documented position: ${spec.order}.`,
        `Sources: ${spec.sources.map((s) => s.url).join(' ')}`,
      ]),
      '              </xs:element>',
    );
  }
  lines.push(
    '            </xs:all>',
    '          </xs:complexType>',
    '        </xs:element>',
    '      </xs:sequence>',
    '    </xs:complexType>',
    '  </xs:element>',
  );
  for (const spec of globalInfoElements) lines.push(...simpleType(spec));
  lines.push('</xs:schema>', '');
  return lines.join('\n');
}
