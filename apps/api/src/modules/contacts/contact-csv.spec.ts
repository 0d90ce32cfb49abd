import { describe, expect, it } from 'vitest';
import { CsvError, formatCsv, neutraliseCell, parseCsv, readImportFile, restoreCell } from './contact-csv.js';

describe('parseCsv', () => {
  it('reads RFC 4180: quoted cells with commas, doubled quotes and line breaks; CRLF or LF; a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
  });

  it('keeps empty cells and a last line without a line break', () => {
    expect(parseCsv(',,\nlast')).toEqual([['', '', ''], ['last']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(/starts on line 2 is never closed/);
    expect(() => parseCsv('a\n"x"y')).toThrow(/line 2: text after a closing quote/);
  });
});

describe('formatCsv and formula cells', () => {
  it('quotes only what needs it and ends every record with CRLF', () => {
    expect(formatCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', ' edge']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines"," edge"\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run, but not plain numbers or phones', () => {
    expect(neutraliseCell('=1+2')).toBe("'=1+2");
    expect(neutraliseCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('+15125550100')).toBe('+15125550100');
    expect(neutraliseCell('-12.5')).toBe('-12.5');
    expect(neutraliseCell('Jordan = Smith')).toBe('Jordan = Smith');
    expect(restoreCell("'=1+2")).toBe('=1+2');
    expect(restoreCell("'quoted")).toBe("'quoted");
  });
});

describe('readImportFile', () => {
  it('maps headers by name, splits lists, lower-cases enumerations, skips blank rows but keeps numbering', () => {
    const file = readImportFile(
      'Display Name,company_name,E-mail,Tags,Kind,Preferred Channel,Shoe size\nAda,,A@x.com,"VIP; net 30",Company,SMS,42\n,,,,,,\nBob,,,,,,\n',
    );
    expect(file.ignoredColumns).toEqual(['Shoe size']);
    expect(file.rows).toEqual([
      {
        row: 1,
        input: {
          displayName: 'Ada',
          email: 'A@x.com',
          tags: ['VIP', 'net 30'],
          kind: 'company',
          preferredChannel: 'sms',
        },
      },
      { row: 3, input: { displayName: 'Bob' } },
    ]);
  });

  it('needs a name column, one column per field, and at most 10,000 rows', () => {
    expect(() => readImportFile('email\na@x.com')).toThrow(CsvError);
    expect(() => readImportFile('name,displayName\nA,B')).toThrow(/two columns fill displayName/);
    expect(() => readImportFile(`name\n${'A\n'.repeat(10_001)}`)).toThrow(/at most 10000/);
    expect(() => readImportFile('')).toThrow(/empty/);
  });
});
