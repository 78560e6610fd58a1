import type { Schemas } from '../shared/api/schemas';
import type { NodeCount } from './api';

/** What became of the messages a node sent, as the report counts them. */
export type NodeMessages = Schemas['JourneyNodeMessages'];

/**
 * A node of the live version: customers who passed it, wait there now and ended their journey there, and for a node
 * that sends messages, what became of them.
 */
export interface Counts {
  passed: number;
  waiting: number;
  exited: number;
  messages?: NodeMessages;
}

export const NO_COUNTS: Counts = { passed: 0, waiting: 0, exited: 0 };

/** The report's counts of one version, by node. */
export function countsOf(nodes: readonly NodeCount[], version: number | undefined): Map<string, Counts> {
  const byNode = new Map<string, Counts>();
  for (const count of nodes) {
    if (count.version === version) {
      byNode.set(count.node, {
        passed: count.passed,
        waiting: count.waiting,
        exited: count.exited,
        ...(count.messages ? { messages: count.messages } : {}),
      });
    }
  }
  return byNode;
}

/** The message figures a card shows, in order, each with its share of the messages sent where that means something. */
export type MessageFigure = 'sent' | 'opened' | 'clicked' | 'converted';

export function messageFigures(messages: NodeMessages): { figure: MessageFigure; value: number; ofSent?: number }[] {
  const share = (value: number) => (messages.sent > 0 ? value / messages.sent : undefined);
  return [
    { figure: 'sent', value: messages.sent },
    { figure: 'opened', value: messages.opened, ofSent: share(messages.opened) },
    { figure: 'clicked', value: messages.clicked, ofSent: share(messages.clicked) },
    { figure: 'converted', value: messages.converted, ofSent: share(messages.converted) },
  ];
}
