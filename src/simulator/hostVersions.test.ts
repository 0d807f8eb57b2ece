import * as fs from 'node:fs';
import ts from 'typescript';
import { DESCRIPTORS } from './hostDescriptors';

/** `[Api set: ExcelApi 1.x]` of every member of the Excel classes in @types/office-js, by "Class.member". */
function typingsVersions(): Map<string, number> {
  const file = require.resolve('@types/office-js/index.d.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const versions = new Map<string, number>();
  const visit = (node: ts.Node, namespace: string): void => {
    if (ts.isModuleDeclaration(node)) {
      const inner = namespace === '' ? node.name.getText() : `${namespace}.${node.name.getText()}`;
      if (node.body !== undefined) ts.forEachChild(node.body, (child) => visit(child, inner));
      return;
    }
    if (ts.isClassDeclaration(node) && node.name !== undefined && namespace === 'Excel') {
      for (const member of node.members) {
        const set = /\[Api set: ExcelApi 1\.(\d+)/.exec(ts.getJSDocCommentsAndTags(member).map((doc) => doc.getText()).join('\n'));
        if (member.name !== undefined && set !== null) versions.set(`${node.name.getText()}.${member.name.getText()}`, Number(set[1]));
      }
    }
    ts.forEachChild(node, (child) => visit(child, namespace));
  };
  visit(source, '');
  return versions;
}

describe('the simulated host’s requirement sets', () => {
  it('introduce each member it implements at the ExcelApi version the typings give it, so a host at 1.9 refuses what Excel 1.9 refuses', () => {
    const versions = typingsVersions();
    const differences: string[] = [];
    for (const [type, descriptor] of Object.entries(DESCRIPTORS)) {
      const members: Array<[string, { since: number }]> = [
        ...Object.entries(descriptor.properties ?? {}),
        ...Object.entries(descriptor.navigation ?? {}),
        // Members starting with "_" are the library's own plumbing, with no typings.
        ...Object.entries(descriptor.methods ?? {}).filter(([name]) => !name.startsWith('_')).map(([name, member]): [string, { since: number }] => [name.charAt(0).toLowerCase() + name.slice(1), member]),
        ...(descriptor.indexer === undefined ? [] : [['getItem', descriptor.indexer] as [string, { since: number }]]),
      ];
      for (const [name, member] of members) {
        const typed = versions.get(`${type}.${name}`);
        if (typed !== member.since) differences.push(`${type}.${name}: host 1.${member.since}, typings ${typed === undefined ? 'none' : `1.${typed}`}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
