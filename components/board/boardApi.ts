import type { OpenBoard } from './useBoardAccess'

/**
 * Calls `/api/boards/<id>/<path>` with the board's token as a bearer token
 * (never in the URL, where it would reach history and logs). Resolves with
 * the response; a refusal throws the server's `error` text.
 */
export async function boardFetch(board: Pick<OpenBoard, 'id' | 'token'>, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`/api/boards/${board.id}/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${board.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string }
    throw new Error(body.error ?? `the server answered ${response.status}`)
  }
  return response
}

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
