import { dateColumnsOf, displayText, editText, isDateFormat, textColorOn, typedInput } from './cellDisplay';

const APRIL_14 = 46126;
const general = { numberFormat: 'General', inDateColumn: false, date1904: false };
const dateColumn = { ...general, inDateColumn: true };

describe('isDateFormat', () => {
  it.each(['d-mmm-yyyy', 'yyyy-mm-dd', 'dd/mm/yy', 'yyyy-mm-dd hh:mm', '[h]:mm', '[$-409]d mmm yyyy'])('takes %s for a date or time', (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each(['General', '#,##0', '0.00%', '@', '0.00E+00', '#,##0 "days"', '[Red]0'])('does not take %s for a date', (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});

describe('displayText', () => {
  it('shows dates readably under a date format, and any number in a Start or End column as a date', () => {
    expect(displayText(APRIL_14, { ...general, numberFormat: 'd-mmm-yyyy' })).toBe('14 Apr 2026');
    expect(displayText(APRIL_14, dateColumn)).toBe('14 Apr 2026');
    expect(displayText(APRIL_14 - 1462, { ...dateColumn, date1904: true })).toBe('14 Apr 2026');
    expect(displayText(APRIL_14 + 0.5, { ...general, numberFormat: 'yyyy-mm-dd hh:mm' })).toBe('14 Apr 2026 12:00');
  });

  it('shows numbers plainly, grouped where the format asks, and text and booleans as they are', () => {
    expect(displayText(APRIL_14, general)).toBe('46126');
    expect(displayText(0.1 + 0.2, general)).toBe('0.3');
    expect(displayText(1366016, { ...general, numberFormat: '#,##0' })).toBe('1,366,016');
    expect(displayText('<b>bold</b>', general)).toBe('<b>bold</b>');
    expect(displayText(true, general)).toBe('TRUE');
  });
});

describe('editing a date cell', () => {
  it('starts from the ISO day and stores a typed ISO day as a serial of the workbook’s date system', () => {
    expect(editText(APRIL_14, dateColumn)).toBe('2026-04-14');
    expect(typedInput('2026-05-05', dateColumn)).toBe(APRIL_14 + 21);
    expect(typedInput('2026-05-05', { ...dateColumn, date1904: true })).toBe(APRIL_14 + 21 - 1462);
  });

  it('leaves other text to Excel’s own parsing', () => {
    expect(typedInput('2026-05-05', general)).toBe('2026-05-05');
    expect(typedInput('2026-02-30', dateColumn)).toBe('2026-02-30');
    expect(typedInput('Trainium2', dateColumn)).toBe('Trainium2');
  });
});

describe('dateColumnsOf', () => {
  it('finds Start and End (or synonyms) in a header below a title', () => {
    const rows = [['Q2 plan'], [''], ['Provider', 'Region', 'Silicon', 'From', 'Until']];
    expect(dateColumnsOf(rows)).toEqual({ headerRow: 2, columns: new Set([3, 4]) });
  });

  it('does not take a lone "From" in a note for a table', () => {
    expect(dateColumnsOf([['From', 'the planning team']]).columns.size).toBe(0);
  });
});

describe('textColorOn', () => {
  it('gives dark fills white text and leaves light ones alone', () => {
    expect(textColorOn('#1F3864')).toBe('#FFFFFF');
    expect(textColorOn('#FFFF00')).toBeUndefined();
    expect(textColorOn(null)).toBeUndefined();
  });
});
