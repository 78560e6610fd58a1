import { describe, expect, it } from 'vitest';
import { FRAME_POLICY, messageDocument, withoutRemoteImages } from './messageDocument';

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

describe('withoutRemoteImages', () => {
  it('takes out the address of the open pixel and of remote images, and keeps the rest of each tag', () => {
    const html =
      '<p>Hi</p><img src="https://siyu.brand.example/t/o/12.o.abc" width="1" height="1" alt="" />' +
      "<IMG alt='shoe' SRC='http://cdn.example/shoe.png' srcset=\"https://cdn.example/shoe@2x.png 2x\">";
    expect(withoutRemoteImages(html)).toBe('<p>Hi</p><img width="1" height="1" alt="" /><IMG alt=\'shoe\'>');
  });

  it('keeps images written into the message and everything that is not an image', () => {
    const html = '<img src="data:image/gif;base64,R0lGOD"><a href="https://shop.example/">src="x"</a>';
    expect(withoutRemoteImages(html)).toBe(html);
  });
});
