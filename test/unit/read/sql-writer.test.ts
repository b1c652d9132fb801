import { SqlWriter } from '../../../db/sql-writer';

describe('an inline SqlWriter', () => {
  const w = () => new SqlWriter('inline');

  it('writes text through the driver’s escaping, quotes and backslashes doubled', () => {
    expect(w().param("O'Brien", 'text')).toBe("'O''Brien'::text");
    expect(w().param('a\\b', 'text')).toBe(" E'a\\\\b'::text");
    expect(w().param("'); drop table scene; --", 'text')).toBe("'''); drop table scene; --'::text");
  });

  it('writes finite numbers, booleans, moments and null as literals', () => {
    expect(w().param(-1.5e-7, 'float8')).toBe('-1.5e-7::float8');
    expect(w().param(true)).toBe('true');
    expect(w().param(new Date('2024-05-01T18:00:00.123Z'), 'timestamptz')).toBe("'2024-05-01T18:00:00.123Z'::timestamptz");
    expect(w().param(null, 'uuid')).toBe('null::uuid');
  });

  it('writes arrays element by element, with the cast', () => {
    expect(w().array(['ACTIVE', "it's"], 'text')).toBe("ARRAY['ACTIVE', 'it''s']::text[]");
    expect(w().array([], 'uuid')).toBe('ARRAY[]::uuid[]');
  });

  it('refuses what it has no literal for instead of guessing', () => {
    expect(() => w().param(Number.NaN)).toThrow(TypeError);
    expect(() => w().param(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => w().param({ toString: () => "1'; --" })).toThrow(TypeError);
    expect(() => w().param(new Date(Number.NaN))).toThrow(TypeError);
    expect(() => w().param(10n)).toThrow(TypeError);
  });

  it('keeps no values: they are in the text', () => {
    const writer = w();
    writer.param('x', 'text');
    expect(writer.values).toEqual([]);
  });
});

describe('a positional SqlWriter', () => {
  it('writes placeholders and keeps the values in the order of the text', () => {
    const writer = new SqlWriter('positional');
    expect(`${writer.param('a', 'uuid')} ${writer.array(['b', 'c'], 'text')} ${writer.param(1)}`).toBe('?::uuid array[?]::text[] ?');
    expect(writer.values).toEqual(['a', ['b', 'c'], 1]);
  });
});
