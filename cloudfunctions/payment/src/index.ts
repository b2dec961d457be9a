import { defineFunction } from '../../../server/handler';
import { onNotification } from './notification';
import { pay } from './pay';
import { retryRefunds } from './retry-refunds';
import { status } from './status';

export const main = defineFunction(
  'payment',
  { pay, status },
  {
    actions: {
      // the same handler as WeChat's notifications, for replaying one by hand (SOURCE scf only)
      callback: (event, ctx) => onNotification(event, ctx),
      retryRefunds: (_event, ctx) => retryRefunds(ctx.now),
    },
    timers: { retryRefunds: 'retryRefunds' },
    payCallback: onNotification,
  },
);
