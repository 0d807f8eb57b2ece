import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_SCHEMA, validateManifest } from './validateManifest';

const ROOT = path.join(__dirname, '..', '..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

const OFFICE_APP = '{http://schemas.microsoft.com/office/appforoffice/1.1}';
const OVERRIDES = '{http://schemas.microsoft.com/office/taskpaneappversionoverrides}';
const XSI = '{http://www.w3.org/2001/XMLSchema-instance}';
const invalid = (message: string) => `Schemas validity error : ${message}`;

/** manifest.xml with one edit; throws unless the text to replace occurs exactly once, so a changed manifest cannot leave a case unbroken. */
function edited(from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? manifest.split(from).length - 1 : (manifest.match(new RegExp(from.source, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`${from} occurs ${count} times in manifest.xml, not once`);
  return manifest.replace(from, to);
}

describe("manifest.xml against Microsoft's XSD schemas", () => {
  it('is valid', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  const broken = [
    {
      behaviour: 'whose top-level elements are out of schema order (Version before Id)',
      xml: edited(/( *<Id>.*<\/Id>\n)( *<Version>.*<\/Version>\n)/, '$2$1'),
      errors: [invalid(`Element '${OFFICE_APP}Version': This element is not expected. Expected is ( ${OFFICE_APP}Id ).`)],
    },
    {
      behaviour: 'that lacks the required Id',
      xml: edited(/ *<Id>.*<\/Id>\n/, ''),
      errors: [invalid(`Element '${OFFICE_APP}Version': This element is not expected. Expected is ( ${OFFICE_APP}Id ).`)],
    },
    {
      behaviour: 'with an element the schema does not define',
      xml: edited('  <AppDomains>', '  <Theme>dark</Theme>\n  <AppDomains>'),
      errors: [invalid(`Element '${OFFICE_APP}Theme': This element is not expected. Expected is one of ( ${OFFICE_APP}AppDomains, ${OFFICE_APP}Hosts, ${OFFICE_APP}Requirements, ${OFFICE_APP}DefaultSettings ).`)],
    },
    {
      behaviour: 'whose Runtime lifetime is not short or long',
      xml: edited('lifetime="long"', 'lifetime="forever"'),
      errors: [invalid(`Element '${OVERRIDES}Runtime', attribute 'lifetime': [facet 'enumeration'] The value 'forever' is not an element of the set {'short', 'long'}.`)],
    },
    {
      behaviour: 'whose Runtime has no resid',
      xml: edited(/<Runtime resid="[^"]*"/, '<Runtime'),
      errors: [invalid(`Element '${OVERRIDES}Runtime': The attribute 'resid' is required but missing.`)],
    },
    {
      behaviour: 'whose Runtimes come after DesktopFormFactor instead of first in the Host',
      xml: edited(/(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<DesktopFormFactor>[\s\S]*?<\/DesktopFormFactor>)/, '$3$2$1'),
      errors: [invalid(`Element '${OVERRIDES}Runtimes': This element is not expected.`)],
    },
    {
      behaviour: 'whose xsi:type names no add-in type',
      xml: edited('xsi:type="TaskPaneApp"', 'xsi:type="TaskpaneApp"'),
      errors: [
        invalid(`Element '${OFFICE_APP}OfficeApp', attribute '${XSI}type': The QName value '${OFFICE_APP}TaskpaneApp' of the xsi:type attribute does not resolve to a type definition.`),
        invalid(`Element '${OFFICE_APP}OfficeApp': The type definition is abstract.`),
      ],
    },
    {
      behaviour: 'with a requirement Set that has no Name',
      xml: edited('<Set Name="SharedRuntime" ', '<Set '),
      errors: [invalid(`Element '${OFFICE_APP}Set': The attribute 'Name' is required but missing.`)],
    },
    {
      behaviour: 'whose Version is not up to four dot-separated numbers',
      xml: edited(/<Version>.*<\/Version>/, '<Version>0.1.0-beta</Version>'),
      errors: [invalid(`Element '${OFFICE_APP}Version': [facet 'pattern'] The value '0.1.0-beta' is not accepted by the pattern '([0-9]{1,5})(\\.[0-9]{1,5}){0,3}'.`)],
    },
  ];

  it.each(broken)('refuses a manifest $behaviour', async ({ xml, errors }) => {
    expect(await validateManifest(xml)).toEqual(errors);
  });

  // Debian's xmllint (libxml2-utils) is optional: the WebAssembly build above is what every machine runs.
  const systemXmllint = spawnSync('xmllint', ['--version']).status === 0;
  const xmllint = (xml: string) => spawnSync('xmllint', ['--noout', '--schema', MANIFEST_SCHEMA, '-'], { input: xml, encoding: 'utf8' });

  (systemXmllint ? it : it.skip)("agrees with the system's xmllint, which accepts manifest.xml and refuses a bad Runtime lifetime", () => {
    expect(xmllint(manifest)).toMatchObject({ status: 0, stderr: '- validates\n' });
    const refused = xmllint(edited('lifetime="long"', 'lifetime="forever"'));
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(`Element '${OVERRIDES}Runtime', attribute 'lifetime': [facet 'enumeration'] The value 'forever' is not an element of the set {'short', 'long'}.`);
  });
});
