// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvField, toCsv } from '../../components/kit/csv.ts';

// A small RFC 4180 reader, written for the test, to check that what toCsv writes reads back.
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('csv', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('csvField writes numbers in full precision and leaves null, undefined, NaN and Infinity empty', () => {
    expect(csvField(1 / 3)).toBe('0.3333333333333333');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(true)).toBe('true');
    expect([null, undefined, Number.NaN, Infinity].map(csvField)).toEqual(['', '', '', '']);
  });

  test('toCsv ends every line, the header included, with CRLF', () => {
    expect(
      toCsv(
        ['t', 'stock, tonnes'],
        [
          [0, 100],
          [1, 97.5],
        ],
      ),
    ).toBe('t,"stock, tonnes"\r\n0,100\r\n1,97.5\r\n');
  });

  test('property: toCsv output reads back to the same strings under RFC 4180', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { maxLength: 10 }),
        (rows) => {
          expect(readCsv(toCsv(['a', 'b'], rows))).toEqual([['a', 'b'], ...rows]);
        },
      ),
    );
  });
});
