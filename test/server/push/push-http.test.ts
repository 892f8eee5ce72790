import { describe, expect, it } from 'vitest';
import { returnPreference } from '../../../server/push/push-http.ts';

describe('the return preference of a Prefer header (RFC 7240)', () => {
  it('is representation unless the header asks for return=minimal', () => {
    expect(returnPreference(undefined)).toBe('representation');
    expect(returnPreference('')).toBe('representation');
    expect(returnPreference('return=minimal')).toBe('minimal');
    expect(returnPreference('return=representation')).toBe('representation');
    expect(returnPreference('return=minimalist')).toBe('representation');
  });

  it('finds it among other preferences, with parameters, spaces, quotes and any case', () => {
    expect(returnPreference('respond-async, wait=10')).toBe('representation');
    expect(returnPreference('respond-async, RETURN = "minimal"; foo=bar')).toBe('minimal');
    expect(returnPreference('handling=lenient,return=minimal')).toBe('minimal');
  });

  it('takes the first return preference when there are several', () => {
    expect(returnPreference('return=minimal, return=representation')).toBe('minimal');
    expect(returnPreference('return=representation, return=minimal')).toBe('representation');
  });
});
