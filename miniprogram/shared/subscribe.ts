/**
 * Asks the user to accept subscribe messages (`wx.requestSubscribeMessage`), which WeChat allows only
 * from a tap. Never throws and never blocks the action that follows: a refusal, a template the
 * console does not know, or an older base library only means no message later.
 */
export async function askForMessages(templateIds: string[], context: string): Promise<void> {
  if (typeof wx.requestSubscribeMessage !== 'function') return;
  try {
    await wx.requestSubscribeMessage({ tmplIds: templateIds } as WechatMiniprogram.RequestSubscribeMessageOption);
  } catch (failure) {
    console.warn(`[${context}] requestSubscribeMessage failed:`, failure);
  }
}
