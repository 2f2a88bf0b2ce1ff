'use client'

import { TldrawUiDialogBody, TldrawUiDialogCloseButton, TldrawUiDialogHeader, TldrawUiDialogTitle, type TLUiDialogProps } from 'tldraw'
import { keyboardHelp } from '@/lib/board/keyboardHelp'
import { facilitatorShortcutGroup } from '@/lib/facilitation/shortcuts'

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)

/** The keyboard help (`?`): the palette's keys, the facilitator's, and tldraw's main ones. A tldraw dialog: Escape closes it. */
export function KeyboardHelpDialog(_props: TLUiDialogProps) {
  const ctrl = isMac() ? '⌘' : 'Ctrl'
  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>Keyboard shortcuts</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody className="es-keyboard-help">
        {keyboardHelp([facilitatorShortcutGroup]).map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.keys.join('+')}>
                  <dt>
                    {shortcut.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && ' + '}
                        <kbd>{key === 'Ctrl' ? ctrl : key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </TldrawUiDialogBody>
    </>
  )
}
