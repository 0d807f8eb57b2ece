import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { CHECK_CONFLICTS_FUNCTION } from '../../src/commands/checkConflictsCommand';

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');

const children = (element: Element): Element[] =>
  Array.from(element.childNodes as unknown as ArrayLike<Node>).filter((node): node is Element => node.nodeType === 1);
const child = (element: Element, name: string): Element => {
  const found = children(element).find((candidate) => candidate.localName === name);
  if (found === undefined) throw new Error(`<${element.localName}> has no <${name}>`);
  return found;
};
const all = (name: string): Element[] => Array.from(doc.getElementsByTagNameNS('*', name) as unknown as ArrayLike<Element>);
const xsiType = (element: Element): string | null => element.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type');

const root = doc.documentElement as unknown as Element;
const workbookHost = all('Host').find((host) => xsiType(host) === 'Workbook') as Element;

describe('manifest.xml', () => {
  it('is a task pane add-in whose top-level elements come in the order the schema requires', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(children(root).map((element) => element.localName)).toEqual(order);
  });

  it('has a real GUID as its id', () => {
    expect(child(root, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  it('runs in Excel workbooks with read-write access, which Excel requires even for reading', () => {
    expect(child(child(root, 'Hosts'), 'Host').getAttribute('Name')).toBe('Workbook');
    expect(child(root, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('requires the shared runtime and an ExcelApi set', () => {
    const sets = all('Set').map((set) => `${set.getAttribute('Name')} ${set.getAttribute('MinVersion')}`);
    expect(sets).toContain('SharedRuntime 1.1');
    expect(sets.some((set) => set.startsWith('ExcelApi 1.'))).toBe(true);
  });

  describe('the shared runtime wiring', () => {
    const runtimeResid = () => child(child(workbookHost, 'Runtimes'), 'Runtime').getAttribute('resid');

    it('puts <Runtimes> first inside the workbook host, with a long lifetime', () => {
      expect(children(workbookHost)[0].localName).toBe('Runtimes');
      expect(child(child(workbookHost, 'Runtimes'), 'Runtime').getAttribute('lifetime')).toBe('long');
    });

    it('uses one resid for the runtime, the function file and the task pane', () => {
      const functionFile = child(child(workbookHost, 'DesktopFormFactor'), 'FunctionFile').getAttribute('resid');
      const taskpaneActions = all('Action').filter((action) => xsiType(action) === 'ShowTaskpane');
      expect(taskpaneActions).toHaveLength(1);
      expect(functionFile).toBe(runtimeResid());
      for (const action of taskpaneActions) {
        expect(child(action, 'SourceLocation').getAttribute('resid')).toBe(runtimeResid());
        expect(children(action).map((element) => element.localName)).not.toContain('TaskpaneId');
      }
    });
  });

  it('has a Capacity group on the Home tab with Check conflicts (ExecuteFunction) and Resolve conflicts (ShowTaskpane)', () => {
    const tab = all('OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = child(tab, 'Group');
    const label = (resid: string | null) => all('String').find((string) => string.getAttribute('id') === resid)?.getAttribute('DefaultValue');
    expect(label(child(group, 'Label').getAttribute('resid'))).toBe('Capacity');
    const buttons = children(group).filter((element) => element.localName === 'Control');
    expect(buttons.map((button) => [label(child(button, 'Label').getAttribute('resid')), xsiType(child(button, 'Action'))])).toEqual([
      ['Check conflicts', 'ExecuteFunction'],
      ['Resolve conflicts', 'ShowTaskpane'],
    ]);
  });

  it('registers every ExecuteFunction name with Office.actions.associate in the runtime page', () => {
    const entry = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'index.tsx'), 'utf8');
    const names = all('FunctionName').map((element) => element.textContent);
    expect(names).toEqual([CHECK_CONFLICTS_FUNCTION]);
    expect(entry).toMatch(/Office\.actions\.associate\(CHECK_CONFLICTS_FUNCTION,/);
  });

  it('refers only to resources it defines', () => {
    const defined = new Set([...all('Image'), ...all('Url'), ...all('String')].map((element) => element.getAttribute('id')).filter(Boolean));
    const used = all('*').map((element) => element.getAttribute('resid')).filter((resid): resid is string => Boolean(resid));
    expect(used.filter((resid) => !defined.has(resid))).toEqual([]);
  });

  it('points every URL at https on the development server', () => {
    const urls = [...all('*').map((element) => element.getAttribute('DefaultValue') ?? ''), ...all('AppDomain').map((element) => element.textContent ?? '')]
      .filter((value) => /^[a-z]+:\/\//i.test(value));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  it('names icons that exist in assets/, in every size the store and ribbon use', () => {
    const iconUrls = all('*').map((element) => element.getAttribute('DefaultValue') ?? '').filter((value) => value.endsWith('.png'));
    for (const url of iconUrls) expect(fs.existsSync(path.join(ROOT, new URL(url).pathname))).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
