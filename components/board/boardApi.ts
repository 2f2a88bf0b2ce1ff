import type { OpenBoard } from './useBoardAccess'

/** A refusal from the server: its `error` text, and its status for callers that act on it. */
export class BoardApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/**
 * Calls an API route with a token as a bearer token (never in the URL, where
 * it would reach history and logs). Resolves with the response; a refusal
 * throws the server's `error` text.
 */
export async function apiFetch(url: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      ...(token && { authorization: `Bearer ${token}` }),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string }
    throw new BoardApiError(body.error ?? `the server answered ${response.status}`, response.status)
  }
  return response
}

/** Calls `/api/boards/<id>/<path>` with the board's token. */
export const boardFetch = (board: Pick<OpenBoard, 'id' | 'token'>, path: string, init: RequestInit = {}): Promise<Response> =>
  apiFetch(`/api/boards/${board.id}/${path}`, board.token, init)

export const boardJson = async <T>(board: Pick<OpenBoard, 'id' | 'token'>, path: string, init?: RequestInit): Promise<T> =>
  (await (await boardFetch(board, path, init)).json()) as T

/** Saves what a response holds under the name its Content-Disposition gives. */
export async function download(response: Response, fallbackName: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = Object.assign(document.createElement('a'), { href: url, download: name })
  link.click()
  URL.revokeObjectURL(url)
}
