/**
 * The one place cloud functions get wx-server-sdk from. `DYNAMIC_CURRENT_ENV` makes the same
 * bundle run in any env: the real one in production, the local emulator in development
 * (which redirects the SDK through TCB_CONTEXT_CNFG, see emulator/README.md).
 */
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** Loosely typed database handle: the SDK's typings are unions with callback overloads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = any;

export { cloud };
export const db: Db = cloud.database();
export const _: Db = db.command;
