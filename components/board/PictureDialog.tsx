'use client'

import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { fileSlug } from '@/lib/boardFile/boardFile'
import { boardPath } from '@/lib/boards/boardJson'
import { BoardDialog } from './BoardDialog'
import { download } from './boardApi'
import type { OpenBoard } from './useBoardAccess'

type Format = 'png' | 'svg'

/**
 * The board, or what is selected, as a picture drawn by tldraw in this
 * browser: fonts and colours embedded, nothing fetched, always on a light
 * background (for slides and paper). And the model as a page to print.
 */
export function PictureDialog({ board, onClose }: { board: OpenBoard; onClose(): void }) {
  const editor = useEditor()
  const selected = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const [scope, setScope] = useState<'board' | 'selection'>(selected.length > 0 ? 'selection' : 'board')
  const [error, setError] = useState<string>()

  async function save(format: Format) {
    setError(undefined)
    const ids = scope === 'selection' ? editor.getSelectedShapeIds() : [...editor.getCurrentPageShapeIds()]
    if (ids.length === 0) return setError('There is nothing to draw yet.')
    const options = { background: true, padding: 32, darkMode: false }
    try {
      const blob =
        format === 'svg'
          ? new Blob([(await editor.getSvgString(ids, options))?.svg ?? ''], { type: 'image/svg+xml' })
          : (await editor.toImage(ids, { ...options, format: 'png', pixelRatio: 2 })).blob
      const stem = `${fileSlug(board.name)}${scope === 'selection' ? '-selection' : ''}`
      await download(new Response(blob), `${stem}.${format}`)
    } catch (reason) {
      setError(`The picture could not be drawn: ${reason instanceof Error ? reason.message : String(reason)}`)
    }
  }

  return (
    <BoardDialog title="Picture of the board" className="es-picture" onClose={onClose}>
      <fieldset className="es-picture__scope">
        <label>
          <input type="radio" name="scope" checked={scope === 'board'} onChange={() => setScope('board')} /> The whole board
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'selection'} disabled={selected.length === 0} onChange={() => setScope('selection')} />{' '}
          The selection ({selected.length})
        </label>
      </fieldset>
      <div className="es-picture__formats">
        <button type="button" onClick={() => save('png')}>
          Download PNG
        </button>
        <button type="button" onClick={() => save('svg')}>
          Download SVG
        </button>
        <a href={`${boardPath(board.id)}/overview`} target="_blank" rel="noopener">
          Printable overview of the model
        </a>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </BoardDialog>
  )
}
