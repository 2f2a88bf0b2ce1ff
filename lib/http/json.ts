import type { z } from 'zod'

/** JSON answers and bodies for route handlers: every error is `{"error": "<why>"}` with its status. */

export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status })
}

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

/** Reads a JSON body of at most `maxBytes`, without buffering more than that. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new BadRequest('the body must be JSON (Content-Type: application/json)', 415)
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw new BadRequest(`the body must be at most ${maxBytes} bytes`, 413)
  const text = await readText(request, maxBytes)
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest('the body is not valid JSON')
  }
}

/** Reads a JSON body of at most `maxBytes` and checks it against its schema; a body that fails is a 400 naming each problem. */
export async function readJsonRequest<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJsonBody(request, maxBytes))
  if (!parsed.success) {
    throw new BadRequest(parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '))
  }
  return parsed.data
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new BadRequest(`the body must be at most ${maxBytes} bytes`, 413)
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}
