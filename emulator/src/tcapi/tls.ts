import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TlsFiles {
  /** The local CA: pass it to a client with NODE_EXTRA_CA_CERTS. */
  caFile: string;
  key: Buffer;
  cert: Buffer;
}

/** The Tencent Cloud API hosts the stand-in answers for (manager-node's services). */
export const TCAPI_HOSTS = ['tcb', 'scf', 'flexdb', 'vpc', 'cam'].map((s) => `${s}.tencentcloudapi.com`);

/**
 * A local CA and a certificate for *.tencentcloudapi.com signed by it, made once with openssl and
 * kept in `<dir>`. Only a process that trusts the CA (NODE_EXTRA_CA_CERTS) accepts the stand-in.
 */
export function ensureTls(dir: string): TlsFiles {
  fs.mkdirSync(dir, { recursive: true });
  const f = (n: string) => path.join(dir, n);
  if (!fs.existsSync(f('server.pem'))) {
    const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '3650', '-subj', '/CN=CloudMall emulator local CA']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=tencentcloudapi.com']);
    fs.writeFileSync(f('san.ext'), `subjectAltName=${['tencentcloudapi.com', '*.tencentcloudapi.com'].map((h) => `DNS:${h}`).join(',')}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
    run(['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem.tmp'), '-days', '3650', '-extfile', f('san.ext')]);
    fs.renameSync(f('server.pem.tmp'), f('server.pem'));
  }
  return { caFile: f('ca.pem'), key: fs.readFileSync(f('server.key')), cert: fs.readFileSync(f('server.pem')) };
}
