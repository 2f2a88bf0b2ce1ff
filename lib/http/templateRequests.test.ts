import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { signCapability } from '../auth/capabilityToken.ts'
import { setLinkKey } from '../auth/linkKey.ts'
import type { Role } from '../auth/roles.ts'
import { exportBoard } from '../boardFile/exportBoard.ts'
import { importBoard } from '../boardFile/importBoard.ts'
import { listAudit } from '../db/auditLog.ts'
import { type Database, setDatabase } from '../db/client.ts'
import { openTestDatabase, testDatabaseKinds } from '../db/testing.ts'
import { builtinContent, findBuiltinTemplate } from '../templates/builtinTemplates.ts'
import { toBoardFile } from '../boardFile/boardFile.ts'
import { startFromTemplate, templateLimits } from '../templates/templates.ts'
import { deleteTemplateAnswer, listTemplatesAnswer, saveTemplateAnswer, templatePreviewAnswer } from './templateRequests.ts'

const key = Buffer.alloc(32, 7)
const otherServerKey = Buffer.alloc(32, 9)
const token = (boardId: string, role: Role, signingKey = key) => signCapability(signingKey, { boardId, role, generation: 0 })
const createKey = 'create-key-0123456789'

const url = (path: string) => `http://localhost${path}`
const bearer = (value: string | undefined): Record<string, string> => (value ? { authorization: `Bearer ${value}` } : {})
const list = (authorization?: string) => listTemplatesAnswer(new Request(url('/api/templates'), { headers: bearer(authorization) }))
const save = (body: unknown, authorization?: string, contentType = 'application/json') =>
  saveTemplateAnswer(
    new Request(url('/api/templates'), {
      method: 'POST',
      headers: { 'content-type': contentType, ...bearer(authorization) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
const remove = (id: string, authorization?: string) => deleteTemplateAnswer(new Request(url(`/api/templates/${id}`), { method: 'DELETE', headers: bearer(authorization) }), id)
const preview = (id: string, authorization?: string) => templatePreviewAnswer(new Request(url(`/api/templates/${id}/preview`), { headers: bearer(authorization) }), id)

interface Listed {
  id: string
  name: string
  description: string
  builtIn: boolean
  preview: string
}
const listed = async (authorization?: string) => ((await (await list(authorization)).json()) as { templates: Listed[] }).templates
const savedIds = async (authorization?: string) => (await listed(authorization)).filter((t) => !t.builtIn).map((t) => t.id)

describe.each(testDatabaseKinds)('the templates API on %s', (kind) => {
  let db: Database
  let closeDatabase: (() => Promise<void>) | undefined
  let boardId: string

  beforeAll(async () => {
    const opened = await openTestDatabase(kind)
    db = opened.db
    closeDatabase = opened.close
    setDatabase(db)
    setLinkKey(key)
    boardId = (await importBoard(db, toBoardFile(builtinContent(findBuiltinTemplate('online-shop')!)), 'Checkout workshop')).id
  })

  afterEach(() => {
    delete process.env.CREATE_TOKEN
  })

  afterAll(async () => {
    await closeDatabase?.()
  })

  const saveShop = async (name = 'Our checkout') => {
    const response = await save({ boardId, name, description: 'Where we ended on Friday' }, token(boardId, 'facilitator'))
    expect(response.status).toBe(201)
    return (await response.json()) as { template: Listed; deleteToken: string }
  }

  test('the built-in templates are listed to anyone, each with its preview picture', async () => {
    process.env.CREATE_TOKEN = createKey
    const templates = await listed()
    expect(templates.map((t) => [t.id, t.builtIn])).toEqual([
      ['big-picture', true],
      ['process-level', true],
      ['software-design', true],
      ['online-shop', true],
    ])
    const picture = await preview('online-shop')
    expect(picture.status).toBe(200)
    expect(picture.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(picture.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(await picture.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*Payment Provider/)
  })

  test('a facilitator saves the board as a template, and a new board started from it has the same content', async () => {
    const { template, deleteToken } = await saveShop()
    expect(template).toMatchObject({ name: 'Our checkout', description: 'Where we ended on Friday', builtIn: false, preview: `/api/templates/${template.id}/preview` })
    expect(deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await savedIds()).toContain(template.id)

    const started = await startFromTemplate(db, template.id, 'Checkout, second day')
    const [original, copy] = await Promise.all([exportBoard(db, boardId), exportBoard(db, started.id)])
    expect(copy).toEqual({ ...original, name: 'Checkout, second day' })
    expect((await preview(template.id)).status).toBe(200)
  })

  test('saving is written to the board’s audit log with the facilitator’s role', async () => {
    const { template } = await saveShop('Audited')
    const events = await listAudit(db, boardId)
    expect(events.find((e) => e.action === 'template.saved')).toMatchObject({ role: 'facilitator', detail: { templateId: template.id, name: 'Audited' } })
  })

  test('a participant or viewer may not save the board as a template, nor a forged or foreign link', async () => {
    const body = { boardId, name: 'Mine now', description: '' }
    const before = await savedIds()
    expect((await save(body, token(boardId, 'participant'))).status).toBe(403)
    expect((await save(body, token(boardId, 'viewer'))).status).toBe(403)
    expect((await save(body)).status).toBe(401)
    expect((await save(body, token(boardId, 'facilitator', otherServerKey))).status).toBe(401)
    expect((await save(body, `${token(boardId, 'facilitator').slice(0, -2)}AA`)).status).toBe(401)
    const other = (await importBoard(db, toBoardFile(builtinContent(findBuiltinTemplate('big-picture')!)))).id
    expect((await save(body, token(other, 'facilitator'))).status).toBe(403)
    expect((await save({ ...body, boardId: 'NoSuchBoard1' }, token('NoSuchBoard1', 'facilitator'))).status).toBe(404)
    expect(await savedIds()).toEqual(before)
  })

  test('a malformed, oversized or unexpected body is refused with the reason, and nothing is saved', async () => {
    const facilitator = token(boardId, 'facilitator')
    const before = await savedIds()
    const refusal = async (response: Response) => [response.status, ((await response.json()) as { error: string }).error]
    expect(await refusal(await save('{"boardId": ', facilitator))).toEqual([400, 'the body is not valid JSON'])
    expect(await refusal(await save({ boardId, name: 'x' }, facilitator, 'text/plain'))).toEqual([415, 'the body must be JSON (Content-Type: application/json)'])
    expect((await save({ boardId, name: 'x', description: 'd'.repeat(20_000) }, facilitator)).status).toBe(413)
    expect(await refusal(await save({ boardId, name: ' ' }, facilitator))).toEqual([400, 'name must not be empty'])
    expect(await refusal(await save({ boardId, name: 'n'.repeat(121) }, facilitator))).toEqual([400, 'name must be at most 120 characters'])
    expect(await refusal(await save({ boardId, name: 'x', description: 'd'.repeat(2001) }, facilitator))).toEqual([400, 'description must be at most 2000 characters'])
    expect((await save({ boardId, name: 'x', content: '<svg/>' }, facilitator)).status).toBe(400)
    expect(await refusal(await save({ boardId: '../../etc', name: 'x' }, facilitator))).toEqual([400, 'boardId is not a board id'])
    expect((await save([boardId], facilitator)).status).toBe(400)
    expect(await savedIds()).toEqual(before)
  })

  test('a board too big for a template is refused, and so is one more template than the server keeps', async () => {
    const big = { ...builtinContent(findBuiltinTemplate('big-picture')!), elements: Array.from({ length: 600 }, (_, i) => ({ id: `e${i}`, kind: 'event' as const, text: 'x'.repeat(2000), x: i * 200, y: 0 })) }
    const bigBoard = (await importBoard(db, toBoardFile(big))).id
    const tooBig = await save({ boardId: bigBoard, name: 'Everything' }, token(bigBoard, 'facilitator'))
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: string }).error).toMatch(/^the board is too big for a template/)

    const room = templateLimits.saved - (await db.prisma.template.count())
    await db.prisma.template.createMany({
      data: Array.from({ length: room }, (_, i) => ({ id: `filler${i}`, name: `Filler ${i}`, description: '', content: toBoardFile(builtinContent(findBuiltinTemplate('big-picture')!)) as object, sourceBoardId: boardId })),
    })
    try {
      expect((await save({ boardId, name: 'One too many' }, token(boardId, 'facilitator'))).status).toBe(409)
    } finally {
      await db.prisma.template.deleteMany({ where: { id: { startsWith: 'filler' } } })
    }
  })

  test('whoever saved a template deletes it with the token its saving answered; nobody else can', async () => {
    const mine = await saveShop('Mine')
    const theirs = await saveShop('Theirs')
    expect((await remove(mine.template.id)).status).toBe(401)
    expect((await remove(mine.template.id, theirs.deleteToken)).status).toBe(403)
    expect((await remove(mine.template.id, token(boardId, 'facilitator'))).status).toBe(403)
    expect((await remove(mine.template.id, 'A'.repeat(43))).status).toBe(403)
    expect(await savedIds()).toContain(mine.template.id)

    expect((await remove(mine.template.id, mine.deleteToken)).status).toBe(204)
    expect(await savedIds()).not.toContain(mine.template.id)
    expect(await savedIds()).toContain(theirs.template.id)
    expect((await remove(mine.template.id, mine.deleteToken)).status).toBe(404)
    expect((await preview(mine.template.id)).status).toBe(404)
  })

  test('built-in templates cannot be deleted, and malformed ids are refused before any lookup', async () => {
    expect((await remove('online-shop', 'anything')).status).toBe(403)
    expect((await remove('../boards', 'anything')).status).toBe(400)
    expect((await preview('<script>')).status).toBe(400)
    expect((await listed()).map((t) => t.id)).toContain('online-shop')
  })

  test('with a creation key, saved templates and their pictures are shown only to who holds it', async () => {
    const { template } = await saveShop('Behind the key')
    process.env.CREATE_TOKEN = createKey
    expect(await savedIds()).toEqual([])
    expect(await savedIds('wrong-key-0123456789')).toEqual([])
    expect(await savedIds(createKey)).toContain(template.id)
    expect((await preview(template.id)).status).toBe(401)
    expect((await preview(template.id, createKey)).status).toBe(200)
    expect((await preview('online-shop')).status).toBe(200)
  })

  test('a board started from an unknown template is refused with 404, and none is created', async () => {
    const before = await db.prisma.board.count()
    await expect(startFromTemplate(db, 'NoSuchTemplate', 'x')).rejects.toMatchObject({ status: 404 })
    expect(await db.prisma.board.count()).toBe(before)
  })
})
