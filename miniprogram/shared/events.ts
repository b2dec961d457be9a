/** Event types pages receive from WXML. */

/** A tap on an element carrying `data-*` attributes, read from `currentTarget.dataset`. */
export type DatasetEvent<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  WechatMiniprogram.IAnyObject,
  WechatMiniprogram.IAnyObject,
  D
>;

/** A TDesign component event with a `detail`. */
export type DetailEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<T>;
