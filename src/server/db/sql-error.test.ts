import { describe, expect, it } from 'vitest';
import { errorFields, isDataError, sqlStateOf } from './sql-error';

describe('sql errors', () => {
  it('finds the SQLSTATE through wrapping causes and classifies data errors', () => {
    const driver = Object.assign(new Error('invalid byte sequence: "secret"'), { code: '22021' });
    const wrapped = new Error('Failed query: insert …', { cause: driver });
    expect(sqlStateOf(wrapped)).toBe('22021');
    expect(isDataError(wrapped)).toBe(true);
    expect(isDataError(Object.assign(new Error('x'), { code: '54001' }))).toBe(true);
    expect(isDataError(Object.assign(new Error('x'), { code: '40001' }))).toBe(false);
    expect(isDataError(new Error('plain'))).toBe(false);
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });

  it('describes a failure without its message', () => {
    const fields = errorFields(
      new Error('x', { cause: Object.assign(new TypeError('secret text'), { code: '22P02' }) }),
    );
    expect(fields).toEqual({ errorType: 'Error', sqlState: '22P02' });
    expect(JSON.stringify(fields)).not.toContain('secret');
  });
});
