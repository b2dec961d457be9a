/** The contracts live in ../contracts (shared with the cloud functions); services import them from here. */
export * from '../contracts';
