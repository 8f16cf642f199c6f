import { request as httpRequest, createServer, Agent, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A small load balancer in front of several web instances, as an association's proxy would be: requests go
 * to each in turn; one an instance refuses (it is down) goes to the next, and so does a GET whose instance
 * died under it, as nginx's `proxy_next_upstream error` does. A POST cut off mid-way is not sent twice: it
 * answers 502, and the person sends the form again. Bodies are buffered (forms are small).
 */
export function startRoundRobin(port: number, upstreams: number[]): Promise<{ close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const again = error.code === 'ECONNREFUSED' || req.method === 'GET';
      if (again && !res.headersSent && tries < upstreams.length) return forward(req, res, body, tries + 1);
      if (!res.headersSent) res.writeHead(502).end('Bad gateway');
      else res.destroy();
    });
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 1));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
