/**
 * The manifest checks an XSD cannot make, and the rewrite of its base URL for a deployment.
 * Plain string work over our own manifest.xml (no XML library): comments are stripped first, and the patterns
 * only look at attributes and elements the Office manifest format defines.
 */

/** Where manifest.xml points while developing; `renderManifest` swaps it for the deployment's PUBLIC_URL. */
export const MANIFEST_DEV_ORIGIN = 'https://localhost:3000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Office and AppSource want four numeric parts (n.n.n.n); the XSD alone accepts one to four.
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;
// Office refuses resource ids longer than this (docs/testing/troubleshoot-development-errors.md).
const RESID_MAX = 32;

/** Problems in a manifest that a schema cannot see; [] when there are none. Messages are Vietnamese / English. */
export function checkManifest(xml: string): string[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const problems: string[] = [];

  const id = /<Id>\s*([^<]*?)\s*<\/Id>/.exec(text)?.[1];
  if (id === undefined) problems.push('Thiếu <Id> / missing <Id>');
  else if (!GUID.test(id)) problems.push(`<Id> không phải GUID / <Id> is not a GUID: "${id}"`);

  const version = /<Version>\s*([^<]*?)\s*<\/Version>/.exec(text)?.[1];
  if (version === undefined) problems.push('Thiếu <Version> / missing <Version>');
  else if (!VERSION.test(version)) {
    problems.push(`<Version> phải có dạng n.n.n.n / <Version> must be n.n.n.n: "${version}"`);
  }

  for (const url of new Set(urlsIn(text))) {
    if (!url.toLowerCase().startsWith('https://')) problems.push(`URL không dùng HTTPS / URL is not HTTPS: ${url}`);
  }

  const defined = new Map<string, number>();
  for (const match of text.matchAll(/<bt:(?:Image|Url|String)\b[^>]*\bid="([^"]*)"/g)) {
    const resid = match[1] ?? '';
    defined.set(resid, (defined.get(resid) ?? 0) + 1);
  }
  for (const [resid, count] of defined) {
    if (count > 1) problems.push(`resid định nghĩa ${count} lần / resid defined ${count} times: "${resid}"`);
  }
  const referenced = new Set([...text.matchAll(/\bresid="([^"]*)"/g)].map((match) => match[1] ?? ''));
  for (const resid of new Set([...referenced, ...defined.keys()])) {
    if (resid.length > RESID_MAX) {
      problems.push(`resid dài quá ${RESID_MAX} ký tự / resid longer than ${RESID_MAX} characters: "${resid}"`);
    }
    if (referenced.has(resid) && !defined.has(resid)) {
      problems.push(`resid chưa định nghĩa trong <Resources> / resid not defined in <Resources>: "${resid}"`);
    }
  }
  return problems;
}

/** Every absolute URL the manifest gives Office: attribute values and element text, namespace declarations aside. */
function urlsIn(text: string): string[] {
  const withoutNamespaces = text.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '').replace(/\sxsi:\w+="[^"]*"/g, '');
  return [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"<>]+/gi)].map((match) => match[0]);
}

/**
 * The manifest as a deployment serves it: every `https://localhost:3000` becomes `publicUrl` (its path kept, so
 * a service behind `/binh-xet` works), except `<AppDomain>`, which takes only the origin.
 */
export function renderManifest(xml: string, publicUrl: string): string {
  const url = new URL(publicUrl);
  const origin = url.origin;
  const base = (origin + url.pathname).replace(/\/+$/, '');
  return xml
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, (_, open: string, close: string) =>
      `${open}${escapeXml(origin)}${close}`)
    .replaceAll(MANIFEST_DEV_ORIGIN, escapeXml(base));
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
