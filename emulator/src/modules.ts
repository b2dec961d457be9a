import type { EmulatorModule, ModuleContext } from './types';
import { createStorageModule } from './storage';
import { createWxApiModule } from './wxapi';

/** Modules beyond the database and functions core: cloud storage, cloudPay and openapi. */
export const extraModules: Array<(ctx: ModuleContext) => EmulatorModule> = [(ctx) => createStorageModule(ctx), (ctx) => createWxApiModule(ctx)];
