import { describe, expect, it } from 'vitest';
import { FRAME_POLICY, messageDocument } from './messageDocument';

describe('messageDocument', () => {
  it('sets a policy that loads no address at all, so the open pixel and remote content stay unloaded', () => {
    const directives = FRAME_POLICY.split(';').map((directive) => directive.trim());
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain('img-src data:');
    expect(FRAME_POLICY).not.toMatch(/'self'|https?:|\*/);
  });

  it('puts the policy and the link target ahead of the message, where the parser places them in the head', () => {
    const page = '<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>';
    const framed = messageDocument(page);
    expect(framed.startsWith(`<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank">`)).toBe(true);
    expect(framed.endsWith(page)).toBe(true);
  });
});
