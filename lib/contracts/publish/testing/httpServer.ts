import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** For tests: a real HTTP server on a free port of 127.0.0.1 that hands each whole request to `answer`. */

export interface ReceivedRequest {
  method: string
  /** The path as sent, still percent-encoded, without the query. */
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface RunningFake {
  url: string
  close(): Promise<void>
}

export async function startHttpServer(answer: (request: ReceivedRequest, response: ServerResponse) => void): Promise<RunningFake> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      answer({ method: request.method ?? 'GET', path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') }, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        // Clients keep connections alive; close them too, or close() waits for their timeout.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/** A URL nothing listens on: a free port, closed again. */
export async function unreachableUrl(): Promise<string> {
  const fake = await startHttpServer((_, response) => response.end())
  await fake.close()
  return fake.url
}
