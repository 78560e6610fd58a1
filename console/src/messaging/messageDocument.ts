/**
 * What a sandboxed preview frame shows: the message's HTML behind a policy that lets it load nothing but inline styles
 * and `data:` images, and with links that open nowhere. A message kept in the outbox carries its real open pixel and
 * click links, signed for its customer; loading or following them in the console would record an open or a click the
 * customer never made. The frame itself runs no script (its `sandbox` attribute is empty), so the policy is set by a
 * `<meta>` element the parser places in the document's head, and links aim at a new window the sandbox never opens.
 */
export const FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

const IMAGE_TAG = /<img\b[^>]*>/gi;
const IMAGE_SOURCE = /\s(src|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * The HTML with the addresses of its images taken out, except `data:` ones: the policy would block them anyway, and
 * each block is an error in the browser's console. The policy stays the guarantee; this only keeps the console quiet.
 */
export function withoutRemoteImages(html: string): string {
  return html.replace(IMAGE_TAG, (tag) =>
    tag.replace(IMAGE_SOURCE, (attribute, _name: string, value: string) => (/^["']?\s*data:/i.test(value) ? attribute : '')),
  );
}

export function messageDocument(html: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank">${withoutRemoteImages(html)}`;
}
