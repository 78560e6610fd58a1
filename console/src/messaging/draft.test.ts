import { describe, expect, it } from 'vitest';
import { draftOf, isWechat, opensLink, type Edited } from './TemplateEditPage';

const base: Edited = {
  key: 'k',
  name: 'n',
  channel: 'email',
  purpose: 'transactional',
  subject: 'Hi',
  html: '',
  text: 'Body',
  templateCode: '',
  signName: '',
  parameters: '',
  wechatTemplateId: '',
  page: '',
  link: '',
};

describe('draftOf', () => {
  it('sends a WeChat template its id, page and keys, and no HTML', () => {
    const draft = draftOf({
      ...base,
      channel: 'wechat_subscribe',
      html: '<p>ignored</p>',
      wechatTemplateId: ' tmpl-123456789 ',
      page: 'pages/order/detail?id={{data.order}}',
      parameters: 'thing1 = {{data.product}}\namount2 = {{data.total}}元',
      link: 'https://ignored.example',
    });

    expect(draft.html).toBeUndefined();
    expect(draft.link).toBeUndefined();
    expect(draft.wechat).toEqual({
      templateId: 'tmpl-123456789',
      page: 'pages/order/detail?id={{data.order}}',
      parameters: { thing1: '{{data.product}}', amount2: '{{data.total}}元' },
    });
  });

  it('gives an official-account message its link and an inbox message its link and HTML', () => {
    expect(draftOf({ ...base, channel: 'wechat_template', wechatTemplateId: 't', link: 'https://x.example/a' }).link).toBe(
      'https://x.example/a',
    );
    const inbox = draftOf({ ...base, channel: 'inbox', html: '<p>x</p>', link: ' https://x.example/b ' });
    expect(inbox).toMatchObject({ html: '<p>x</p>', link: 'https://x.example/b' });
    expect(draftOf({ ...base, link: 'https://x.example/c' }).link).toBeUndefined();
  });

  it('gives a push its title, body and link but never HTML', () => {
    const push = draftOf({ ...base, channel: 'push', subject: 'Hi', html: '<p>x</p>', link: ' https://x.example/p ' });
    expect(push).toMatchObject({ subject: 'Hi', link: 'https://x.example/p' });
    expect(push.html).toBeUndefined();
    expect(['push', 'inbox', 'wechat_template', 'email', 'sms'].filter(opensLink)).toEqual(['push', 'inbox', 'wechat_template']);
  });

  it('knows the WeChat channels', () => {
    expect(['wechat_subscribe', 'wechat_template', 'sms', 'inbox'].filter(isWechat)).toEqual(['wechat_subscribe', 'wechat_template']);
  });
});
