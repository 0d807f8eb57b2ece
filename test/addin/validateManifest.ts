import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/** Microsoft's manifest schemas (see schemas/README.md); the OfficeApp one imports the others. */
export const MANIFEST_SCHEMA = path.join(__dirname, 'schemas', 'OfficeAppManifestV1_1.xsd');

const schemaFile = (fileName: string): XMLFileInfo => ({ fileName, contents: fs.readFileSync(path.join(path.dirname(MANIFEST_SCHEMA), fileName), 'utf8') });
const imported = fs.readdirSync(path.dirname(MANIFEST_SCHEMA)).filter((name) => name.endsWith('.xsd') && name !== path.basename(MANIFEST_SCHEMA)).map(schemaFile);
const main = schemaFile(path.basename(MANIFEST_SCHEMA));

/**
 * xmllint's messages for an add-in manifest checked against Microsoft's schemas, without file name and line
 * (so they survive edits elsewhere in the manifest); none when it is valid. Rejects if the schemas do not compile.
 */
export async function validateManifest(xml: string): Promise<string[]> {
  // libxml2 compiled to WebAssembly, so no system xmllint is needed.
  const result = await validateXML({ xml: { fileName: 'manifest.xml', contents: xml }, schema: main, preload: imported });
  if (result.valid) return [];
  const messages = result.errors.map((error) => error.message);
  // An invalid verdict must never come back as an empty list, which reads as valid.
  return messages.length > 0 ? messages : [result.rawOutput];
}
