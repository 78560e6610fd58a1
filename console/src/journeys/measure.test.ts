import { describe, expect, it } from 'vitest';
import type { NodeCount } from './api';
import { countsOf, messageFigures } from './measure';

const mail = { sent: 4, delivered: 4, opened: 2, clicked: 1, converted: 1, revenue: 88 };
const nodes: NodeCount[] = [
  { version: 1, node: 'mail', passed: 9, waiting: 0, exited: 0, messages: { ...mail, sent: 9 } },
  { version: 2, node: 'mail', passed: 4, waiting: 0, exited: 0, messages: mail },
  { version: 2, node: 'order', passed: 4, waiting: 2, exited: 1 },
];

describe('the live counts', () => {
  it('are those of the version shown, with message figures only on nodes that sent messages', () => {
    const counts = countsOf(nodes, 2);
    expect([...counts.keys()]).toEqual(['mail', 'order']);
    expect(counts.get('mail')).toEqual({ passed: 4, waiting: 0, exited: 0, messages: mail });
    expect(counts.get('order')).toEqual({ passed: 4, waiting: 2, exited: 1 });
    expect(countsOf(nodes, undefined).size).toBe(0);
  });

  it('show a message node sent, opened, clicked and converted, each but the first with its share of those sent', () => {
    expect(messageFigures(mail)).toEqual([
      { figure: 'sent', value: 4 },
      { figure: 'opened', value: 2, ofSent: 0.5 },
      { figure: 'clicked', value: 1, ofSent: 0.25 },
      { figure: 'converted', value: 1, ofSent: 0.25 },
    ]);
    expect(messageFigures({ ...mail, sent: 0, opened: 0, clicked: 0, converted: 0 })[1].ofSent).toBeUndefined();
  });
});
