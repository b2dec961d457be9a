import { fromCloudFailure, type Transport } from './transport';

/** Production: `wx.cloud.callFunction`, WeChat supplies the caller's identity. */
export const wxCloudTransport: Transport = async ({ name, data }) => {
  try {
    const response = await wx.cloud.callFunction({ name, data });
    return response.result;
  } catch (failure) {
    throw fromCloudFailure(failure);
  }
};
