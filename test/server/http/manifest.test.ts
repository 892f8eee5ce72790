import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest, renderManifest } from '../../../server/http/manifest.ts';
import { checkSchema, MANIFEST_PATH } from '../../../addin/validate-manifest.ts';

const manifest = readFileSync(MANIFEST_PATH, 'utf8');

describe('manifest.xml', () => {
  it('validates against the Office XSDs with xmllint (CI installs libxml2-utils; a missing xmllint fails)', () => {
    expect(checkSchema()).toEqual([]);
  });

  it('passes the checks a schema cannot make', () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  it('is a Vietnamese task pane for Excel that opens from a Home-tab button', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toContain('https://localhost:3000/addin/taskpane.html');
  });

  it('names icons that exist as real PNG files of the declared sizes', () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/addin\/icons\/icon-(\d+)\.png/g)];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(new URL(`../../../addin/public/icons/icon-${size}.png`, import.meta.url));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe('checkManifest', () => {
  it('catches an Id that is not a GUID', () => {
    const bad = manifest.replace(/<Id>[^<]*<\/Id>/, '<Id>binh-xet</Id>');
    expect(checkManifest(bad)).toEqual([expect.stringContaining('is not a GUID: "binh-xet"')]);
  });

  it('catches a URL that is not HTTPS', () => {
    const bad = manifest.replace('https://localhost:3000/addin/icons/icon-16.png', 'http://localhost:3000/icon.png');
    expect(checkManifest(bad)).toEqual([expect.stringContaining('not HTTPS: http://localhost:3000/icon.png')]);
  });

  it('ignores namespace declarations, which are http by design', () => {
    expect(manifest).toContain('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
    expect(checkManifest(manifest).filter((problem) => problem.includes('HTTPS'))).toEqual([]);
  });

  it('catches a resid that no resource defines', () => {
    const bad = manifest.replace('<Label resid="BinhXet.Group.Label"/>', '<Label resid="BinhXet.Nhom"/>');
    expect(checkManifest(bad)).toEqual([expect.stringContaining('not defined in <Resources>: "BinhXet.Nhom"')]);
  });

  it('catches a resid longer than 32 characters', () => {
    const long = 'BinhXet.OpenPane.Tooltip.TooLong.X';
    expect(long.length).toBeGreaterThan(32);
    const bad = manifest.replaceAll('"BinhXet.OpenPane.Tooltip"', `"${long}"`);
    expect(checkManifest(bad)).toEqual([expect.stringContaining(`longer than 32 characters: "${long}"`)]);
  });

  it('catches a version that is not n.n.n.n', () => {
    const bad = manifest.replace('<Version>1.0.0.0</Version>', '<Version>1.0</Version>');
    expect(checkManifest(bad)).toEqual([expect.stringContaining('must be n.n.n.n: "1.0"')]);
  });
});

describe('renderManifest', () => {
  it('points every URL at the public address and keeps a path prefix', () => {
    const rendered = renderManifest(manifest, 'https://binhxet.example.gov.vn/dv/');
    expect(rendered).not.toContain('localhost');
    expect(rendered).toContain('DefaultValue="https://binhxet.example.gov.vn/dv/addin/taskpane.html"');
    expect(rendered).toContain('<AppDomain>https://binhxet.example.gov.vn</AppDomain>');
    expect(checkManifest(rendered)).toEqual([]);
  });

  it('replaces the origin alone when the public address has no path', () => {
    const rendered = renderManifest(manifest, 'https://xet.example.vn');
    expect(rendered).toContain('DefaultValue="https://xet.example.vn/addin/icons/icon-80.png"');
    expect(rendered.match(/https:\/\/xet\.example\.vn/g)?.length).toBe(manifest.match(/https:\/\/localhost:3000/g)?.length);
  });

  it('leaves an http address visible to checkManifest instead of hiding it', () => {
    expect(checkManifest(renderManifest(manifest, 'http://10.0.0.5:3000'))).toContainEqual(
      expect.stringContaining('not HTTPS: http://10.0.0.5:3000/addin/taskpane.html'));
  });
});
