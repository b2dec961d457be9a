export { Emulator, EMULATOR_VERSION, type EmulatorOptions } from './emulator';
export { CloudBaseError } from './http/errors';
export type * from './types';
export { connectSdk, sdkEnv } from './sdk-env';
