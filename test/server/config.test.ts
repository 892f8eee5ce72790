import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('the configuration read at start', () => {
  it('takes CORS_ORIGINS as a list of origins, blanks and spaces around commas left out', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.vn, http://127.0.0.1:8080 ,' }).corsOrigins).toEqual(['https://a.vn', 'http://127.0.0.1:8080']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, naming it: it would never match, and it goes into the pane’s policy', () => {
    for (const bad of ['https://a.vn/', 'https://a.vn/path', 'a.vn', "https://a.vn; script-src 'unsafe-inline'", 'ftp://a.vn']) {
      expect(() => loadConfig({ CORS_ORIGINS: `https://ok.vn,${bad}` }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(`CORS_ORIGINS: "${bad.trim()}"`);
    }
  });
});
