/**
 * One raw Tencent Cloud API call through @cloudbase/manager-node, for tests that change an env behind
 * deploy's back (drop an index, loosen a rule). Run as a child process so NODE_EXTRA_CA_CERTS and
 * http_proxy point it at the emulator's stand-in: `tsx tcapi-call.ts <envId> <service> <version> <Action> '<json>'`.
 */
import CloudBase from '@cloudbase/manager-node';

async function main(): Promise<void> {
  const [envId, service, version, action, json] = process.argv.slice(2);
  const app = new CloudBase({ secretId: 'test', secretKey: 'test', envId });
  const res = await app.commonService(service, version).call({ Action: action, Param: JSON.parse(json) });
  console.log(JSON.stringify(res));
}

main().catch((e) => {
  console.error(String((e as Error)?.message ?? e));
  process.exit(1);
});
