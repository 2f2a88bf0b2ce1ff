import type { Editor, TLRecord, TLShapeId } from 'tldraw'
import { type BoardModel, buildBoardModel } from '@/lib/model/boardModel'

/** The board's document records, as the server's model reads them. */
export function documentRecords(editor: Editor): TLRecord[] {
  const { document } = editor.store.scopedTypes
  return editor.store.allRecords().filter((record) => document.has(record.typeName))
}

export function currentModel(editor: Editor): BoardModel {
  return buildBoardModel(documentRecords(editor))
}

/** Model element ids are shape ids without their prefix. */
export const shapeIdOf = (elementId: string) => `shape:${elementId}` as TLShapeId

/** Selects the stickies behind a problem and brings them into view; those deleted since are skipped. */
export function showElements(editor: Editor, elementIds: readonly string[]): void {
  const ids = elementIds.map(shapeIdOf).filter((id) => editor.getShape(id))
  if (ids.length === 0) return
  editor.select(...ids)
  editor.zoomToSelection({ animation: { duration: 200 } })
}

/**
 * Calls back with a fresh value after document changes settle, not on every
 * keystroke; the first time too, so a big board draws before it is read.
 */
export function onDocumentSettled(editor: Editor, delayMs: number, callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const settle = () => {
    clearTimeout(timer)
    timer = setTimeout(callback, delayMs)
  }
  const stop = editor.store.listen(settle, { scope: 'document' })
  settle()
  return () => {
    clearTimeout(timer)
    stop()
  }
}
