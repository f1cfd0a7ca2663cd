import http from 'node:http';

/**
 * The benchmark's client: Node's http with a keep-alive agent, the same transport the AWS SDK uses for the raw
 * calls it is compared with. (`fetch` costs about 0.6 ms more per request here, which would be charged to the
 * API though it is the client's.) Reads the whole body, fails on any non-2xx status.
 */
export function benchClient(baseUrl: string, token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (path: string) =>
    new Promise<string>((resolve, reject) => {
      http.get(`${baseUrl}${path}`, { agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 500) >= 300) reject(new Error(`${path}: ${response.statusCode} ${body.slice(0, 200)}`));
          else resolve(body);
        });
      }).on('error', reject);
    });
}
