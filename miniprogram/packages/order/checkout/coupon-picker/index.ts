/**
 * The checkout's coupon picker, in a bottom popup: the quote's coupon options, usable ones first
 * to pick (tap again to drop), the others greyed out with the server's reason.
 *
 * Events: `toggle` {couponId}, `clear` (use none), `close`.
 */
import type { DatasetEvent, DetailEvent } from '../../../../shared/events';

Component({
  options: { addGlobalClass: true },

  properties: {
    visible: { type: Boolean, value: false },
    /** CouponOptionView[] (see ../view-model.ts). */
    options: { type: Array, value: [] },
  },

  methods: {
    onOptionTap(event: DatasetEvent<{ id?: string; usable?: boolean }>) {
      const { id, usable } = event.currentTarget.dataset;
      if (id && usable) this.triggerEvent('toggle', { couponId: id });
    },

    onClear() {
      this.triggerEvent('clear');
    },

    onClose() {
      this.triggerEvent('close');
    },

    onVisibleChange(event: DetailEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.triggerEvent('close');
    },
  },
});
