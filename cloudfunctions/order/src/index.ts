import { defineFunction } from '../../../server/handler';
import { timeBudget } from '../../../server/sweep';
import config from '../config.json';
import { cancel } from './actions/cancel';
import { confirmReceipt } from './actions/confirm-receipt';
import { counts } from './actions/counts';
import { create } from './actions/create';
import { detail } from './actions/detail';
import { list } from './actions/list';
import { quote } from './actions/quote';
import { autoConfirm } from './timers/auto-confirm';
import { expireUnpaid } from './timers/expire-unpaid';
import { sweep } from './timers/sweep';

export const main = defineFunction(
  'order',
  { quote, create, list, detail, cancel, confirmReceipt, counts },
  {
    actions: {
      expireUnpaid: (_event, ctx) => expireUnpaid(ctx.now, timeBudget(config.timeout)),
      autoConfirm: (_event, ctx) => autoConfirm(ctx.now, timeBudget(config.timeout)),
      sweep: (_event, ctx) => sweep(ctx.now, timeBudget(config.timeout)),
    },
    timers: { sweep: 'sweep' },
  },
);
