/** The look of WeChat's window around the page (chrome/render.ts): a 375x667 phone. */
export const PHONE_CSS = `
.pv-phone {
  position: relative; width: 375px; height: 667px; overflow: hidden; display: flex; flex-direction: column;
  background: #ffffff; font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #000;
}
.pv-phone button { font: inherit; color: inherit; background: none; border: 0; padding: 0; margin: 0; cursor: pointer; }
.pv-phone svg.pv-icon { display: block; width: 1em; height: 1em; }
#pv-top { flex: none; }
.pv-top { position: relative; z-index: 2; }
.pv-statusbar { height: 20px; display: flex; justify-content: center; align-items: center; font-size: 12px; font-weight: 600; position: relative; }
.pv-statusbar__right { position: absolute; right: 10px; font-size: 11px; }
.pv-navbar { height: 44px; position: relative; display: flex; align-items: center; justify-content: center; }
.pv-nav-button { position: absolute; left: 0; top: 0; width: 44px; height: 44px; display: flex; align-items: center; justify-content: center; font-size: 26px; }
.pv-title { max-width: 180px; font-size: 17px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; display: flex; align-items: center; gap: 6px; }
.pv-capsule {
  position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box; border-radius: 16px;
  display: flex; align-items: center; justify-content: space-around; font-size: 14px; font-weight: 700;
  border: 0.5px solid rgba(0, 0, 0, 0.12); background: rgba(255, 255, 255, 0.6);
}
.pv-capsule i { width: 0.5px; height: 18px; background: rgba(0, 0, 0, 0.2); }
.pv-capsule--white { border-color: rgba(255, 255, 255, 0.25); background: rgba(0, 0, 0, 0.15); }
.pv-capsule--white i { background: rgba(255, 255, 255, 0.3); }
.pv-content { position: relative; flex: 1; min-height: 0; }
.pv-frame { display: block; width: 100%; height: 100%; border: 0; }
.pv-refresh { position: absolute; left: 0; right: 0; top: 0; height: 44px; display: flex; align-items: center; justify-content: center; gap: 8px; background: rgba(243, 243, 243, 0.95); }
.pv-refresh i { width: 6px; height: 6px; border-radius: 50%; background: #999; animation: pv-blink 1s infinite; }
.pv-refresh i:nth-child(2) { animation-delay: 0.2s; }
.pv-refresh i:nth-child(3) { animation-delay: 0.4s; }
#pv-tabbar { flex: none; }
.pv-tabbar { height: 50px; display: flex; border-top: 0.5px solid rgba(0, 0, 0, 0.33); box-sizing: border-box; }
.pv-tabbar--white { border-top-color: rgba(0, 0, 0, 0.05); }
.pv-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2px; font-size: 10px !important; }
.pv-tab img { width: 24px; height: 24px; display: block; }
#pv-overlays { position: absolute; inset: 0; pointer-events: none; z-index: 10; }
#pv-overlays > * { pointer-events: auto; }
.pv-mask { position: absolute; inset: 0; background: rgba(0, 0, 0, 0.6); }
.pv-mask--clear { background: transparent; }
.pv-toast {
  position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%); background: rgba(0, 0, 0, 0.7); color: #fff;
  border-radius: 8px; text-align: center; font-size: 15px; box-sizing: border-box; pointer-events: none;
}
.pv-toast--icon { width: 128px; min-height: 128px; padding: 24px 10px 12px; display: flex; flex-direction: column; align-items: center; gap: 10px; }
.pv-toast--icon svg.pv-icon { font-size: 44px; width: 44px; height: 44px; }
.pv-toast--icon p { margin: 0; line-height: 1.4; }
.pv-toast--text { max-width: 240px; padding: 10px 16px; line-height: 1.5; }
.pv-spinner { display: inline-block; width: 36px; height: 36px; border-radius: 50%; border: 3px solid rgba(255, 255, 255, 0.3); border-top-color: #fff; animation: pv-spin 0.8s linear infinite; box-sizing: border-box; }
.pv-spinner--small { width: 14px; height: 14px; border-width: 2px; border-color: rgba(0, 0, 0, 0.15); border-top-color: currentColor; }
.pv-modal {
  position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); width: 300px; background: #fff; border-radius: 12px;
  overflow: hidden; text-align: center;
}
.pv-modal__title { margin: 0; padding: 32px 24px 8px; font-size: 17px; font-weight: 700; }
.pv-modal__content { margin: 0; padding: 8px 24px 32px; font-size: 15px; color: rgba(0, 0, 0, 0.5); line-height: 1.4; white-space: pre-wrap; word-break: break-all; }
.pv-modal__input { display: block; width: calc(100% - 48px); margin: 8px 24px 24px; padding: 8px; box-sizing: border-box; font: inherit; border: 1px solid #e5e5e5; border-radius: 4px; }
.pv-modal__buttons { display: flex; border-top: 0.5px solid rgba(0, 0, 0, 0.1); }
.pv-modal__buttons button { flex: 1; height: 56px; font-size: 17px; font-weight: 700; color: #000; }
.pv-modal__buttons button + button { border-left: 0.5px solid rgba(0, 0, 0, 0.1); }
.pv-phone .pv-modal__confirm { color: #576b95; }
.pv-sheet { position: absolute; left: 0; right: 0; bottom: 0; background: #f7f7f7; border-radius: 12px 12px 0 0; overflow: hidden; }
.pv-sheet button { display: block; width: 100%; height: 56px; background: #fff; font-size: 17px; border-bottom: 0.5px solid rgba(0, 0, 0, 0.1); }
.pv-phone .pv-sheet__cancel { margin-top: 8px; border: 0; }
.pv-pay { position: absolute; left: 0; right: 0; bottom: 0; background: #fff; border-radius: 12px 12px 0 0; padding: 0 24px 32px; text-align: center; }
.pv-pay__head { height: 56px; display: flex; align-items: center; justify-content: center; font-size: 17px; font-weight: 600; position: relative; }
.pv-pay__close { position: absolute; left: -8px; top: 12px; width: 32px; height: 32px; font-size: 22px; display: flex; align-items: center; justify-content: center; }
.pv-pay__desc { margin: 8px 0 0; font-size: 15px; color: rgba(0, 0, 0, 0.6); }
.pv-pay__amount { margin: 8px 0 16px; font-size: 36px; font-weight: 700; }
.pv-pay__note { margin: 0 0 24px; font-size: 12px; color: rgba(0, 0, 0, 0.4); }
.pv-phone .pv-pay__confirm { display: block; width: 100%; height: 48px; border-radius: 8px; background: #07c160; color: #fff; font-size: 17px; font-weight: 600; }
.pv-phone .pv-pay__confirm[disabled] { opacity: 0.6; }
.pv-picker { position: absolute; left: 0; right: 0; bottom: 0; background: #fff; border-radius: 12px 12px 0 0; padding-bottom: 24px; }
.pv-picker__head { height: 52px; display: flex; justify-content: space-between; align-items: center; padding: 0 16px; }
.pv-phone .pv-picker__head button { font-size: 17px; color: rgba(0, 0, 0, 0.6); }
.pv-phone .pv-picker__head .pv-picker__confirm { color: #07c160; font-weight: 600; }
.pv-picker__fields { display: flex; gap: 8px; padding: 0 16px; }
.pv-picker__fields select, .pv-picker__fields input { flex: 1; min-width: 0; font: inherit; font-size: 16px; padding: 8px; border: 1px solid #e5e5e5; border-radius: 6px; box-sizing: border-box; }
.pv-preview { position: absolute; inset: 0; background: #000; display: flex; align-items: center; justify-content: center; }
.pv-preview img { max-width: 100%; max-height: 100%; }
@keyframes pv-spin { to { transform: rotate(360deg); } }
@keyframes pv-blink { 50% { opacity: 0.3; } }
`;
