import { defineFunction } from '../../../server/handler';
import { timeBudget } from '../../../server/sweep';
import config from '../config.json';
import { balance, statements } from './balance';
import { getCommission, setCommission } from './commission';
import { overview } from './overview';
import { recordRefunds } from './record-refunds';
import { settleDue } from './settle';
import { sweep } from './sweep';
import { approveWithdrawal, listWithdrawals, markWithdrawalPaid, myWithdrawals, rejectWithdrawal, requestWithdrawal } from './withdrawals';

export const main = defineFunction(
  'finance',
  { getCommission, setCommission, balance, statements, requestWithdrawal, myWithdrawals, listWithdrawals, approveWithdrawal, rejectWithdrawal, markWithdrawalPaid, overview },
  {
    // timer and internal calls only (SOURCE wx_trigger / scf): refused from the mini-program
    actions: {
      sweep: (_event, ctx) => sweep(ctx.now, timeBudget(config.timeout)),
      settleDue: (_event, ctx) => settleDue(ctx.now, timeBudget(config.timeout)),
      recordRefunds: (_event, ctx) => recordRefunds(ctx.now, timeBudget(config.timeout)),
    },
    timers: { sweep: 'sweep' },
  },
);
