export const CLOUD_ENV_ID: string = '';
