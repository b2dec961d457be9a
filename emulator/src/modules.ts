import type { EmulatorModule, ModuleContext } from './types';

/** Modules beyond the database and functions core: cloudPay/openapi and storage. */
export const extraModules: Array<(ctx: ModuleContext) => EmulatorModule> = [];
