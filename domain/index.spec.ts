import * as domain from './index';

describe('domain/index', () => {
  it('exports the public API of every module', () => {
    const expected = [
      'isFen', 'assertFen', 'sumFen', 'multiplyFen', 'fractionOf', 'percentOf', 'allocate',
      'ok', 'fail', 'unwrap',
      'DAY_MS', 'MINUTE_MS', 'isWithin', 'assertMillis',
      'defineMachine',
      'orderMachine', 'ORDER_STATES', 'UNPAID_TIMEOUT_MS', 'AUTO_CONFIRM_DAYS', 'isTerminal', 'orderPaymentAction',
      'unpaidDeadline', 'autoConfirmAt', 'isUnpaidTimedOut', 'isAutoConfirmDue',
      'paymentMachine', 'PAYMENT_STATES', 'paymentCallbackAction',
      'refundMachine', 'REFUND_STATES', 'REFUND_REASON_KINDS', 'refundResultAction', 'checkRefundAmount',
      'afterSaleMachine', 'AFTER_SALE_STATES', 'AFTER_SALE_TYPES', 'CLOSED_AFTER_SALE_STATES', 'isOpenAfterSale', 'approvalEvent',
      'lineAllowances', 'maxFenFor', 'afterSaleTypesFor', 'planAfterSale', 'isFullyRefunded',
      'snapshotTerms', 'couponCovers', 'COUPON_KINDS', 'couponKind', 'findCouponKind',
      'fixedCoupon', 'thresholdCoupon', 'percentCoupon',
      'validateTemplate', 'templateProblems', 'MAX_RELATIVE_VALIDITY_DAYS',
      'canClaim', 'validityFor', 'issueUserCoupon',
      'userCouponMachine', 'USER_COUPON_STATES', 'returnCoupon', 'effectiveCouponStatus',
      'evaluateCoupon',
      'MAX_LINE_QUANTITY', 'priceCheckout', 'shippingFor', 'suggestBestCoupons',
      'expandSkus', 'validateSpecs', 'specProblems', 'specText', 'skuKey', 'availableValues', 'findSku', 'MAX_SPEC_DIMENSIONS', 'MAX_SKUS',
      'BPS_DENOMINATOR', 'isBps', 'assertCommissionRates', 'commissionBpsFor', 'commissionAt', 'commissionFor',
      'LEDGER_ACCOUNTS', 'LEDGER_ENTRY_KINDS', 'assertLedgerEntry', 'sumEntries', 'accountTotal', 'balanceOf', 'statementOf', 'checkUniqueIds',
      'assertSettlementOrder', 'settlementSplit', 'reversedShare', 'remainingShare',
      'AFTER_SALE_WINDOW_DAYS', 'settlementDueAt', 'isSettlementDue', 'isSettled', 'refundedFenOf', 'settleOrder', 'refundOrder',
      'withdrawalMachine', 'WITHDRAWAL_STATES', 'requestWithdrawal', 'approveWithdrawal', 'markWithdrawalPaid', 'rejectWithdrawal',
    ];
    const missing = expected.filter((name) => !(name in domain));
    expect(missing).toEqual([]);
  });

  it('does not export internal pricing steps or test support', () => {
    for (const internal of ['applyCoupon', 'linePayable', 'seededRandom', 'makeTemplate', 'fenProblem']) {
      expect(internal in domain).toBe(false);
    }
  });
});
