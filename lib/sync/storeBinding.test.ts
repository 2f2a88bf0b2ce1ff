import { PageRecordType, type TLPage, type TLRecord } from '@tldraw/tlschema'
import { describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { metaKey, readSchema } from '../ydoc/layout.ts'
import { upgradeBoardSchema } from '../ydoc/schemaUpgrade.ts'
import { IncompatibleBoardError, bindStoreToDoc, boardRecords } from './storeBinding.ts'
import { createTestStore, linkDocs, mountLikeEditor } from './testStores.ts'

const page = (name: string, index = 'a2') => PageRecordType.create({ name, index: index as TLPage['index'] })

/** A board's document as the server hands it out: with its page and the schema. */
function boardDoc(): Y.Doc {
  const doc = new Y.Doc()
  upgradeBoardSchema(doc)
  return doc
}

function participant(doc = boardDoc()) {
  const store = createTestStore()
  const binding = bindStoreToDoc(store, doc)
  mountLikeEditor(store)
  return { doc, store, binding }
}

describe('the tldraw store and the board document', () => {
  test('a page one participant adds, renames and deletes does the same for the other', () => {
    const alice = participant()
    const bobDoc = new Y.Doc()
    linkDocs(alice.doc, bobDoc)
    const bob = participant(bobDoc)

    const flow = page('Checkout flow')
    alice.store.put([flow])
    expect(bob.store.get(flow.id)).toMatchObject({ name: 'Checkout flow' })

    alice.store.update(flow.id, (p) => ({ ...p, name: 'Payment flow' }))
    expect(bob.store.get(flow.id)).toMatchObject({ name: 'Payment flow' })

    bob.store.remove([flow.id])
    expect(alice.store.has(flow.id)).toBe(false)
  })

  test("another participant's change is merged as remote, so it never enters this user's undo history", () => {
    const alice = participant()
    const bobDoc = new Y.Doc()
    linkDocs(alice.doc, bobDoc)
    const bob = participant(bobDoc)
    const bobsOwnChanges: string[] = []
    bob.store.listen(({ changes }) => bobsOwnChanges.push(...Object.keys(changes.added)), { source: 'user', scope: 'document' })

    alice.store.put([page('Alice')])
    expect(bobsOwnChanges).toEqual([])
    bob.store.put([page('Bob', 'a3')])
    expect(bobsOwnChanges).toHaveLength(1)
  })

  test('someone joining a board sees what is on it, and joining changes nothing in the document', () => {
    const alice = participant()
    const flow = page('Checkout flow')
    alice.store.put([flow])
    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(alice.doc))
    let updates = 0
    late.on('update', () => updates++)

    const carol = participant(late)
    expect(carol.store.get(flow.id)).toMatchObject({ name: 'Checkout flow' })
    expect(updates).toBe(0)
  })

  test('only document records are shared, never one user’s camera or selection', () => {
    const alice = participant()
    const shared = [...boardRecords(alice.doc).map.values()].map(({ val }) => val.typeName)
    expect(new Set(shared)).toEqual(new Set(alice.store.allRecords().filter((r) => alice.store.scopedTypes.document.has(r.typeName)).map((r) => r.typeName)))
    expect(shared).not.toContain('camera')
    expect(shared).not.toContain('instance')
  })

  test('a board saved by a newer app is refused instead of being overwritten', () => {
    const alice = participant()
    const meta = alice.doc.getMap<{ schemaVersion: number; sequences: Record<string, number> }>(metaKey)
    const schema = meta.get('schema')!
    meta.set('schema', { ...schema, sequences: { ...schema.sequences, 'com.tldraw.page': 999 } })

    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(alice.doc))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => bindStoreToDoc(createTestStore(), late)).toThrow(IncompatibleBoardError)
    logged.mockRestore()
  })

  test('a record that fails validation is skipped and the sync goes on', () => {
    const alice = participant()
    const bobDoc = new Y.Doc()
    linkDocs(alice.doc, bobDoc)
    participant(bobDoc)
    const records = boardRecords(bobDoc)

    const broken = { ...page('Broken'), name: 42 } as unknown as TLRecord
    const fine = page('Fine', 'a4')
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    bobDoc.transact(() => {
      records.set(broken.id, broken)
      records.set(fine.id, fine)
    }, 'somebody else')
    expect(alice.store.has(broken.id)).toBe(false)
    expect(alice.store.get(fine.id)).toMatchObject({ name: 'Fine' })
    expect(warned).toHaveBeenCalledWith(expect.stringContaining(broken.id), expect.anything())
    warned.mockRestore()
  })

  test('a board whose stored records include one that fails validation opens with all the others', () => {
    const doc = boardDoc()
    const records = boardRecords(doc)
    const broken = { ...page('Broken'), name: 42 } as unknown as TLRecord
    const fine = [page('Fine', 'a4'), page('Also fine', 'a5')]
    doc.transact(() => {
      records.set(fine[0]!.id, fine[0]!)
      records.set(broken.id, broken)
      records.set(fine[1]!.id, fine[1]!)
    })
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { store } = participant(doc)
    expect(store.has(broken.id)).toBe(false)
    expect(fine.map((p) => store.get(p.id))).toMatchObject([{ name: 'Fine' }, { name: 'Also fine' }])
    expect(warned).toHaveBeenCalledTimes(1)
    warned.mockRestore()
  })

  test('clients never write the schema: a board without one is refused, an emptied one gets a page back and no schema write', () => {
    expect(() => bindStoreToDoc(createTestStore(), new Y.Doc())).toThrow(IncompatibleBoardError)

    const emptied = boardDoc()
    const records = boardRecords(emptied)
    emptied.transact(() => {
      for (const key of [...records.map.keys()]) records.delete(key)
    })
    const schemaBefore = readSchema(emptied)
    let metaWrites = 0
    emptied.getMap(metaKey).observe(() => metaWrites++)
    const carol = participant(emptied)
    expect(carol.store.allRecords().some((record) => record.typeName === 'page')).toBe(true)
    expect([...boardRecords(emptied).map.values()].map(({ val }) => val.typeName)).toContain('page')
    expect(metaWrites).toBe(0)
    expect(readSchema(emptied)).toEqual(schemaBefore)
  })

  test('after dispose the store and the document no longer follow each other', () => {
    const alice = participant()
    alice.binding.dispose()
    const flow = page('Late')
    alice.store.put([flow])
    expect(boardRecords(alice.doc).has(flow.id)).toBe(false)
  })
})
