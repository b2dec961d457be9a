export const CLOUD_ENV_ID: string = '';
export const CLOUD_SUBSCRIBE_TEMPLATES: { merchantReview: string; orderShipped: string } = { merchantReview: '', orderShipped: '' };
